#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname check's plain-language lint: warnings located as
# FILE:LINE:COL: warning: ..., the mean per language in the summary, exit 0;
# with --strict the warnings make the file invalid (65).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1

f=tests/data/plain/wordy.yaml
run --rules "$f" check
expect_status 0
[ "$err" = "$(cat tests/data/plain/wordy.expected)" ] || {
	fail_check "stderr differs from wordy.expected"
	printf '%s\n' "$err" | diff tests/data/plain/wordy.expected - >&2
}
expect_out "small 1: 4 paths, 3 rules, 2 questions, 2 steps: all reachable"
expect_out "plain language: nl 2.5 words a sentence (longest 12), en 1.6 (longest 4); limits 8, mean 2"

run --rules "$f" check --strict
expect_status 65
expect_err "opname: $f: 3 warnings, and --strict makes them problems"
[ -z "$out" ] || fail_check "--strict: stdout is not empty"

# a file without plain_language: the default limit of 25 words, no mean
run --rules tests/data/rules/good.yaml check --strict
expect_status 0
expect_out "limits 25"
expect_not_out "mean"
finish
