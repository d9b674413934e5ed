#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname batch outputs: the JSON Lines record, CSV (header, RFC 4180
# quoting), text, --replay, -o FILE (atomic, 0600), and the summary.
. "$(dirname "$0")/lib.sh"

cat >"$tmp/cases.yaml" <<'EOF'
id: plain
facts: {action: evidence, recorder: citizen, participant: true, court_case: true}
meta: {handled_by: team Wmo}
---
id: 'comma, "quoted"'
facts: {action: share, recorder: citizen, consent_all: false, public_interest: false}
---
id: "two\nlines"
facts: {action: record, media: audio, participant: true, recorder: employee, context: work, work_process: false, legal_basis: unknown, necessary: true, purpose_defined: true}
---
facts: {action: record, media: audio}
---
facts: {action: recrod}
EOF

# JSON Lines: decide's object plus source; errors with id, source, error
run batch "$tmp/cases.yaml"
expect_status 65
[ "$(printf '%s\n' "$out" | wc -l)" = 5 ] || fail_check "5 records"
printf '%s\n' "$out" | head -1 >"$tmp/first.json"
jq -e 'keys == (["facts_used","id","missing","next_steps","opname_version","reason","refs","rule","rules_file","source","unknown","verdict"])' "$tmp/first.json" >/dev/null ||
	fail_check "record keys: $(jq -c keys "$tmp/first.json")"
# the same fields as decide gives for that case alone
printf 'id: plain\nfacts: {action: evidence, recorder: citizen, participant: true, court_case: true}\n' >"$tmp/plain.yaml"
"$OPNAME" decide --format json "$tmp/plain.yaml" | jq -S . >"$tmp/decide.json"
jq -S 'del(.source)' "$tmp/first.json" >"$tmp/batch.json"
cmp -s "$tmp/decide.json" "$tmp/batch.json" || fail_check "batch and decide differ: $(diff "$tmp/decide.json" "$tmp/batch.json" | head -4)"
printf '%s\n' "$out" | tail -1 >"$tmp/last.json"
jq -e 'keys == ["error","id","source","verdict"] and .verdict == "error" and .id == "'"$tmp"'/cases.yaml:5"
       and .source == "'"$tmp"'/cases.yaml:12"
       and (.error | startswith("'"$tmp"'/cases.yaml:13:17: '"'recrod'"' is not a value of '"'action'"'"))' "$tmp/last.json" >/dev/null ||
	fail_check "error record: $(cat "$tmp/last.json")"
printf '%s\n' "$out" | sed -n 3p | jq -e '.id == "two\nlines" and .verdict == "consult" and .unknown == ["legal_basis"]' >/dev/null ||
	fail_check "third record"

# the summary: cases, each verdict, errors, rate
expect_err "opname: 5 cases: 1 allowed, 1 not_allowed, 1 consult, 1 incomplete, 1 error ("
expect_err " cases/s)"

# CSV: a header and one row per case, fields quoted where needed, rows
# ended in CRLF (RFC 4180; the line break inside a quoted field is the id's)
run batch --format csv "$tmp/cases.yaml"
expect_status 65
[ "$(printf '%s\n' "$out" | grep -c "$(printf '\r')\$")" = 6 ] || fail_check "csv: not 6 CRLF row ends"
out=$(printf '%s\n' "$out" | tr -d '\r')
cat >"$tmp/want.csv" <<EOF
id,verdict,rule,next_steps,missing,unknown,error
plain,allowed,E1,court_decides,,,
"comma, ""quoted""",not_allowed,S2,home_circle_only;contact_privacy_officer,,,
"two
lines",consult,W2,contact_privacy_officer,,legal_basis,
$tmp/cases.yaml:4,incomplete,,,participant,,
$tmp/cases.yaml:5,error,,,,,"$tmp/cases.yaml:13:17: 'recrod' is not a value of 'action' (did you mean 'record'?): use record, edit, share, evidence, copy or breach"
EOF
printf '%s\n' "$out" >"$tmp/got.csv"
cmp -s "$tmp/want.csv" "$tmp/got.csv" || fail_check "csv: $(diff "$tmp/want.csv" "$tmp/got.csv")"
# and Python's csv module reads it back to the same fields
python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert len(rows) == 6 and all(len(r) == 7 for r in rows), rows
assert rows[2][0] == "comma, \"quoted\"" and rows[3][0] == "two\nlines", rows
' "$tmp/got.csv" || fail_check "csv does not read back"

# text: one line per case (an id's newline shown as a space)
run batch --format text "$tmp/cases.yaml"
expect_status 65
expect_out "plain: allowed (rule E1); next steps: court_decides"
expect_out "two lines: consult (rule W2); next steps: contact_privacy_officer; unknown: legal_basis"
expect_out "$tmp/cases.yaml:4: incomplete; missing: participant"
expect_out "$tmp/cases.yaml:5: error: $tmp/cases.yaml:13:17: 'recrod' is not a value"
[ "$(printf '%s\n' "$out" | wc -l)" = 5 ] || fail_check "5 lines of text"

