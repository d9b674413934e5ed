/* SPDX-License-Identifier: EUPL-1.2 */
/* Dates compared with dates (see opname/fact.h): whether a comparison
 * holds, and the days `check` branches on so that every side of every
 * comparison a path can take is followed (docs/rules.md, "Dates", "check
 * stays exact"). */
#include "opname/fact.h"

#include <stdlib.h>
#include <string.h>

#include "opname/date.h"

static int32_t shifted(const struct cond *c, fact_value ref)
{
	struct duration by = { c->shift < 0 ? -c->shift : c->shift, c->shift_unit };
	return by.unit ? date_shift(ref, &by, c->shift < 0 ? -1 : 1) : ref;
}

bool cmp_holds(enum cmp op, int32_t v, int32_t k)
{
	switch (op) {
	case CMP_EQ: return v == k;
	case CMP_NE: return v != k;
	case CMP_LT: return v < k;
	case CMP_LE: return v <= k;
	case CMP_GT: return v > k;
	case CMP_GE: return v >= k;
	default: return false;
	}
}

bool cond_compare(const struct cond *c, fact_value v, fact_value ref)
{
	return cmp_holds(c->op, v, shifted(c, ref));
}

/* The first r in [0, DATE_MAX] with shift(r) > s (after) or >= s: shift is
 * monotone, so a binary search finds it; -1 if none. */
static int32_t first_reaching(const struct cond *c, int32_t s, bool after)
{
	int32_t lo = 0, hi = DATE_MAX + 1;
	while (lo < hi) {
		int32_t mid = lo + (hi - lo) / 2;
		int32_t k = shifted(c, mid);
		if (after ? k > s : k >= s)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo > DATE_MAX ? -1 : lo;
}

static int by_day(const void *a, const void *b)
{
	fact_value x = *(const fact_value *)a, y = *(const fact_value *)b;
	return (x > y) - (x < y);
}

/* The n days in v sorted, each once: how many. */
static int sort_days(int32_t *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, by_day);
	int u = 0;
	for (int i = 0; i < n; i++)
		if (u == 0 || v[i] != v[u - 1])
			v[u++] = v[i];
	return u;
}

/* The n days in vals sorted, each once, and unknown after them: how many. */
static int days_and_unknown(fact_value *vals, int n)
{
	int u = sort_days(vals, n);
	vals[u++] = FV_UNKNOWN;
	return u;
}

static void add_value(fact_value *vals, int *n, int32_t v)
{
	if (v >= 0 && v <= DATE_MAX && *n < OPNAME_MAX_VALUES - 1)
		vals[(*n)++] = v;
}

int fact_values_at(const struct ruleset *rs, int f, const fact_value *facts,
		   fact_value *vals)
{
	const struct question *q = &rs->questions[f];
	int n = fact_values(q, vals);
	if (!fact_type_of(q)->dated)
		return n;
	n--; /* unknown, last: put back below */
	for (int i = 0; i < rs->nconds; i++) {
		const struct cond *c = &rs->conds[i];
		if (c->kind != COND_TEST || c->ref < 0)
			continue;
		if (c->fact == f && facts[c->ref] >= 0) {
			int32_t b = shifted(c, facts[c->ref]);
			add_value(vals, &n, b);
			add_value(vals, &n, b + 1);
		} else if (c->ref == f && facts[c->fact] >= 0) {
			add_value(vals, &n, first_reaching(c, facts[c->fact], false));
			add_value(vals, &n, first_reaching(c, facts[c->fact], true));
		}
	}
	return days_and_unknown(vals, n);
}


/* ---- dates compared with dates: the critical points (docs/rules.md,
 * "Dates", "check stays exact") ---- */

/* The points of one date fact, kept sorted and unique at each round. */
struct points {
	int fact;
	int n;
	bool fixed; /* a date the path knows: its one value */
	int32_t v[FACT_WIDE_MAX];
};

static void point_add(struct points *p, long long v, bool *over)
{
	if (v < 0 || v > DATE_MAX)
		return;
	if (p->n == FACT_WIDE_MAX) {
		*over = true;
		return;
	}
	p->v[p->n++] = (int32_t)v;
}

static void points_tidy(struct points *p)
{
	p->n = sort_days(p->v, p->n);
}

static bool compares_dates(const struct cond *c)
{
	return c->kind == COND_TEST && c->ref >= 0 && c->fact >= 0 && c->ref != c->fact;
}

