/* SPDX-License-Identifier: EUPL-1.2 */
/* The fact types' table of operations (see opname/fact.h). */
#include "opname/fact.h"

#include <stdlib.h>
#include <string.h>

#include "opname/date.h"
#include "opname/output.h"

/* bool: true, false, and unknown ("weet ik niet"). */

static int bool_values(const struct question *q, fact_value *vals)
{
	(void)q;
	vals[0] = FV_TRUE;
	vals[1] = FV_FALSE;
	vals[2] = FV_UNKNOWN;
	return 3;
}

const char *const fact_true_words[] = { "true", "yes", "ja", NULL };
const char *const fact_false_words[] = { "false", "no", "nee", NULL };

static int bool_parse(const struct question *q, const char *s, fact_value *v)
{
	(void)q;
	for (int i = 0; fact_true_words[i]; i++) {
		if (str_ieq(s, fact_true_words[i])) {
			*v = FV_TRUE;
			return 0;
		}
		if (str_ieq(s, fact_false_words[i])) {
			*v = FV_FALSE;
			return 0;
		}
	}
	if (str_ieq(s, "unknown")) {
		*v = FV_UNKNOWN;
		return 0;
	}
	return -1;
}

static void bool_hint(const struct question *q, struct strbuf *out)
{
	(void)q;
	sb_adds(out, "true, false or unknown (also yes/no, ja/nee)");
}

static void bool_put(const struct question *q, fact_value v, struct strbuf *out)
{
	(void)q;
	sb_adds(out, v == FV_TRUE ? "true" : "false");
}

static const struct text *bool_label(const struct question *q, fact_value v)
{
	return v == FV_TRUE || v == FV_FALSE ? &q->labels[v] : NULL;
}

static void bool_test_text(const struct question *q, const struct cond *c,
			   struct strbuf *out)
{
	sb_addf(out, "%s = %s", q->id, c->accept & (1u << FV_TRUE) ? "true" : "false");
}

/* choice: one of the question's choices; no unknown. */

static int choice_values(const struct question *q, fact_value *vals)
{
	for (int i = 0; i < q->nchoices; i++)
		vals[i] = (fact_value)i;
	return q->nchoices;
}

static int choice_parse(const struct question *q, const char *s, fact_value *v)
{
	for (int i = 0; i < q->nchoices; i++) {
		if (str_ieq(q->choices[i].id, s)) {
			*v = (fact_value)i;
			return 0;
		}
	}
	return -1;
}

static void choice_hint(const struct question *q, struct strbuf *out)
{
	for (int i = 0; i < q->nchoices; i++)
		sb_addf(out, "%s%s", i == 0 ? "" : i + 1 < q->nchoices ? ", " : " or ",
			q->choices[i].id);
}

static void choice_put(const struct question *q, fact_value v, struct strbuf *out)
{
	if (v < q->nchoices)
		sb_adds(out, q->choices[v].id);
}

static void choice_put_json(const struct question *q, fact_value v, struct strbuf *out)
{
	if (v < q->nchoices)
		json_str(out, q->choices[v].id);
}

static const struct text *choice_text(const struct question *q, fact_value v)
{
	return v < q->nchoices ? &q->choices[v].text : NULL;
}

static const struct text *choice_label(const struct question *q, fact_value v)
{
	return v < q->nchoices ? &q->choices[v].label : NULL;
}

static void choice_test_text(const struct question *q, const struct cond *c,
			     struct strbuf *out)
{
	sb_addf(out, "%s %s ", q->id, __builtin_popcountll(c->accept) > 1 ? "in" : "=");
	fact_choice_ids(q, c->accept, "|", out);
}

void fact_choice_ids(const struct question *q, uint64_t bits, const char *sep,
		     struct strbuf *out)
{
	int first = 1;
	for (int i = 0; i < q->nchoices; i++) {
		if (bits >> i & 1) {
			sb_addf(out, "%s%s", first ? "" : sep, q->choices[i].id);
			first = 0;
		}
	}
}

/* number: a whole number from min to max, or unknown. */

static int number_values(const struct question *q, fact_value *vals)
{
	for (int i = 0; i < q->nstarts; i++)
		vals[i] = q->starts[i];
	vals[q->nstarts] = FV_UNKNOWN;
	return q->nstarts + 1;
}

static int number_parse(const struct question *q, const char *s, fact_value *v)
{
	if (str_ieq(s, "unknown")) {
		*v = FV_UNKNOWN;
		return 0;
	}
	long long n = 0;
	const char *p = s;
	for (; *p >= '0' && *p <= '9'; p++)
		if ((n = n * 10 + (*p - '0')) > OPNAME_NUMBER_MAX)
			return -1;
	if (p == s || *p || n < q->min || n > q->max)
		return -1;
	*v = (fact_value)n;
	return 0;
}

