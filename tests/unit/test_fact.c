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
	assert_null(fact_type_find("number", &t));
	assert_null(fact_type_find("Bool", &t));
	assert_string_equal(fact_type_of(fact("participant"))->name, "bool");
	assert_string_equal(fact_type_of(fact("action"))->name, "choice");
	assert_string_equal(fact_type_names(), "bool or choice");
}

static void bool_values_in_check_order(void **state)
{
	(void)state;
	const struct question *q = fact("participant");
	fact_value v[OPNAME_MAX_CHOICES + 1];
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
	fact_value v[OPNAME_MAX_CHOICES + 1];
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
		fact_value v[OPNAME_MAX_CHOICES + 1], back;
		int n = fact_values(q, v);
		for (int i = 0; i < n; i++) {
			assert_int_equal(fact_value_parse(q, fact_value_id(q, v[i]), &back), 0);
			assert_int_equal(back, v[i]);
			assert_true(fact_value_valid(q, v[i]));
		}
	}
	assert_string_equal(fact_value_id(fact("participant"), FV_MISSING), "");
	assert_string_equal(fact_value_id(fact("participant"), FV_UNKNOWN), "unknown");
	assert_string_equal(fact_value_id(fact("action"), 0), "record");
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
	fact_test_text(fact("participant"), 1u << FV_FALSE, &sb);
	assert_string_equal(sb.buf, "participant = false");
	sb_reset(&sb);
	fact_test_text(fact("action"), 1u << 0 | 1u << 2, &sb);
	assert_string_equal(sb.buf, "action in record|share");
	sb_reset(&sb);
	fact_test_text(fact("action"), 1u << 1, &sb);
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
	};
	rs = rules_builtin();
	return cmocka_run_group_tests_name("fact", tests, NULL, NULL);
}
