/* SPDX-License-Identifier: EUPL-1.2 */
/* What 'check' reports from a path analysis: every problem, located at the
 * rule, question, choice or step it concerns. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "opname/analysis.h"
#include "opname/fact.h"
#include "opname/output.h"

#define AT(x) (x)->pos.line, (x)->pos.col

/* ---- conditions that can never hold ---- */

/* The fact tests a conjunction requires, through nested all-conditions. */
static int conjuncts(const struct ruleset *rs, int node, int *out, int n, int max)
{
	const struct cond *c = &rs->conds[node];
	if (c->kind == COND_TEST && c->fact >= 0 && n < max) {
		out[n++] = node;
	} else if (c->kind == COND_ALL) {
		int kid = node + 1;
		for (int i = 0; i < c->nkids; i++, kid += rs->conds[kid].size)
			n = conjuncts(rs, kid, out, n, max);
	}
	return n;
}

/* Can two tests of one fact never both hold? Values with nothing in common;
 * 'unknown' and a value; for a set, any of M and none of a superset of M. */
static bool disjoint(const struct cond *a, const struct cond *b)
{
	/* a comparison with another date has no accept set of its own */
	if (a->ref >= 0 || b->ref >= 0)
		return false;
	if (a->form > b->form) {
		const struct cond *t = a;
		a = b;
		b = t;
	}
	if (a->form == FORM_VALUE && b->form == FORM_VALUE)
		return !(a->accept & b->accept);
	if (a->form == FORM_UNKNOWN || b->form == FORM_UNKNOWN)
		return a->form != b->form;
	return a->form == FORM_ANY_OF && b->form == FORM_NONE_OF &&
	       !(a->accept & ~b->accept);
}

/* An all-condition that tests one fact for values with nothing in common. */
static int contradiction(const struct ruleset *rs, int node, struct diag *d)
{
	int tests[256];
	int n = conjuncts(rs, node, tests, 0, 256);
	for (int j = 1; j < n; j++) {
		const struct cond *b = &rs->conds[tests[j]];
		for (int i = 0; i < j; i++) {
			const struct cond *a = &rs->conds[tests[i]];
			if (a->fact != b->fact || !disjoint(a, b))
				continue;
			struct strbuf ta = STRBUF_INIT, tb = STRBUF_INIT;
			cond_text(&ta, rs, tests[i]);
			cond_text(&tb, rs, tests[j]);
			diag_at(d, AT(b), "'%s' contradicts '%s' (line %d): this condition can never hold",
				tb.buf, ta.buf, a->pos.line);
			sb_release(&ta);
			sb_release(&tb);
			return 1;
		}
	}
	return 0;
}

static int visit_cond(const struct ruleset *rs, int node, bool in_all, struct diag *d)
{
	const struct cond *c = &rs->conds[node];
	int problems = 0;
	if (c->kind == COND_ALL && !in_all)
		problems += contradiction(rs, node, d);
	int kid = node + 1;
	for (int i = 0; i < c->nkids; i++, kid += rs->conds[kid].size)
		problems += visit_cond(rs, kid, c->kind == COND_ALL, d);
	return problems;
}

static int contradictions(const struct ruleset *rs, struct diag *d)
{
	int problems = 0;
	for (int r = 0; r < rs->nrules; r++) {
		const struct rule *rule = &rs->rules[r];
		problems += visit_cond(rs, rule->when, false, d);
		for (int i = 0; i < rule->nrefs; i++)
			if (rule->ref_when && rule->ref_when[i] >= 0)
				problems += visit_cond(rs, rule->ref_when[i], false, d);
		for (int s = 0; s < rule->nsteps; s++)
			if (rule->steps[s].when >= 0)
				problems += visit_cond(rs, rule->steps[s].when, false, d);
	}
	for (int s = 0; s < rs->unknown.nsteps; s++)
		if (rs->unknown.steps[s].when >= 0)
			problems += visit_cond(rs, rs->unknown.steps[s].when, false, d);
	return problems;
}

/* ---- what no path reaches ---- */

/* Where the findings go: the file's marks of intended ones (rs->intended)
 * turn a finding into a note with its reason. */
struct report {
	const struct analysis *an;
	struct diag *d;
	uint8_t *used; /* per mark: a finding it marks was found */
};

/* A finding of this kind about a and b: a problem (returns 1), or a note
 * when the file marks it as intended (returns 0). */
