#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# check, graph and test --coverage end within 10 s on rule files of about
# 900 KB built to be slow (tests/data/gen-slow-rules.py): 'skip' took 48 s
# when the walk decided from the first rule at every node; 'within' can
# only be stopped by the work limit, which is reported at the rule.
. "$(dirname "$0")/lib.sh"
gen="$top/tests/data/gen-slow-rules.py"
limit=${OPNAME_SLOW_LIMIT:-10}
# The 10 s are the release build's; under AddressSanitizer all runs slower.
if ldd "$OPNAME" 2>/dev/null | grep -q libasan; then
	limit=${OPNAME_SLOW_LIMIT:-60}
fi
[ -n "${VALGRIND:-}" ] && limit=900 # make valgrind: some fifty times slower

timed() { # timed ARGS...: run opname under a timeout of $limit seconds
	last="opname $* (at most ${limit}s)"
	timeout "$limit" "$OPNAME" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
	[ "$status" != 124 ] || fail_check "did not end within ${limit}s"
}

printf 'tests:\n  - {facts: {c: b}, expect: {verdict: allowed, rule: P0}}\n' >"$tmp/within.tests.yaml"
printf 'tests:\n  - {facts: {c: b, q0: no, q1: no, q2: no, q3: no, q4: no, q5: no, q6: no, q7: no, q8: no, q9: no, never: no}, expect: {verdict: allowed, rule: ASK}}\n' >"$tmp/skip.tests.yaml"
for mode in skip within; do
	python3 "$gen" $mode >"$tmp/$mode.yaml"
	size=$(wc -c <"$tmp/$mode.yaml")
	[ "$size" -gt 800000 ] && [ "$size" -lt 1000000 ] || fail_check "$mode.yaml is $size bytes"
done

# skip: every path followed; its thousand costly rules are unreachable
timed --rules "$tmp/skip.yaml" check
expect_status 65
expect_err "rule 'F0' is unreachable"
expect_err "opname: $tmp/skip.yaml: 1002 problems"
timed --rules "$tmp/skip.yaml" graph
expect_status 0
timed --rules "$tmp/skip.yaml" test --coverage "$tmp/skip.tests.yaml"
expect_status 0
expect_out "coverage: 1/1002 rules, 1/1 steps, 'unknown' section not reached, 1/354294 paths"

# within: stopped by the work limit, located at the rule
timed --rules "$tmp/within.yaml" check
expect_status 65
expect_err "opname: $tmp/within.yaml:25:5: the analysis stops after 500000000 condition evaluations, here in rule 'ASK' ("
expect_err "opname: $tmp/within.yaml: 1 problem"
timed --rules "$tmp/within.yaml" graph
expect_status 65
expect_err "the analysis stops after 500000000 condition evaluations"
expect_err "nothing drawn: the analysis stops at its limit"
timed --rules "$tmp/within.yaml" test --coverage "$tmp/within.tests.yaml"
expect_status 0
expect_out "paths not counted (more than 500000000 condition evaluations)"
finish
