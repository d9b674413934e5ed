#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Set facts (type: set): --set with commas, '|' and an empty value; case
# files with YAML and JSON lists; batch in JSON Lines and CSV; located
# errors for unknown ids, duplicates and a scalar where a list is needed;
# ask --save writes a list that decides the same again; check branches on
# the classes the tests tell apart; questions, graph, explain and the case
# schema show the set; 'x: unknown' tests.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
r="--rules tests/data/sets/kinds.yaml --lang en"

# 6 classes of sets (of 32 subsets) and unknown; behind two of them the
# bool, 3 ways: 11 paths
run $r check --strict
expect_status 0
expect_out "kinds 1: 11 paths, 5 rules, 2 questions, 2 steps: all reachable"

run $r decide --set data_types=health,children --format json
expect_status 10
expect_json '.verdict == "heavy" and .rule == "S1" and .next_steps[0].id == "protect_children"'
run $r decide --set 'data_types= Criminal | other ' --format json
expect_json '.rule == "S1" and .next_steps == []'
run $r decide --set data_types= --format json
expect_json '.verdict == "light" and .rule == "S2" and .facts_used == ["data_types"]'
run $r decide --set 'data_types=[]' --format json
expect_json '.rule == "S2"'
run $r decide --set data_types=financial --set known=no --format json
expect_json '.rule == "S4"'
# 'data_types: unknown' holds exactly when it is unknown: S0, not the
# unknown section
run $r decide --set data_types=unknown --format json
expect_status 12
expect_json '.rule == "S0" and .unknown == [] and .next_steps[0].id == "find_out"'
run $r decide --set data_types=children --set known=unknown --format json
expect_json '.verdict == "ask" and .rule == "S3" and .unknown == ["known"]'

run $r decide --set data_types=helth
expect_status 64
expect_err "--set: 'helth' is not a choice of 'data_types' (did you mean 'health'?): use a list of health, criminal, financial, children, other"
run $r decide --set data_types=health,health
expect_status 64
expect_err "'health' is in the list twice"
run $r decide --set data_types=health,
expect_status 64
expect_err "an empty item in the list"

# case files: a list, [] for none; JSON too
printf 'facts:\n  data_types: [health, children]\n' >"$tmp/c.yaml"
run $r decide "$tmp/c.yaml" --format json
expect_json '.rule == "S1" and .next_steps[0].id == "protect_children"'
printf '{"facts": {"data_types": []}}\n' >"$tmp/c.json"
run $r decide "$tmp/c.json" --format json
expect_json '.rule == "S2"'
printf 'facts:\n  data_types: [health, x, health, [a]]\n' >"$tmp/bad.yaml"
run $r decide "$tmp/bad.yaml"
expect_status 65
expect_err "bad.yaml:2:24: 'x' is not a choice of 'data_types'"
expect_err "bad.yaml:2:27: 'health' is in the list twice"
expect_err "bad.yaml:2:35: an item of 'data_types' is a choice id, not a sequence"
printf 'facts:\n  data_types: health\n' >"$tmp/scalar.yaml"
run $r decide "$tmp/scalar.yaml"
expect_status 65
expect_err "scalar.yaml:2:15: 'data_types' is a set: give a list such as [health], [] for none, or unknown"

# batch: JSON Lines, and CSV with '|' in a cell ([] for none: an empty
# cell is a fact not given)
printf '{"id": "a", "facts": {"data_types": ["criminal"]}}\n{"id": "b", "facts": {"data_types": []}}\n{"id": "c", "facts": {"data_types": "unknown"}}\n' >"$tmp/many.jsonl"
run $r batch "$tmp/many.jsonl" --format csv
expect_out "a,heavy,S1,,,,"
expect_out "b,light,S2,,,,"
expect_out "c,ask,S0,find_out,,,"
printf 'id,data_types,known\nx,health|children,\ny,[],\nz,financial|other,yes\nw,financial,\n' >"$tmp/cases.csv"
run $r batch --input csv "$tmp/cases.csv" --format csv
expect_out "x,heavy,S1,protect_children,,,"
expect_out "y,light,S2,,,,"
expect_out "z,light,S3,,,,"
expect_out "w,incomplete,,,known,,"

# the interview saves a YAML list, and deciding it again gives the same
run_in '2, 4
' $r ask --save "$tmp/saved.yaml"
expect_status 10
expect_out "Answers: 1: Criminal records, Data of children"
grep -q '^  data_types: \["criminal", "children"\]$' "$tmp/saved.yaml" ||
	fail_check "the saved case lacks the list: $(cat "$tmp/saved.yaml")"
