/* SPDX-License-Identifier: EUPL-1.2 */
/* opname questions: the fact vocabulary, for people who write case files by
 * hand or by script: ids, types, choices, texts, and the rules using each. */
#include <string.h>

#include "command.h"
#include "opname/fact.h"

static bool tests_fact(const struct ruleset *rs, int node, int fact)
{
	if (node < 0)
		return false;
	int end = node + rs->conds[node].size;
	for (int n = node; n < end; n++)
		if (rs->conds[n].kind == COND_TEST &&
		    (rs->conds[n].fact == fact || rs->conds[n].ref == fact))
			return true;
	return false;
}

/* Does rule r read the fact, in its condition or a conditional step's? */
static bool rule_uses(const struct ruleset *rs, int r, int fact)
{
	const struct rule *rule = &rs->rules[r];
	if (tests_fact(rs, rule->when, fact))
		return true;
	for (int s = 0; s < rule->nsteps; s++)
		if (tests_fact(rs, rule->steps[s].when, fact))
			return true;
	return false;
}

static void question_text(struct strbuf *sb, const struct ruleset *rs, int f, int lang)
{
	const struct question *q = &rs->questions[f];
	if (fact_type_of(q)->dated)
		sb_addf(sb, "%s (%s)\n  %s\n", q->id, fact_type_of(q)->summary,
			text_get(&q->text, lang));
	else if (fact_type_of(q)->ranged)
		sb_addf(sb, "%s (number: %d to %d%s%s, or unknown)\n  %s\n", q->id, (int)q->min,
			(int)q->max, q->unit.s[0] ? " " : "", text_get(&q->unit, lang),
			text_get(&q->text, lang));
	else
		sb_addf(sb, "%s (%s)\n  %s\n", q->id, fact_type_of(q)->summary,
			text_get(&q->text, lang));
	if (fact_has_choices(q)) {
		int width = 0;
		for (int c = 0; c < q->nchoices; c++)
			if ((int)strlen(q->choices[c].id) > width)
				width = (int)strlen(q->choices[c].id);
		sb_adds(sb, "  choices:\n");
		for (int c = 0; c < q->nchoices; c++)
			sb_addf(sb, "    %-*s  %s\n", width, q->choices[c].id,
				text_get(&q->choices[c].text, lang));
	}
	sb_adds(sb, "  used by:");
	int any = 0;
	for (int r = 0; r < rs->nrules; r++)
		if (rule_uses(rs, r, f))
			sb_addf(sb, "%s %s", any++ ? "," : "", rs->rules[r].id);
	sb_addf(sb, "%s\n  %s:", any ? "" : " (no rule)", source_label(rs, lang, UI_EN));
	for (int i = 0; i < q->nrefs; i++)
		sb_addf(sb, "%s %s", i ? "," : "", rs->parts[q->refs[i]].id);
	sb_addc(sb, '\n');
}

static void question_json(struct json *j, const struct ruleset *rs, int f, int lang)
{
	const struct question *q = &rs->questions[f];
	json_object(j, JSON_INLINE);
	json_kstring(j, "id", q->id);
	json_kstring(j, "type", fact_type_of(q)->name);
	if (fact_type_of(q)->ranged && !fact_type_of(q)->dated) {
		json_kint(j, "min", (int)q->min);
		json_kint(j, "max", (int)q->max);
	}
	json_key(j, "values");
	json_array(j, JSON_INLINE);
	fact_value vals[OPNAME_MAX_VALUES];
	/* A number's values are too many to list: its range says them. A
	 * set's are each choice alone (what --set completes), and unknown. */
	int nvals = fact_type_of(q)->ranged ? 0 : fact_values(q, vals);
	if (fact_type_of(q)->multi) {
		nvals = 0;
		for (int c = 0; c < q->nchoices; c++)
			vals[nvals++] = (fact_value)1 << c;
		vals[nvals++] = FV_UNKNOWN;
	}
	struct strbuf id = STRBUF_INIT;
	for (int c = 0; c < nvals; c++) {
		sb_reset(&id);
		fact_value_put(&id, q, vals[c]);
		json_string(j, id.buf);
	}
	sb_release(&id);
	json_end(j);
	json_key(j, "choices");
	json_array(j, JSON_INLINE);
	for (int c = 0; c < q->nchoices; c++) {
		json_object(j, JSON_INLINE);
		json_kstring(j, "id", q->choices[c].id);
		json_kstring(j, "text", text_get(&q->choices[c].text, lang));
		json_end(j);
	}
	json_end(j);
	json_kstring(j, "text", text_get(&q->text, lang));
	json_kstring(j, "help", q->help.s[0] ? text_get(&q->help, lang) : NULL);
	json_key(j, "refs");
	json_array(j, JSON_INLINE);
	for (int i = 0; i < q->nrefs; i++)
		json_string(j, rs->parts[q->refs[i]].id);
	json_end(j);
	json_key(j, "used_by");
	json_array(j, JSON_INLINE);
	for (int r = 0; r < rs->nrules; r++)
		if (rule_uses(rs, r, f))
			json_string(j, rs->rules[r].id);
	json_end(j);
	json_end(j);
}

int run_questions(struct ctx *ctx, const struct cmd_args *a)
{
	bool json = args_choice(a, OPT_FORMAT) == 1;
	int status;
	const struct ruleset *rs = ctx->rs;
	struct strbuf sb = STRBUF_INIT;
	struct json j;
	json_init(&j, &sb);
	if (json) {
		json_object(&j, JSON_INLINE);
		json_key(&j, "facts");
		json_array(&j, JSON_LINES);
	}
	for (int f = 0; f < rs->nquestions; f++) {
		if (json) {
			question_json(&j, rs, f, ctx->lang);
		} else {
			if (f)
				sb_addc(&sb, '\n');
			question_text(&sb, rs, f, ctx->lang);
		}
	}
	if (json) {
		json_end(&j);
		json_end(&j);
		sb_addc(&sb, '\n');
	}
	struct strbuf folded = STRBUF_INIT;
	if (!json)
		text_fold(&folded, sb.buf, stdout_width());
	status = json ? write_stdout(sb.buf, sb.len) : write_stdout(folded.buf, folded.len);
	sb_release(&folded);
	sb_release(&sb);
	return status;
}
