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
		sb_add_or_list(out, i, q->nchoices, q->choices[i].id, strlen(q->choices[i].id));
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

void fact_test_text(const struct question *q, const struct cond *c, struct strbuf *out)
{
	if (c->form == FORM_UNKNOWN)
		sb_addf(out, "%s = unknown", q->id);
	else
		fact_type_of(q)->test_text(q, c, out);
}
