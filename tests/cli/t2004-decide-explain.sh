#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# decide --explain in the chosen language, and its JSON with the nesting
# of the conditions kept (tests/data/answers.yaml).
. "$(dirname "$0")/lib.sh"
r="$top/tests/data/answers.yaml"
run --rules "$r" decide --explain --set told=true --set who=citizen --set home=true
expect_status 0
expect_out 'regel N (niet toegestaan): onwaar'
expect_out 'regel E (toegestaan): onwaar'
expect_out 'regel H (toegestaan): waar — beslist'
expect_out '    who = employee: onwaar'
expect_not_out ': false'
expect_not_out ': true'
expect_not_out 'not_allowed'
run --rules "$r" --lang en decide --explain --set told=true --set who=citizen
expect_status 3
expect_out 'rule H (allowed): '
expect_out 'stopped: answer missing'
run --rules "$r" decide --explain --format json --set told=false
expect_status 1
expect_json '.explain == [{"rule": "N", "verdict": "not_allowed", "value": "true", "condition": {"kind": "test", "value": "true", "fact": "told", "test": "told = false"}, "steps": []}]'
# the built-in rules: every rule tried is a tree of parts
run decide --explain --format json --set action=record --set media=video
expect_status 1
expect_json '.explain[-1].rule == "R1" and .explain[-1].condition.kind == "all" and ([.explain[-1].condition.parts[].fact] == ["action", "media"])'
expect_json '[.explain[].condition | .. | objects | select(.kind == "test") | .value] | all(. == "true" or . == "false" or . == "not evaluated" or . == "unknown")'
finish
