/* SPDX-License-Identifier: EUPL-1.2 */
/* opname decide: one case from a file and/or --set, no questions asked. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "opname/case.h"
#include "opname/engine.h"
#include "opname/safe-text.h"
#include "opname/rules.h"

int run_decide(struct ctx *ctx, const struct cmd_args *args)
{
	bool json = args_choice(args, OPT_FORMAT) == 1, explain = args_has(args, OPT_EXPLAIN);
	const char *path = args->argc ? args->argv[0] : NULL;
	bool implicit = !path && !isatty(STDIN_FILENO);
	if (implicit)
		path = "-";
	int status = 0;
	struct arena *a = arena_new();
	struct case_file c;
	case_init(ctx->rs, &c);
	if (path)
		status = case_open(ctx->rs, path, implicit, a, &c, NULL);
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; !status && i < args->n; i++) {
		if (args->v[i].id == OPT_SET && case_set(ctx->rs, &c, args->v[i].arg, &sb) < 0)
			status = usage_error(&cmd_decide, "%s", sb.buf);
	}
	if (status) {
		sb_release(&sb);
		arena_free(a);
		return status;
	}

	struct outcome o;
	enum tri *nodes = explain ? calloc((size_t)ctx->rs->nconds + 1, sizeof *nodes) : NULL;
	struct trace t = { nodes, 0 };
	engine_decide(ctx->rs, c.facts, &o, explain ? &t : NULL);

	const char *id = c.id ? c.id : path ? path : "-";
	if (json && !c.id && !utf8_valid(id, strlen(id)))
		fail(0, "%s: the file name is not UTF-8: in the JSON its bad bytes are U+FFFD", id);
	sb_reset(&sb);
	if (json) {
		struct json j;
		json_init(&j, &sb);
		json_object(&j, JSON_INLINE);
		outcome_json(&j, ctx->rs, id, &o, ctx->lang, ctx->ui);
		if (explain) {
			json_key(&j, "explain");
			explain_json(&j, ctx->rs, &o, &t);
		}
		json_end(&j);
		sb_addc(&sb, '\n');
	} else {
		struct strbuf text = STRBUF_INIT;
		outcome_text(&text, ctx->rs, &o, ctx->lang, ctx->ui, stdout_style());
		if (explain) {
			sb_addc(&text, '\n');
			explain_text(&text, ctx->rs, &o, &t, ctx->ui);
		}
		text_fold(&sb, text.buf, stdout_width());
		sb_release(&text);
	}
	status = write_stdout(sb.buf, sb.len);
	sb_release(&sb);
	free(nodes);
	arena_free(a);
	return status ? status : verdict_status(ctx->rs, o.verdict);
}
