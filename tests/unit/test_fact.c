/* SPDX-License-Identifier: EUPL-1.2 */
/* The fact types' table: every operation of bool and choice, and that the
 * wrappers agree with each other (parse(id(v)) == v for every value). */
#include "helpers.h"

#include "opname/fact.h"

static struct ruleset *rs;

static const struct question *fact(const char *id)
{
	int f = ruleset_find_fact(rs, id);
	assert_true(f >= 0);
	return &rs->questions[f];
}

static void types_by_name(void **state)
{
	(void)state;
	enum fact_type t = FACT_CHOICE;
	assert_non_null(fact_type_find("bool", &t));
	assert_int_equal(t, FACT_BOOL);
	assert_non_null(fact_type_find("choice", &t));
	assert_int_equal(t, FACT_CHOICE);
	assert_null(fact_type_find("time", &t));
	assert_non_null(fact_type_find("date", &t));
	assert_int_equal(t, FACT_DATE);
	assert_null(fact_type_find("Bool", &t));
	assert_string_equal(fact_type_of(fact("participant"))->name, "bool");
	assert_string_equal(fact_type_of(fact("action"))->name, "choice");
	assert_string_equal(fact_type_names(), "bool, choice, number, date or set");
	assert_non_null(fact_type_find("number", &t));
	assert_int_equal(t, FACT_NUMBER);
}

static void bool_values_in_check_order(void **state)
{
	(void)state;
	const struct question *q = fact("participant");
	fact_value v[OPNAME_MAX_VALUES];
	assert_int_equal(fact_values(q, v), 3);
	assert_int_equal(v[0], FV_TRUE);
	assert_int_equal(v[1], FV_FALSE);
	assert_int_equal(v[2], FV_UNKNOWN);
	assert_true(fact_value_valid(q, FV_UNKNOWN));
	assert_false(fact_value_valid(q, 2));
	assert_false(fact_value_valid(q, FV_MISSING));
	assert_false(fact_type_of(q)->listed);
	assert_null(fact_value_text(q, FV_TRUE)); /* the tool's own ja/nee */
}

static void choice_values_are_its_choices(void **state)
{
	(void)state;
	const struct question *q = fact("action");
	fact_value v[OPNAME_MAX_VALUES];
	int n = fact_values(q, v);
	assert_int_equal(n, q->nchoices);
	for (int i = 0; i < n; i++)
		assert_int_equal(v[i], i);
	assert_false(fact_value_valid(q, FV_UNKNOWN)); /* a choice has no unknown */
	assert_false(fact_value_valid(q, (fact_value)q->nchoices));
	assert_true(fact_type_of(q)->listed);
	assert_ptr_equal(fact_value_text(q, 1), &q->choices[1].text);
	assert_ptr_equal(fact_value_label(q, 1), &q->choices[1].label);
	assert_null(fact_value_label(q, FV_UNKNOWN));
}

/* What a machine writes, a machine reads back: for every fact and value. */
static void ids_parse_back(void **state)
{
	(void)state;
	for (int f = 0; f < rs->nquestions; f++) {
		const struct question *q = &rs->questions[f];
		fact_value v[OPNAME_MAX_VALUES], back;
		int n = fact_values(q, v);
		for (int i = 0; i < n; i++) {
			struct strbuf id = STRBUF_INIT;
			fact_value_put(&id, q, v[i]);
			assert_int_equal(fact_value_parse(q, id.buf, &back), 0);
			sb_release(&id);
			assert_int_equal(back, v[i]);
			assert_true(fact_value_valid(q, v[i]));
		}
	}
	struct strbuf sb = STRBUF_INIT;
	fact_value_put(&sb, fact("participant"), FV_MISSING);
	assert_int_equal(sb.len, 0); /* nothing for a missing value */
	fact_value_put(&sb, fact("participant"), FV_UNKNOWN);
	assert_string_equal(sb.buf, "unknown");
	sb_reset(&sb);
	fact_value_put(&sb, fact("action"), 0);
	assert_string_equal(sb.buf, "record");
	sb_release(&sb);
}

static void labels_of_a_bool(void **state)
{
	(void)state;
	const struct question *q = fact("participant");
	assert_ptr_equal(fact_value_label(q, FV_FALSE), &q->labels[0]);
	assert_ptr_equal(fact_value_label(q, FV_TRUE), &q->labels[1]);
	assert_ptr_equal(fact_value_label(q, FV_UNKNOWN), &q->labels[LABEL_UNKNOWN]);
}

static void hints_and_tests_as_text(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	fact_values_hint(fact("participant"), &sb);
	assert_string_equal(sb.buf, "true, false or unknown (also yes/no, ja/nee)");
	sb_reset(&sb);
	struct cond c = { .kind = COND_TEST, .accept = 1u << FV_FALSE };
	fact_test_text(fact("participant"), &c, &sb);
	assert_string_equal(sb.buf, "participant = false");
	sb_reset(&sb);
	c.accept = 1u << 0 | 1u << 2;
	fact_test_text(fact("action"), &c, &sb);
	assert_string_equal(sb.buf, "action in record|share");
	sb_reset(&sb);
	c.accept = 1u << 1;
	fact_test_text(fact("action"), &c, &sb);
	assert_string_equal(sb.buf, "action = edit");
	sb_release(&sb);
}

