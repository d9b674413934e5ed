#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Spreadsheets: a CSV exported by a Dutch spreadsheet (';', a byte order
# mark, CRLF) goes through 'batch --input csv' and back out as CSV with
# --csv-sep ';' and --csv-bom, which a spreadsheet reads in the right
# columns (Python's csv module stands in for it). A bad row is an error
# record and the batch goes on; a bad header is one error record.
. "$(dirname "$0")/lib.sh"
cr=$(printf '\r')

# expect_rec ID FILTER: the one record with that id makes FILTER true
expect_rec() {
	printf '%s\n' "$out" | jq -e -s --arg id "$1" \
		"map(select(.id == \$id)) | length == 1 and (.[0] | $2)" >/dev/null ||
		fail_check "record '$1': $2 is not true"
}

printf '\357\273\277id;action;media;participant;recorder;court_case\r\n' >"$tmp/export.txt"
printf 'café 1;record;video;;;\r\n' >>"$tmp/export.txt"
printf 'café 2;record;audio;nee;;\r\n' >>"$tmp/export.txt"
printf ';;;;;\r\n' >>"$tmp/export.txt"
printf '"a;b";record;vidio;ja;;\r\n' >>"$tmp/export.txt"
printf 'c4;evidence;;ja;citizen;ja\r\n' >>"$tmp/export.txt"

# JSON Lines out (the default): one record per row, sources by line
run batch --input csv "$tmp/export.txt"
expect_status 65
[ "$(printf '%s\n' "$out" | wc -l)" = 4 ] || fail_check "not 4 records"
expect_rec "café 1" '.verdict == "not_allowed" and .rule == "R1"'
expect_rec "café 2" '.verdict == "not_allowed" and .rule == "R2"'
expect_rec "a;b" ".verdict == \"error\" and .source == \"$tmp/export.txt:5\""
expect_rec "a;b" ".error == \"$tmp/export.txt:5:14: 'vidio' is not a value of 'media' (did you mean 'video'?): use audio or video\""
expect_rec c4 '.verdict == "allowed"'
expect_err "opname: 4 cases: 1 allowed, 2 not_allowed, 1 error ("

# and back out for a Dutch spreadsheet
cp "$tmp/export.txt" "$tmp/export.csv"
run batch --format csv --csv-sep ';' --csv-bom -o "$tmp/out.csv" "$tmp/export.csv"
expect_status 65
head -c 3 "$tmp/out.csv" | od -An -tx1 | grep -q 'ef bb bf' || fail_check "--csv-bom: no byte order mark"
[ "$(grep -c "$cr\$" "$tmp/out.csv")" = 5 ] || fail_check "rows do not end in CRLF"
python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig"), delimiter=";"))
assert rows[0] == ["id", "verdict", "rule", "next_steps", "missing", "unknown", "error"], rows[0]
assert all(len(r) == 7 for r in rows), rows
assert rows[1][:4] == ["café 1", "not_allowed", "R1", "no_video"], rows[1]
assert rows[3][0] == "a;b" and rows[3][1] == "error" and "vidio" in rows[3][6], rows[3]
assert rows[4][:3] == ["c4", "allowed", "E1"], rows[4]
' "$tmp/out.csv" || fail_check "the ';' CSV does not read back in its columns"

# a list of steps in ';' output is quoted, so it stays one cell
printf 'id,action,recorder,consent_all,public_interest\ns,share,citizen,false,false\n' >"$tmp/share.csv"
run batch --format csv --csv-sep ';' "$tmp/share.csv"
expect_status 0
expect_out 's;not_allowed;S2;"home_circle_only;contact_privacy_officer";;;'
# ',' is the default, also for input read from stdin
run_in "$(cat "$tmp/share.csv")" batch --input csv --format csv
expect_status 0
expect_out "s,not_allowed,S2,home_circle_only;contact_privacy_officer,,,"
expect_out "id,verdict,rule,next_steps,missing,unknown,error$cr"

# without an id column, rows are FILE:N
printf 'action;media\nrecord;video\nrecord;video\n' >"$tmp/noid.csv"
run batch "$tmp/noid.csv"
expect_status 0
expect_rec "$tmp/noid.csv:2" ".source == \"$tmp/noid.csv:3\""

# a bad header: one error record, and the other inputs still go through
printf 'id,acton\nx,record\n' >"$tmp/bad.csv"
printf 'id: y\nfacts: {action: evidence, recorder: citizen, participant: true, court_case: true}\n' >"$tmp/good.yaml"
run batch "$tmp/bad.csv" "$tmp/good.yaml"
expect_status 65
[ "$(printf '%s\n' "$out" | wc -l)" = 2 ] || fail_check "a bad header is not one record"
expect_rec "$tmp/bad.csv:1" ".error == \"$tmp/bad.csv:1:4: the header row: unknown fact 'acton' (did you mean 'action'?); facts are: $("$OPNAME" questions --format json | jq -r '[.facts[].id] | join(", ")')\""
expect_rec y '.verdict == "allowed"'
expect_err "opname: $tmp/bad.csv:1:4: the header row: unknown fact 'acton'"

# a CSV that cannot be opened: 66, as for any input
run batch "$tmp/none.csv"
expect_status 66
expect_err "opname: $tmp/none.csv: cannot open: No such file or directory"

finish
