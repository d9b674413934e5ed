/* SPDX-License-Identifier: EUPL-1.2 */
/* Conditional steps analysed apart from the verdict paths (docs/rules.md,
 * "Steps analysed apart"): which are, and their walk at a leaf. */
#include "analysis-private.h"

#include "opname/engine.h"
#include "opname/fact.h"

/* The facts condition 'node' tests, into set[]. */
void steps_facts_of(const struct ruleset *rs, int node, uint8_t *set)
{
	for (int i = node; i < node + rs->conds[node].size; i++) {
		const struct cond *c = &rs->conds[i];
		if (c->kind != COND_TEST)
			continue;
		if (c->fact >= 0)
			set[c->fact] = 1;
		if (c->ref >= 0)
			set[c->ref] = 1;
	}
}

static bool meets(const uint8_t *a, const uint8_t *b, int n)
{
	for (int i = 0; i < n; i++)
		if (a[i] && b[i])
			return true;
	return false;
}

/* Mark the conditions of steps that may be analysed apart: those of a rule
 * (or of the 'unknown' section) that test no fact a ref of the rule (of
 * any rule) tests. A citation reads only the facts the path asked, so a
 * fact that changes what is cited belongs in the path. */
static void mark_steps(const struct ruleset *rs, const struct rule_step *steps,
		       int n, const uint8_t *cited, uint8_t *apart)
{
	for (int i = 0; i < n; i++) {
		uint8_t used[OPNAME_MAX_FACTS] = { 0 };
		if (steps[i].when < 0)
			continue;
		steps_facts_of(rs, steps[i].when, used);
		apart[steps[i].when] = !meets(used, cited, rs->nquestions);
	}
}

uint8_t *steps_apart(const struct ruleset *rs)
{
	uint8_t *apart = zalloc((size_t)rs->nconds + 1);
	uint8_t all[OPNAME_MAX_FACTS] = { 0 };
	for (int r = 0; r < rs->nrules; r++) {
		const struct rule *rule = &rs->rules[r];
		uint8_t cited[OPNAME_MAX_FACTS] = { 0 };
		for (int i = 0; i < rule->nrefs; i++)
			if (rule->ref_when && rule->ref_when[i] >= 0)
				steps_facts_of(rs, rule->ref_when[i], cited);
		mark_steps(rs, rule->steps, rule->nsteps, cited, apart);
		for (int f = 0; f < rs->nquestions; f++)
			all[f] |= cited[f];
	}
	mark_steps(rs, rs->unknown.steps, rs->unknown.nsteps, all, apart);
	return apart;
}

/* The condition node of pending step s at the outcome o. */
int steps_pending_when(const struct ruleset *rs, const uint8_t *apart,
			const struct outcome *o, int s)
{
	const struct rule_step *steps = o->by_unknown ? rs->unknown.steps : rs->rules[o->rule].steps;
	int n = o->by_unknown ? rs->unknown.nsteps : rs->rules[o->rule].nsteps;
	for (int i = 0; i < n; i++)
		if (steps[i].step == s && steps[i].when >= 0 && apart[steps[i].when])
			return steps[i].when;
	return -1;
}

/* What one step's condition can be at a leaf, over the facts the path has
 * not fixed: each branch a 'step branch'. Returns a hash of the subtree, so
 * that choices leading to different subtrees are told apart. */
struct step_walk {
	int step;
	long branches, given; /* branches; of them, where the step is given */
	bool stopped;
};

static uint64_t walk_step(struct analysis *an, int node, struct step_walk *w)
{
	struct analysis_private *p = an->priv;
	int f;
	int v = engine_cond(an->rs, p->facts, node, &f, &an->work);
	if (++an->work > an->max_work) {
		an->truncated = an->over_work = true;
		an->work_rule = p->scratch.rule;
		w->stopped = true;
		return 0;
	}
	if (f < 0) {
		if (an->npaths + an->step_branches + w->branches >= an->max_paths) {
			an->truncated = true;
			w->stopped = true;
			return 0;
		}
		w->branches++;
		w->given += v != TRI_FALSE; /* true or unknown: the step is given */
		if (v != TRI_FALSE && an->rs->ntext_sites)
			analysis_check_texts(an, 's', w->step);
		return mix(1, (uint64_t)v);
	}
	fact_value vals[OPNAME_MAX_VALUES];
	uint64_t kids[OPNAME_MAX_VALUES];
	int n = fact_values_at(an->rs, f, p->facts, vals);
	an->fact_asked[f]++;
	uint64_t h = mix(2, (uint64_t)f);
	for (int i = 0; i < n && !w->stopped; i++) {
		p->facts[f] = vals[i];
		kids[i] = walk_step(an, node, w);
		h = mix(h, kids[i]);
	}
	p->facts[f] = FV_MISSING;
	if (!w->stopped && fact_type_of(&an->rs->questions[f])->listed)
		analysis_mark_apart(an, f, kids, n);
	return h;
}

/* The leaf's steps analysed apart, each on its own: their branches add. */
bool steps_walk_pending(struct analysis *an, const struct outcome *o)
{
	struct analysis_private *p = an->priv;
	for (int i = 0; i < p->npending; i++) {
		struct step_walk w = { p->pending[i], 0, 0, false };
		walk_step(an, steps_pending_when(an->rs, p->apart, o, p->pending[i]), &w);
		if (w.stopped)
			return false;
		an->step_branches += w.branches;
		an->step_given[p->pending[i]] += w.given;
	}
	return true;
}

