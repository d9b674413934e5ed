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

enum { OPT_SET = OPT_COMMAND_BASE, OPT_FORMAT, OPT_EXPLAIN };

static int decide(struct ctx *ctx, const struct cmd_args *args)
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

const struct command cmd_decide = {
	.name = "decide",
	.synopsis = "[CASEFILE|-] [--set FACT=VALUE]... [--format text|json] [--explain]",
	.summary = "decide one case from a case file and/or --set, asking nothing",
	.help = "With no CASEFILE and stdin not a terminal, the case is read from stdin;\n"
		"an empty stdin is no case file (so --set alone works under </dev/null).",
	.options = (const struct cmd_option[]){
		{ .name = "set", .id = OPT_SET, .value = VALUE_STRING, .arg = "FACT=VALUE",
		  .help = "add or override a fact (values: true, false, yes, no,\n"
		          "ja, nee, unknown, or a choice id); may be repeated" },
		{ .name = "format", .id = OPT_FORMAT, .value = VALUE_CHOICE, .arg = "text|json",
		  .help = "output for a person (default) or one JSON object" },
		{ .name = "explain", .id = OPT_EXPLAIN, .value = VALUE_NONE,
		  .help = "show each rule tried and the value of each condition" },
		{ 0 },
	},
	.max_args = 1,
	.args_hint = "one case file at a time: use 'opname batch' for more",
	.rules = true,
	.exec = decide,
};
