/* SPDX-License-Identifier: EUPL-1.2 */
/* opname check: is the rule file valid and complete? doas -C in spirit: load
 * it (every loader error, located), walk every path of answers, report every
 * problem, and answer with the exit status. --format json gives the same as
 * one object, every problem and warning a record, for CI scripts. */
#include <string.h>

#include "command.h"
#include "opname/analysis.h"
#include "opname/diag.h"
#include "opname/lint.h"

enum { OPT_STRICT = OPT_COMMAND_BASE, OPT_FORMAT };

struct check_options {
	bool strict, json;
};

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

/* {"file", "rules_file", "valid", "problems", "warnings", …,
 * "diagnostics": [records]}; the exit status as the text format's. */
static int check_json(const struct ruleset *rs, const char *file,
		      const struct diag *d, const struct analysis *an, bool strict)
{
	bool valid = !d->count && !(strict && d->warnings);
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
	sb_addf(&sb, ", \"valid\": %s, \"problems\": %d, \"warnings\": %d",
		valid ? "true" : "false", d->count, d->warnings);
	if (an)
		sb_addf(&sb, ", \"paths\": %ld, \"step_branches\": %ld, \"rules\": %d, \"questions\": %d, \"steps\": %d",
			an->npaths, an->step_branches, rs->nrules, rs->nquestions, rs->nsteps);
	sb_adds(&sb, ", \"diagnostics\": ");
	diag_json(&sb, d);
	sb_adds(&sb, "}\n");
	int status = write_stdout(sb.buf, sb.len);
	sb_release(&sb);
	return status ? status : valid ? 0 : EX_DATAERR;
}

static int parse_options(struct ctx *ctx, int argc, char **argv,
			 struct check_options *o)
{
	static const struct option opts[] = {
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "format", required_argument, NULL, OPT_FORMAT },
		GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int opt, r;
	while ((opt = cmd_getopt(&cmd_check, argc, argv, "h", opts)) != -1) {
		if (opt == OPT_STRICT) {
			o->strict = true;
		} else if (opt == OPT_FORMAT) {
			if (strcmp(optarg, "json") && strcmp(optarg, "text"))
				return usage_error(&cmd_check, "unknown format '%s': use text or json",
						   optarg);
			o->json = !strcmp(optarg, "json");
		} else if ((r = ctx_option(ctx, &cmd_check, opt, optarg)) != 0) {
			return r == -1 ? EX_SOFTWARE : r;
		}
	}
	if (optind < argc)
		return usage_error(&cmd_check, "unexpected argument '%s': use --rules FILE",
				   argv[optind]);
	return 0;
}

/* The text format: every message on stderr, then a count or the summary. */
static int check_text(const struct ruleset *rs, const struct diag *d,
		      const struct analysis *an, const struct lint_stats *st,
		      bool strict)
{
	diag_print(d);
	if (d->count) {
		fail(0, "%s: %d problem%s", rs->file, d->count, d->count == 1 ? "" : "s");
		return EX_DATAERR;
	}
	if (strict && d->warnings) {
		fail(0, "%s: %d warning%s, and --strict makes them problems", rs->file,
		     d->warnings, d->warnings == 1 ? "" : "s");
		return EX_DATAERR;
	}
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "%s %s: %ld paths", rs->name, rs->version, an->npaths);
	if (an->step_branches) /* docs/rules.md, "Steps analysed apart" */
		sb_addf(&sb, " (and %ld step branches)", an->step_branches);
	sb_addf(&sb, ", %d rules, %d questions, %d steps: all reachable\n",
		rs->nrules, rs->nquestions, rs->nsteps);
	plain_summary(&sb, rs, st);
	int status = write_stdout(sb.buf, sb.len);
	sb_release(&sb);
	return status;
}

static int check(struct ctx *ctx, int argc, char **argv)
{
	struct check_options o = { 0 };
	int status = parse_options(ctx, argc, argv, &o);
	if (status)
		return status;
	struct diag d;
	diag_init(&d, ctx->rules_path ? ctx->rules_path : "");
	if (o.json)
		ctx->rules_diag = &d; /* loader problems as records, not printed */
	status = ctx_rules(ctx);
	ctx->rules_diag = NULL;
	if (status) {
		if (o.json && d.count)
			status = check_json(NULL, d.file, &d, NULL, o.strict);
		diag_release(&d);
		return status;
	}

	const struct ruleset *rs = ctx->rs;
	struct analysis an;
	analysis_run(&an, rs, 0);
	diag_init(&d, rs->file);
	analysis_problems(&an, &d);
	struct lint_stats st;
	lint_rules(rs, &d, &st);
	status = o.json ? check_json(rs, rs->file, &d, &an, o.strict)
			: check_text(rs, &d, &an, &st, o.strict);
	diag_release(&d);
	analysis_release(&an);
	return status;
}

const struct command cmd_check = {
	.name = "check",
	.synopsis = "[--strict] [--format text|json]",
	.summary = "validate the rule file: references, texts, and every path of answers",
	.help = "Loads the rule file (every error as FILE:LINE:COLUMN), then follows\n"
		"every path of answers the interview can take, unknown included, and\n"
		"reports rules that never decide, questions never asked, choices that\n"
		"never matter, steps never given and paths with no verdict. Then it\n"
		"measures the prose texts against the file's plain-language limits and\n"
		"warns about long sentences and glossary terms no text uses.\n"
		"Exit status 0 when valid, 65 when not.\n\n"
		"options:\n"
		"  --strict          warnings are problems too (exit 65)\n"
		"  --format text|json  messages on stderr and a summary (default), or one\n"
		"                    JSON object on stdout: {\"file\", \"rules_file\",\n"
		"                    \"valid\", \"problems\", \"warnings\", \"paths\",\n"
		"                    \"step_branches\", \"rules\", \"questions\", \"steps\",\n"
		"                    \"diagnostics\": [{\"file\",\n"
		"                    \"line\", \"column\", \"severity\", \"message\"}]}\n",
	.exec = check,
};