static int __attribute__((format(printf, 7, 8)))
finding(struct report *r, enum intended_kind kind, int a, int b, int line, int col,
	const char *fmt, ...)
{
	const struct ruleset *rs = r->an->rs;
	struct strbuf msg = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&msg, fmt, ap);
	va_end(ap);
	int i = 0;
	while (i < rs->nintended && (rs->intended[i].kind != kind || rs->intended[i].a != a ||
				     rs->intended[i].b != b))
		i++;
	if (i < rs->nintended) {
		r->used[i] = 1;
		diag_note(r->d, line, col, "%s (intended, line %d: %s)", msg.buf,
			  rs->intended[i].pos.line, rs->intended[i].reason);
	} else {
		diag_at(r->d, line, col, "%s", msg.buf);
	}
	sb_release(&msg);
	return i == rs->nintended;
}

/* A mark that marks no finding is stale: a warning at the mark. */
static void unused_marks(const struct report *r)
{
	static const char *const kinds[] = { "unreachable", "never_asked", "same_outcome",
					     "never_given", "never_cited" };
	const struct ruleset *rs = r->an->rs;
	for (int i = 0; i < rs->nintended; i++) {
		const struct intended *m = &rs->intended[i];
		if (r->used[i])
			continue;
		const char *a = m->kind == INTENDED_NEVER_ASKED || m->kind == INTENDED_SAME_OUTCOME ?
				rs->questions[m->a].id :
				m->kind == INTENDED_NEVER_GIVEN ? rs->steps[m->a].id : rs->rules[m->a].id;
		const char *b = m->kind == INTENDED_SAME_OUTCOME ? rs->questions[m->a].choices[m->b].id :
				m->kind == INTENDED_NEVER_CITED ? rs->parts[rs->rules[m->a].refs[m->b]].id : NULL;
		diag_warn(r->d, m->pos.line, m->pos.col,
			  "the intended finding '%s' at '%s%s%s' is not found: check no longer reports it, so remove the mark",
			  kinds[m->kind], a, b ? "." : "", b ? b : "");
	}
}

static int unused_questions(struct report *r)
{
	const struct analysis *an = r->an;
	const struct ruleset *rs = an->rs;
	int problems = 0;
	for (int f = 0; f < rs->nquestions; f++) {
		const struct question *q = &rs->questions[f];
		if (!an->fact_asked[f]) {
			problems += finding(r, INTENDED_NEVER_ASKED, f, -1, AT(q),
					    "question '%s' is never asked: no path of answers needs it",
					    q->id);
			continue;
		}
		const uint64_t *apart = an->apart + (size_t)f * 64;
		/* a set's choices are told apart by its classes, not one by one */
		for (int c = 1; fact_type_of(q)->listed && c < q->nchoices; c++) {
			for (int o = 0; o < c; o++) {
				if (apart[c] >> o & 1)
					continue;
				problems += finding(r, INTENDED_SAME_OUTCOME, f, c, AT(&q->choices[c]),
						    "choice '%s' of '%s' never changes the outcome: on every path it leads where '%s' does",
						    q->choices[c].id, q->id, q->choices[o].id);
				break;
			}
		}
	}
	return problems;
}

static int unused_steps(struct report *r)
{
	const struct ruleset *rs = r->an->rs;
	int problems = 0;
	for (int s = 0; s < rs->nsteps; s++) {
		if (r->an->step_given[s])
			continue;
		problems += finding(r, INTENDED_NEVER_GIVEN, s, -1, AT(&rs->steps[s]),
				    "step '%s' is never given: no path of answers leads to it",
				    rs->steps[s].id);
	}
	return problems;
}

/* A conditional ref must be cited on some path, and may test only facts
 * the path asked: a citation never asks a question of its own. */
static int uncited_refs(struct report *rp)
{
	const struct analysis *an = rp->an;
	struct diag *d = rp->d;
	const struct ruleset *rs = an->rs;
	int problems = 0;
	for (int r = 0; r < rs->nrules; r++) {
		const struct rule *rule = &rs->rules[r];
		if (!an->rule_decides[r] && !an->rule_unknown[r])
			continue; /* reported as unreachable */
		for (int i = 0; i < rule->nrefs; i++) {
			if (an->ref_cited[an->ref_base[r] + i] || !rule->ref_when ||
			    rule->ref_when[i] < 0 || (r == an->unread_rule && i == an->unread_ref))
				continue; /* cited, always cited, or reported below */
			problems += finding(rp, INTENDED_NEVER_CITED, r, i, AT(&rs->conds[rule->ref_when[i]]),
					    "ref '%s' of rule '%s' is never cited: its condition is false on every path the rule decides",
					    rs->parts[rule->refs[i]].id, rule->id);
		}
	}
	if (an->unread_rule >= 0) {
		const struct rule *rule = &rs->rules[an->unread_rule];
		int i = an->unread_ref >= 0 ? an->unread_ref : 0;
		diag_at(d, AT(&rs->conds[rule->ref_when[i]]),
			"ref '%s' of rule '%s' tests '%s', which a path to the rule does not ask: a citation never asks a question",
			rs->parts[rule->refs[i]].id, rule->id, rs->questions[an->unread_fact].id);
		problems++;
	}
	return problems;
}

