/* SPDX-License-Identifier: EUPL-1.2 */
/* The outcome for a person at a terminal: what 'decide' prints and what the
 * interview ends with. */
#include "opname/output.h"

#include "opname/fact.h"
#include "opname/text-expr.h"

const struct style style_plain = { "", "", "", "", "", "" };
const struct style style_ansi = { "\033[1m", "\033[32m", "\033[31m",
				  "\033[33m", "\033[2m", "\033[0m" };

const char *verdict_colour(const struct style *st, const struct ruleset *rs,
			   enum verdict v)
{
	if (v == VERDICT_INCOMPLETE)
		return st->amber; /* a terminal has no grey that reads as a verdict */
	switch (verdict_def(rs, v)->colour) {
	case COLOUR_GREEN:
		return st->green;
	case COLOUR_RED:
		return st->red;
	case COLOUR_GREY:
		return st->dim;
	default:
		return st->amber;
	}
}

const char *verdict_word(const struct ruleset *rs, enum verdict v, int lang,
			 enum ui_lang ul)
{
	const struct verdict_def *d = verdict_def(rs, v);
	if (d->text.s[0])
		return text_get(&d->text, lang);
	if (v == VERDICT_INCOMPLETE)
		return ui(ul, MSG_VERDICT_INCOMPLETE);
	return ui(ul, (enum ui_msg)(MSG_VERDICT_ALLOWED + v)); /* the defaults */
}

const char *source_label(const struct ruleset *rs, int lang, enum ui_lang ul)
{
	return rs->source_label.s[0] ? text_get(&rs->source_label, lang) : ui(ul, MSG_SOURCE);
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

void outcome_reason_put(struct strbuf *sb, const struct ruleset *rs,
			const struct outcome *o, int lang, enum ui_lang ul, bool iso)
{
	text_render(sb, rs, outcome_reason(rs, o, lang, ul), o, lang, iso);
}

void step_text_put(struct strbuf *sb, const struct ruleset *rs,
		   const struct outcome *o, int step, int lang, bool iso)
{
	text_render(sb, rs, text_get(&rs->steps[step].text, lang), o, lang, iso);
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
	sb_addf(sb, "%s%s%s%s\n\n", st->bold, verdict_colour(st, rs, o->verdict),
		verdict_word(rs, o->verdict, lang, ul), st->reset);
	sb_addf(sb, "%s%s:%s ", st->bold, ui(ul, MSG_WHY), st->reset);
	outcome_reason_put(sb, rs, o, lang, ul, false);
	sb_addc(sb, '\n');
	if (o->rule >= 0) {
		const struct rule *r = &rs->rules[o->rule];
		sb_addf(sb, "%s(%s %s; %s:", st->dim, ui(ul, MSG_RULE), r->id,
			source_label(rs, lang, ul));
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
	for (int i = 0; i < o->nsteps; i++) {
		sb_addf(sb, "  %d. ", i + 1);
		step_text_put(sb, rs, o, o->steps[i], lang, false);
		sb_addc(sb, '\n');
	}
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
	if (c->ref >= 0) { /* "decided after received + 4w" */
		static const char *const ops[] = { "?", "on", "not on", "before", "on or before",
						   "after", "on or after" };
		sb_addf(sb, "%s %s %s", q->id, ops[c->op], rs->questions[c->ref].id);
		if (c->shift_unit)
			sb_addf(sb, " %c %d%c", c->shift < 0 ? '-' : '+',
				c->shift < 0 ? -c->shift : c->shift, c->shift_unit);
		return;
	}
	fact_test_text(q, c, sb);
}

void cond_text(struct strbuf *sb, const struct ruleset *rs, int node)
{
	cond_text_in(sb, rs, node, UI_EN);
}