run $r decide "$tmp/saved.yaml" --format json
expect_json '.rule == "S1" and .next_steps[0].id == "protect_children"'
run_in '0
yes
' $r ask --save "$tmp/none.yaml"
grep -q '^  data_types: \[\]$' "$tmp/none.yaml" || fail_check "the saved case lacks []"
run $r decide "$tmp/none.yaml" --format json
expect_json '.rule == "S2"'
run_in 'x
' $r ask
expect_status 65
expect_err "<stdin>:1: 'x' is not an answer to 'data_types' (1-5 or ids, comma-separated; 0 or none; don't know)"

# why: each class of sets, one set for example
run_in 'why
stop
' $r ask
expect_out "  - none: light (rule S2)"
expect_out "  - for example health, Data of children: heavy (rule S1)"
expect_out "  - don't know: ask (rule S0)"

# what shows the set
run $r decide --set data_types=health --explain
expect_out "data_types has any of health|criminal: true"
run $r questions
expect_out "data_types (set: several choices at once (a list), or unknown)"
expect_out "    children   Data of children"
run $r questions --format json
expect_json '.facts[0] | .type == "set" and (.choices | length) == 5 and .values == ["health", "criminal", "financial", "children", "other", "unknown"]'
run $r graph --format mermaid
expect_out '|"[health], [health,financial]"|'
expect_out '|"[]"|'
run $r schema case
expect_status 0
printf '%s' "$out" | jq -e '.properties.facts.properties.data_types.anyOf[0] | .type == "array" and .uniqueItems' >/dev/null ||
	fail_check "the case schema has no array for data_types"
if command -v python3 >/dev/null && python3 -c 'import jsonschema' 2>/dev/null; then
	printf '%s' "$out" >"$tmp/schema.json"
	python3 tests/cli/schema-validate.py "$tmp/schema.json" "$tmp/c.json" >/dev/null ||
		fail_check "a case with a list does not validate against the schema"
fi

# the loader: unknown ids located; a choice question is never unknown
# rules_head: the first lines of a small rule file, up to its questions
rules_head() {
	printf 'opname: 1\nname: b\nversion: "1"\nlanguages: [en]\n'
	printf 'parts: [{id: p, title: {en: P}}]\nquestions:\n'
}
{ rules_head; cat <<'EOR'; } >"$tmp/bad-rules.yaml"
  - {id: d, type: set, refs: [p], text: {en: D?}, choices: [{id: a, text: {en: A}}]}
  - {id: c, type: choice, refs: [p], text: {en: C?}, choices: [{id: a, text: {en: A}}]}
steps: []
unknown: {verdict: consult, reason: {en: U}, steps: []}
rules:
  - {id: R1, when: {d: {any_of: [a, b]}}, verdict: allowed, refs: [p], reason: {en: x}, steps: []}
  - {id: R2, when: {c: unknown}, verdict: allowed, refs: [p], reason: {en: x}, steps: []}
  - {id: R3, when: {d: {contains: a}, c: a}, verdict: allowed, refs: [p], reason: {en: x}, steps: []}
  - {id: R4, verdict: consult, refs: [p], reason: {en: w}, steps: []}
EOR
run --rules "$tmp/bad-rules.yaml" check
expect_status 65
expect_err "bad-rules.yaml:12:37: 'b' is not a choice of 'd'; choices are: a"
expect_err "bad-rules.yaml:13:24: 'c' is a choice question: it is never unknown"
# contradictions: any of a list and none of a superset; unknown and a
# value; but two 'contains' of different choices are no contradiction
{ rules_head; cat <<'EOR'; } >"$tmp/contra.yaml"
  - {id: d, type: set, refs: [p], text: {en: D?}, choices: [{id: a, text: {en: A}}, {id: b, text: {en: B}}]}
  - {id: k, type: bool, refs: [p], text: {en: K?}}
steps: []
unknown: {verdict: consult, reason: {en: U}, steps: []}
rules:
  - {id: R1, when: {d: {contains: a}, all: [{d: {none_of: [a, b]}}]}, verdict: allowed, refs: [p], reason: {en: x}, steps: []}
  - {id: R2, when: {k: unknown, all: [{k: true}]}, verdict: allowed, refs: [p], reason: {en: x}, steps: []}
  - {id: R3, when: {d: {contains: a}, all: [{d: {contains: b}}]}, verdict: allowed, refs: [p], reason: {en: x}, steps: []}
  - {id: R4, verdict: consult, refs: [p], reason: {en: w}, steps: []}
EOR
run --rules "$tmp/contra.yaml" check
expect_status 65
expect_err "contra.yaml:12:46: 'd has none of a|b' contradicts 'd has a' (line 12)"
expect_err "contra.yaml:13:40: 'k = true' contradicts 'k = unknown' (line 13)"
case $err in *"line 14"*) fail_check "two contains are no contradiction" ;; esac
finish
