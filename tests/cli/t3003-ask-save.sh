#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname ask --save: the case file of the interview decides the same again,
# holds exactly the answers given, mode 0600, never replaces a file unless
# --force, and a --save that cannot work is refused before any question.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ask-lib.sh"

rec='1|1|ja'
# save_path LANG STATUS ANSWERS FILE [FACTS]: the interview saved to FILE
# ends with STATUS; 'decide FILE' gives the same status, and FILE's facts
# are exactly FACTS ("fact: value" lines, in order, each ended by ';').
save_path() {
	lang=$1 want=$2 input=$3 file=$4
	run_in "$(answers "$input")" --lang "$lang" ask --save "$file"
	last="answers '$input' | opname ask --save $file"
	expect_status "$want"
	expect_no_err
	[ -f "$file" ] || fail_check "no file $file"
	mode=$(stat -c %a "$file")
	[ "$mode" = 600 ] || fail_check "mode $mode, want 600"
	facts=$(sed -n '/^facts:/,/^outcome:/p' "$file" | grep '^  ' | sed 's/^  //' | tr '\n' ';')
	if [ $# -ge 5 ] && [ "$facts" != "$5" ]; then
		fail_check "facts '$facts', want '$5'"
	fi
	run decide "$file"
	expect_status "$want"
	run decide --format json "$file"
	expect_status "$want"
}

# every verdict, and each case's facts exactly the answers given
save_path nl 0 "$rec|1|ja|nee|nee|ja|ja" "$tmp/allowed.yaml" \
	'action: "record";media: "audio";participant: true;recorder: "citizen";announced: true;weighty_reasons: false;third_party_objects: false;at_home: true;camera_present: true;'
expect_json '.verdict == "allowed" and .rule == "C3" and .id == "allowed"'
expect_json '(.next_steps | map(.id)) == ["copy_on_request","no_editing","home_circle_only","disclose_camera"]'
grep -q '^  verdict: allowed$' "$tmp/allowed.yaml" || fail_check "no verdict in the file"
grep -q '^  rule: "C3"$' "$tmp/allowed.yaml" || fail_check "no rule in the file"
grep -q '^  next_steps: \["copy_on_request", "no_editing", "home_circle_only", "disclose_camera"\]$' \
	"$tmp/allowed.yaml" || fail_check "no next_steps in the file"
grep -q '^id: "allowed"$' "$tmp/allowed.yaml" || fail_check "no id in the file"
sha=$("$OPNAME" --version | sed -n 's/^sha256: //p')
grep -q "^    sha256: \"$sha\"$" "$tmp/allowed.yaml" || fail_check "no rules_file sha256 $sha"
grep -q '^    name: "spelregels"$' "$tmp/allowed.yaml" || fail_check "no rules_file name"
grep -q '^    version: "' "$tmp/allowed.yaml" || fail_check "no rules_file version"
grep -Eq '^  decided_at: "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"$' \
	"$tmp/allowed.yaml" || fail_check "no ISO 8601 decided_at"
save_path en 1 "share|citizen|no|no" "$tmp/not.yaml" \
	'action: "share";recorder: "citizen";consent_all: false;public_interest: false;'
expect_json '.verdict == "not_allowed" and .rule == "S2"'
save_path nl 2 "1|1|w" "$tmp/consult.yaml" \
	'action: "record";media: "audio";participant: unknown;'
expect_json '.verdict == "consult" and .unknown == ["participant"]'
save_path nl 3 "$rec|1" "$tmp/eof.yaml" \
	'action: "record";media: "audio";participant: true;recorder: "citizen";'
expect_json '.verdict == "incomplete" and .missing[0] == "announced"'
grep -q '^  rule: null$' "$tmp/eof.yaml" || fail_check "incomplete: rule not null"
save_path nl 3 "3|1|stop" "$tmp/stop.yaml" \
	'action: "share";recorder: "citizen";'
save_path nl 3 "stop" "$tmp/none.yaml"
grep -q '^facts: {}$' "$tmp/none.yaml" || fail_check "no answers: facts not {}"
# every other path of the decision table round-trips too
save_path nl 2 "6" "$tmp/v1.yaml" \
	'action: "breach";'
save_path nl 2 "5|1|ja" "$tmp/k2.yaml" \
	'action: "copy";recorder: "citizen";copy_refused: true;'
save_path nl 0 "4|1|ja|ja" "$tmp/e1.yaml" \
	'action: "evidence";recorder: "citizen";participant: true;court_case: true;'
save_path nl 0 "2|ja|ja|2|2" "$tmp/b1.yaml" \
	'action: "edit";edit_consent: true;edit_announced: true;recorder: "employee";context: "work";'
save_path nl 1 "2|nee" "$tmp/b2.yaml" \
	'action: "edit";edit_consent: false;'
save_path nl 0 "3|1|nee|ja" "$tmp/s1.yaml" \
	'action: "share";recorder: "citizen";consent_all: false;public_interest: true;'
save_path nl 1 "1|2" "$tmp/r1.yaml" \
	'action: "record";media: "video";'
save_path nl 1 "1|1|nee" "$tmp/r2.yaml" \
	'action: "record";media: "audio";participant: false;'
w='action: "record";media: "audio";participant: true;recorder: "employee";context: "work";'
save_path nl 2 "$rec|2|2|ja" "$tmp/w1.yaml" "${w}work_process: true;"
expect_json '.rule == "W1"'
save_path nl 1 "$rec|2|2|nee|ja|ja|nee" "$tmp/w2.yaml" \
	"${w}work_process: false;legal_basis: true;necessary: true;purpose_defined: false;"
expect_json '.rule == "W2" and .facts_used[-1] == "purpose_defined"'
save_path nl 1 "$rec|2|2|nee|ja|ja|ja|ja" "$tmp/w3.yaml"
expect_json '.rule == "W3"'
save_path nl 2 "$rec|2|2|nee|ja|ja|ja|nee|ja" "$tmp/w5.yaml"
expect_json '.rule == "W5"'
save_path nl 0 "$rec|2|2|nee|ja|ja|ja|nee|nee|nee" "$tmp/w4.yaml"
expect_json '.rule == "W4"'
save_path nl 2 "$rec|1|nee|ja" "$tmp/c0.yaml"
expect_json '.rule == "C0"'
save_path nl 1 "$rec|1|nee|nee" "$tmp/c1.yaml"
expect_json '.rule == "C1"'
save_path nl 1 "$rec|2|1|ja|ja" "$tmp/c2.yaml"
expect_json '.rule == "C2"'
save_path nl 2 "$rec|1|ja|nee|ja" "$tmp/t1.yaml"
expect_json '.rule == "T1"'
save_path nl 0 "$rec|1|ja|nee|nee|nee" "$tmp/c3.yaml"
expect_json '.rule == "C3" and (.next_steps | length) == 3'

# answers taken back and no longer needed are not saved
save_path nl 0 "$rec|2|2|terug|terug|1|ja|nee|nee|nee" "$tmp/back.yaml" \
	'action: "record";media: "audio";participant: true;recorder: "citizen";announced: true;weighty_reasons: false;third_party_objects: false;at_home: false;'
grep -q 'context' "$tmp/back.yaml" && fail_check "a dropped answer was saved"

# an existing file: refused before the interview starts, left as it was
cp "$tmp/allowed.yaml" "$tmp/keep.yaml"
run_in '6' ask --save "$tmp/keep.yaml"
expect_status 64
expect_err "opname: $tmp/keep.yaml: exists; use --force to replace it"
[ -z "$out" ] || fail_check "the interview started although the file exists"
cmp -s "$tmp/allowed.yaml" "$tmp/keep.yaml" || fail_check "the existing file changed"
# --force replaces it
run_in '6' ask --save "$tmp/keep.yaml" --force
expect_status 2
grep -q 'action: "breach"' "$tmp/keep.yaml" || fail_check "--force did not replace"
[ "$(stat -c %a "$tmp/keep.yaml")" = 600 ] || fail_check "replaced file is not 0600"
# a directory, a missing directory: refused before the interview
run_in '6' ask --save "$tmp"
expect_status 64
expect_err 'is a directory'
run_in '6' ask --save "$tmp/no/such/dir/case.yaml"
expect_status 74
expect_err 'cannot create'
[ -z "$out" ] || fail_check "the interview started for an impossible --save"
run_in '6' ask --save ''
expect_status 64
# no temporary files are left behind
left=$(ls -A "$tmp" | grep '^\.' || true)
[ -z "$left" ] || fail_check "temporary files left: $left"
finish
