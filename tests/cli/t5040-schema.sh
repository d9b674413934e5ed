#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname schema case|outcome|questions: each is a valid JSON Schema
# (draft 2020-12, checked by python3-jsonschema); every example case is
# valid by the case schema exactly when opname reads it; cases opname
# refuses are invalid by it; and every record decide and batch write (and
# questions --format json) is valid by its schema. The case schema follows
# the rule file in use.
. "$(dirname "$0")/lib.sh"
validate="python3 $here/schema-validate.py"

for k in case outcome questions; do
	run schema $k
	expect_status 0
	expect_no_err
	printf '%s\n' "$out" >"$tmp/$k.json"
	expect_json '."$schema" == "https://json-schema.org/draft/2020-12/schema"'
done
run schema
expect_status 64
expect_err "opname: which schema? use case, outcome or questions"
run schema cases
expect_status 64
expect_err "opname: unknown schema 'cases': use case, outcome or questions"

# agrees() FILE: valid by the case schema exactly when decide reads it
agrees() {
	"$OPNAME" decide "$1" >/dev/null 2>&1
	s=$?
	v=$($validate "$tmp/case.json" --yaml "$1")
	last="decide $1 (status $s) and the schema: $v"
	case "$s:$v" in
	65:*": invalid: "*) ;;
	0:*": valid" | 1:*": valid" | 2:*": valid" | 3:*": valid") ;;
	*) status=$s out=$v err=; fail_check "the case schema and opname disagree" ;;
	esac
}
for f in "$examples"/*.yaml; do
	agrees "$f"
done

# cases opname refuses, and some it takes in other spellings
mkcase() { printf 'id: t\nfacts:\n%s\n' "$2" >"$tmp/$1.yaml"; }
mkcase unknown-fact "  acton: record"
mkcase bad-choice "  action: recrod"
mkcase bad-bool "  action: record
  media: audio
  participant: maybe"
mkcase choice-as-bool "  action: true"
printf 'id: t\nfact: {action: record}\n' >"$tmp/bad-key.yaml"
for f in unknown-fact bad-choice bad-bool choice-as-bool bad-key; do
	agrees "$tmp/$f.yaml"
	$validate "$tmp/case.json" --yaml "$tmp/$f.yaml" >/dev/null &&
		{ last="$f"; fail_check "$f.yaml is valid by the case schema"; }
done
mkcase spellings "  action: RECORD
  media: Audio
  participant: JA
  recorder: citizen
  announced: yes
  weighty_reasons: Nee
  at_home: unknown
  camera_present: ~"
mkcase bools "  action: record
  media: audio
  participant: true
  recorder: citizen
  announced: false"
for f in spellings bools; do
	agrees "$tmp/$f.yaml"
	$validate "$tmp/case.json" --yaml "$tmp/$f.yaml" >/dev/null ||
		{ last="$f"; fail_check "$f.yaml is not valid by the case schema"; }
done

# every record: batch over the examples and the cases above (error records
# too), batch --replay, CSV input, decide --format json and --explain
"$OPNAME" batch "$examples" "$tmp" >"$tmp/records.jsonl" 2>/dev/null
printf 'id,action,media\nc1,record,video\nc2,recrod,\n' >"$tmp/sheet.csv"
"$OPNAME" batch "$tmp/sheet.csv" >>"$tmp/records.jsonl" 2>/dev/null
printf 'evidence\n' | "$OPNAME" ask --save "$tmp/saved.yaml" >/dev/null 2>&1
"$OPNAME" batch --replay "$tmp/saved.yaml" "$tmp/spellings.yaml" >>"$tmp/records.jsonl" 2>/dev/null
for f in "$examples"/*.yaml "$tmp/spellings.yaml"; do
	for x in "" --explain; do
		"$OPNAME" decide --format json $x "$f" 2>/dev/null | grep . >>"$tmp/records.jsonl"
	done
done
n=$(wc -l <"$tmp/records.jsonl")
[ "$n" -ge 40 ] || { last="records"; fail_check "only $n records to validate"; }
jq -e -s 'map(.verdict) | (index("error") != null) and (index("allowed") != null)' \
	"$tmp/records.jsonl" >/dev/null || { last=records; fail_check "no error or allowed record among them"; }
jq -e -s 'map(select(.changed != null)) | length >= 1' "$tmp/records.jsonl" >/dev/null ||
	{ last=records; fail_check "no --replay record among them"; }
$validate "$tmp/outcome.json" --lines "$tmp/records.jsonl" >"$tmp/v" 2>&1
status=$?
out=$(grep -v ': valid$' "$tmp/v")
last="validate $n records against the outcome schema"
expect_status 0
"$OPNAME" questions --format json >"$tmp/q.json"
out=$($validate "$tmp/questions.json" "$tmp/q.json")
status=$?
last="validate questions --format json"
expect_status 0

# another rule file: its own facts, and not the spelregels'
rules="$top/tests/data/rules/good.yaml"
"$OPNAME" --rules "$rules" schema case >"$tmp/good-case.json"
fact=$("$OPNAME" --rules "$rules" questions --format json | jq -r '.facts[0].id')
value=$("$OPNAME" --rules "$rules" questions --format json | jq -r '.facts[0].values[0]')
printf 'facts:\n  %s: %s\n' "$fact" "$value" >"$tmp/good-case.yaml"
out=$($validate "$tmp/good-case.json" --yaml "$tmp/good-case.yaml")
status=$?
last="a case of good.yaml against its schema"
expect_status 0
out=$($validate "$tmp/good-case.json" --yaml "$tmp/bools.yaml")
status=$?
last="a spelregels case against good.yaml's schema"
expect_status 1

finish
