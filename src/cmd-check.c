/* opname check: is the rule file valid and complete? doas -C in spirit: load
 * it (every loader error, located), walk every path of answers, report every
 * problem, and answer with the exit status. */
#include "command.h"
#include "opname/analysis.h"
#include "opname/diag.h"
#include "opname/lint.h"

enum { OPT_STRICT = OPT_COMMAND_BASE };

/* "nl 9.6 words a sentence (longest 22), en 9.9 (longest 21)" */
static void plain_summary(struct strbuf *sb, const struct ruleset *rs,
			  const struct lint_stats *st)
{
	sb_adds(sb, "plain language:");
	for (int l = 0; l < rs->nlangs; l++)
		sb_addf(sb, "%s %s %.1f%s (longest %d)", l ? "," : "", rs->langs[l],
			st->sentences[l] ? (double)st->words[l] / (double)st->sentences[l] : 0.0,
			l ? "" : " words a sentence", st->longest[l]);
	sb_addf(sb, "; limits %d", rs->plain.max_words);
	if (rs->plain.mean_words)
		sb_addf(sb, ", mean %d", rs->plain.mean_words);
	sb_addc(sb, '\n');
}

static int check(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "strict", no_argument, NULL, OPT_STRICT },
		GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int opt, r;
	bool strict = false;
	while ((opt = cmd_getopt(&cmd_check, argc, argv, "h", opts)) != -1)
		if (opt == OPT_STRICT)
			strict = true;
		else if ((r = ctx_option(ctx, &cmd_check, opt, optarg)) != 0)
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
	struct lint_stats st;
	int warnings = lint_rules(rs, &d, &st);
	diag_print(&d);
	if (problems) {
		fail(0, "%s: %d problem%s", rs->file, problems, problems == 1 ? "" : "s");
		status = EX_DATAERR;
	} else if (strict && warnings) {
		fail(0, "%s: %d warning%s, and --strict makes them problems", rs->file,
		     warnings, warnings == 1 ? "" : "s");
		status = EX_DATAERR;
	} else {
		struct strbuf sb = STRBUF_INIT;
		sb_addf(&sb, "%s %s: %ld paths, %d rules, %d questions, %d steps: all reachable\n",
			rs->name, rs->version, an.npaths, rs->nrules, rs->nquestions,
			rs->nsteps);
		plain_summary(&sb, rs, &st);
		status = write_stdout(sb.buf, sb.len);
		sb_release(&sb);
	}
	diag_release(&d);
	analysis_release(&an);
	return status;
}

const struct command cmd_check = {
	.name = "check",
	.synopsis = "[--strict]",
	.summary = "validate the rule file: references, texts, and every path of answers",
	.help = "Loads the rule file (every error as FILE:LINE:COLUMN), then follows\n"
		"every path of answers the interview can take, unknown included, and\n"
		"reports rules that never decide, questions never asked, choices that\n"
		"never matter, steps never given and paths with no verdict. Then it\n"
		"measures the prose texts against the file's plain-language limits and\n"
		"warns about long sentences and glossary terms no text uses.\n"
		"Exit status 0 when valid, 65 when not.\n\n"
		"options:\n"
		"  --strict          warnings are problems too (exit 65)\n",
	.exec = check,
};
