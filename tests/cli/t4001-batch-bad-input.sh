#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname batch on bad input: every bad case is a record with its source and
# message, the rest is still decided, and the exit status is cli.md's.
. "$(dirname "$0")/lib.sh"
good='{"facts": {"action": "evidence", "recorder": "citizen", "participant": true, "court_case": true}}'

# expect_record SELECT FILTER: the one record that SELECT picks makes FILTER
# true (jq -e alone judges only the last record of a stream)
expect_record() {
	rec=$(printf '%s\n' "$out" | jq -c "select($1)")
	[ "$(printf '%s\n' "$rec" | grep -c .)" = 1 ] || fail_check "not one record with $1"
	printf '%s' "$rec" | jq -e "$2" >/dev/null 2>&1 || fail_check "record with $1: $2 is not true"
}

# a 5 MB line between two good ones: an error record, read without keeping it
{
	echo "$good"
	printf '{"id": "big", "meta": "'
	head -c 5000000 /dev/zero | tr '\0' x
	printf '"}\n'
	echo "$good"
} >"$tmp/big.jsonl"
run batch "$tmp/big.jsonl"
expect_status 65
expect_record '.source == "'"$tmp"'/big.jsonl:2"' '.verdict == "error" and .id == "'"$tmp"'/big.jsonl:2"'
expect_out '"error": "'"$tmp"'/big.jsonl:2: a case of 5000026 bytes: the limit is 1048576 bytes"'
[ "$(printf '%s\n' "$out" | jq -r .verdict | tr '\n' ' ')" = "allowed error allowed " ] ||
	fail_check "the records around the long line"
expect_err "opname: 3 cases: 2 allowed, 1 error ("

# the same as a YAML document: skipped to the next '---'
{
	echo "facts: {action: evidence, recorder: citizen, participant: true, court_case: true}"
	echo "---"
	printf 'meta: "'
	head -c 3000000 /dev/zero | tr '\0' y
	printf '"\n'
	echo "---"
	echo "facts: {action: edit, edit_consent: false}"
} >"$tmp/big.yaml"
run batch --format csv "$tmp/big.yaml"
expect_status 65
expect_out "$tmp/big.yaml:1,allowed,E1,court_decides,,,"
expect_out "$tmp/big.yaml:2,error,,,,,$tmp/big.yaml:2: a case of 3000013 bytes: the limit is 1048576 bytes"
expect_out "$tmp/big.yaml:3,not_allowed,B2,no_editing,,,"

# located messages: the line in the whole file, not in the document
printf -- '---\nfacts: {action: evidence, recorder: citizen, participant: true, court_case: true}\n---\n# a comment\nfacts:\n  action: record\n  medai: audio\n' >"$tmp/typo.yaml"
run batch "$tmp/typo.yaml"
expect_status 65
expect_record '.verdict == "error"' '.source == "'"$tmp"'/typo.yaml:3"'
expect_err "opname: $tmp/typo.yaml:7:3: unknown fact 'medai' (did you mean 'media'?)"
# the case's own id stays, even when the case is bad
printf 'id: mine\nfacts: {action: recrod}\n' >"$tmp/ownid.yaml"
run batch "$tmp/ownid.yaml"
expect_json '.id == "mine" and .verdict == "error" and (.error | contains("ownid.yaml:2:17: '"'recrod'"' is not a value of '"'action'"'"))'

# a broken document does not take the next one with it
printf 'facts: {action: [evidence\n---\nfacts: {action: evidence, recorder: citizen, participant: true, court_case: true}\n' >"$tmp/broken.yaml"
run batch "$tmp/broken.yaml"
expect_status 65
[ "$(printf '%s\n' "$out" | jq -r .verdict | tr '\n' ' ')" = "error allowed " ] ||
	fail_check "broken then good"
expect_out "invalid YAML"

# empty inputs hold no case, in YAML as in JSON Lines, on stdin as in a
# file, in every format: exit 0 (a CSV header alone); a '---' at the end
# adds nothing, an empty document before another is an empty case
: >"$tmp/empty.yaml"
printf '# nothing\n\n' >"$tmp/comment.yaml"
: >"$tmp/empty.jsonl"
printf '%s\n---\n' "$good" >"$tmp/trailing.yaml"
for fmt in jsonl csv text; do
	run batch --format $fmt "$tmp/empty.yaml" "$tmp/comment.yaml" "$tmp/empty.jsonl"
	expect_status 0
	[ "$out" = "$(if [ $fmt = csv ]; then printf 'id,verdict,rule,next_steps,missing,unknown,error\r'; fi)" ] ||
		fail_check "$fmt: no record for empty inputs"
	expect_err "opname: 0 cases"
	run_in "" batch --format $fmt
	expect_status 0
	expect_err "opname: 0 cases"
	run_in "" batch --format $fmt --input jsonl
	expect_status 0
	expect_err "opname: 0 cases"
