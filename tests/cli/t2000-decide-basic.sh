#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname decide: outputs, exit statuses, --set, --explain, --lang, stdin.
. "$(dirname "$0")/lib.sh"
ex="$examples"

# every public example: exit status = verdict
for f in "$ex"/*.yaml; do
	id=$(basename "$f" .yaml)
	want=$(jq -r "select(.id == \"$id\") | .verdict" "$ex/expected.jsonl")
	run decide --format json "$f"
	case $want in
	allowed) expect_status 0 ;; not_allowed) expect_status 1 ;;
	consult) expect_status 2 ;; incomplete) expect_status 3 ;;
	esac
	expect_json ".verdict == \"$want\" and .id == \"$id\""
	expect_no_err
done

# the JSON object has every key of cli.md, with the rule file's identity
run decide --format json "$ex/01-citizen-at-home-camera.yaml"
expect_json 'keys == (["facts_used","id","missing","next_steps","opname_version","reason","refs","rule","rules_file","unknown","verdict"])'
expect_json '.rule == "C3" and .refs == ["intro","a","b","c","avg","e"] and (.next_steps | map(.ref)) == ["a","b","c","e"]'
expect_json '.rules_file.name == "spelregels" and (.rules_file.sha256 | length) == 64'
expect_json '.next_steps[0].text | test("kopie")'

# text for a person: verdict in words, reason, numbered steps
run decide "$ex/02-weighty-reasons.yaml"
expect_status 1
expect_out "NIET TOEGESTAAN"
expect_out "Waarom:"
expect_out "regel C2"
expect_out "  1. "
expect_out "  2. "
expect_not_out "$(printf '\033')"  # no colour when stdout is not a terminal

run --lang en decide "$ex/02-weighty-reasons.yaml"
expect_out "NOT ALLOWED"
expect_out "Next steps:"
run decide --lang en "$ex/02-weighty-reasons.yaml"
expect_out "NOT ALLOWED"
OPNAME_LANG=en run decide "$ex/10-evidence.yaml"
expect_out "ALLOWED"

# --set adds to and overrides the case file; without a file it is the case
run decide --format json --set announced=true --set weighty_reasons=nee \
	--set third_party_objects=nee --set at_home=false "$ex/12-employment-incomplete.yaml"
expect_status 0
expect_json '.verdict == "allowed" and .facts_used[-1] == "at_home" and (.refs | index("employment"))'
run decide --format json --set action=edit --set edit_announced=Ja --set edit_consent=unknown
expect_status 2
expect_json '.verdict == "consult" and .unknown == ["edit_consent"] and .id == "-"'
run decide --format json --set action=edit --set edit_announced=Ja --set edit_consent=ja
expect_status 3
expect_json '.verdict == "incomplete" and .missing == ["recorder"]'
run decide --format json --set action=record
expect_status 3
expect_json '.verdict == "incomplete" and .missing == ["media"] and .facts_used == ["action","media"]'

# stdin, YAML and JSON alike; the id defaults to the file name
run_in '{"facts": {"action": "share", "recorder": "citizen", "consent_all": false, "public_interest": true}}' decide --format json -
expect_status 0
expect_json '.rule == "S1" and .id == "-" and .next_steps[0].id == "avg_compliance" and .refs == ["c","publication","avg"]'
printf 'facts:\n  action: breach\n' >"$tmp/noid.yaml"
run decide --format json "$tmp/noid.yaml"
expect_json ".id == \"$tmp/noid.yaml\""

# --explain: every rule tried and each condition's value
run --lang en decide --explain "$ex/05-outsider.yaml"
expect_status 1
expect_out "rule V1 (consult): false"
expect_out "rule R2 (not_allowed): true — decides"
expect_out "participant = false: true"
run decide --explain --format json "$ex/05-outsider.yaml"
expect_json '(.explain | length) == 15 and .explain[14].rule == "R2" and .explain[14].value == "true"'

# help and version
run decide --help
expect_status 0
expect_out "usage: opname decide"
expect_out "--explain"
run --version
expect_status 0
expect_out "opname "
expect_out "rules: spelregels"
expect_out "sha256: "
run --help
expect_status 0
expect_out "decide"
expect_out "batch"
run dec --format json --set action=breach
expect_status 2
finish