/* A text that shows a fact a path showing it does not know. */
static int unknown_in_texts(const struct analysis *an, struct diag *d)
{
	const struct ruleset *rs = an->rs;
	int problems = 0;
	struct strbuf path = STRBUF_INIT, what = STRBUF_INIT;
	for (int i = 0; i < rs->ntext_sites; i++) {
		const struct text_site *s = &rs->text_sites[i];
		int f = an->text_fact[i];
		if (f < 0)
			continue;
		const fact_value *facts = an->text_paths + (size_t)i * (size_t)rs->nquestions;
		sb_reset(&path);
		sb_reset(&what);
		analysis_path_text(rs, facts, &path);
		if (s->kind == 's')
			sb_addf(&what, "the text of step '%s'", rs->steps[s->index].id);
		else if (s->kind == 'r')
			sb_addf(&what, "the reason of rule '%s'", rs->rules[s->index].id);
		else
			sb_adds(&what, "the unknown reason");
		diag_at(d, s->pos.line, s->pos.col,
			"%s in '%s' shows '%s', which is %s on the path %s: a text shows only facts that every path to it asks and knows",
			what.buf, rs->langs[s->lang], rs->questions[f].id,
			facts[f] == FV_UNKNOWN ? "unknown" : "not asked", path.buf);
		problems++;
	}
	sb_release(&path);
	sb_release(&what);
	return problems;
}

static int unreachable_rules(struct report *rp)
{
	const struct analysis *an = rp->an;
	const struct ruleset *rs = an->rs;
	int problems = 0;
	for (int r = 0; r < rs->nrules; r++) {
		const struct rule *rule = &rs->rules[r];
		if (an->rule_decides[r])
			continue;
		if (r > an->last_tried)
			problems += finding(rp, INTENDED_UNREACHABLE, r, -1, AT(rule),
					    "rule '%s' is unreachable: the rules before it decide every path of answers",
					    rule->id);
		else
			problems += finding(rp, INTENDED_UNREACHABLE, r, -1, AT(rule),
					    "rule '%s' is unreachable: its condition is never true on a path of answers that gets to it%s",
					    rule->id, an->rule_unknown[r] ? " (only unknown, which the 'unknown' section decides)" : "");
	}
	return problems;
}

static int no_verdict(const struct analysis *an, struct diag *d)
{
	const struct ruleset *rs = an->rs;
	const struct rule *last = &rs->rules[rs->nrules - 1];
	struct strbuf path = STRBUF_INIT;
	for (int i = 0; i < an->nexamples; i++) {
		sb_reset(&path);
		analysis_path_text(rs, an->examples + (size_t)i * (size_t)rs->nquestions, &path);
		diag_at(d, AT(last), "no rule holds, so no verdict, for the answers %s (end the rules with one without 'when')",
			path.buf);
	}
	sb_release(&path);
	if (an->no_verdict > an->nexamples)
		diag_at(d, AT(last), "and %ld more paths of answers with no verdict",
			an->no_verdict - an->nexamples);
	return an->no_verdict > 0 ? (int)(an->nexamples + (an->no_verdict > an->nexamples)) : 0;
}

int analysis_limit_problem(const struct analysis *an, struct diag *d)
{
	if (!an->truncated)
		return 0;
	if (an->over_dates >= 0) {
		const struct question *q = &an->rs->questions[an->over_dates];
		diag_at(d, AT(q), "the analysis stops at date '%s': its comparisons with dates not yet known give more than %d days to follow, or %d that lead apart; compare fewer dates in a chain",
			q->id, FACT_WIDE_MAX, OPNAME_MAX_VALUES - 1);
		return 1;
	}
	if (!an->over_work) {
		diag_at(d, 0, 0, "more than %ld paths of answers: the analysis stops there, so it cannot show that every path has a verdict",
			an->max_paths);
		return 1;
	}
	const struct rule *r = &an->rs->rules[an->work_rule];
	diag_at(d, AT(r), "the analysis stops after %ld condition evaluations, here in rule '%s' (%ld paths of answers so far): the conditions cost too much to follow every path; make them smaller, or ask fewer questions on each path",
		an->max_work, r->id, an->npaths);
	return 1;
}

int analysis_problems(const struct analysis *an, struct diag *d)
{
	int problems = contradictions(an->rs, d);
	if (analysis_limit_problem(an, d))
		return problems + 1;
	struct report r = { an, d, calloc((size_t)an->rs->nintended + 1, 1) };
	problems += unused_questions(&r);
	problems += unused_steps(&r);
	problems += unreachable_rules(&r);
	problems += uncited_refs(&r);
	problems += no_verdict(an, d);
	problems += unknown_in_texts(an, d);
	unused_marks(&r);
	free(r.used);
	return problems;
}