# --replay: saved outcomes compared with today's decision
cat >"$tmp/saved.yaml" <<'EOF'
id: s1
facts: {action: evidence, recorder: citizen, participant: true, court_case: true}
outcome:
  verdict: not_allowed
  rule: E1
  next_steps: [court_decides]
  rules_file: {name: spelregels, version: 2026.10.1, sha256: abc}
  decided_at: 2026-10-01T10:00:00+02:00
---
id: s2
facts: {action: edit, edit_consent: false}
outcome: {verdict: not_allowed, rules_file: {version: 2026.10.2}}
---
id: s3
facts: {action: evidence, recorder: citizen, participant: true, court_case: true}
outcome: {rule: E1}
---
id: s4
facts: {action: evidence, recorder: citizen, participant: true, court_case: true}
EOF
run batch --replay "$tmp/saved.yaml"
expect_status 0
printf '%s\n' "$out" | jq -c '[.id, .verdict, .previous_verdict, .changed, has("changed")]' >"$tmp/got"
cat >"$tmp/want" <<'EOF'
["s1","allowed","not_allowed",true,true]
["s2","not_allowed","not_allowed",false,true]
["s3","allowed",null,null,true]
["s4","allowed",null,null,false]
EOF
cmp -s "$tmp/want" "$tmp/got" || fail_check "replay fields: $(diff "$tmp/want" "$tmp/got")"
version=$("$OPNAME" --version | sed -n 's/^rules: [^ ]* \([^ ]*\) .*/\1/p')
expect_err "opname: 1 of 2 decisions changes (saved with 2026.10.1, 2026.10.2; now $version)"
run batch --replay --format csv "$tmp/saved.yaml"
expect_out "id,verdict,rule,next_steps,missing,unknown,error,previous_verdict,changed"
expect_out "s1,allowed,E1,court_decides,,,,not_allowed,true"
expect_out "s2,not_allowed,B2,no_editing,,,,not_allowed,false"
expect_out "s4,allowed,E1,court_decides,,,,,"
run batch --replay --format text "$tmp/saved.yaml"
expect_out "s1: allowed (rule E1); next steps: court_decides; previously not_allowed (changed)"
expect_out "s2: not_allowed (rule B2); next steps: no_editing; previously not_allowed"
# without --replay the outcome is ignored
run batch "$tmp/saved.yaml"
expect_not_out "previous_verdict"
expect_err "opname: 4 cases: 3 allowed, 1 not_allowed ("
run batch --replay "$tmp/plain.yaml"
expect_err "opname: no case carries a saved outcome to compare with"

# -o FILE: the records, atomically, mode 0600, replacing an old file
printf 'old\n' >"$tmp/out.jsonl"
run batch -o "$tmp/out.jsonl" "$tmp/cases.yaml"
expect_status 65
expect_out ""
[ "$(wc -l <"$tmp/out.jsonl")" = 5 ] || fail_check "-o: 5 records"
case $(ls -l "$tmp/out.jsonl") in -rw-------*) ;; *) fail_check "-o: mode $(ls -l "$tmp/out.jsonl")" ;; esac
ls -a "$tmp" | grep -q '^\.out\.jsonl\.' && fail_check "-o: a temporary is left"
run batch --output "$tmp/out.csv" --format csv "$tmp/plain.yaml"
expect_status 0
[ "$(head -1 "$tmp/out.csv")" = "id,verdict,rule,next_steps,missing,unknown,error$(printf '\r')" ] ||
	fail_check "--output csv"
# a place that cannot be written: 74, and nothing left behind
run batch -o "$tmp/no/such/dir/out.jsonl" "$tmp/plain.yaml"
expect_status 74
expect_err "opname: $tmp/no/such/dir/out.jsonl: cannot create"
# ended by a signal: no file and no temporary (SIGTERM: a background job
# of a script ignores SIGINT, and batch leaves an ignored signal ignored)
mkfifo "$tmp/fifo"
"$OPNAME" batch -o "$tmp/int.jsonl" "$tmp/fifo" 2>"$tmp/err" &
pid=$!
exec 3>"$tmp/fifo" # the batch is now reading
printf 'facts: {action: evidence, recorder: citizen, participant: true, court_case: true}\n---\n' >&3
sleep 0.3
kill -TERM $pid
wait $pid 2>/dev/null
status=$?
exec 3>&-
last="batch -o int.jsonl fifo, terminated"
expect_status 143
[ -e "$tmp/int.jsonl" ] && fail_check "-o: terminated, yet the file exists"
ls -a "$tmp" | grep -q '^\.int\.jsonl\.' && fail_check "-o: terminated, a temporary is left"
# the memo of rendered outcomes: two cases that differ only in the value of
# a fact that decides a conditional ref get the refs decide gives each
memo="$top/tests/data/memo/conditional-refs.yaml"
run_in '{"id":"1","facts":{"a":true,"b":true}}
{"id":"2","facts":{"a":true,"b":false}}
{"id":"3","facts":{"a":true,"b":true}}
' --rules "$memo" batch --input jsonl -
expect_status 0
[ "$(printf '%s\n' "$out" | jq -c .refs | tr '\n' ' ')" = '["q","p"] ["q"] ["q","p"] ' ] ||
	fail_check "batch's refs are not decide's"
run --rules "$memo" decide --set a=true --set b=false --format json
expect_json '.refs == ["q"]'
finish
