/* SPDX-License-Identifier: EUPL-1.2 */
/* The case reader: YAML and JSON, the boolean spellings, unknown, null,
 * --set, and a located message naming the valid values for every mistake. */
#include "helpers.h"

/* The built-in spelregels: compiled in, never freed, no setup needed. */
static struct ruleset *rs;

static fact_value value_of(const struct case_file *c, const char *fact)
{
	return c->facts[ruleset_find_fact(rs, fact)];
}

/* Read a case that must be good. */
static void read_ok(const char *text, struct case_file *c, struct arena *a)
{
	struct diag d;
	diag_init(&d, "c.yaml");
	if (case_read(rs, text, strlen(text), a, c, &d) < 0)
		fail_msg("%s", d.text.buf);
	diag_release(&d);
}

static void yaml_and_json_read_alike(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct case_file y, j;
	read_ok("id: x-1\nfacts:\n  action: record\n  participant: ja\n  announced: unknown\n"
		"meta: {handled_by: [team, Wmo]}\n", &y, a);
	read_ok("{\"id\": \"x-1\", \"facts\": {\"action\": \"record\", \"participant\": true,"
		" \"announced\": \"unknown\"}}", &j, a);
	assert_string_equal(y.id, "x-1");
	assert_string_equal(j.id, "x-1");
	for (int i = 0; i < rs->nquestions; i++)
		assert_int_equal(y.facts[i], j.facts[i]);
	assert_int_equal(value_of(&y, "action"), 0);
	assert_int_equal(value_of(&y, "participant"), FV_TRUE);
	assert_int_equal(value_of(&y, "announced"), FV_UNKNOWN);
	assert_int_equal(value_of(&y, "media"), FV_MISSING);
	arena_free(a);
}

static void bool_spellings(void **state)
{
	(void)state;
	const struct question *q = &rs->questions[ruleset_find_fact(rs, "participant")];
	const char *yes[] = { "true", "True", "TRUE", "yes", "Yes", "ja", "JA" };
	const char *no[] = { "false", "False", "no", "NO", "nee", "Nee" };
	fact_value v;
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		assert_int_equal(fact_value_parse(q, yes[i], &v), 0);
		assert_int_equal(v, FV_TRUE);
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		assert_int_equal(fact_value_parse(q, no[i], &v), 0);
		assert_int_equal(v, FV_FALSE);
	}
	assert_int_equal(fact_value_parse(q, "Unknown", &v), 0);
	assert_int_equal(v, FV_UNKNOWN);
	assert_int_equal(fact_value_parse(q, "maybe", &v), -1);
	assert_int_equal(fact_value_parse(q, "1", &v), -1);
	assert_int_equal(fact_value_parse(q, "", &v), -1);
	/* a choice fact has no unknown */
	const struct question *k = &rs->questions[ruleset_find_fact(rs, "action")];
	assert_int_equal(fact_value_parse(k, "unknown", &v), -1);
	assert_int_equal(fact_value_parse(k, "SHARE", &v), 0);
	assert_int_equal(v, 2);
}

static void null_means_not_given(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct case_file c;
	read_ok("facts:\n  action: record\n  media: ~\n  participant:\n", &c, a);
	assert_int_equal(value_of(&c, "media"), FV_MISSING);
	assert_int_equal(value_of(&c, "participant"), FV_MISSING);
	read_ok("facts:\n", &c, a);
	assert_int_equal(value_of(&c, "action"), FV_MISSING);
	arena_free(a);
}

static void outcome_is_read_for_replay(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct case_file c;
	read_ok("facts: {action: evidence}\noutcome:\n  verdict: not_allowed\n  rule: E1\n"
		"  rules_file: {name: spelregels, version: '2026.1', sha256: abc}\n", &c, a);
	assert_true(c.has_outcome);
	assert_true(c.has_previous_verdict);
	assert_int_equal(c.previous_verdict, VERDICT_NOT_ALLOWED);
	assert_string_equal(c.previous_version, "2026.1");
	arena_free(a);
}

struct bad {
	const char *text;
	const char *message;
};

