#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Named conditions: used like fact tests, lazily (facts_used names only the
# facts read), negated with false; check walks them like any condition.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
r="--rules tests/data/define/risk.yaml --lang en"

run $r check
expect_status 0
expect_out "risk 1: 15 paths, 3 rules, 3 questions, 1 steps: all reachable"

run $r test tests/data/define/risk.tests.yaml
expect_status 0
expect_out "6 passed, 0 failed"

# harm settles high_risk: health is not asked.
run $r decide --set harm=true --set ok=false --format json
expect_status 1
expect_json '.rule == "R1" and .facts_used == ["harm", "ok"]'

# The interview asks what the named condition needs, in order.
run_in 'nee
ja
ja
' $r ask
expect_out "Harm?"
expect_out "Health?"
expect_out "OK?"

# high_risk: false is the negation, three-valued: unknown stays unknown.
run $r decide --set harm=unknown --set health=false --set ok=true --format json
expect_status 2
expect_json '.verdict == "consult" and .rule == "R1" and .unknown == ["harm"]'

# Broken definitions are located (tests/data/rules/bad-define.expected).
run --rules tests/data/rules/bad-define.yaml check
expect_status 65
expect_err "named condition 'first' is defined in terms of itself: first → second → first"
expect_err "named condition 'unused' is used by no rule, step or ref"
finish