done
run batch "$tmp/trailing.yaml"
expect_status 0
expect_err "opname: 1 case: 1 allowed"
run_in "$(printf -- '---\n---\n%s\n---\n' "$good")" batch
expect_status 65
printf '%s\n' "$out" | jq -s -e 'length == 2 and .[0].source == "<stdin>:1" and (.[0].error | contains("an empty case")) and .[1].verdict == "allowed"' >/dev/null ||
	fail_check "an empty case, then the good one"
expect_err "opname: 2 cases: 1 allowed, 1 error"

# an input that cannot be opened: a record and a message, the rest goes on,
# exit 66 (before 65: the more specific)
printf '%s\n' "$good" >"$tmp/good.jsonl"
run batch "$tmp/good.jsonl" "$tmp/missing.yaml" "$tmp/good.jsonl"
expect_status 66
expect_err "opname: $tmp/missing.yaml: cannot open: No such file or directory"
expect_record '.id == "'"$tmp"'/missing.yaml"' '.source == "'"$tmp"'/missing.yaml" and .verdict == "error"'
[ "$(printf '%s\n' "$out" | jq -r .verdict | tr '\n' ' ')" = "allowed error allowed " ] ||
	fail_check "the files around the missing one"
expect_err "opname: 3 cases: 2 allowed, 1 error"
run batch "$tmp/good.jsonl/x.yaml" "$tmp/typo.yaml"
expect_status 66
expect_err "cannot open: Not a directory"

# a directory: only its case files, in name order, no subdirectories, no
# hidden files; a dangling link is reported like a missing file
mkdir -p "$tmp/d/sub.yaml" "$tmp/d2"
printf '%s\n' "$good" >"$tmp/d/b.jsonl"
printf 'id: a\nfacts: {action: share, recorder: citizen, consent_all: true}\n' >"$tmp/d/a.yaml"
printf '{"id": "c", "facts": {"action": "edit", "edit_consent": false}}\n' >"$tmp/d/c.json"
printf 'id: y\nfacts: {action: evidence, recorder: citizen, participant: true, court_case: true}\n' >"$tmp/d/sub.yaml/y.yaml"
printf 'not: a case\n' >"$tmp/d/notes.txt"
printf 'not: a case\n' >"$tmp/d/.hidden.yaml"
printf 'id: d\nfacts: {action: evidence, recorder: citizen, participant: true, court_case: true}\n' >"$tmp/d/d.yml"
run batch "$tmp/d"
expect_status 0
[ "$(printf '%s\n' "$out" | jq -r .id | tr '\n' ' ')" = "a $tmp/d/b.jsonl c d " ] ||
	fail_check "directory order: $(printf '%s\n' "$out" | jq -r .id | tr '\n' ' ')"
ln -s "$tmp/nowhere.yaml" "$tmp/d/e.yaml"
run batch "$tmp/d/"
expect_status 66
expect_err "opname: $tmp/d/e.yaml: cannot open: No such file or directory"
run batch "$tmp/d2"
expect_status 0
expect_err "opname: 0 cases"

# more bad cases than are worth telling on stderr: all in the output
i=0
while [ $i -lt 30 ]; do echo '{"facts": {"action": "x"}}'; i=$((i + 1)); done >"$tmp/bad.jsonl"
run batch "$tmp/bad.jsonl"
expect_status 65
[ "$(printf '%s\n' "$out" | wc -l)" = 30 ] || fail_check "30 records"
[ "$(printf '%s\n' "$err" | grep -c "is not a value of 'action'")" = 20 ] ||
	fail_check "the first 20 bad cases are told on stderr"
expect_err "opname: more bad cases: see their records in the output"
expect_err "opname: 30 cases: 30 errors"

# usage errors
run batch --format xml "$tmp/good.jsonl"
expect_status 64
expect_err "opname: unknown format 'xml': use jsonl, csv or text"
expect_out ""
run batch --input xml "$tmp/good.jsonl"
expect_status 64
expect_err "unknown input format 'xml': use yaml, jsonl or csv"
run batch --csv-sep tab "$tmp/good.jsonl"
expect_status 64
expect_err "opname: --csv-sep 'tab': use ',' or ';'"
run batch --bogus
expect_status 64
run batch --help
expect_status 0
expect_out "usage: opname batch"
expect_out "--replay"

# a bad rule file stops before any case
printf 'nonsense: [\n' >"$tmp/rules.yaml"
run --rules "$tmp/rules.yaml" batch "$tmp/good.jsonl"
expect_status 65
expect_out ""
finish