/* The interview's answers go through the same table. */
static void answers_through_the_table(void **state)
{
	(void)state;
	struct answer a;
	assert_int_equal(answer_parse(fact("participant"), "Ja", 2, &a), ANSWER_VALUE);
	assert_int_equal(a.value, FV_TRUE);
	assert_int_equal(answer_parse(fact("action"), "2", 1, &a), ANSWER_VALUE);
	assert_int_equal(a.value, 1);
	assert_int_equal(answer_parse(fact("action"), "weet niet", 9, &a), ANSWER_BAD);
	assert_int_equal(a.error, ANSWER_ERR_UNKNOWN_CHOICE);
}

/* A number is tested by the interval its tests' constants cut: check
 * branches on each interval's start and unknown. */
static void numbers_by_interval(void **state)
{
	(void)state;
	struct ruleset *n = load_ok(
		"opname: 1\nname: n\nversion: '1'\nlanguages: [en]\n"
		"parts: [{id: p, title: {en: P}}]\n"
		"questions: [{id: h, type: number, max: 500, unit: {en: hours}, refs: [p], text: {en: H?}}]\n"
		"steps: [{id: s, ref: p, text: {en: S}}]\n"
		"unknown: {verdict: consult, reason: {en: U}, steps: []}\n"
		"rules:\n  - {id: A, when: {h: {gt: 72}}, verdict: not_allowed, refs: [p], reason: {en: a}, steps: []}\n"
		"  - {id: B, when: {h: 0}, verdict: allowed, refs: [p], reason: {en: b}, steps: [s]}\n"
		"  - {id: C, verdict: consult, refs: [p], reason: {en: c}, steps: []}\n");
	const struct question *q = &n->questions[0];
	fact_value v[OPNAME_MAX_VALUES], x;
	/* starts: 0 (min), 1 (after 0), 72, 73 (after 72) */
	assert_int_equal(fact_values(q, v), 5);
	assert_int_equal(v[0], 0);
	assert_int_equal(v[1], 1);
	assert_int_equal(v[2], 72);
	assert_int_equal(v[3], 73);
	assert_int_equal(v[4], FV_UNKNOWN);
	assert_int_equal(fact_interval(q, 0), 0);
	assert_int_equal(fact_interval(q, 50), 1);
	assert_int_equal(fact_interval(q, 72), 2);
	assert_int_equal(fact_interval(q, 500), 3);
	assert_true(fact_value_valid(q, 500));
	assert_false(fact_value_valid(q, 501));
	assert_int_equal(fact_value_parse(q, "80", &x), 0);
	assert_int_equal(x, 80);
	assert_int_equal(fact_value_parse(q, "501", &x), -1);
	assert_int_equal(fact_value_parse(q, "-1", &x), -1);
	assert_int_equal(fact_value_parse(q, "8x", &x), -1);
	assert_int_equal(fact_value_parse(q, "99999999999999", &x), -1);
	assert_int_equal(fact_value_parse(q, "unknown", &x), 0);
	assert_int_equal(x, FV_UNKNOWN);
	struct strbuf sb = STRBUF_INIT;
	fact_value_range(&sb, q, 1);
	assert_string_equal(sb.buf, "1-71");
	sb_reset(&sb);
	fact_value_range(&sb, q, 73);
	assert_string_equal(sb.buf, "73-500");
	sb_reset(&sb);
	fact_value_put(&sb, q, 80);
	assert_string_equal(sb.buf, "80");
	sb_reset(&sb);
	fact_test_text(q, &n->conds[n->rules[0].when], &sb);
	assert_string_equal(sb.buf, "h > 72");
	sb_release(&sb);
	struct answer a;
	assert_int_equal(answer_parse(q, " 80 ", 4, &a), ANSWER_VALUE);
	assert_int_equal(a.value, 80);
	assert_int_equal(answer_parse(q, "weet niet", 9, &a), ANSWER_VALUE);
	assert_int_equal(a.value, FV_UNKNOWN);
	assert_int_equal(answer_parse(q, "veel", 4, &a), ANSWER_BAD);
	assert_int_equal(a.error, ANSWER_ERR_NOT_A_NUMBER);
	/* the engine: 80 is in the interval of > 72 */
	const char *facts[] = { "h=80", NULL };
	struct outcome o;
	decide_with(n, &o, facts);
	assert_int_equal(o.verdict, VERDICT_NOT_ALLOWED);
	const char *zero[] = { "h=0", NULL };
	decide_with(n, &o, zero);
	assert_int_equal(o.verdict, VERDICT_ALLOWED);
	rules_free(n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(types_by_name),
		cmocka_unit_test(bool_values_in_check_order),
		cmocka_unit_test(choice_values_are_its_choices),
		cmocka_unit_test(ids_parse_back),
		cmocka_unit_test(labels_of_a_bool),
		cmocka_unit_test(hints_and_tests_as_text),
		cmocka_unit_test(answers_through_the_table),
		cmocka_unit_test(numbers_by_interval),
	};
	rs = rules_builtin();
	return cmocka_run_group_tests_name("fact", tests, NULL, NULL);
}
