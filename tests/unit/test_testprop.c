/* SPDX-License-Identifier: EUPL-1.2 */
/* Properties in test files: read, and checked over every path that agrees
 * with 'when' (not asked, or the same answer), with a counterexample. */
#include "helpers.h"

#include "opname/testprop.h"

static const char *const RULES =
	"opname: 1\nname: t\nversion: '1'\nlanguages: [en]\n"
	"parts: [{id: p, title: {en: P}}]\n"
	"questions:\n"
	"  - {id: a, type: bool, refs: [p], text: {en: A?}}\n"
	"  - {id: b, type: bool, refs: [p], text: {en: B?}}\n"
	"  - {id: n, type: number, refs: [p], text: {en: N?}}\n"
	"steps: []\n"
	"unknown: {verdict: consult, reason: {en: U}, steps: []}\n"
	"rules:\n"
	"  - {id: A, when: {a: true}, verdict: not_allowed, refs: [p], reason: {en: r}, steps: []}\n"
	"  - {id: N, when: {n: {gt: 10}}, verdict: not_allowed, refs: [p], reason: {en: r}, steps: []}\n"
	"  - {id: B, when: {b: true}, verdict: allowed, refs: [p], reason: {en: r}, steps: []}\n"
	"  - {id: Z, verdict: consult, refs: [p], reason: {en: r}, steps: []}\n";

static struct prop_result *check(const struct ruleset *rs, const char *props, int *n,
				 struct testfile *tf)
{
	char buf[4096];
	snprintf(buf, sizeof buf,
		 "tests: [{facts: {a: true}, expect: {verdict: not_allowed}}]\nproperties:\n%s", props);
	struct diag d;
	diag_init(&d, "t.tests.yaml");
	if (testfile_read(rs, buf, strlen(buf), "t.tests.yaml", tf, &d) < 0)
		fail_msg("%s", d.text.buf);
	diag_release(&d);
	struct prop_result *r;
	*n = testprops_check(rs, tf, 1, &r);
	return r;
}

static void properties_hold_or_show_a_path(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(RULES);
	struct testfile tf;
	int n;
	struct prop_result *r = check(rs,
		"  - {name: a wins, when: {a: true}, expect: {verdict: not_allowed, rule: A}}\n"
		"  - {name: big n, when: {a: false, n: 50}, expect: {verdict: not_allowed, rule: N}}\n"
		"  - {name: b allows, when: {b: true}, expect: {verdict: allowed}}\n"
		"  - {name: unknown a, when: {a: unknown}, expect: {verdict: consult}}\n", &n, &tf);
	assert_int_equal(n, 4);
	assert_true(r[0].holds);
	assert_int_equal(r[0].paths, 1);
	assert_true(r[1].holds);
	assert_int_equal(r[1].paths, 1); /* the interval from 11 */
	/* b true: a true (not_allowed) and a small n are paths that agree */
	assert_false(r[2].holds);
	assert_string_equal(r[2].counter, "a=true");
	assert_string_equal(r[2].failure,
			    "t.tests.yaml:5: property 'b allows': verdict: expected allowed, got not_allowed, for the answers a=true");
	assert_true(r[3].holds);
	assert_int_equal(r[3].paths, 1); /* A unknown: the unknown section */
	testprops_release(r, n);
	testfile_release(&tf);

	/* a number in another interval does not agree */
	r = check(rs, "  - {name: small n, when: {a: false, n: 3, b: false}, expect: {verdict: consult, rule: Z}}\n",
		  &n, &tf);
	assert_true(r[0].holds);
	assert_int_equal(r[0].paths, 1);
	testprops_release(r, n);
	testfile_release(&tf);
	rules_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(properties_hold_or_show_a_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