static void number_hint(const struct question *q, struct strbuf *out)
{
	sb_addf(out, "a whole number from %d to %d, or unknown", (int)q->min, (int)q->max);
}

static void number_put(const struct question *q, fact_value v, struct strbuf *out)
{
	(void)q;
	sb_addf(out, "%d", (int)v);
}

static void number_test_text(const struct question *q, const struct cond *c,
			     struct strbuf *out)
{
	static const char *const ops[] = { "?", "=", "!=", "<", "<=", ">", ">=" };
	sb_addf(out, "%s %s %d", q->id, ops[c->op], (int)c->value);
}

/* date: YYYY-MM-DD, or unknown; tested like a number, in days. */

static int date_value_parse(const struct question *q, const char *s, fact_value *v)
{
	(void)q;
	if (str_ieq(s, "unknown")) {
		*v = FV_UNKNOWN;
		return 0;
	}
	int32_t d;
	if (date_parse(s, &d) < 0)
		return -1;
	*v = d;
	return 0;
}

static void date_hint(const struct question *q, struct strbuf *out)
{
	(void)q;
	sb_adds(out, "a date YYYY-MM-DD (from 1900-01-01), or unknown");
}

static void date_value_put(const struct question *q, fact_value v, struct strbuf *out)
{
	(void)q;
	date_put(v, out);
}

static void date_put_json(const struct question *q, fact_value v, struct strbuf *out)
{
	(void)q;
	sb_addc(out, '"');
	date_put(v, out);
	sb_addc(out, '"');
}

static const char *const date_ops[] = { "?", "on", "not on", "before", "on or before",
					"after", "on or after" };

static void date_test_text(const struct question *q, const struct cond *c,
			   struct strbuf *out)
{
	sb_addf(out, "%s %s ", q->id, date_ops[c->op]);
	date_put(c->value, out);
}

static const struct fact_ops types[] = {
	[FACT_BOOL] = {
		.name = "bool", .enum_name = "FACT_BOOL",
		.summary = "bool: true, false or unknown",
		.listed = false, .has_unknown = true, .yes_no = true,
		.values = bool_values, .parse = bool_parse,
		.answer = answer_value_bool, .hint = bool_hint, .put = bool_put,
		.put_json = bool_put,
		.label = bool_label, .test_text = bool_test_text,
	},
	[FACT_CHOICE] = {
		.name = "choice", .enum_name = "FACT_CHOICE", .summary = "choice",
		.listed = true, .has_unknown = false,
		.values = choice_values, .parse = choice_parse,
		.answer = answer_value_choice, .hint = choice_hint, .put = choice_put,
		.put_json = choice_put_json,
		.text = choice_text, .label = choice_label,
		.test_text = choice_test_text,
	},
	[FACT_NUMBER] = {
		.name = "number", .enum_name = "FACT_NUMBER",
		.summary = "number: a whole number, or unknown",
		.has_unknown = true, .ranged = true,
		.values = number_values, .parse = number_parse,
		.answer = answer_value_number, .hint = number_hint, .put = number_put,
		.put_json = number_put,
		.test_text = number_test_text,
	},
	[FACT_DATE] = {
		.name = "date", .enum_name = "FACT_DATE",
		.summary = "date: YYYY-MM-DD, or unknown",
		.has_unknown = true, .ranged = true, .dated = true,
		.values = number_values, .parse = date_value_parse,
		.answer = answer_value_date, .hint = date_hint, .put = date_value_put,
		.put_json = date_put_json,
		.test_text = date_test_text,
	},
	[FACT_SET] = { /* its operations are in fact-set.c */
		.name = "set", .enum_name = "FACT_SET",
		.summary = "set: several choices at once (a list), or unknown",
		.has_unknown = true, .multi = true,
		.values = set_values, .parse = set_parse_op,
		.answer = answer_value_set, .hint = set_hint, .put = set_put,
		.put_json = set_put_json,
		.test_text = set_test_text,
	},
};

static const struct fact_ops *type_ops(int t)
{
	return &types[t];
}

#define NTYPES (FACT_SET + 1)

const struct fact_ops *fact_type_of(const struct question *q)
{
	return type_ops(q->type);
}

bool fact_has_choices(const struct question *q)
{
	return fact_type_of(q)->listed || fact_type_of(q)->multi;
}

const struct fact_ops *fact_type_find(const char *name, enum fact_type *type)
{
	for (int i = 0; i < NTYPES; i++) {
		if (!strcmp(type_ops(i)->name, name)) {
			*type = (enum fact_type)i;
			return type_ops(i);
		}
	}
	return NULL;
}

const char *fact_type_names(void)
{
	return "bool, choice, number, date or set";
}

int fact_values(const struct question *q, fact_value *vals)
{
	return fact_type_of(q)->values(q, vals);
}

