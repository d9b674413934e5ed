/* SPDX-License-Identifier: EUPL-1.2 */
/* Test files: reading them (every mistake located), and running a test. */
#include "helpers.h"

#include "opname/testcase.h"

static struct ruleset *spelregels(void)
{
	struct ruleset *rs = rules_builtin();
	assert_non_null(rs);
	return rs;
}

/* Read a test file from a string; returns the diagnostics ("" when none). */
static char *read_tests(const struct ruleset *rs, const char *yaml, struct testfile *tf,
			int want_rc)
{
	struct diag d;
	diag_init(&d, "x.tests.yaml");
	int rc = testfile_read(rs, yaml, strlen(yaml), "x.tests.yaml", tf, &d);
	assert_int_equal(rc, want_rc);
	free(d.entries);
	char *text = d.text.buf ? d.text.buf : calloc(1, 1);
	if (want_rc == 0 && *text)
		print_error("%s", text);
	return text;
}

static const char *const GOOD =
	"# comment\n"
	"rules: spelregels\n"
	"tests:\n"
	"  - name: evidence\n"
	"    facts: {action: evidence, recorder: citizen, participant: true, court_case: true}\n"
	"    expect: {verdict: allowed, rule: E1, next_steps: [court_decides], refs: [evidence],\n"
	"             facts_used: [action, recorder, participant, court_case], missing: [], unknown: []}\n"
	"  - facts: {action: record}\n"
	"    expect: {verdict: incomplete, rule: null, missing: [media]}\n"
	"  - name: share unknown\n"
	"    facts: {action: share, recorder: citizen, consent_all: unknown, public_interest: no}\n"
	"    expect:\n"
	"      verdict: consult\n"
	"      unknown: [consent_all]\n";

static void a_good_file_is_read(void **state)
{
	(void)state;
	struct ruleset *rs = spelregels();
	struct testfile tf;
	char *text = read_tests(rs, GOOD, &tf, 0);
	assert_string_equal(text, "");
	assert_int_equal(tf.ntests, 3);
	const struct testcase *t = &tf.tests[0];
	assert_string_equal(t->name, "evidence");
	assert_int_equal(t->line, 4);
	assert_int_equal(t->verdict, VERDICT_ALLOWED);
	assert_true(t->rule_given);
	assert_int_equal(t->rule, ruleset_find_rule(rs, "E1"));
	assert_true(t->next_steps.given);
	assert_int_equal(t->next_steps.n, 1);
	assert_int_equal(t->next_steps.ids[0], ruleset_find_step(rs, "court_decides"));
	assert_true(t->missing.given);
	assert_int_equal(t->missing.n, 0);
	assert_int_equal(t->facts[ruleset_find_fact(rs, "action")], 3);
	assert_int_equal(t->facts[ruleset_find_fact(rs, "media")], FV_MISSING);

	t = &tf.tests[1];
	assert_string_equal(t->name, "#2"); /* no name: its place */
	assert_true(t->rule_given);
	assert_int_equal(t->rule, -1);
	assert_false(t->next_steps.given);
	assert_false(t->facts_used.given);

	t = &tf.tests[2];
	assert_int_equal(t->facts[ruleset_find_fact(rs, "public_interest")], FV_FALSE);
	assert_int_equal(t->facts[ruleset_find_fact(rs, "consent_all")], FV_UNKNOWN);
	assert_false(t->rule_given);
	free(text);
	testfile_release(&tf);
	rules_free(rs);
}

static void passing_tests_report_nothing(void **state)
{
	(void)state;
	struct ruleset *rs = spelregels();
	struct testfile tf;
	free(read_tests(rs, GOOD, &tf, 0));
	struct strbuf report = STRBUF_INIT;
	struct outcome o;
	for (int i = 0; i < tf.ntests; i++)
		assert_int_equal(testcase_run(rs, &tf, &tf.tests[i], &o, &report), 0);
	assert_int_equal(report.len, 0);
	sb_release(&report);
	testfile_release(&tf);
	rules_free(rs);
}

