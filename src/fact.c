/* The fact types' table of operations (see opname/fact.h). */
#include "opname/fact.h"

#include <string.h>

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

static const char *bool_id(const struct question *q, fact_value v)
{
	(void)q;
	return v == FV_TRUE ? "true" : "false";
}

static const struct text *bool_text(const struct question *q, fact_value v)
{
	(void)q;
	(void)v;
	return NULL;
}

static const struct text *bool_label(const struct question *q, fact_value v)
{
	return v == FV_TRUE || v == FV_FALSE ? &q->labels[v] : NULL;
}

static void bool_test_text(const struct question *q, uint64_t accept,
			   struct strbuf *out)
{
	sb_addf(out, "%s = %s", q->id, accept & (1u << FV_TRUE) ? "true" : "false");
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

static const char *choice_id(const struct question *q, fact_value v)
{
	return v < q->nchoices ? q->choices[v].id : "";
}

static const struct text *choice_text(const struct question *q, fact_value v)
{
	return v < q->nchoices ? &q->choices[v].text : NULL;
}

static const struct text *choice_label(const struct question *q, fact_value v)
{
	return v < q->nchoices ? &q->choices[v].label : NULL;
}

static void choice_test_text(const struct question *q, uint64_t accept,
			     struct strbuf *out)
{
	sb_addf(out, "%s %s ", q->id, __builtin_popcountll(accept) > 1 ? "in" : "=");
	int first = 1;
	for (int i = 0; i < q->nchoices; i++) {
		if (accept >> i & 1) {
			sb_addf(out, "%s%s", first ? "" : "|", q->choices[i].id);
			first = 0;
		}
	}
}

static const struct fact_ops types[] = {
	[FACT_BOOL] = {
		.name = "bool", .enum_name = "FACT_BOOL",
		.summary = "bool: true, false or unknown",
		.listed = false, .has_unknown = true,
		.values = bool_values, .parse = bool_parse,
		.answer = answer_value_bool, .hint = bool_hint, .id = bool_id,
		.text = bool_text, .label = bool_label, .test_text = bool_test_text,
	},
	[FACT_CHOICE] = {
		.name = "choice", .enum_name = "FACT_CHOICE", .summary = "choice",
		.listed = true, .has_unknown = false,
		.values = choice_values, .parse = choice_parse,
		.answer = answer_value_choice, .hint = choice_hint, .id = choice_id,
		.text = choice_text, .label = choice_label,
		.test_text = choice_test_text,
	},
};

#define NTYPES ((int)(sizeof types / sizeof types[0]))

const struct fact_ops *fact_type_of(const struct question *q)
{
	return &types[q->type];
}

const struct fact_ops *fact_type_find(const char *name, enum fact_type *type)
{
	for (int i = 0; i < NTYPES; i++) {
		if (!strcmp(types[i].name, name)) {
			*type = (enum fact_type)i;
			return &types[i];
		}
	}
	return NULL;
}

const char *fact_type_names(void)
{
	return "bool or choice";
}

int fact_values(const struct question *q, fact_value *vals)
{
	return fact_type_of(q)->values(q, vals);
}

bool fact_value_valid(const struct question *q, fact_value v)
{
	if (v == FV_UNKNOWN)
		return fact_type_of(q)->has_unknown;
	fact_value vals[OPNAME_MAX_CHOICES + 1];
	int n = fact_values(q, vals);
	for (int i = 0; i < n; i++)
		if (vals[i] == v)
			return true;
	return false;
}

const char *fact_value_id(const struct question *q, fact_value v)
{
	if (v == FV_UNKNOWN)
		return "unknown";
	if (v < 0)
		return "";
	return fact_type_of(q)->id(q, v);
}

const struct text *fact_value_text(const struct question *q, fact_value v)
{
	return v < 0 ? NULL : fact_type_of(q)->text(q, v);
}

const struct text *fact_value_label(const struct question *q, fact_value v)
{
	if (v == FV_UNKNOWN)
		return fact_type_of(q)->has_unknown ? &q->labels[LABEL_UNKNOWN] : NULL;
	return v < 0 ? NULL : fact_type_of(q)->label(q, v);
}

int fact_value_parse(const struct question *q, const char *s, fact_value *v)
{
	return fact_type_of(q)->parse(q, s, v);
}

void fact_values_hint(const struct question *q, struct strbuf *out)
{
	fact_type_of(q)->hint(q, out);
}

void fact_test_text(const struct question *q, uint64_t accept, struct strbuf *out)
{
	fact_type_of(q)->test_text(q, accept, out);
}
