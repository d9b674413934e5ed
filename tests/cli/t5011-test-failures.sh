#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname test: failures show expected and actual with the test's line, and
# exit 1; invalid test files exit 65 with located messages; missing ones 66.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
d=tests/data/tests

run test $d/wrong.tests.yaml
expect_status 1
expect_out "$d/wrong.tests.yaml:7: test 'wrong verdict and rule': verdict: expected allowed, got not_allowed"
expect_out "$d/wrong.tests.yaml:7: test 'wrong verdict and rule': rule: expected E1, got R1"
expect_out "$d/wrong.tests.yaml:10: test 'wrong lists': next_steps: expected [avg_compliance], got [contact_privacy_officer]"
expect_out "$d/wrong.tests.yaml:10: test 'wrong lists': refs: expected [c], got [c, publication, avg]"
expect_out "$d/wrong.tests.yaml:10: test 'wrong lists': facts_used: expected [action, consent_all], got [action, recorder, consent_all, public_interest]"
expect_out "$d/wrong.tests.yaml:10: test 'wrong lists': missing: expected [public_interest], got []"
expect_out "$d/wrong.tests.yaml:10: test 'wrong lists': unknown: expected [], got [consent_all]"
expect_not_out "test 'right'"
[ "$(printf '%s\n' "$out" | tail -n 1)" = "1 passed, 2 failed" ] || fail_check "closing line"

# One wrong file fails the run even beside good ones.
run test rules/spelregels.tests.yaml $d/wrong.tests.yaml
expect_status 1
expect_out "passed, 2 failed"

run test $d/invalid.tests.yaml
expect_status 65
expect_err "$d/invalid.tests.yaml:5:13: unknown fact 'acton' (did you mean 'action'?)"
expect_err "$d/invalid.tests.yaml:9:23: unknown verdict 'maybe'"
expect_err "$d/invalid.tests.yaml:9:36: unknown rule 'E9' (did you mean 'E0'?)"
expect_err "$d/invalid.tests.yaml:9:53: unknown step 'anounce' (did you mean 'announce'?)"
expect_err "$d/invalid.tests.yaml:10:5: test 'no expectation' has no 'expect'"
expect_err "$d/invalid.tests.yaml:14:5: unknown key 'expct' in a test (did you mean 'expect'?)"
[ -z "$out" ] || fail_check "an invalid test file must run no test"

run test $d/other.tests.yaml
expect_status 65
expect_err "for the rule file named 'small', not 'spelregels'"

printf '' >"$tmp/empty.tests.yaml"
run test "$tmp/empty.tests.yaml"
expect_status 65
expect_err "empty.tests.yaml:1:1: an empty test file"

run test $d/nope.tests.yaml
expect_status 66
expect_err "cannot read"

run test tests/data/
expect_status 66
expect_err "no *.tests.yaml files"

# A rule file's own tests beside it; coverage names what no test reaches.
run --rules tests/data/rules/good.yaml test --coverage
expect_status 0
expect_out "coverage: 3/3 rules, 2/2 steps, 'unknown' section reached, 4/4 paths"
expect_not_out "not reached"
expect_out "5 passed, 0 failed"
head -n 9 tests/data/rules/good.tests.yaml >"$tmp/part.tests.yaml"
run --rules tests/data/rules/good.yaml test --coverage "$tmp/part.tests.yaml"
expect_status 0
expect_out "coverage: 2/3 rules, 1/2 steps, 'unknown' section not reached, 2/4 paths"
expect_out "not reached: the path kind=b, ok=false"
expect_out "not reached: the path kind=b, ok=unknown"
expect_out "not reached: rule R3 (tests/data/rules/good.yaml:"
expect_out "not reached: the 'unknown' section"
expect_out "not reached: step ask (tests/data/rules/good.yaml:"

cp tests/data/rules/good.yaml "$tmp/lonely.yaml"
run --rules "$tmp/lonely.yaml" test
expect_status 66
expect_err "no tests for $tmp/lonely.yaml: write them in $tmp/lonely.tests.yaml"
finish
