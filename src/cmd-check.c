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
	struct json j;
	json_init(&j, &sb);
	json_object(&j, JSON_INLINE);
	json_kstring(&j, "file", file);
	if (rs) {
		rules_file_json(&j, rs);
	} else {
		json_key(&j, "rules_file");
		json_null(&j);
	}
	json_kbool(&j, "valid", valid);
	json_kint(&j, "problems", d->count);
	json_kint(&j, "warnings", d->warnings);
	if (an) {
		json_kint(&j, "paths", an->npaths);
		json_kint(&j, "step_branches", an->step_branches);
		json_kint(&j, "rules", rs->nrules);
		json_kint(&j, "questions", rs->nquestions);
		json_kint(&j, "steps", rs->nsteps);
	}
	json_key(&j, "diagnostics");
	diag_json(&j, d);
	json_end(&j);
	sb_addc(&sb, '\n');
	int status = write_stdout(sb.buf, sb.len);
	sb_release(&sb);
	return status ? status : valid ? 0 : EX_DATAERR;
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

int run_check(struct ctx *ctx, const struct cmd_args *a)
{
	struct check_options o = {
		.strict = args_has(a, OPT_STRICT),
		.json = args_choice(a, OPT_FORMAT) == 1,
	};
	int status;
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
