#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Date facts: YYYY-MM-DD from --set, case files and the interview, with
# located errors; tests against constants and against another date plus a
# duration (16y); check branches on both exactly.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
r="--rules tests/data/dates/consent.yaml --lang en"

run $r check
expect_status 0
expect_out "consent 1: 10 paths, 3 rules, 2 questions, 1 steps: all reachable"

run $r test tests/data/dates/consent.tests.yaml
expect_status 0
expect_out "6 passed, 0 failed"

# The day before the 16th birthday, a parent consents; on it, not.
run $r decide --set consent_date=2024-02-28 --set birth_date=2008-02-29 --format json
expect_status 10
expect_json '.verdict == "parent_consent" and .facts_used == ["consent_date", "birth_date"]'
run $r decide --set consent_date=2024-02-29 --set birth_date=2008-02-29 --format json
expect_status 0
expect_json '.verdict == "own_consent"'

run $r decide --set consent_date=2024-02-28 --set birth_date=2008-02-29 --explain
expect_out "consent_date before 2018-05-25: false"
expect_out "consent_date before birth_date + 16y: true"

printf 'facts:\n  consent_date: 2018-05-24\n' >"$tmp/c.yaml"
run $r decide "$tmp/c.yaml" --format json
expect_status 11
expect_json '.verdict == "before_law"'

run $r decide --set consent_date=2023-02-29
expect_status 64
expect_err "'2023-02-29' is not a value of 'consent_date': use a date YYYY-MM-DD (from 1900-01-01), or unknown"
printf '{"facts": {"birth_date": "31-12-2008"}}\n' >"$tmp/bad.json"
run $r decide "$tmp/bad.json"
expect_status 65
expect_err "bad.json:1:26: '31-12-2008' is not a value of 'birth_date'"

run_in '2024-02-28
2008-02-29
' $r ask --save "$tmp/saved.yaml"
expect_status 10
expect_out "(a date YYYY-MM-DD / don't know) > "
grep -q '^  birth_date: 2008-02-29$' "$tmp/saved.yaml" || fail_check "the saved case lacks the birth date"
run_in '28-02-2024
' $r ask
expect_status 65
expect_err "'28-02-2024' is not an answer to 'consent_date' (YYYY-MM-DD, don't know)"

# The diagram: each path's birth dates either side of consent - 16y.
run $r graph --format mermaid
expect_out '"2002-05-26"'
expect_out '"before 2018-05-25"'

run $r questions
expect_out "birth_date (date: YYYY-MM-DD, or unknown)"
expect_out "used by: C1"

# A failing test that lacks a fact says which.
printf 'rules: consent\ntests:\n  - name: no birth date\n    facts: {consent_date: 2024-01-01}\n    expect: {verdict: own_consent}\n' \
	>"$tmp/lacks.tests.yaml"
run $r test "$tmp/lacks.tests.yaml"
expect_status 1
expect_out "lacks.tests.yaml:3: test 'no birth date': verdict: expected own_consent, got incomplete (the test gives no 'birth_date')"

run --rules tests/data/rules/bad-date.yaml check
expect_status 65
expect_err "'2022-02-30' is not a date: write YYYY-MM-DD, from 1900-01-01"
expect_err "'age' is not a date question"
expect_err "'4x' is not a duration: write a count and d, w, m or y (4w, 16y)"
finish
