#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The worked example of docs/rules.md, end to end: the built-in rules plus
# docs/examples/mediation/my.patch check clean, pass my.tests.yaml, and
# decide and interview with the new question; the old tests notice it.
. "$(dirname "$0")/lib.sh"
ex="$top/docs/examples/mediation"

cp "$top/rules/spelregels.yaml" "$tmp/my.yaml"
cp "$ex/my.tests.yaml" "$tmp/my.tests.yaml"
# (an offset is fine: the spelregels may have grown; what lands where is
# checked by everything after)
out=$(cd "$tmp" && patch my.yaml "$ex/my.patch" 2>&1)
status=$? err=
last="patch my.yaml docs/examples/mediation/my.patch"
expect_status 0
expect_not_out "FAILED"

cd "$tmp" || exit 1

run --rules my.yaml check
expect_status 0
expect_out "spelregels-mediation 2026.12.1-m1:"
expect_out "all reachable"
expect_no_err

run --rules my.yaml test
expect_status 0
expect_out "7 passed, 0 failed"

# every rule but the ones the example does not test is reached: M1 is
run --rules my.yaml test --coverage
expect_status 0
expect_not_out "rule M1"
expect_not_out "mediation_no_recording"

run --rules my.yaml decide --set action=record --set media=audio \
	--set participant=ja --set mediation=ja --format json
expect_status 1
expect_json '.rule == "M1" and .rules_file.name == "spelregels-mediation"'
expect_json '[.next_steps[].id] == ["mediation_no_recording", "offer_alternatives"]'

run --rules my.yaml decide --set action=record --set media=audio --set participant=ja
expect_status 3

run_in 'record
audio
yes
yes
' --rules my.yaml --lang en ask
expect_status 1
expect_out "Is it a mediation talk?"
expect_out "rule M1"

# the built-in tests, run against my.yaml, stop at the new question
sed 's/^rules: spelregels$/rules: spelregels-mediation/' \
	"$top/rules/spelregels.tests.yaml" >old.tests.yaml
run --rules my.yaml test old.tests.yaml
expect_status 1
expect_out "missing: expected [], got [mediation]"

# what docs/rules.md shows is what was run: every line of its YAML blocks
# (but the tests) is in the patch, and the tests it shows pass
awk -v out="$tmp/doc" '
	/^## A worked example/ { on = 1; next }
	on && /^## / { on = 0 }
	on && /^```yaml/ { n++; inside = 1; next }
	on && /^```/ { inside = 0; next }
	inside { print > (out n ".yaml") }' "$top/docs/rules.md"
shown=0
for b in "$tmp"/doc*.yaml; do
	[ -e "$b" ] || break
	if grep -q '^tests:' "$b"; then
		cp "$b" shown.tests.yaml
		continue
	fi
	shown=$((shown + 1))
	last="docs/rules.md, worked example, $(basename "$b")"
	while IFS= read -r line; do
		grep -qxF -- "+$line" "$ex/my.patch" || fail_check "not in my.patch: $line"
	done <"$b"
done
[ "$shown" = 5 ] || fail_check "expected 5 YAML blocks of the rule file, found $shown"
run --rules my.yaml test shown.tests.yaml
expect_status 0
expect_out "4 passed, 0 failed"

# the three mistakes docs/rules.md shows give the messages it shows (the
# positions aside: they move when the spelregels grow)
grep -vxF '      en: "Is it a mediation talk?"' my.yaml >m1.yaml
sed 's/^      - mediation_no_recording$/      - mediation_no_recordng/' my.yaml >m2.yaml
awk '/^  # De gemeente weigert/ { cut = 1 } /^  # Werksituatie/ { cut = 0 }
	cut { m1 = m1 $0 "\n"; next } { print } END { printf "\n%s", m1 }' my.yaml >m3.yaml
for m in m1 m2 m3; do
	run --rules $m.yaml check
	expect_status 65
	printf '%s\n' "$err" | sed "s/^opname: $m.yaml:[0-9:]*/opname: my.yaml:/" >$m.err
	while IFS= read -r line; do
		sed 's/^opname: my.yaml:[0-9:]*/opname: my.yaml:/' "$top/docs/rules.md" |
			grep -qxF -- "$line" || fail_check "docs/rules.md does not show: $line"
	done <$m.err
done

# and the built-in rules are untouched by all this
run check
expect_status 0
expect_out "spelregels 2026"

finish
