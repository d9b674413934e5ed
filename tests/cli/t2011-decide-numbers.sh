#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Number facts: raw values from --set, case files (YAML and JSON numbers)
# and the interview, with located errors; check branches on the intervals
# the constants cut; the saved case keeps the number.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
r="--rules tests/data/numbers/breach.yaml --lang en"

run $r check
expect_status 0
expect_out "breach 1: 8 paths, 3 rules, 2 questions, 1 steps: all reachable"

run $r test tests/data/numbers/breach.tests.yaml --coverage
expect_status 0
expect_out "8/8 paths"
expect_out "9 passed, 0 failed"

run $r decide --set people=5000 --set hours=80 --format json
expect_status 1
expect_json '.rule == "R1" and .next_steps[0].id == "explain_delay"'

run $r decide --set people=5000 --set hours=80 --explain
expect_out "people > 1000: true"

printf 'facts:\n  people: 1000\n' >"$tmp/c.yaml"
run $r decide "$tmp/c.yaml" --format json
expect_status 2
expect_json '.rule == "R3"'

printf '{"facts": {"people": 0}}\n' >"$tmp/c.json"
run $r decide "$tmp/c.json" --format json
expect_json '.verdict == "allowed"'

# Not a whole number in range: located, with what would be right.
printf '{"facts": {"people": -3}}\n' >"$tmp/bad.json"
run $r decide "$tmp/bad.json"
expect_status 65
expect_err "bad.json:1:22: '-3' is not a value of 'people': use a whole number from 0 to 100000000, or unknown"
run $r decide --set people=100000001
expect_status 64
expect_err "'100000001' is not a value of 'people'"

# The interview takes digits or "don't know", refuses anything else from
# a script (naming what it takes), shows the unit, and saves the number.
run_in 'many
' $r ask
expect_status 65
expect_err "<stdin>:1: 'many' is not an answer to 'people' (0-100000000, don't know)"
run_in '5000
80
' $r ask --save "$tmp/saved.yaml"
expect_status 1
expect_out "(a whole number / don't know) > "
expect_out "2: 80 hours"
grep -q '^  hours: 80$' "$tmp/saved.yaml" || fail_check "the saved case lacks hours: 80"
run $r decide "$tmp/saved.yaml" --format json
expect_json '.verdict == "not_allowed"'

# The diagram labels each edge with its interval.
run $r graph --format mermaid
expect_out '"1-999, 1000"'
expect_out '"1001-100000000"'

# batch reads numbers too; the rule index passes over no rule that leads
# with a number test (it is tested by interval, not by value).
printf '{"facts":{"people":5000,"hours":80}}\n{"facts":{"people":0}}\n{"facts":{"people":999}}\n' \
	>"$tmp/many.jsonl"
run $r batch "$tmp/many.jsonl" --format csv
expect_out "many.jsonl:1,not_allowed,R1,explain_delay,,,"
expect_out "many.jsonl:2,allowed,R2,,,,"
expect_out "many.jsonl:3,consult,R3,,,,"

# questions and the case schema say what a number takes.
run $r questions
expect_out "people (number: 0 to 100000000, or unknown)"
expect_out "hours (number: 0 to 2147483647 hours, or unknown)"
run $r questions --format json
expect_json '.facts[1] | .type == "number" and .min == 0 and .max == 100000000'
run $r schema case
expect_json '.properties.facts.properties.people.anyOf[0] == {"type": "integer", "minimum": 0, "maximum": 100000000}'

# A rule file's mistakes with numbers (tests/data/rules/bad-number.expected);
# an unknown type gets one error, not a second at each test of it.
run --rules tests/data/rules/bad-number.yaml check
expect_status 65
expect_err "unknown type 'time': use bool, choice, number, date or set"
case "$err" in *"'d' is a bool question"*) fail_check "a second error for 'd'" ;; esac
finish
