/* SPDX-License-Identifier: EUPL-1.2 */
/* Numbers in the rule language (docs/rules.md, "Numbers"). A number is
 * tested against constants; the constants of one fact cut its range into
 * finitely many intervals, on each of which every test of it is constant.
 * The engine tests a number by its interval (a COND_TEST's accept set, as
 * for a choice), and 'check' branches on one value of each interval, its
 * start, plus unknown: so the analysis stays exact. */
#include <stdlib.h>
#include <string.h>

#include "opname/date.h"
#include "opname/fact.h"
#include "opname/util.h"
#include "rules-loader.h"

static bool get_int(struct loader *l, const struct ynode *n, const char *what,
		    int32_t *out)
{
	if (!want(l, n, YNODE_SCALAR, what))
		return false;
	char *end;
	long long v = strtoll(n->str, &end, 10);
	if (end == n->str || *end || v < 0 || v > OPNAME_NUMBER_MAX) {
		diag_at(l->d, AT(n), "%s must be a whole number from 0 to %d, not '%s'",
			what, OPNAME_NUMBER_MAX, n->str);
		return false;
	}
	*out = (int32_t)v;
	return true;
}

void load_range(struct loader *l, const struct ynode *n, struct question *q)
{
	static const char *const keys[] = { "min", "max", "unit" };
	if (q->type != FACT_NUMBER) {
		for (int i = 0; i < 3; i++)
			if (ymap_get(n, keys[i]))
				diag_at(l->d, AT(ymap_get(n, keys[i])),
					"'%s' is for number questions", keys[i]);
		if (q->type == FACT_DATE) { /* every date the language writes */
			q->min = 0;
			q->max = DATE_MAX;
		}
		return;
	}
	q->min = 0;
	q->max = OPNAME_NUMBER_MAX;
	if (ymap_get(n, "min"))
		get_int(l, ymap_get(n, "min"), "min", &q->min);
	if (ymap_get(n, "max"))
		get_int(l, ymap_get(n, "max"), "max", &q->max);
	if (q->min > q->max)
		diag_at(l->d, AT(n), "'%s' has min %d over max %d", q->id, (int)q->min,
			(int)q->max);
	if (ymap_get(n, "unit"))
		get_text(l, ymap_get(n, "unit"), "the question's unit", &q->unit);
}

static bool get_date(struct loader *l, const struct ynode *n, int32_t *out)
{
	if (!want(l, n, YNODE_SCALAR, "a date") )
		return false;
	if (date_parse(n->str, out) < 0) {
		diag_at(l->d, AT(n), "'%s' is not a date: write YYYY-MM-DD, from 1900-01-01", n->str);
		return false;
	}
	return true;
}

/* {date: OTHER, plus: 4w} (or minus, or neither): another date fact and a
 * duration. */
static void relative(struct loader *l, const struct ynode *n, struct cond *c)
{
	static const char *const keys[] = { "!date", "plus", "minus", NULL };
	check_keys(l, n, "a date to compare with", keys);
	const struct ynode *d = ymap_get(n, "date");
	if (!d || !want(l, d, YNODE_SCALAR, "date"))
		return;
	int f = ruleset_find_fact(l->rs, d->str);
	if (f < 0 || l->rs->questions[f].type != FACT_DATE) {
		diag_at(l->d, AT(d), "'%s' is not a date question", d->str);
		return;
	}
	c->ref = f;
	const struct ynode *by = ymap_get(n, "plus");
	int sign = 1;
	if (!by && (by = ymap_get(n, "minus")))
		sign = -1;
	if (ymap_get(n, "plus") && ymap_get(n, "minus"))
		diag_at(l->d, AT(n), "give 'plus' or 'minus', not both");
	if (!by)
		return;
	struct duration u;
	if (!want(l, by, YNODE_SCALAR, "a duration"))
		return;
	if (duration_parse(by->str, &u) < 0) {
		diag_at(l->d, AT(by), "'%s' is not a duration: write a count and d, w, m or y (4w, 16y)",
			by->str);
		return;
	}
	c->shift = sign * u.count;
	c->shift_unit = u.unit;
}

