#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Smaller faults of the red-team pass, each as it was found: an empty test
# list passed; test --coverage with no complete test called qsort(NULL, 0)
# (UBSan stops there in the ASan build); ask with stdin closed exited 74,
# an output error; q and exit did not stop the interview.
. "$(dirname "$0")/lib.sh"
good="$top/tests/data/rules/good.yaml"

# tests: [] tests nothing, so it must not pass
printf 'tests: []\n' >"$tmp/empty.tests.yaml"
run --rules "$good" test "$tmp/empty.tests.yaml"
expect_status 65
expect_err "opname: $tmp/empty.tests.yaml:1:8: 'tests' is empty: a test file holds at least one test"

# --coverage when no test is complete (every one stops at a missing fact)
cat >"$tmp/partial.tests.yaml" <<'EOF2'
tests:
  - name: nothing given
    expect: {verdict: incomplete, missing: [kind]}
EOF2
run --rules "$good" test --coverage "$tmp/partial.tests.yaml"
expect_status 0
expect_out "coverage: 0/3 rules"
expect_out "1 passed, 0 failed"
case "$err" in *runtime\ error*|*Sanitizer*) fail_check "sanitizer: $err" ;; esac

# ask with stdin closed: an input error (66), before the rule file is
# opened on descriptor 0 and read as answers
last="opname ask <&-"
"$OPNAME" ask >"$tmp/out" 2>"$tmp/err" <&-
status=$?
out=$(cat "$tmp/out")
err=$(cat "$tmp/err")
expect_status 66
expect_err "opname: cannot read the answers: stdin is closed"
[ -z "$out" ] || fail_check "the interview started with stdin closed"
"$OPNAME" --rules "$good" ask --save "$tmp/c.yaml" >"$tmp/out" 2>"$tmp/err" <&-
status=$?
expect_status 66
[ ! -e "$tmp/c.yaml" ] || fail_check "a case was saved with stdin closed"

# q and exit stop, as stop does
for word in q exit Q EXIT; do
	run_in "$word
" --lang en ask
	expect_status 3
	expect_out "INCOMPLETE"
	expect_not_out "not an answer I understand"
	expect_not_out "The input ended"
done
finish
