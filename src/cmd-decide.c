/* opname decide: one case from a file and/or --set, no questions asked. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "opname/case.h"
#include "opname/engine.h"
#include "opname/safe-text.h"
#include "opname/rules.h"

enum { OPT_SET = OPT_COMMAND_BASE, OPT_FORMAT, OPT_EXPLAIN };

static int load_case(struct ctx *ctx, const char *path, struct arena *a,
		     struct case_file *c)
{
	size_t len;
	/* One byte past the limit, so that the reader reports the size. */
	char *buf = read_file(path, ylimits_case.size + 1, &len);
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	if (!buf) {
		if (errno == EFBIG)
			return fail(EX_DATAERR, "%s: larger than the limit of %zu bytes for a case",
				    name, ylimits_case.size);
		return fail(EX_NOINPUT, "%s: cannot read: %s", name, strerror(errno));
	}
	struct diag d;
	diag_init(&d, name);
	int rc = case_read(ctx->rs, buf, len, a, c, &d);
	free(buf);
	if (rc < 0)
		diag_print(&d);
	diag_release(&d);
	return rc < 0 ? EX_DATAERR : 0;
}

static void explain_json(struct strbuf *sb, const struct ruleset *rs,
			 const struct trace *t)
{
	sb_adds(sb, ", \"explain\": [");
	for (int r = 0; r < t->tried; r++) {
		const struct rule *rule = &rs->rules[r];
		sb_adds(sb, r ? ", {\"rule\": " : "{\"rule\": ");
		json_str(sb, rule->id);
		sb_adds(sb, ", \"value\": ");
		json_str(sb, tri_name(t->node[rule->when]));
		sb_adds(sb, ", \"conditions\": [");
		int end = rule->when + rs->conds[rule->when].size, first = 1;
		for (int n = rule->when; n < end; n++) {
			if (t->node[n] == TRI_NOT_EVALUATED)
				continue;
			struct strbuf c = STRBUF_INIT;
			cond_text(&c, rs, n);
			sb_adds(sb, first ? "{\"test\": " : ", {\"test\": ");
			json_str(sb, c.buf);
			sb_adds(sb, ", \"value\": ");
			json_str(sb, tri_name(t->node[n]));
			sb_addc(sb, '}');
			sb_release(&c);
			first = 0;
		}
		sb_adds(sb, "]}");
	}
	sb_addc(sb, ']');
}

static int decide(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "set", required_argument, NULL, OPT_SET },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	const char **sets = calloc((size_t)argc, sizeof *sets);
	int nsets = 0, json = 0, explain = 0, opt, r;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (opt == OPT_SET) {
			sets[nsets++] = optarg;
		} else if (opt == OPT_FORMAT) {
			if (!strcmp(optarg, "json"))
				json = 1;
			else if (!strcmp(optarg, "text"))
				json = 0;
			else {
				free(sets);
				return usage_error(&cmd_decide, "unknown format '%s': use text or json",
						   optarg);
			}
		} else if (opt == OPT_EXPLAIN) {
			explain = 1;
		} else if ((r = ctx_option(ctx, &cmd_decide, opt, optarg)) != 0) {
			free(sets);
			return r == -1 ? EX_SOFTWARE : r;
		}
	}
	if (argc - optind > 1) {
		free(sets);
		return usage_error(&cmd_decide, "one case file at a time: use 'opname batch' for more");
	}
	const char *path = optind < argc ? argv[optind] : NULL;
	int status = ctx_rules(ctx);
	if (status) {
		free(sets);
		return status;
	}
	struct arena *a = arena_new();
	struct case_file c;
	case_init(ctx->rs, &c);
	if (path)
		status = load_case(ctx, path, a, &c);
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; !status && i < nsets; i++) {
		if (case_set(ctx->rs, &c, sets[i], &sb) < 0)
			status = usage_error(&cmd_decide, "%s", sb.buf);
	}
	free(sets);
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
		sb_addc(&sb, '{');
		outcome_json_fields(&sb, ctx->rs, id, &o, ctx->lang, ctx->ui);
		if (explain)
			explain_json(&sb, ctx->rs, &t);
		sb_adds(&sb, "}\n");
	} else {
		outcome_text(&sb, ctx->rs, &o, ctx->lang, ctx->ui, stdout_style());
		if (explain) {
			sb_addc(&sb, '\n');
			explain_text(&sb, ctx->rs, &o, &t, ctx->ui);
		}
	}
	status = write_stdout(sb.buf, sb.len);
	sb_release(&sb);
	free(nodes);
	arena_free(a);
	return status ? status : verdict_status(o.verdict);
}

const struct command cmd_decide = {
	.name = "decide",
	.synopsis = "[CASEFILE|-] [--set FACT=VALUE]... [--format text|json] [--explain]",
	.summary = "decide one case from a case file and/or --set, asking nothing",
	.help = "options:\n"
		"  --set FACT=VALUE  add or override a fact (values: true, false, yes, no,\n"
		"                    ja, nee, unknown, or a choice id); may be repeated\n"
		"  --format text|json  output for a person (default) or one JSON object\n"
		"  --explain         show each rule tried and the value of each condition\n",
	.exec = decide,
};
