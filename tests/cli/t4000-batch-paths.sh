#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname batch: every rule of the decision table (version 2) in every input
# format (multi-document YAML, JSON files, JSON Lines, a directory, stdin),
# mixed with bad records: one record per case, in input order, each with the
# verdict, rule, next steps, missing and unknown facts the table says.
. "$(dirname "$0")/lib.sh"

# name|facts|verdict,rule,next_steps,missing,unknown  (the decision table)
cat >"$tmp/table" <<'EOF'
v1|action=breach|consult,V1,contact_privacy_officer,,
k1|action=copy recorder=employee context=work|allowed,K1,copy_on_request;avg_compliance,,
k2|action=copy recorder=citizen copy_refused=true|consult,K2,contact_privacy_officer,,
k2u|action=copy recorder=citizen copy_refused=unknown|consult,K2,contact_privacy_officer,,copy_refused
k3|action=copy recorder=employee context=employment copy_refused=false|allowed,K3,copy_on_request,,
e0|action=evidence recorder=employee context=work|consult,E0,court_decides;contact_privacy_officer,,
e2|action=evidence recorder=citizen participant=false|consult,E2,contact_privacy_officer,,
e3|action=evidence recorder=citizen participant=true court_case=false|consult,E3,contact_privacy_officer,,
e1|action=evidence recorder=citizen participant=true court_case=true|allowed,E1,court_decides,,
b1|action=edit edit_announced=true edit_consent=ja recorder=citizen|allowed,B1,home_circle_only,,
b1w|action=edit edit_announced=true edit_consent=ja recorder=employee context=work|allowed,B1,avg_compliance,,
b2|action=edit edit_announced=true edit_consent=false|not_allowed,B2,no_editing,,
b2u|action=edit edit_announced=unknown edit_consent=true|consult,B1,contact_privacy_officer,,edit_announced
s0|action=share recorder=employee context=work|consult,S0,avg_compliance;contact_privacy_officer,,
s1|action=share recorder=citizen consent_all=true|allowed,S1,avg_compliance;no_editing,,
s1p|action=share recorder=citizen consent_all=false public_interest=true|allowed,S1,avg_compliance;no_editing;contact_privacy_officer,,
s2|action=share recorder=citizen consent_all=nee public_interest=false|not_allowed,S2,home_circle_only;contact_privacy_officer,,
r1|action=record media=video|not_allowed,R1,no_video,,
r2|action=record media=audio participant=false|not_allowed,R2,contact_privacy_officer,,
w1|action=record media=audio participant=true recorder=employee context=work work_process=true|consult,W1,contact_privacy_officer,,
w2|action=record media=audio participant=true recorder=employee context=work work_process=false legal_basis=false|not_allowed,W2,use_alternatives;contact_privacy_officer,,
w2n|action=record media=audio participant=true recorder=employee context=work work_process=false legal_basis=unknown necessary=false|not_allowed,W2,use_alternatives;contact_privacy_officer,,
w2u|action=record media=audio participant=true recorder=employee context=work work_process=false legal_basis=unknown necessary=true purpose_defined=true|consult,W2,contact_privacy_officer,,legal_basis
w3|action=record media=audio participant=true recorder=employee context=work work_process=false legal_basis=true necessary=true purpose_defined=true alternatives_sufficient=true|not_allowed,W3,use_alternatives,,
w5|action=record media=audio participant=true recorder=employee context=work work_process=false legal_basis=true necessary=true purpose_defined=true alternatives_sufficient=false citizen_objects=true|consult,W5,use_alternatives;contact_privacy_officer,,
w4|action=record media=audio participant=true recorder=employee context=work work_process=false legal_basis=true necessary=true purpose_defined=true alternatives_sufficient=false citizen_objects=false at_home=false|allowed,W4,announce;avg_compliance;copy_on_request;no_editing,,
w4c|action=record media=audio participant=true recorder=employee context=work work_process=false legal_basis=true necessary=true purpose_defined=true alternatives_sufficient=false citizen_objects=false at_home=true camera_present=true|allowed,W4,announce;avg_compliance;copy_on_request;no_editing;disclose_camera,,
c0|action=record media=audio participant=true recorder=citizen announced=false already_recorded=true|consult,C0,contact_privacy_officer;copy_on_request;no_editing;home_circle_only,,
c1|action=record media=audio participant=true recorder=citizen announced=false already_recorded=false|not_allowed,C1,announce,,
c1e|action=record media=audio participant=true recorder=employee context=employment announced=false already_recorded=false|not_allowed,C1,announce,,
c2|action=record media=audio participant=true recorder=citizen announced=true weighty_reasons=true|not_allowed,C2,explain_weighty_reasons;offer_alternatives,,
t1|action=record media=audio participant=true recorder=citizen announced=true weighty_reasons=false third_party_objects=true|consult,T1,contact_privacy_officer;offer_alternatives,,
c3|action=record media=audio participant=true recorder=citizen announced=true weighty_reasons=false third_party_objects=false at_home=false|allowed,C3,copy_on_request;no_editing;home_circle_only,,
c3c|action=record media=audio participant=true recorder=citizen announced=yes weighty_reasons=no third_party_objects=no at_home=true camera_present=true|allowed,C3,copy_on_request;no_editing;home_circle_only;disclose_camera,,
c3n|action=record media=audio participant=true recorder=citizen announced=true weighty_reasons=false third_party_objects=false at_home=true camera_present=false|allowed,C3,copy_on_request;no_editing;home_circle_only,,
c3u|action=record media=audio participant=true recorder=citizen announced=true weighty_reasons=false third_party_objects=false at_home=unknown camera_present=true|allowed,C3,copy_on_request;no_editing;home_circle_only;disclose_camera,,
i1|action=record media=audio|incomplete,,,participant,
i2|action=record media=audio participant=true recorder=employee context=employment|incomplete,,,announced,
i3|media=audio|incomplete,,,action,
x1|action=breach at_home=true camera_present=false|consult,V1,contact_privacy_officer,,
EOF

