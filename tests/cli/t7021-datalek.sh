#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The datalek example (docs/examples/datalek/): the DPA's breach decision
# under GDPR articles 33 and 34 gives what the law gives, for every
# outcome, with its exit status; unknown answers lead to consult; the
# steps of 33(1), 33(3)(a) and 33(4) come where they apply; citations are
# GDPR articles, never "factsheet:".
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
r="--rules docs/examples/datalek/datalek.yaml"
c="--set personal_data=ja --set role=controller --set risk_unlikely=nee"
high="$c --set data_types=health --set serious_harm=nee"

run $r check --strict
expect_status 0
expect_out "datalek 2026.12.1: 60 paths (and 143 step branches), 9 rules, 10 questions, 8 steps: all reachable"

# The case of the issue: 80 hours, health data, no exception of 34(3).
run $r decide $high --set hours_since_discovery=80 --set encrypted=nee \
	--set measures_taken=nee --set disproportionate_effort=nee --format json
expect_status 13
expect_json '.verdict == "notify_ap_and_subjects" and .rule == "D7"'
expect_json '[.next_steps[].id] == ["document", "state_number", "explain_delay", "inform_people"]'
expect_json '.refs == ["a33_1", "a34_1", "a34_2"] and .missing == [] and .unknown == []'
expect_json '(.facts_used | index("people")) == null'
run $r decide $high --set hours_since_discovery=80 --set encrypted=nee \
	--set measures_taken=nee --set disproportionate_effort=nee
expect_out "MELDEN BIJ DE AP EN AAN DE BETROKKENEN"
expect_out "AVG: artikel 33, lid 1 (melden bij de AP)"
expect_out "Leg in de melding uit waarom."
expect_not_out "factsheet"
run --lang en $r decide $high --set hours_since_discovery=80 --set encrypted=nee \
	--set measures_taken=nee --set disproportionate_effort=nee
expect_out "NOTIFY THE DPA AND THE PEOPLE AFFECTED"
expect_out "GDPR: Article 33(1) (notify the DPA)"
expect_not_out "factsheet"

# Each outcome, with its exit status.
run $r decide --set personal_data=nee --format json
expect_status 0
expect_json '.verdict == "not_personal" and .facts_used == ["personal_data"]'
run $r decide --set personal_data=ja --set role=processor --format json
expect_status 10
expect_json '.verdict == "inform_controller" and .next_steps[0].id == "tell_controller"'
run $r decide $c --set risk_unlikely=ja --set data_types=financial,location --set serious_harm=nee --format json
expect_status 11
expect_json '.verdict == "record_only" and [.next_steps[].id] == ["document"]'
run $r decide $high --set encrypted=ja --set hours_since_discovery=5 --set people=1200 --format json
expect_status 12
expect_json '.verdict == "notify_ap" and .rule == "D4" and .refs == ["a33_1", "a34_3a"]'
expect_json '[.next_steps[].id] == ["document", "state_number"]'
run $r decide $high --set encrypted=nee --set measures_taken=ja --set hours_since_discovery=72 --set people=3 --format json
expect_json '.verdict == "notify_ap" and .rule == "D5" and .refs == ["a33_1", "a34_3b"]'
run $r decide $high --set encrypted=nee --set measures_taken=nee --set disproportionate_effort=ja \
	--set hours_since_discovery=73 --format json
expect_status 14
expect_json '.verdict == "notify_ap_and_public" and ([.next_steps[].id] | index("public_notice")) != null'
expect_json '([.next_steps[].id] | index("explain_delay")) != null'
run $r decide $c --set data_types= --set serious_harm=nee --set hours_since_discovery=10 --set people=40 --format json
expect_status 12
expect_json '.verdict == "notify_ap" and .rule == "D8" and .refs == ["a33_1"]'
# serious harm alone makes the risk high; children's data too
run $r decide $c --set data_types=other --set serious_harm=ja --set encrypted=nee \
	--set measures_taken=nee --set disproportionate_effort=nee --set hours_since_discovery=1 --set people=9 --format json
expect_json '.verdict == "notify_ap_and_subjects"'
run $r decide $c --set data_types=children --set encrypted=nee \
	--set measures_taken=nee --set disproportionate_effort=nee --set hours_since_discovery=1 --set people=9 --format json
expect_json '.verdict == "notify_ap_and_subjects" and (.facts_used | index("serious_harm")) == null'

# 33(4): within 72 hours an unknown number is added later; past them the
# delay is explained and the number is not asked
run $r decide $c --set data_types= --set serious_harm=nee --set hours_since_discovery=10 --set people=unknown --format json
expect_json '[.next_steps[].id] == ["document", "state_number", "number_later"]'
run $r decide $c --set data_types= --set serious_harm=nee --set hours_since_discovery=10 --format json
expect_status 3
expect_json '.verdict == "incomplete" and .missing == ["people"]'

# Unknown answers: consult, naming them.
run $r decide --set personal_data=unknown --format json
expect_status 2
expect_json '.verdict == "consult" and .unknown == ["personal_data"] and [.next_steps[].id] == ["document", "ask_dpo"]'
run $r decide $c --set data_types=unknown --set serious_harm=nee --set encrypted=nee \
	--set measures_taken=nee --set disproportionate_effort=nee --format json
expect_json '.verdict == "consult" and .rule == "D7" and .unknown == ["data_types"]'
run $r decide $high --set encrypted=unknown --set measures_taken=nee --set disproportionate_effort=nee --format json
expect_json '.verdict == "consult" and .unknown == ["encrypted"]'
run $r decide $c --set risk_unlikely=unknown --set data_types= --set serious_harm=nee --format json
expect_json '.verdict == "consult" and .unknown == ["risk_unlikely"]'
# "unlikely risk" with data of a high risk does not fit: consult (D3)
run $r decide $c --set risk_unlikely=ja --set data_types=credentials --format json
expect_status 2
expect_json '.verdict == "consult" and .rule == "D3" and .unknown == []'

# Its tests pass with full coverage.
run $r test --fail-under 100
expect_status 0
expect_out "60/60 paths: 100.0%"
finish
