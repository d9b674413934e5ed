#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname check on the spelregels: valid, every path analysed, exit 0.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1

run check
expect_status 0
expect_no_err
[ "$(printf '%s\n' "$out" | head -1)" = "spelregels 2026.12.1: 107 paths, 25 rules, 23 questions, 12 steps: all reachable" ] ||
	fail_check "unexpected report line"
# the plain-language summary: B1 Dutch, at most 12 words a sentence on
# average and none over 25
expect_out "plain language: nl "
mean=$(printf '%s\n' "$out" | sed -n 's/^plain language: nl \([0-9.]*\) words a sentence (longest \([0-9]*\)).*/\1 \2/p')
[ -n "$mean" ] || fail_check "no mean for nl"
set -- $mean
awk "BEGIN { exit !($1 <= 12 && $2 <= 25) }" || fail_check "nl: $1 words a sentence, longest $2"
run check --strict
expect_status 0
expect_no_err

# The file in rules/ is the one built in.
run --rules rules/spelregels.yaml check
expect_status 0
expect_out "107 paths, 25 rules"

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