# Bad records, one per kind, given as YAML and as one JSON line.
bad_yaml() {
	case $1 in
	broken) printf 'facts:\n  action: [record\n' ;;
	fact) printf 'facts:\n  action: record\n  medai: audio\n' ;;
	value) printf 'facts:\n  action: recrod\n' ;;
	list) printf -- '- action\n- record\n' ;;
	# a null document: an empty case (a file of only a comment is no case)
	empty) printf '# nothing here\n~\n' ;;
	key) printf 'facts: {action: evidence, recorder: citizen, participant: true, court_case: true}\nverdict: allowed\n' ;;
	esac
}
bad_json() {
	case $1 in
	broken) printf '{"facts": {"action": "record"\n' ;;
	fact) printf '{"facts": {"action": "record", "medai": "audio"}}\n' ;;
	value) printf '{"facts": {"action": "recrod"}}\n' ;;
	list) printf '["action", "record"]\n' ;;
	empty) printf '""\n' ;;
	key) printf '{"facts": {"action": "evidence", "recorder": "citizen", "participant": true, "court_case": true}, "verdict": "allowed"}\n' ;;
	esac
}
bads="broken fact value list empty key"

yaml_facts() { # k=v ... -> a block mapping under 'facts:'
	echo "facts:"
	for kv in $1; do echo "  ${kv%%=*}: ${kv#*=}"; done
}
json_facts() { # k=v ... -> {"k": "v", ...}
	sep=""
	printf '{'
	for kv in $1; do
		printf '%s"%s": "%s"' "$sep" "${kv%%=*}" "${kv#*=}"
		sep=", "
	done
	printf '}'
}

