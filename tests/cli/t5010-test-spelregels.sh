#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname test on the spelregels tests: built in, and from rules/; full coverage.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1

run test
expect_status 0
expect_no_err
case "$out" in
[0-9]*" passed, 0 failed") ;;
*) fail_check "closing line is not 'N passed, 0 failed'" ;;
esac
passed=${out%% passed*}
[ "$passed" -ge 80 ] || fail_check "only $passed spelregels tests"

# 'opname test rules/' runs rules/*.tests.yaml: the same tests.
run test rules/
expect_status 0
[ "$out" = "$passed passed, 0 failed" ] || fail_check "rules/ runs other tests than the built-in ones"

# ... and so does naming the rule file.
run --rules rules/spelregels.yaml test
expect_status 0
expect_out "$passed passed, 0 failed"

run test --coverage
expect_status 0
expect_out "coverage: 25/25 rules, 12/12 steps, 'unknown' section reached, 107/107 paths"
expect_not_out "not reached"

# Every public example is among them.
for f in "$examples"/[0-9]*.yaml; do
	id=$(basename "$f" .yaml)
	grep -q "name: \"example $id\"" rules/spelregels.tests.yaml ||
		fail_check "example $id is not in rules/spelregels.tests.yaml"
done
finish
