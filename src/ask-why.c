/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview's 'waarom' (why), as MYCIN's WHY: generated from the rules,
 * never from a reason text, since a reason is a conclusion that holds only
 * on its own path and would give the answer away before it is given. It
 * says which rule needs the answer (and the parts it comes from), what has
 * been established (the answers so far, the rules already ruled out), and
 * what each possible answer leads to: a verdict, or the next question. */
#include <string.h>

#include "ask.h"
#include "opname/analysis.h"
#include "opname/fact.h"

/* Does the condition at 'node' (with its subtree) read fact f? */
static bool cond_reads(const struct ruleset *rs, int node, int f)
{
	for (int n = node; n < node + rs->conds[node].size; n++)
		if (rs->conds[n].kind == COND_TEST &&
		    (rs->conds[n].fact == f || rs->conds[n].ref == f))
			return true;
	return false;
}

static void verdict_lower(struct strbuf *sb, const struct ruleset *rs,
			  enum verdict v, int lang, enum ui_lang ul)
{
	for (const char *p = verdict_word(rs, v, lang, ul); *p; p++)
		sb_addc(sb, *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p);
}

/* The step of rule r whose condition needs f, when r's own condition does
 * not: the rule holds already, and the answer only adds or drops the step. */
static int step_needing(const struct ruleset *rs, const struct rule *r, int f)
{
	if (cond_reads(rs, r->when, f))
		return -1;
	for (int i = 0; i < r->nsteps; i++)
		if (r->steps[i].when >= 0 && cond_reads(rs, r->steps[i].when, f))
			return r->steps[i].step;
	return -1;
}

/* "Regel C2 heeft dit antwoord nodig (Spelregel f: ...)", or for a rule
 * that holds already, the step whose condition needs the answer. */
static void who_needs(struct strbuf *sb, const struct ruleset *rs,
		      const struct outcome *o, int step, int lang, enum ui_lang ul)
{
	const struct rule *r = &rs->rules[o->missing_rule];
	struct strbuf parts = STRBUF_INIT, verdict = STRBUF_INIT;
	for (int i = 0; i < r->nrefs; i++)
		if (!r->ref_when || r->ref_when[i] < 0)
			sb_addf(&parts, "%s%s", parts.len ? "; " : "",
				text_get(&rs->parts[r->refs[i]].title, lang));
	if (step >= 0) {
		verdict_lower(&verdict, rs, r->verdict, lang, ul);
		ask_fill(sb, ul, AW_WHY_STEP, r->id, verdict.buf);
		sb_addc(sb, ' ');
		step_text_put(sb, rs, o, step, lang, false);
		sb_addc(sb, '\n');
	} else {
		ask_fill(sb, ul, AW_WHY, r->id, parts.buf);
		sb_addc(sb, '\n');
	}
	sb_release(&parts);
	sb_release(&verdict);
}

static void so_far(struct strbuf *sb, const struct interview *iv, int lang,
		   enum ui_lang ul)
{
	const struct ruleset *rs = iv->rs;
	if (iv->nanswers) {
		sb_addf(sb, "%s", ask_word(ul, AW_WHY_SO_FAR));
		for (int i = 0; i < iv->nanswers; i++) {
			int f = iv->order[i];
			sb_adds(sb, i ? " · " : " ");
			ask_answer_label(sb, rs, f, iv->facts[f], i + 1, lang, ul);
		}
		sb_addc(sb, '\n');
	}
	int upto = iv->outcome.missing_rule;
	if (upto > 0) {
		sb_addf(sb, "%s", ask_word(ul, AW_WHY_RULED_OUT));
		for (int r = 0; r < upto; r++)
			sb_addf(sb, "%s%s", r ? ", " : " ", rs->rules[r].id);
		sb_addc(sb, '\n');
	}
}

/* What answering v leads to, decided on a copy of the answers. */
static void leads_to(struct strbuf *sb, const struct interview *iv, int f,
		     fact_value v, int step, int lang, enum ui_lang ul)
{
	const struct ruleset *rs = iv->rs;
	fact_value facts[OPNAME_MAX_FACTS];
	memcpy(facts, iv->facts, (size_t)rs->nquestions * sizeof *facts);
	facts[f] = v;
	struct outcome o;
	engine_decide(rs, facts, &o, NULL);
	sb_adds(sb, "  - ");
	if (fact_type_of(&rs->questions[f])->multi && v > 0) /* it stands for its class */
		sb_addf(sb, "%s ", ask_word(ul, AW_FOR_EXAMPLE));
	ask_value_word(sb, rs, f, v, lang, ul);
	sb_adds(sb, ": ");
	if (o.verdict == VERDICT_INCOMPLETE && o.missing >= 0) {
		sb_addf(sb, "%s %s\n", ask_word(ul, AW_WHY_NEXT),
			text_get(&rs->questions[o.missing].text, lang));
		return;
	}
	verdict_lower(sb, rs, o.verdict, lang, ul);
	if (o.rule >= 0)
		sb_addf(sb, " (%s %s%s)", ui(ul, MSG_RULE), rs->rules[o.rule].id,
			o.by_unknown ? ask_word(ul, AW_WHY_BY_UNKNOWN) : "");
	if (step >= 0) {
		bool given = false;
		for (int i = 0; i < o.nsteps; i++)
			given |= o.steps[i] == step;
		sb_addf(sb, ", %s", ask_word(ul, given ? AW_WHY_WITH_STEP : AW_WHY_WITHOUT_STEP));
	}
	sb_addc(sb, '\n');
}

void ask_why(struct strbuf *sb, const struct interview *iv, int lang,
	     enum ui_lang ul)
{
	const struct ruleset *rs = iv->rs;
	const struct outcome *o = interview_outcome(iv);
	int f = interview_next(iv);
	if (f < 0 || o->missing_rule < 0) {
		sb_addf(sb, "%s\n", ask_word(ul, AW_WHY_NONE));
		return;
	}
	int step = step_needing(rs, &rs->rules[o->missing_rule], f);
	who_needs(sb, rs, o, step, lang, ul);
	so_far(sb, iv, lang, ul);
	sb_addf(sb, "%s\n", ask_word(ul, AW_WHY_LEADS));
	fact_value vals[OPNAME_MAX_VALUES];
	int n = analysis_values(&rs->questions[f], vals);
	for (int i = 0; i < n; i++)
		leads_to(sb, iv, f, vals[i], step, lang, ul);
}
