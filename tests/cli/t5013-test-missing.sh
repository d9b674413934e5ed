#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# A failing test whose case lacks a fact the decision needed names that
# fact and its question, in text (in --lang) and in JSON ("missing").
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
r="--rules docs/examples/datalek/datalek.yaml"
t=tests/data/sets/lacks.tests.yaml

run $r test $t
expect_status 1
expect_out "$t:4: test 'no number of people': verdict: expected notify_ap, got incomplete (the test gives no 'people')"
expect_out "$t:4: test 'no number of people': missing: fact people (question 'Hoeveel mensen raakt het lek ongeveer?')"
expect_out "1 passed, 1 failed"

run $r --lang en test $t
expect_out "missing: fact people (question 'About how many people does the breach affect?')"

run $r test $t --format json
expect_status 1
expect_json '.tests[0].missing == "people" and .tests[0].passed == false'
expect_json '.tests[0].failures | any(endswith("missing: fact people (question '"'"'Hoeveel mensen raakt het lek ongeveer?'"'"')"))'
expect_json '.tests[1].missing == null and .tests[1].passed'

# a test that expects incomplete, and gets it, names nothing
printf 'rules: datalek\ntests:\n  - facts: {personal_data: true}\n    expect: {verdict: incomplete, missing: [role]}\n' >"$tmp/ok.tests.yaml"
run $r test "$tmp/ok.tests.yaml"
expect_status 0
expect_not_out "missing: fact"
finish
