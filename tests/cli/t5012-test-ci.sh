#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname test for CI scripts: -v names every test that passed; --run REGEX
# runs the tests whose name matches (none: exit 1); --format json gives one
# object whose records say what the text says; --coverage gives the share
# reached, and --fail-under N fails a run below N percent.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
d=tests/data/tests
good=tests/data/rules/good.yaml

run test -v $d/wrong.tests.yaml
expect_status 1
expect_out "$d/wrong.tests.yaml:4: test 'right': passed"
expect_out "$d/wrong.tests.yaml:7: test 'wrong verdict and rule': verdict: expected allowed, got not_allowed"
run test $d/wrong.tests.yaml
expect_not_out "test 'right': passed"

# --run: exactly the tests whose names match, by the JSON list of all
run test --format json
expect_status 0
all=$(printf '%s' "$out" | jq -r '.tests[].name')
expect_json '(.tests | length) == .passed and .failed == 0 and (.tests | all(.passed and .failures == []))'
want=$(printf '%s\n' "$all" | grep -cE '^(C|R)[0-9]')
run test --run '^(C|R)[0-9]' --format json
expect_status 0
expect_json "(.tests | length) == $want and (.tests | all(.name | test(\"^(C|R)[0-9]\")))"
[ "$want" -ge 3 ] || fail_check "too few tests to pick from"
run test --run 'no such test, surely'
expect_status 1
expect_err "opname: --run 'no such test, surely': no test's name matches"
run test --run '('
expect_status 64
expect_err "opname: --run '(': not a regular expression"

# the records of failures are the text's lines
"$OPNAME" test $d/wrong.tests.yaml >"$tmp/text"
run test --format json $d/wrong.tests.yaml
expect_status 1
expect_no_err
got=$(printf '%s' "$out" | jq -r '.tests[].failures[]')
want=$(grep -v ' passed, ' "$tmp/text")
[ "$got" = "$want" ] || fail_check "the failures in JSON are not the text's"
expect_json '.passed == 1 and .failed == 2 and ([.tests[] | select(.passed)] | length) == 1'
expect_json '.tests[1] | .verdict == "not_allowed" and .rule == "R1" and .line == 7'

# coverage: the share, in text and JSON; --fail-under
head -n 9 tests/data/rules/good.tests.yaml >"$tmp/part.tests.yaml"
run --rules $good test --coverage "$tmp/part.tests.yaml"
expect_status 0
expect_out "coverage: 2/3 rules, 1/2 steps, 'unknown' section not reached, 2/4 paths: 50.0%"
run --rules $good test --coverage --format json "$tmp/part.tests.yaml"
expect_status 0
expect_json '.coverage | .percent == 50 and .rules == {"reached": 2, "total": 3, "not_reached": ["R3"]}'
expect_json '.coverage | .steps.not_reached == ["ask"] and .unknown_section == false'
expect_json '.coverage.paths | .reached == 2 and .total == 4 and .not_reached == ["kind=b, ok=false", "kind=b, ok=unknown"]'
run --rules $good test --fail-under 50.1 "$tmp/part.tests.yaml"
expect_status 1
expect_err "opname: coverage 50.0% is under --fail-under 50.1%"
expect_out "50.0%"
run --rules $good test --fail-under 50 "$tmp/part.tests.yaml"
expect_status 0
expect_no_err
run --rules $good test --fail-under 100
expect_status 0
run test --fail-under 101
expect_status 64
expect_err "opname: --fail-under '101': use a percentage, 0 to 100"
run test --fail-under ten
expect_status 64
run test --format yaml
expect_status 64
expect_err "opname: unknown format 'yaml': use text or json"

finish
