#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Dates and numbers in texts: a reason or step text shows a date fact, a
# number fact or a computed date ({received + 4w + days_suspended d}), as
# people read it in nl and en and as YYYY-MM-DD in JSON; the loader refuses
# a malformed placeholder at its text; check refuses a text that shows a
# fact a path to it does not ask or know.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
r="--rules docs/examples/woo-termijn/woo-termijn.yaml"

# 2026-12-24 + 4 weeks = 2027-01-21, + 10 days suspended = 2027-01-31
run $r decide --set received=2026-12-24 --set extended_in_time=false --set days_suspended=10
expect_status 0
expect_out "De beslistermijn eindigt op 31 januari 2027."
expect_out "De termijn stond 10 dagen stil."
expect_out "  1. Beslis uiterlijk op 31 januari 2027."

# + 2 weeks deferred: 2027-02-04 (no suspension), in English
run $r --lang en decide --set received=2026-12-24 --set extended_in_time=true --set days_suspended=0
expect_status 0
expect_out "The decision period ends on 4 February 2027."
expect_out "  1. Decide on 4 February 2027 at the latest."

# months and years keep the day, or take the month's last: not needed here,
# but a leap day plus weeks crosses into March
run $r decide --set received=2024-02-29 --set extended_in_time=false --set days_suspended=0
expect_out "eindigt op 28 maart 2024."

# JSON: the texts with ISO dates
run $r decide --format json --set received=2026-12-24 --set extended_in_time=true --set days_suspended=3
expect_status 0
expect_json '.verdict == "zes_weken" and (.reason | endswith("eindigt op 2027-02-07."))'
expect_json '.next_steps[0].text == "Beslis uiterlijk op 2027-02-07."'

# batch keeps each case's own dates (the memo of rendered outcomes)
printf '%s\n' '{"id": "a", "facts": {"received": "2026-12-24", "extended_in_time": false, "days_suspended": 0}}' \
	'{"id": "b", "facts": {"received": "2026-12-25", "extended_in_time": false, "days_suspended": 0}}' >"$tmp/cases.jsonl"
run $r batch "$tmp/cases.jsonl"
expect_out '"id": "a", "verdict": "vier_weken"'
expect_out 'eindigt op 2027-01-21.'
expect_out 'eindigt op 2027-01-22.'

# the loader: each malformed placeholder at its text
run --rules tests/data/texts/bad-placeholders.yaml check
expect_status 65
expect_err "bad-placeholders.yaml:11:33: the step's text in 'nl': unknown fact 'recieved' in a placeholder"
expect_err "bad-placeholders.yaml:12:33: the step's text in 'nl': '4' is not a duration: write a count of at most 5 digits and d, w, m or y (4w)"
expect_err "bad-placeholders.yaml:12:72: the step's text in 'en': 'extended' is a bool: a text shows only a date or a number fact"
expect_err "bad-placeholders.yaml:19:18: the rule's reason in 'nl': a '}' with no '{' before it: write '}}' for a '}'"
expect_err "bad-placeholders.yaml:13:42: the unknown reason in 'nl': a '{' with no '}' after it: write '{{' for a '{'"

# check: the fact a text shows must be asked and known on every path to it
run --rules tests/data/texts/unasked.yaml check
expect_status 65
expect_err "unasked.yaml:11:37: the text of step 'decide' in 'nl' shows 'received', which is not asked on the path extended=true: a text shows only facts that every path to it asks and knows"
expect_err "unasked.yaml:15:60: the reason of rule 'R2' in 'nl' shows 'received', which is not asked on the path extended=false"

finish
