#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Outcomes declared by the rule file: their words, exit statuses and ids
# in every output; the source label from the file; the defaults unchanged.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
r="--rules tests/data/outcomes/notify.yaml"

run $r --lang en decide --set personal=true --set risk=true
expect_status 10
expect_out "NOTIFY"
expect_out "(rule N2; article: Article 33)"
expect_not_out "ALLOWED"
expect_not_out "factsheet"
expect_no_err

run $r --lang nl decide --set personal=true --set risk=false
expect_status 11
expect_out "ALLEEN VASTLEGGEN"
expect_out "(regel N1; artikel: Artikel 33)"

run $r decide --set personal=false --format json
expect_status 0
expect_json '.verdict == "no_notification" and .rule == "N0"'

# An unknown answer leads to the outcome 'unknown' names, with its status.
run $r decide --set personal=true --set risk=unknown --format json
expect_status 12
expect_json '.verdict == "ask_officer" and .unknown == ["risk"]'

# incomplete is the tool's own: status 3, whatever the file declares.
run $r decide --format json
expect_status 3
expect_json '.verdict == "incomplete" and .missing == ["personal"]'

run $r test tests/data/outcomes/notify.tests.yaml
expect_status 0
expect_out "5 passed, 0 failed"

run $r check
expect_status 0
expect_out "5 paths, 3 rules"

# A test expecting an outcome the file does not declare is located.
printf 'rules: notify\ntests:\n  - name: x\n    facts: {}\n    expect: {verdict: allowed}\n' \
	>"$tmp/bad.tests.yaml"
run $r test "$tmp/bad.tests.yaml"
expect_status 65
expect_err "bad.tests.yaml:5:23: unknown verdict 'allowed': use no_notification, notify, ask_officer, record_only or incomplete"

# batch counts the file's outcomes in its summary, in the order declared.
printf '{"facts":{"personal":true,"risk":true}}\n{"facts":{"personal":false}}\n{"facts":{}}\n' \
	>"$tmp/c.jsonl"
run $r batch "$tmp/c.jsonl"
expect_err "3 cases: 1 no_notification, 1 notify, 1 incomplete"

# The diagram colours leaves by the file's colours, classes by outcome id.
run $r graph --format mermaid
expect_out "classDef notify fill:#ffcdd2,stroke:#c62828"
expect_out "classDef record_only fill:#e0e0e0"
expect_out "classDef ask_officer fill:#ffe0b2"

# The frame names no policy: --help is neutral.
run --help
expect_not_out "recording"
expect_not_out "Hertogenbosch"

# Without 'outcomes' a file has allowed, not_allowed and consult, as before.
run --rules tests/data/rules/good.yaml decide --set kind=b --set ok=false
expect_status 1
expect_out "NIET TOEGESTAAN"
expect_out "(regel R3; bron: Deel)"
finish