static const struct bad bad_cases[] = {
	{ "", "c.yaml:1:1: an empty case: expected a mapping with 'facts'" },
	{ "---\n", "c.yaml:2:1: an empty case: expected a mapping with 'facts'" },
	{ "~\n", "c.yaml:1:1: an empty case" },
	{ "- a\n", "c.yaml:1:1: a case is a mapping with 'facts', not a sequence" },
	{ "facts: [a]\n", "c.yaml:1:8: 'facts' must be a mapping" },
	{ "facts: {partcipant: true}\n",
	  "c.yaml:1:9: unknown fact 'partcipant' (did you mean 'participant'?); facts are: action, media," },
	{ "facts: {participant: maybe}\n",
	  "c.yaml:1:22: 'maybe' is not a value of 'participant': use true, false or unknown (also yes/no, ja/nee)" },
	{ "facts: {action: recrod}\n",
	  "'recrod' is not a value of 'action' (did you mean 'record'?): use record, edit, share, evidence, copy or breach" },
	{ "facts: {action: unknown}\n", "'unknown' is not a value of 'action'" },
	{ "facts: {action: [record]}\n", "the value of 'action' must be a scalar, not a sequence" },
	{ "fact: {}\n", "c.yaml:1:1: unknown key 'fact' (did you mean 'facts'?)" },
	{ "facts: {}\nverdict: allowed\n", "unknown key 'verdict': a case has id, facts, meta and outcome" },
	{ "facts: {}\nfacts: {}\n", "c.yaml:2:1: duplicate key 'facts' (first at line 1)" },
	{ "facts: {action: record, action: edit}\n", "duplicate key 'action'" },
	{ "id: [1]\n", "'id' must be a non-empty scalar" },
	{ "facts: &f {}\n", "anchors (&f) are not allowed" },
	{ "facts: !!map {}\n", "tags (tag:yaml.org,2002:map) are not allowed" },
	{ "facts: {action: record}\n---\nfacts: {}\n", "c.yaml:2:1: a second document" },
	{ "facts: {action: \"rec\\0ord\"}\n", "a NUL character" },
	{ "facts: {action: 'record\n", "invalid YAML" },
};

static void bad_cases_are_located(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		struct case_file c;
		struct diag d;
		diag_init(&d, "c.yaml");
		int rc = case_read(rs, bad_cases[i].text, strlen(bad_cases[i].text), a, &c, &d);
		if (rc == 0 || !d.text.buf || !strstr(d.text.buf, bad_cases[i].message))
			fail_msg("case %zu: expected '%s', got:\n%s", i, bad_cases[i].message,
				 d.text.buf ? d.text.buf : "(nothing)");
		diag_release(&d);
		arena_reset(a);
	}
	arena_free(a);
}

/* Every problem of one case is reported, not only the first. */
static void reports_every_problem(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct case_file c;
	struct diag d;
	diag_init(&d, "c.yaml");
	const char *text = "facts:\n  action: recrod\n  medai: audio\n  participant: 2\n";
	assert_int_equal(case_read(rs, text, strlen(text), a, &c, &d), -1);
	assert_int_equal(d.count, 3);
	assert_non_null(strstr(d.text.buf, "c.yaml:2:11:"));
	assert_non_null(strstr(d.text.buf, "c.yaml:3:3: unknown fact 'medai' (did you mean 'media'?)"));
	assert_non_null(strstr(d.text.buf, "c.yaml:4:16:"));
	diag_release(&d);
	arena_free(a);
}

static void set_assignments(void **state)
{
	(void)state;
	struct case_file c;
	struct strbuf err = STRBUF_INIT;
	case_init(rs, &c);
	assert_int_equal(case_set(rs, &c, "action=record", &err), 0);
	assert_int_equal(case_set(rs, &c, "participant=Nee", &err), 0);
	assert_int_equal(value_of(&c, "participant"), FV_FALSE);
	assert_int_equal(case_set(rs, &c, "participant=unknown", &err), 0);
	assert_int_equal(value_of(&c, "participant"), FV_UNKNOWN); /* overrides */
	assert_int_equal(case_set(rs, &c, "participant", &err), -1);
	assert_string_equal(err.buf, "--set 'participant': expected FACT=VALUE");
	sb_reset(&err);
	assert_int_equal(case_set(rs, &c, "=x", &err), -1);
	sb_reset(&err);
	assert_int_equal(case_set(rs, &c, "mdia=audio", &err), -1);
	assert_non_null(strstr(err.buf, "unknown fact 'mdia' (did you mean 'media'?)"));
	sb_reset(&err);
	assert_int_equal(case_set(rs, &c, "media=", &err), -1);
	assert_non_null(strstr(err.buf, "'' is not a value of 'media'"));
	sb_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(yaml_and_json_read_alike),
		cmocka_unit_test(bool_spellings),
		cmocka_unit_test(null_means_not_given),
		cmocka_unit_test(outcome_is_read_for_replay),
		cmocka_unit_test(bad_cases_are_located),
		cmocka_unit_test(reports_every_problem),
		cmocka_unit_test(set_assignments),
	};
	rs = rules_builtin();
	return cmocka_run_group_tests_name("case", tests, NULL, NULL);
}
