/* SPDX-License-Identifier: EUPL-1.2 */
/* The outcome for a person at a terminal: what 'decide' prints and what the
 * interview ends with. */
#include "opname/output.h"

const struct style style_plain = { "", "", "", "", "", "" };
const struct style style_ansi = { "\033[1m", "\033[32m", "\033[31m",
				  "\033[33m", "\033[2m", "\033[0m" };

const char *verdict_colour(const struct style *st, enum verdict v)
{
	switch (v) {
	case VERDICT_ALLOWED:
		return st->green;
	case VERDICT_NOT_ALLOWED:
		return st->red;
	default:
		return st->amber;
	}
}

const char *outcome_reason(const struct ruleset *rs, const struct outcome *o,
			   int lang, enum ui_lang ul)
{
	if (o->verdict == VERDICT_INCOMPLETE)
		return ui(ul, o->missing >= 0 ? MSG_INCOMPLETE_REASON : MSG_NO_RULE_REASON);
	if (o->by_unknown)
		return text_get(&rs->unknown.reason, lang);
	return text_get(&rs->rules[o->rule].reason, lang);
}

static void question_list(struct strbuf *sb, const struct ruleset *rs,
			  const uint16_t *facts, int n, int lang)
{
	for (int i = 0; i < n; i++)
		sb_addf(sb, "  - %s\n", text_get(&rs->questions[facts[i]].text, lang));
}

void outcome_text(struct strbuf *sb, const struct ruleset *rs,
		  const struct outcome *o, int lang, enum ui_lang ul,
		  const struct style *st)
{
	sb_addf(sb, "%s%s%s%s\n\n", st->bold, verdict_colour(st, o->verdict),
		ui(ul, (enum ui_msg)(MSG_VERDICT_ALLOWED + o->verdict)), st->reset);
	sb_addf(sb, "%s%s:%s %s\n", st->bold, ui(ul, MSG_WHY), st->reset,
		outcome_reason(rs, o, lang, ul));
	if (o->rule >= 0) {
		const struct rule *r = &rs->rules[o->rule];
		sb_addf(sb, "%s(%s %s; %s:", st->dim, ui(ul, MSG_RULE), r->id,
			ui(ul, MSG_SOURCE));
		for (int i = 0; i < o->nrefs; i++)
			sb_addf(sb, "%s %s", i ? ";" : "",
				text_get(&rs->parts[o->refs[i]].title, lang));
		sb_addf(sb, ")%s\n", st->reset);
	}
	if (o->nunknown) {
		sb_addf(sb, "\n%s:\n", ui(ul, MSG_UNKNOWN_FACTS));
		question_list(sb, rs, o->unknown, o->nunknown, lang);
	}
	if (o->missing >= 0) {
		uint16_t m = (uint16_t)o->missing;
		sb_addf(sb, "\n%s:\n", ui(ul, MSG_MISSING_FACT));
		question_list(sb, rs, &m, 1, lang);
	}
	if (o->verdict == VERDICT_INCOMPLETE)
		return;
	sb_addf(sb, "\n%s%s:%s\n", st->bold, ui(ul, MSG_NEXT_STEPS), st->reset);
	if (!o->nsteps)
		sb_addf(sb, "  %s\n", ui(ul, MSG_NO_STEPS));
	for (int i = 0; i < o->nsteps; i++)
		sb_addf(sb, "  %d. %s\n", i + 1,
			text_get(&rs->steps[o->steps[i]].text, lang));
}

void cond_text_in(struct strbuf *sb, const struct ruleset *rs, int node,
		  enum ui_lang ul)
{
	const struct cond *c = &rs->conds[node];
	if (c->kind != COND_TEST) {
		sb_adds(sb, ui(ul, (enum ui_msg)(MSG_COND_ALWAYS + c->kind)));
		return;
	}
	const struct question *q = &rs->questions[c->fact];
	if (q->type == FACT_BOOL) {
		sb_addf(sb, "%s = %s", q->id, c->accept & (1u << FV_TRUE) ? "true" : "false");
		return;
	}
	sb_addf(sb, "%s %s ", q->id, __builtin_popcountll(c->accept) > 1 ? "in" : "=");
	int first = 1;
	for (int i = 0; i < q->nchoices; i++) {
		if (c->accept >> i & 1) {
			sb_addf(sb, "%s%s", first ? "" : "|", q->choices[i].id);
			first = 0;
		}
	}
}

void cond_text(struct strbuf *sb, const struct ruleset *rs, int node)
{
	cond_text_in(sb, rs, node, UI_EN);
}
