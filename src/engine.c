/* SPDX-License-Identifier: EUPL-1.2 */
#include "opname/engine.h"

#include <string.h>

#include "opname/fact.h"
#include "opname/rule-index.h"

/* Internally two more values: evaluation stopped at a missing fact; and,
 * for the condition of a ref, at a fact the path has not read (a citation
 * never asks a question, so it is not cited there). */
enum { STOP = 4, UNREAD = 5 };

struct eval {
	const struct ruleset *rs;
	const fact_value *facts;
	struct outcome *out;
	struct trace *trace;
	bool citing; /* evaluating the condition of a ref */
	/* The path analysis's steps apart (engine_decide_apart), or NULL. */
	const uint8_t *apart;
	uint16_t *pending;
	int *npending;
	uint8_t seen[OPNAME_MAX_FACTS]; /* fact already in out->used */
	long work;                      /* condition nodes evaluated */
	/* Unknown facts met in the current condition; trimmed back whenever a
	 * subcondition settles true or false, so what remains made it unknown. */
	int nblame;
	uint16_t blame[OPNAME_MAX_CONDS < 4096 ? OPNAME_MAX_CONDS : 4096];
};

static int eval(struct eval *e, int node);

/* Read fact f for a test: its value, or STOP, UNREAD or TRI_UNKNOWN. */
static int read_fact(struct eval *e, int f, fact_value *out)
{
	if (e->citing && !e->seen[f]) {
		e->out->ref_unread = f;
		return UNREAD;
	}
	if (!e->seen[f]) {
		e->seen[f] = 1;
		e->out->used[e->out->nused++] = (uint16_t)f;
	}
	fact_value v = e->facts[f];
	if (v == FV_MISSING) {
		e->out->missing = f;
		return STOP;
	}
	if (v == FV_UNKNOWN) {
		if (e->nblame < (int)(sizeof e->blame / sizeof e->blame[0]))
			e->blame[e->nblame++] = (uint16_t)f;
		return TRI_UNKNOWN;
	}
	*out = v;
	return TRI_TRUE;
}

/* A date against another date and a duration: the subject is read first,
 * then the other date, as written. */
static int eval_relative(struct eval *e, const struct cond *c)
{
	fact_value v, r;
	int got = read_fact(e, c->fact, &v);
	if (got != TRI_TRUE)
		return got;
	if ((got = read_fact(e, c->ref, &r)) != TRI_TRUE)
		return got;
	return cond_compare(c, v, r) ? TRI_TRUE : TRI_FALSE;
}

static int eval_test(struct eval *e, const struct cond *c)
{
	int f = c->fact;
	if (c->ref >= 0)
		return eval_relative(e, c);
	fact_value v;
	int mark = e->nblame;
	int got = read_fact(e, f, &v);
	if (c->form == FORM_UNKNOWN) { /* two-valued: unknown is its answer */
		e->nblame = mark;
		return got == TRI_UNKNOWN ? TRI_TRUE : got == TRI_TRUE ? TRI_FALSE : got;
	}
	if (got != TRI_TRUE)
		return got;
	if (c->form != FORM_VALUE) /* a set: does it meet the test's choices? */
		return set_test_holds(c, v) ? TRI_TRUE : TRI_FALSE;
	if (e->rs->questions[f].nstarts) /* a number: tested by its interval */
		v = fact_interval(&e->rs->questions[f], v);
	return (c->accept >> v) & 1 ? TRI_TRUE : TRI_FALSE;
}

/* all/any: 'settle' is the value that decides at once (false for all). */
static int eval_list(struct eval *e, int node, int settle)
{
	const struct cond *c = &e->rs->conds[node];
	int result = !settle, kid = node + 1;
	for (int i = 0; i < c->nkids; i++, kid += e->rs->conds[kid].size) {
		int v = eval(e, kid);
		if (v >= STOP || v == settle)
			return v;
		if (v == TRI_UNKNOWN)
			result = TRI_UNKNOWN;
	}
	return result;
}

