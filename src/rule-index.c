/* SPDX-License-Identifier: EUPL-1.2 */
/* The rule file's index (see the header). Without it, looking up a fact id
 * and finding the deciding rule both cost in proportion to the rule file:
 * a linear strcmp over the questions for every fact of every case, and an
 * evaluation of every rule before the one that holds. */
#include "opname/rule-index.h"

#include <stdbool.h>
#include <string.h>

#include "opname/fact.h"
#include "opname/util.h"

struct rule_index {
	unsigned mask;      /* slots - 1: a power of two, at least 2 * facts */
	int16_t *slot;      /* fact + 1, or 0 for an empty slot */
	int16_t *lead;      /* per rule: the fact of its leading test, or -1 */
	int *skip;          /* per rule, at skip_at[r] + value: the next rule */
	int *skip_at;
};

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void index_facts(struct rule_index *ix, const struct ruleset *rs,
			struct arena *a)
{
	unsigned n = 16;
	while (n < 2u * (unsigned)rs->nquestions)
		n *= 2;
	ix->mask = n - 1;
	ix->slot = arena_alloc(a, n * sizeof *ix->slot);
	memset(ix->slot, 0, n * sizeof *ix->slot);
	for (int f = 0; f < rs->nquestions; f++) {
		unsigned i = hash(rs->questions[f].id) & ix->mask;
		while (ix->slot[i])
			i = (i + 1) & ix->mask;
		ix->slot[i] = (int16_t)(f + 1);
	}
}

int rule_index_fact(const struct rule_index *ix, const struct ruleset *rs,
		    const char *id)
{
	for (unsigned i = hash(id) & ix->mask; ix->slot[i]; i = (i + 1) & ix->mask) {
		int f = ix->slot[i] - 1;
		if (!strcmp(rs->questions[f].id, id))
			return f;
	}
	return -1;
}

/* The test a rule's condition starts with, when a false one makes the whole
 * condition false: the condition itself, or the first part of an 'all'. */
static const struct cond *leading_test(const struct ruleset *rs, int node)
{
	const struct cond *c = &rs->conds[node];
	if (c->kind == COND_ALL && c->nkids > 0)
		c = &rs->conds[node + 1];
	if (c->kind == COND_TEST && (fact_type_of(&rs->questions[c->fact])->ranged ||
				     c->form != FORM_VALUE))
		return NULL; /* a number or a date: tested by interval, not by value;
			      * a set, or 'x: unknown' */
	return c->kind == COND_TEST ? c : NULL;
}

static int values_of(const struct ruleset *rs, int fact)
{
	const struct question *q = &rs->questions[fact];
	return q->type == FACT_CHOICE ? q->nchoices : 2;
}

static void index_rules(struct rule_index *ix, const struct ruleset *rs,
			struct arena *a)
{
	size_t n = (size_t)rs->nrules, cells = 0;
	ix->lead = arena_alloc(a, n * sizeof *ix->lead);
	ix->skip_at = arena_alloc(a, n * sizeof *ix->skip_at);
	for (int r = 0; r < rs->nrules; r++) {
		const struct cond *t = leading_test(rs, rs->rules[r].when);
		ix->lead[r] = (int16_t)(t ? t->fact : -1);
		ix->skip_at[r] = (int)cells;
		if (t)
			cells += (size_t)values_of(rs, t->fact);
	}
	ix->skip = arena_alloc(a, cells * sizeof *ix->skip);
	/* From the last rule back: within a run, a rule whose test refuses v
	 * passes on to what the next rule of the run gives for v. */
	for (int r = rs->nrules - 1; r >= 0; r--) {
		int f = ix->lead[r];
		if (f < 0)
			continue;
		const struct cond *t = leading_test(rs, rs->rules[r].when);
		bool run_goes_on = r + 1 < rs->nrules && ix->lead[r + 1] == f;
		for (int v = 0; v < values_of(rs, f); v++) {
			int *cell = &ix->skip[ix->skip_at[r] + v];
			if ((t->accept >> v) & 1)
				*cell = r;
			else
				*cell = run_goes_on ? ix->skip[ix->skip_at[r + 1] + v] : r + 1;
		}
	}
}

int rule_index_next(const struct rule_index *ix, int r, const fact_value *facts,
		    int *fact)
{
	int f = ix->lead[r];
	if (f < 0 || facts[f] < 0)
		return r; /* no leading test, or its fact is missing or unknown */
	*fact = f;
	return ix->skip[ix->skip_at[r] + facts[f]];
}

void rule_index_build(struct ruleset *rs, struct arena *a)
{
	static struct arena *own;
	if (!a)
		a = own ? own : (own = arena_new());
	struct rule_index *ix = arena_alloc(a, sizeof *ix);
	index_facts(ix, rs, a);
	index_rules(ix, rs, a);
	rs->index = ix;
}
