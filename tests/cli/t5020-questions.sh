#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname questions: the fact vocabulary as text and as JSON.
. "$(dirname "$0")/lib.sh"

run questions
expect_status 0
expect_no_err
expect_out "action (choice)"
expect_out "    evidence  Een opname als bewijs gebruiken"
expect_out "    breach    Iemand houdt zich niet aan de spelregels"
expect_out "participant (bool: true, false or unknown)"
expect_out "  used by: V1, K1, K2, K3, E0, E2, E3, E1, B1, B2, S0, S1, S2, R1, R2, W1, W2, W3, W5, W4"
n=$(printf '%s\n' "$out" | grep -c '^[a-z_]* (')
[ "$n" = 23 ] || fail_check "expected 23 facts, got $n"

run --lang en questions
expect_out "What is the question about?"

run questions --format json
expect_status 0
expect_json '.facts | length == 23'
expect_json '[.facts[].id] | index("camera_present") != null'
expect_json '.facts[0] | .id == "action" and .type == "choice" and (.choices | length) == 6 and .choices[0].id == "record" and (.refs | index("evidence") != null)'
expect_json '.facts[] | select(.id == "at_home") | .used_by == ["W4", "C3"] and .type == "bool" and .values == ["true", "false", "unknown"] and .choices == []'
expect_json '.facts[] | select(.id == "legal_basis") | .used_by == ["W2"] and (.help | type) == "string"'
expect_json '[.facts[] | select((.used_by | length) == 0)] | length == 0'

# Every fact listed is one a case file may give.
for f in $(printf '%s' "$out" | jq -r '.facts[] | select(.type == "bool") | .id'); do
	run decide --set "$f=unknown" --format json
	[ "$status" -le 3 ] || fail_check "decide does not take --set $f=unknown"
done

run questions --format yaml
expect_status 64
expect_err "unknown format 'yaml'"
finish