void number_test(struct loader *l, const struct ynode *val, struct cond *c)
{
	static const char *const ops[] = { NULL, "eq", "ne", "lt", "le", "gt", "ge" };
	static const char *const date_ops[] = { NULL, "on", "not_on", "before",
						"on_or_before", "after", "on_or_after" };
	bool dated = l->rs->questions[c->fact].type == FACT_DATE;
	const struct ynode *num = val;
	c->op = CMP_EQ;
	if (val->kind == YNODE_MAP) {
		c->op = CMP_NONE;
		for (int i = 1; val->nkids == 2 && i < 7; i++)
			if (!strcmp(val->kids[0]->str, ops[i]) ||
			    (dated && !strcmp(val->kids[0]->str, date_ops[i])))
				c->op = (enum cmp)i;
		if (c->op == CMP_NONE) {
			diag_at(l->d, AT(val), dated ?
				"a date test is a date or one of {before: D}, {after: D}, {on: D}, {not_on: D}, {on_or_before: D}, {on_or_after: D}" :
				"a number test is N or one of {eq: N}, {ne: N}, {lt: N}, {le: N}, {gt: N}, {ge: N}");
			c->op = CMP_EQ;
			return;
		}
		num = val->kids[1];
	}
	if (dated && num->kind == YNODE_MAP)
		relative(l, num, c);
	else if (dated)
		get_date(l, num, &c->value);
	else
		get_int(l, num, "a number's constant", &c->value);
}

static int by_value(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* Every test of fact f is constant on [k, k] and on the runs between: an
 * interval starts at min, at each constant k and at k + 1. */
static void cut(struct loader *l, int f)
{
	struct question *q = &l->rs->questions[f];
	int32_t starts[2 * OPNAME_MAX_CHOICES + 2];
	int n = 0;
	bool over = false;
	starts[n++] = q->min;
	for (int i = 0; i < l->nconds && !over; i++) {
		const struct cond *c = &l->conds[i];
		if (c->kind != COND_TEST || c->fact != f || c->ref >= 0 ||
		    c->form == FORM_UNKNOWN)
			continue;
		int32_t k[2] = { c->value, c->value < OPNAME_NUMBER_MAX ? c->value + 1 : c->value };
		for (int j = 0; j < 2; j++) {
			if (k[j] <= q->min || k[j] > q->max)
				continue;
			if (n == (int)(sizeof starts / sizeof starts[0])) {
				over = true;
				break;
			}
			starts[n++] = k[j];
		}
	}
	qsort(starts, (size_t)n, sizeof *starts, by_value);
	int u = 0;
	for (int i = 0; i < n; i++)
		if (u == 0 || starts[i] != starts[u - 1])
			starts[u++] = starts[i];
	if (over || u > OPNAME_MAX_CHOICES) {
		diag_at(l->d, AT(q), "the tests of '%s' cut it into more than %d intervals: test it against fewer constants",
			q->id, OPNAME_MAX_CHOICES);
		u = 1;
	}
	q->starts = arena_alloc(l->a, (size_t)u * sizeof *q->starts);
	memcpy(q->starts, starts, (size_t)u * sizeof *starts);
	q->nstarts = u;
	for (int i = 0; i < l->nconds; i++) {
		struct cond *c = &l->conds[i];
		if (c->kind != COND_TEST || c->fact != f || c->ref >= 0 ||
		    c->form == FORM_UNKNOWN)
			continue;
		c->accept = 0;
		for (int j = 0; j < u; j++)
			if (cmp_holds(c->op, q->starts[j], c->value))
				c->accept |= (uint64_t)1 << j;
	}
}

void number_intervals(struct loader *l)
{
	for (int f = 0; f < l->rs->nquestions; f++)
		if (fact_type_of(&l->rs->questions[f])->ranged && !l->bad_type[f])
			cut(l, f);
}
