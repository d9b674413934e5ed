/* SPDX-License-Identifier: EUPL-1.2 */
/* JSON Schemas: the case-insensitive patterns, the schema names, and a
 * case schema made from the rule file's own facts and values. */
#include "helpers.h"
#include "opname/schema.h"

static void patterns_match_any_case(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	schema_words_pattern(&sb, (const char *const[]){ "ja", "not_x", "a.b-c" }, 3);
	assert_string_equal(sb.buf, "^(?:[Jj][Aa]|[Nn][Oo][Tt]_[Xx]|[Aa]\\.[Bb]\\-[Cc])$");
	sb_release(&sb);
}

static void kinds(void **state)
{
	(void)state;
	enum schema_kind k;
	assert_int_equal(schema_kind_parse("case", &k), 0);
	assert_int_equal(k, SCHEMA_CASE);
	assert_int_equal(schema_kind_parse("outcome", &k), 0);
	assert_int_equal(k, SCHEMA_OUTCOME);
	assert_int_equal(schema_kind_parse("questions", &k), 0);
	assert_int_equal(k, SCHEMA_QUESTIONS);
	assert_int_equal(schema_kind_parse("Case", &k), -1);
}

static void case_schema_of_the_rule_file(void **state)
{
	(void)state;
	const struct ruleset *rs = rules_builtin();
	struct strbuf sb = STRBUF_INIT;
	schema_write(&sb, SCHEMA_CASE, rs, 0);
	for (int f = 0; f < rs->nquestions; f++) {
		char key[160];
		snprintf(key, sizeof key, "\"%s\": {\"description\": ", rs->questions[f].id);
		assert_non_null(strstr(sb.buf, key));
	}
	/* a choice fact's enum: its choice ids, in order */
	const struct question *action = &rs->questions[ruleset_find_fact(rs, "action")];
	struct strbuf want = STRBUF_INIT;
	sb_adds(&want, "{\"enum\": [");
	for (int c = 0; c < action->nchoices; c++)
		sb_addf(&want, "%s\"%s\"", c ? ", " : "", action->choices[c].id);
	sb_adds(&want, "]}");
	assert_non_null(strstr(sb.buf, want.buf));
	sb_release(&want);
	assert_non_null(strstr(sb.buf, "{\"enum\": [\"true\", \"false\", \"yes\", \"no\", \"ja\", \"nee\", \"unknown\"]}"));
	assert_non_null(strstr(sb.buf, "\"additionalProperties\": false"));
	assert_int_equal(sb.buf[sb.len - 1], '\n');
	sb_reset(&sb);
	schema_write(&sb, SCHEMA_OUTCOME, rs, 0);
	for (int r = 0; r < rs->nrules; r++) {
		char id[64];
		snprintf(id, sizeof id, "\"%s\"", rs->rules[r].id);
		assert_non_null(strstr(sb.buf, id));
	}
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(patterns_match_any_case),
		cmocka_unit_test(kinds),
		cmocka_unit_test(case_schema_of_the_rule_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