static void failures_say_expected_and_got(void **state)
{
	(void)state;
	struct ruleset *rs = spelregels();
	struct testfile tf;
	free(read_tests(rs,
			"tests:\n"
			"  - name: wrong\n"
			"    facts: {action: record, media: video}\n"
			"    expect: {verdict: allowed, rule: null, next_steps: [], facts_used: [action],\n"
			"             missing: [media], unknown: [participant]}\n",
			&tf, 0));
	struct strbuf report = STRBUF_INIT;
	struct outcome o;
	assert_int_equal(testcase_run(rs, &tf, &tf.tests[0], &o, &report), 6);
	assert_string_equal(report.buf,
		"x.tests.yaml:2: test 'wrong': verdict: expected allowed, got not_allowed\n"
		"x.tests.yaml:2: test 'wrong': rule: expected none, got R1\n"
		"x.tests.yaml:2: test 'wrong': next_steps: expected [], got [no_video]\n"
		"x.tests.yaml:2: test 'wrong': facts_used: expected [action], got [action, media]\n"
		"x.tests.yaml:2: test 'wrong': missing: expected [media], got []\n"
		"x.tests.yaml:2: test 'wrong': unknown: expected [participant], got []\n");
	assert_int_equal(o.verdict, VERDICT_NOT_ALLOWED);
	sb_release(&report);
	testfile_release(&tf);
	rules_free(rs);
}

/* List order matters: the outputs give a defined order. */
static void lists_compare_in_order(void **state)
{
	(void)state;
	struct ruleset *rs = spelregels();
	struct testfile tf;
	free(read_tests(rs,
			"tests:\n"
			"  - facts: {action: share, recorder: citizen, consent_all: false, public_interest: false}\n"
			"    expect: {verdict: not_allowed, next_steps: [contact_privacy_officer, home_circle_only]}\n",
			&tf, 0));
	struct strbuf report = STRBUF_INIT;
	struct outcome o;
	assert_int_equal(testcase_run(rs, &tf, &tf.tests[0], &o, &report), 1);
	assert_non_null(strstr(report.buf, "got [home_circle_only, contact_privacy_officer]"));
	sb_release(&report);
	testfile_release(&tf);
	rules_free(rs);
}

static void every_mistake_is_located(void **state)
{
	(void)state;
	struct ruleset *rs = spelregels();
	struct testfile tf;
	char *text = read_tests(rs,
		"rules: spelregels\n"
		"tests:\n"
		"  - name: a\n"
		"    facts: {acton: record, media: vidoe}\n"
		"    expect: {verdict: maybe, rule: E9, next_steps: [anounce], facts_used: action}\n"
		"  - name: a\n"
		"    expect: {rule: E1}\n"
		"  - name: c\n"
		"    expct: {verdict: allowed}\n"
		"  - [not, a, mapping]\n"
		"  - name: d\n"
		"    expect: {verdict: allowed, reason: x}\n",
		&tf, -1);
	assert_string_equal(text,
		"x.tests.yaml:4:13: unknown fact 'acton' (did you mean 'action'?); facts are: action, media, participant, recorder, context, work_process, legal_basis, necessary, purpose_defined, alternatives_sufficient, citizen_objects, announced, already_recorded, weighty_reasons, third_party_objects, at_home, camera_present, edit_consent, edit_announced, consent_all, public_interest, court_case, copy_refused\n"
		"x.tests.yaml:4:35: 'vidoe' is not a value of 'media' (did you mean 'video'?): use audio or video\n"
		"x.tests.yaml:5:23: unknown verdict 'maybe': use allowed, not_allowed, consult or incomplete\n"
		"x.tests.yaml:5:36: unknown rule 'E9' (did you mean 'E0'?)\n"
		"x.tests.yaml:5:53: unknown step 'anounce' (did you mean 'announce'?)\n"
		"x.tests.yaml:5:75: expected a list of fact ids, like [action], not a scalar\n"
		"x.tests.yaml:6:5: a second test named 'a' (the first is at line 3)\n"
		"x.tests.yaml:7:13: 'expect' has no 'verdict'\n"
		"x.tests.yaml:9:5: unknown key 'expct' in a test (did you mean 'expect'?)\n"
		"x.tests.yaml:8:5: test 'c' has no 'expect'\n"
		"x.tests.yaml:10:5: a test must be a mapping (name, facts, expect), not a sequence\n"
		"x.tests.yaml:12:32: unknown key 'reason' in 'expect'; keys are: verdict, rule, next_steps, refs, facts_used, missing, unknown\n");
	assert_int_equal(tf.ntests, 0); /* nothing to run */
	free(text);
	testfile_release(&tf);
	rules_free(rs);
}