# Build every input format from the table, a bad record after every fourth
# case; 'expected' lists the records in order.
mkdir "$tmp/dir"
: >"$tmp/all.yaml"
: >"$tmp/all.jsonl"
: >"$tmp/expected"
n=0
set -- $bads
while IFS='|' read -r name facts want; do
	n=$((n + 1))
	{ echo "---"; echo "id: $name"; yaml_facts "$facts"; echo "meta: {note: 'case $n'}"; } >>"$tmp/all.yaml"
	printf '{"id": "%s", "facts": %s, "meta": {"n": %d}}\n' "$name" "$(json_facts "$facts")" "$n" >>"$tmp/all.jsonl"
	printf '{"id": "%s", "facts": %s}\n' "$name" "$(json_facts "$facts")" >"$tmp/dir/$(printf %02d $n)-$name.json"
	echo "$name,$want" >>"$tmp/expected"
	if [ $((n % 4)) = 0 ] && [ $# -gt 0 ]; then
		kind=$1
		shift
		{ echo "---"; bad_yaml "$kind"; } >>"$tmp/all.yaml"
		bad_json "$kind" >>"$tmp/all.jsonl"
		bad_yaml "$kind" >"$tmp/dir/$(printf %02d $n)-zbad-$kind.yaml"
		echo "bad-$kind,error,,,," >>"$tmp/expected"
	fi
done <"$tmp/table"
cases=$(wc -l <"$tmp/expected")

# One line per record: its id for a case, bad-KIND for an error, then the
# verdict, rule, next steps, missing and unknown.
summarise() {
	jq -r 'if .verdict == "error" then "bad,error,,,,"
	       else [.id, .verdict, (.rule // ""), ([.next_steps[].id] | join(";")),
		     (.missing | join(";")), (.unknown | join(";"))] | join(",") end' |
		sed 's/^bad,/BAD,/' >"$tmp/got"
	sed 's/^bad-[a-z]*,/BAD,/' "$tmp/expected" >"$tmp/want"
	# directory files are named by file, not by their id for bad ones
	if ! cmp -s "$tmp/want" "$tmp/got"; then
		fail_check "$1: records differ from the table: $(diff "$tmp/want" "$tmp/got" | head -5)"
	fi
}

check_format() { # LABEL: after a run, the records match the table
	expect_status 65
	got=$(printf '%s\n' "$out" | wc -l)
	[ "$got" = "$cases" ] || fail_check "$1: $got records for $cases cases"
	printf '%s\n' "$out" | summarise "$1"
	expect_err "opname: $cases cases: "
	expect_err " 6 errors ("
}

run batch "$tmp/all.yaml"
check_format "multi-document YAML"
run batch "$tmp/all.jsonl"
check_format "JSON Lines"
run batch "$tmp/dir"
check_format "directory of JSON and YAML files"
run_in "$(cat "$tmp/all.yaml")" batch
check_format "YAML on stdin"
run_in "$(cat "$tmp/all.jsonl")" batch --input jsonl -
check_format "JSON Lines on stdin"
cp "$tmp/all.jsonl" "$tmp/all.ndjson"
run batch "$tmp/all.ndjson"
check_format ".ndjson"
cp "$tmp/all.jsonl" "$tmp/lines.txt"
run batch --input jsonl "$tmp/lines.txt"
check_format "--input jsonl"

# the sources point at each case's first line, counted in the whole file
source_of() { printf '%s\n' "$out" | jq -r "select(.id == \"$1\") | .source"; }
run batch "$tmp/all.yaml"
line=$(grep -n '^id: w4$' "$tmp/all.yaml" | cut -d: -f1)
[ "$(source_of w4)" = "$tmp/all.yaml:$((line - 1))" ] || fail_check "w4 in YAML: source $(source_of w4)"
run batch "$tmp/all.jsonl"
line=$(grep -n '"id": "w4"' "$tmp/all.jsonl" | cut -d: -f1)
[ "$line" -gt 15 ] || fail_check "w4 should follow bad lines"
[ "$(source_of w4)" = "$tmp/all.jsonl:$line" ] || fail_check "w4 in JSON Lines: source $(source_of w4)"

# several inputs in one run: their records one after the other
run batch "$tmp/all.jsonl" "$tmp/all.yaml"
got=$(printf '%s\n' "$out" | wc -l)
[ "$got" = $((2 * cases)) ] || fail_check "two inputs: $got records"
expect_err "opname: $((2 * cases)) cases: "

# the public examples give their expected verdicts in batch too
ex="$examples"
run batch "$ex"/*.yaml
expect_status 0
printf '%s\n' "$out" | jq -c '[.id, .verdict, [.next_steps[].id], .facts_used]' >"$tmp/got"
jq -c '[.id, .verdict, .next_steps, .facts_used]' "$ex/expected.jsonl" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/got" || fail_check "examples: $(diff "$tmp/want" "$tmp/got" | head -4)"
expect_err "opname: 16 cases: "
finish