static int eval(struct eval *e, int node)
{
	const struct cond *c = &e->rs->conds[node];
	int mark = e->nblame, v;
	e->work++;
	switch (c->kind) {
	case COND_TRUE:
		v = TRI_TRUE;
		break;
	case COND_ALL:
		v = eval_list(e, node, TRI_FALSE);
		break;
	case COND_ANY:
		v = eval_list(e, node, TRI_TRUE);
		break;
	case COND_NOT:
		v = eval(e, node + 1);
		if (v == TRI_TRUE || v == TRI_FALSE)
			v = !v;
		break;
	default:
		v = eval_test(e, c);
		break;
	}
	if (v == TRI_TRUE || v == TRI_FALSE)
		e->nblame = mark; /* settled: its unknowns did not matter */
	if (e->trace && v < STOP)
		e->trace->node[node] = (enum tri)v;
	return v;
}

/* A step analysed apart needed a missing fact: forget what its condition
 * read, and leave the step pending. */
static void leave_pending(struct eval *e, int step, int nused)
{
	while (e->out->nused > nused)
		e->seen[e->out->used[--e->out->nused]] = 0;
	e->out->missing = -1;
	e->pending[(*e->npending)++] = (uint16_t)step;
}

/* Give the steps whose condition is true or unknown; STOP if one is missing. */
static int add_steps(struct eval *e, const struct rule_step *steps, int n)
{
	for (int i = 0; i < n; i++) {
		if (steps[i].when >= 0) {
			int nused = e->out->nused;
			int v = eval(e, steps[i].when);
			if (v == STOP && e->apart && e->apart[steps[i].when]) {
				leave_pending(e, steps[i].step, nused);
				continue;
			}
			if (v == STOP)
				return STOP;
			if (v == TRI_FALSE)
				continue;
		}
		e->out->steps[e->out->nsteps++] = (uint16_t)steps[i].step;
	}
	return 0;
}

/* Cite the rule's refs whose condition is true or unknown, as for steps. */
static void add_refs(struct eval *e, const struct rule *r)
{
	int mark = e->nblame;
	e->citing = true;
	for (int i = 0; i < r->nrefs; i++) {
		if (r->ref_when && r->ref_when[i] >= 0) {
			int v = eval(e, r->ref_when[i]);
			if (v == TRI_FALSE || v == UNREAD)
				continue;
		}
		e->out->refs[e->out->nrefs++] = (uint16_t)r->refs[i];
	}
	e->citing = false;
	e->nblame = mark; /* a citation's unknowns decide nothing */
}

static void add_blamed(struct eval *e)
{
	uint8_t listed[OPNAME_MAX_FACTS] = { 0 };
	for (int i = 0; i < e->nblame; i++) {
		int f = e->blame[i];
		if (!listed[f]) {
			listed[f] = 1;
			e->out->unknown[e->out->nunknown++] = (uint16_t)f;
		}
	}
}

/* Pass over the rules from *r on whose leading test is false, at once
 * (rule-index.h). Their tests read one fact, which counts as used, as it
 * would if each were evaluated. True when *r moved (to the rule before
 * the next one to try, for the loop's increment). */
static bool skip_false_rules(struct eval *e, int *r)
{
	int f, to = rule_index_next(e->rs->index, *r, e->facts, &f);
	if (to == *r)
		return false;
	if (!e->seen[f]) {
		e->seen[f] = 1;
		e->out->used[e->out->nused++] = (uint16_t)f;
	}
	*r = to - 1;
	return true;
}

static void stop_incomplete(struct outcome *out, int rule)
{
	out->verdict = VERDICT_INCOMPLETE;
	out->missing_rule = rule;
	out->rule = -1;
	out->nsteps = 0;
	out->nunknown = 0;
	out->nrefs = 0;
	out->ref_unread = -1;
}