static void the_file_itself_must_be_right(void **state)
{
	(void)state;
	struct ruleset *rs = spelregels();
	struct testfile tf;
	static const struct {
		const char *yaml, *message;
	} bad[] = {
		{ "", "x.tests.yaml:1:1: an empty test file: expected a mapping with 'tests'\n" },
		{ "- a\n", "x.tests.yaml:1:1: a test file is a mapping with 'tests', not a sequence\n" },
		{ "rules: spelregels\n", "x.tests.yaml:1:1: the test file has no 'tests'\n" },
		{ "tests: {a: 1}\n", "x.tests.yaml:1:8: 'tests' must be a sequence of tests, not a mapping\n" },
		{ "rules: other\ntests: [{expect: {verdict: allowed}}]\n", "x.tests.yaml:1:8: these tests are for the rule file named 'other', not 'spelregels': choose it with --rules\n" },
		{ "tests: []\n", "x.tests.yaml:1:8: 'tests' is empty: a test file holds at least one test\n" },
		{ "test: []\n", "x.tests.yaml:1:1: unknown key 'test' in the test file (did you mean 'tests'?)\n"
			        "x.tests.yaml:1:1: the test file has no 'tests'\n" },
		{ "tests: [{expect: &a {verdict: allowed}}]\n", "x.tests.yaml:1:18: anchors (&a) are not allowed: write the value out\n" },
		{ "tests:\n  - {facts: {}, expect: {verdict: allowed}}\n  - {facts: {}, expect: {verdict: allowed}, facts: {}}\n",
		  "x.tests.yaml:3:45: duplicate key 'facts' (first at line 3)\n" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *text = read_tests(rs, bad[i].yaml, &tf, -1);
		assert_string_equal(text, bad[i].message);
		free(text);
		testfile_release(&tf);
	}
	rules_free(rs);
}

/* The tests built into the binary are the spelregels' own, and pass. */
static void the_builtin_tests_pass(void **state)
{
	(void)state;
	struct ruleset *rs = spelregels();
	size_t len;
	const char *text = rules_builtin_tests(&len);
	struct diag d;
	diag_init(&d, "builtin");
	struct testfile tf;
	assert_int_equal(testfile_read(rs, text, len, "builtin", &tf, &d), 0);
	assert_true(tf.ntests >= 80);
	struct strbuf report = STRBUF_INIT;
	struct outcome o;
	int rules_hit[OPNAME_MAX_RULES] = { 0 }, hit = 0;
	for (int i = 0; i < tf.ntests; i++) {
		assert_int_equal(testcase_run(rs, &tf, &tf.tests[i], &o, &report), 0);
		/* every test states more than its verdict; the tests of the
		 * interview's points (scripts/path-tests.py) state everything */
		const struct testcase *t = &tf.tests[i];
		assert_true(t->rule_given || t->next_steps.given || t->refs.given ||
			    t->facts_used.given || t->missing.given || t->unknown.given);
		if (!strncmp(t->name, "path: ", 6) || !strncmp(t->name, "missing: ", 9))
			assert_true(t->rule_given && t->next_steps.given && t->refs.given &&
				    t->facts_used.given && t->missing.given && t->unknown.given);
		if (o.rule >= 0 && !o.by_unknown && !rules_hit[o.rule]++)
			hit++;
	}
	assert_string_equal(report.buf ? report.buf : "", "");
	assert_int_equal(hit, rs->nrules);
	sb_release(&report);
	diag_release(&d);
	testfile_release(&tf);
	rules_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_good_file_is_read),
		cmocka_unit_test(passing_tests_report_nothing),
		cmocka_unit_test(failures_say_expected_and_got),
		cmocka_unit_test(lists_compare_in_order),
		cmocka_unit_test(every_mistake_is_located),
		cmocka_unit_test(the_file_itself_must_be_right),
		cmocka_unit_test(the_builtin_tests_pass),
	};
	return cmocka_run_group_tests_name("testcase", tests, NULL, NULL);
}
