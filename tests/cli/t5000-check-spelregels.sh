#!/bin/sh
# opname check on the spelregels: valid, every path analysed, exit 0.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1

run check
expect_status 0
expect_no_err
[ "$out" = "spelregels 2026.11.1: 59 paths, 14 rules, 18 questions, 12 steps: all reachable" ] ||
	fail_check "unexpected report line"

# The file in rules/ is the one built in.
run --rules rules/spelregels.yaml check
expect_status 0
expect_out "59 paths, 14 rules"

run check extra
expect_status 64
expect_err "unexpected argument 'extra'"

run check --help
expect_status 0
expect_out "usage: opname check"

run --rules /nonexistent/rules.yaml check
expect_status 66
expect_err "cannot read"
finish