/* The rules from 'first' on, until one decides or a fact is missing. */
static void decide_rules(struct eval *e, int first)
{
	const struct ruleset *rs = e->rs;
	struct outcome *out = e->out;
	for (int r = first; r < rs->nrules; r++) {
		const struct rule *rule = &rs->rules[r];
		if (!e->trace && rs->index && skip_false_rules(e, &r))
			continue;
		if (e->trace)
			e->trace->tried = r + 1;
		e->nblame = 0;
		int v = eval(e, rule->when);
		if (v == STOP) {
			stop_incomplete(out, r);
			return;
		}
		if (v == TRI_FALSE)
			continue;
		out->rule = r;
		if (v == TRI_UNKNOWN) {
			add_blamed(e);
			out->by_unknown = true;
			out->verdict = rs->unknown.verdict;
			if (add_steps(e, rs->unknown.steps, rs->unknown.nsteps) == STOP)
				stop_incomplete(out, r);
			else
				add_refs(e, rule);
			return;
		}
		out->verdict = rule->verdict;
		if (add_steps(e, rule->steps, rule->nsteps) == STOP)
			stop_incomplete(out, r);
		else
			add_refs(e, rule);
		return;
	}
	/* No rule holds: 'opname check' proves this never happens. */
}

static void decide(struct eval *pe, const struct ruleset *rs, const fact_value *facts,
		   int first, const uint16_t *read, int nread, struct outcome *out,
		   struct trace *trace, long *work)
{
	struct eval e;
	e.apart = pe ? pe->apart : NULL;
	e.pending = pe ? pe->pending : NULL;
	e.npending = pe ? pe->npending : NULL;
	if (e.npending)
		*e.npending = 0;
	e.rs = rs;
	e.facts = facts;
	e.out = out;
	e.trace = trace;
	e.nblame = 0;
	e.work = 0;
	e.citing = false;
	memset(e.seen, 0, (size_t)rs->nquestions);
	out->verdict = VERDICT_INCOMPLETE;
	out->rule = out->missing = out->missing_rule = -1;
	out->by_unknown = false;
	out->nused = out->nunknown = out->nsteps = out->nrefs = 0;
	out->ref_unread = -1;
	if (trace) {
		for (int i = 0; i < rs->nconds; i++)
			trace->node[i] = TRI_NOT_EVALUATED;
		trace->tried = 0;
	}

	for (int i = 0; i < nread; i++) {
		e.seen[read[i]] = 1;
		out->used[out->nused++] = read[i];
	}
	decide_rules(&e, first);
	for (int i = 0; i < rs->ntext_facts; i++)
		out->shown[i] = facts[rs->text_facts[i]];
	if (work)
		*work += e.work;
}

void engine_decide(const struct ruleset *rs, const fact_value *facts,
		   struct outcome *out, struct trace *trace)
{
	decide(NULL, rs, facts, 0, NULL, 0, out, trace, NULL);
}

void engine_decide_from(const struct ruleset *rs, const fact_value *facts,
			int first, const uint16_t *read, int nread,
			struct outcome *out, long *work)
{
	decide(NULL, rs, facts, first, read, nread, out, NULL, work);
}

void engine_decide_apart(const struct ruleset *rs, const fact_value *facts,
			 int first, const uint16_t *read, int nread,
			 const uint8_t *apart, struct outcome *out,
			 uint16_t *pending, int *npending, long *work)
{
	struct eval e = { .apart = apart, .pending = pending, .npending = npending };
	decide(&e, rs, facts, first, read, nread, out, NULL, work);
}

int engine_cond(const struct ruleset *rs, const fact_value *facts, int node,
		int *missing, long *work)
{
	struct outcome out;
	struct eval e = { .rs = rs, .facts = facts, .out = &out };
	out.nused = 0;
	out.missing = -1;
	int v = eval(&e, node);
	*missing = v == STOP ? out.missing : -1;
	if (work)
		*work += e.work;
	return v == STOP ? TRI_NOT_EVALUATED : v;
}

void facts_clear(fact_value *facts, int n)
{
	for (int i = 0; i < n; i++)
		facts[i] = FV_MISSING;
}

const char *tri_name(enum tri t)
{
	switch (t) {
	case TRI_FALSE:
		return "false";
	case TRI_TRUE:
		return "true";
	case TRI_UNKNOWN:
		return "unknown";
	default:
		return "not evaluated";
	}
}