int fact_values_wide(const struct ruleset *rs, int f, const fact_value *facts,
		     fact_value *vals, bool *over)
{
	const struct question *q = &rs->questions[f];
	*over = false;
	int n = fact_values(q, vals);
	if (!fact_type_of(q)->dated)
		return n;
	/* the dates a chain of comparisons through dates not yet known joins
	 * to f, each with its points: its interval starts and ends, or the
	 * value the path gave it */
	int idx[OPNAME_MAX_FACTS];
	for (int i = 0; i < rs->nquestions; i++)
		idx[i] = -1;
	int nd = 0;
	struct points *pts = NULL;
	int queue[OPNAME_MAX_FACTS];
	idx[f] = nd++;
	queue[0] = f;
	for (int head = 0; head < nd; head++) {
		int d = queue[head];
		if (d != f && facts[d] != FV_MISSING)
			continue; /* known: a constant, the chain ends there */
		for (int i = 0; i < rs->nconds; i++) {
			const struct cond *c = &rs->conds[i];
			if (!compares_dates(c) || (c->fact != d && c->ref != d))
				continue;
			int o = c->fact == d ? c->ref : c->fact;
			if (idx[o] < 0 && facts[o] != FV_UNKNOWN) {
				idx[o] = nd;
				queue[nd++] = o;
			}
		}
	}
	if (nd == 1)
		return n;
	pts = xmalloc((size_t)nd * sizeof *pts);
	for (int i = 0; i < nd; i++) {
		struct points *p = &pts[i];
		const struct question *dq = &rs->questions[queue[i]];
		p->fact = queue[i];
		p->n = 0;
		p->fixed = queue[i] != f && facts[queue[i]] >= 0;
		if (p->fixed) {
			p->v[p->n++] = facts[queue[i]];
			continue;
		}
		for (int k = 0; k < dq->nstarts; k++) {
			point_add(p, dq->starts[k], over);
			point_add(p, dq->starts[k] - 1, over);
		}
		point_add(p, dq->max, over);
		points_tidy(p);
	}
	/* each round carries every point one comparison further: the days
	 * either side of where a comparison with that point flips; f's own
	 * points are where f is, not where it can be, so carried nowhere; a
	 * chain through every date of the join is nd - 1 comparisons long */
	for (int r = 0; r < nd - 1 && !*over; r++) {
		int had[OPNAME_MAX_FACTS];
		for (int i = 0; i < nd; i++)
			had[i] = pts[i].n;
		for (int i = 0; i < rs->nconds; i++) {
			const struct cond *c = &rs->conds[i];
			if (!compares_dates(c) || idx[c->fact] < 0 || idx[c->ref] < 0)
				continue;
			struct points *a = &pts[idx[c->fact]], *b = &pts[idx[c->ref]];
			if (!a->fixed && c->ref != f)
				for (int k = 0; k < had[idx[c->ref]]; k++) {
					int32_t s = shifted(c, b->v[k]);
					point_add(a, (long long)s - 1, over);
					point_add(a, s, over);
					point_add(a, (long long)s + 1, over);
				}
			if (!b->fixed && c->fact != f)
				for (int k = 0; k < had[idx[c->fact]]; k++) {
					int32_t r0 = first_reaching(c, a->v[k], false);
					int32_t r1 = first_reaching(c, a->v[k], true);
					if (r0 >= 0) {
						point_add(b, (long long)r0 - 1, over);
						point_add(b, r0, over);
					}
					if (r1 >= 0) {
						point_add(b, (long long)r1 - 1, over);
						point_add(b, r1, over);
					}
				}
		}
		for (int i = 0; i < nd; i++)
			points_tidy(&pts[i]);
	}
	/* f's values: its interval starts and its points, as the cells they
	 * start; unknown last */
	struct points *p = &pts[0];
	n--;
	int m = n;
	for (int k = 0; k < p->n; k++) {
		if (m == FACT_WIDE_MAX) {
			*over = true;
			break;
		}
		vals[m++] = p->v[k];
	}
	free(pts);
	return days_and_unknown(vals, m);
}

uint64_t fact_value_side(const struct ruleset *rs, int f, fact_value *facts, fact_value v)
{
	const struct question *q = &rs->questions[f];
	uint64_t h = (uint64_t)(uint32_t)fact_value_class(q, v) * 0x9e3779b97f4a7c15ull;
	if (!fact_type_of(q)->dated || v < 0)
		return h;
	fact_value was = facts[f];
	facts[f] = v;
	for (int i = 0; i < rs->nconds; i++) {
		const struct cond *c = &rs->conds[i];
		if (c->kind != COND_TEST || c->ref < 0 || (c->fact != f && c->ref != f))
			continue;
		if (facts[c->fact] < 0 || facts[c->ref] < 0)
			continue;
		h = (h ^ (uint64_t)(2 * i + cond_compare(c, facts[c->fact], facts[c->ref]))) *
		    0xff51afd7ed558ccdull;
	}
	facts[f] = was;
	return h;
}