bool fact_value_valid(const struct question *q, fact_value v)
{
	if (v == FV_UNKNOWN)
		return fact_type_of(q)->has_unknown;
	if (fact_type_of(q)->ranged)
		return v >= q->min && v <= q->max;
	if (fact_type_of(q)->multi)
		return v >= 0 && (q->nchoices >= 31 || (uint32_t)v >> q->nchoices == 0);
	fact_value vals[OPNAME_MAX_VALUES];
	int n = fact_values(q, vals);
	for (int i = 0; i < n; i++)
		if (vals[i] == v)
			return true;
	return false;
}

void fact_value_put(struct strbuf *out, const struct question *q, fact_value v)
{
	if (v == FV_UNKNOWN)
		sb_adds(out, "unknown");
	else if (v >= 0)
		fact_type_of(q)->put(q, v, out);
}

void fact_value_json(struct strbuf *out, const struct question *q, fact_value v)
{
	if (v == FV_UNKNOWN)
		sb_adds(out, "\"unknown\"");
	else if (v < 0)
		sb_adds(out, "null");
	else
		fact_type_of(q)->put_json(q, v, out);
}

int fact_interval(const struct question *q, fact_value v)
{
	int lo = 0, hi = q->nstarts - 1; /* the last start <= v */
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (q->starts[mid] <= v)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

fact_value fact_value_class(const struct question *q, fact_value v)
{
	if (fact_type_of(q)->multi && v >= 0)
		return (fact_value)(-3 - set_class(q, v));
	if (!fact_type_of(q)->ranged || v < 0)
		return v;
	return (fact_value)(-3 - fact_interval(q, v));
}

void fact_value_range(struct strbuf *out, const struct question *q, fact_value v)
{
	if (fact_type_of(q)->multi && v >= 0) { /* [a,b]: a set of its class */
		sb_addc(out, '[');
		fact_value_put(out, q, v);
		sb_addc(out, ']');
		return;
	}
	if (!fact_type_of(q)->ranged || v < 0) {
		fact_value_put(out, q, v);
		return;
	}
	int i = fact_interval(q, v);
	int32_t from = q->starts[i];
	int32_t to = i + 1 < q->nstarts ? q->starts[i + 1] - 1 : q->max;
	if (fact_type_of(q)->dated) {
		/* A date no constant cuts is only compared with other dates:
		 * its value itself says where the path goes. */
		if (from == to || q->nstarts == 1) {
			date_put(q->nstarts == 1 ? v : from, out);
		} else if (from == q->min) {
			sb_adds(out, "before ");
			date_put(to + 1, out);
		} else if (to == q->max) {
			sb_adds(out, "from ");
			date_put(from, out);
		} else {
			date_put(from, out);
			sb_adds(out, " to ");
			date_put(to, out);
		}
	} else if (from == to)
		sb_addf(out, "%d", (int)from);
	else if (to == OPNAME_NUMBER_MAX)
		sb_addf(out, ">= %d", (int)from);
	else
		sb_addf(out, "%d-%d", (int)from, (int)to);
}

const struct text *fact_value_text(const struct question *q, fact_value v)
{
	const struct fact_ops *t = fact_type_of(q);
	return v < 0 || !t->text ? NULL : t->text(q, v);
}

const struct text *fact_value_label(const struct question *q, fact_value v)
{
	if (v == FV_UNKNOWN)
		return fact_type_of(q)->has_unknown ? &q->labels[LABEL_UNKNOWN] : NULL;
	const struct fact_ops *t = fact_type_of(q);
	return v < 0 || !t->label ? NULL : t->label(q, v);
}

int fact_value_parse(const struct question *q, const char *s, fact_value *v)
{
	return fact_type_of(q)->parse(q, s, v);
}

void fact_values_hint(const struct question *q, struct strbuf *out)
{
	fact_type_of(q)->hint(q, out);
}

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
	qsort(vals, (size_t)n, sizeof *vals, by_day);
	int u = 0;
	for (int i = 0; i < n; i++)
		if (u == 0 || vals[i] != vals[u - 1])
			vals[u++] = vals[i];
	vals[u++] = FV_UNKNOWN;
	return u;
}

void fact_test_text(const struct question *q, const struct cond *c, struct strbuf *out)
{
	if (c->form == FORM_UNKNOWN)
		sb_addf(out, "%s = unknown", q->id);
	else
		fact_type_of(q)->test_text(q, c, out);
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

static int by_day32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

static void points_tidy(struct points *p)
{
	qsort(p->v, (size_t)p->n, sizeof *p->v, by_day32);
	int u = 0;
	for (int i = 0; i < p->n; i++)
		if (u == 0 || p->v[i] != p->v[u - 1])
			p->v[u++] = p->v[i];
	p->n = u;
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
	qsort(vals, (size_t)m, sizeof *vals, by_day);
	int u = 0;
	for (int i = 0; i < m; i++)
		if (u == 0 || vals[i] != vals[u - 1])
			vals[u++] = vals[i];
	vals[u++] = FV_UNKNOWN;
	return u;
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
