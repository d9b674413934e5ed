/* opname check: is the rule file valid and complete? doas -C in spirit: load
 * it (every loader error, located), walk every path of answers, report every
 * problem, and answer with the exit status. --format json gives the same as
 * one object, every problem a record, for CI scripts. */
#include <string.h>

#include "command.h"
#include "opname/analysis.h"
#include "opname/diag.h"

enum { OPT_FORMAT = OPT_COMMAND_BASE };

/* {"rules_file": …, "valid": …, "diagnostics": [records], …} */
static int check_json(const struct ruleset *rs, const char *file,
		      const struct diag *d, const struct analysis *an)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "{\"file\": ");
	json_str(&sb, file);
	if (rs) {
		sb_adds(&sb, ", \"rules_file\": {\"name\": ");
		json_str(&sb, rs->name);
		sb_adds(&sb, ", \"version\": ");
		json_str(&sb, rs->version);
		sb_adds(&sb, ", \"sha256\": ");
		json_str(&sb, rs->sha256);
		sb_adds(&sb, "}");
	} else {
		sb_adds(&sb, ", \"rules_file\": null");
	}
	sb_addf(&sb, ", \"valid\": %s, \"problems\": %d", d->count ? "false" : "true",
		d->count);
	if (an)
		sb_addf(&sb, ", \"paths\": %ld, \"rules\": %d, \"questions\": %d, \"steps\": %d",
			an->npaths, rs->nrules, rs->nquestions, rs->nsteps);
	sb_adds(&sb, ", \"diagnostics\": ");
	diag_json(&sb, d);
	sb_adds(&sb, "}\n");
	int status = write_stdout(sb.buf, sb.len);
	sb_release(&sb);
	return status ? status : d->count ? EX_DATAERR : 0;
}

static int parse_options(struct ctx *ctx, int argc, char **argv, bool *json)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int opt, r;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (opt == OPT_FORMAT) {
			if (!strcmp(optarg, "json"))
				*json = true;
			else if (strcmp(optarg, "text"))
				return usage_error(&cmd_check, "unknown format '%s': use text or json",
						   optarg);
		} else if ((r = ctx_option(ctx, &cmd_check, opt, optarg)) != 0) {
			return r == -1 ? EX_SOFTWARE : r;
		}
	}
	if (optind < argc)
		return usage_error(&cmd_check, "unexpected argument '%s': use --rules FILE",
				   argv[optind]);
	return 0;
}

static int check(struct ctx *ctx, int argc, char **argv)
{
	bool json = false;
	int status = parse_options(ctx, argc, argv, &json);
	if (status)
		return status;
	struct diag d;
	diag_init(&d, ctx->rules_path ? ctx->rules_path : "");
	if (json)
		ctx->rules_diag = &d; /* loader problems as records, not printed */
	status = ctx_rules(ctx);
	ctx->rules_diag = NULL;
	if (status) {
		if (json && d.count)
			status = check_json(NULL, d.file, &d, NULL);
		diag_release(&d);
		return status;
	}

	const struct ruleset *rs = ctx->rs;
	struct analysis an;
	analysis_run(&an, rs, 0);
	diag_init(&d, rs->file);
	int problems = analysis_problems(&an, &d);
	if (json) {
		status = check_json(rs, rs->file, &d, &an);
	} else if (problems) {
		diag_print(&d);
		fail(0, "%s: %d problem%s", rs->file, problems, problems == 1 ? "" : "s");
		status = EX_DATAERR;
	} else {
		struct strbuf sb = STRBUF_INIT;
		sb_addf(&sb, "%s %s: %ld paths, %d rules, %d questions, %d steps: all reachable\n",
			rs->name, rs->version, an.npaths, rs->nrules, rs->nquestions,
			rs->nsteps);
		status = write_stdout(sb.buf, sb.len);
		sb_release(&sb);
	}
	diag_release(&d);
	analysis_release(&an);
	return status;
}

const struct command cmd_check = {
	.name = "check",
	.synopsis = "[--format text|json]",
	.summary = "validate the rule file: references, texts, and every path of answers",
	.help = "Loads the rule file (every error as FILE:LINE:COLUMN), then follows\n"
		"every path of answers the interview can take, unknown included, and\n"
		"reports rules that never decide, questions never asked, choices that\n"
		"never matter, steps never given and paths with no verdict.\n"
		"Exit status 0 when valid, 65 when not.\n\n"
		"options:\n"
		"  --format text|json  messages on stderr and a summary (default), or one\n"
		"                    JSON object on stdout: {\"file\", \"rules_file\",\n"
		"                    \"valid\", \"problems\", \"paths\", \"rules\", \"questions\",\n"
		"                    \"steps\", \"diagnostics\": [{\"file\", \"line\", \"column\",\n"
		"                    \"message\"}]}\n",
	.exec = check,
};
