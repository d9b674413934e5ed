/* opname check: is the rule file valid and complete? doas -C in spirit: load
 * it (every loader error, located), walk every path of answers, report every
 * problem, and answer with the exit status. */
#include "command.h"
#include "opname/analysis.h"
#include "opname/diag.h"

static int check(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int opt, r;
	while ((opt = cmd_getopt(&cmd_check, argc, argv, "h", opts)) != -1)
		if ((r = ctx_option(ctx, &cmd_check, opt, optarg)) != 0)
			return r == -1 ? EX_SOFTWARE : r;
	if (optind < argc)
		return usage_error(&cmd_check, "unexpected argument '%s': use --rules FILE",
				   argv[optind]);
	int status = ctx_rules(ctx); /* prints every loader error */
	if (status)
		return status;

	const struct ruleset *rs = ctx->rs;
	struct analysis an;
	analysis_run(&an, rs, 0);
	struct diag d;
	diag_init(&d, rs->file);
	int problems = analysis_problems(&an, &d);
	if (problems) {
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
	.synopsis = "",
	.summary = "validate the rule file: references, texts, and every path of answers",
	.help = "Loads the rule file (every error as FILE:LINE:COLUMN), then follows\n"
		"every path of answers the interview can take, unknown included, and\n"
		"reports rules that never decide, questions never asked, choices that\n"
		"never matter, steps never given and paths with no verdict.\n"
		"Exit status 0 when valid, 65 when not.\n\n"
		"options:\n",
	.exec = check,
};
