#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname check on each broken rule file in tests/data/rules: exit 65 and
# exactly the diagnostics in its .expected file (mandoc-style golden files).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1

n=0
for f in tests/data/rules/*.yaml; do
	case "$f" in *.tests.yaml|*/good.yaml) continue ;; esac
	want="${f%.yaml}.expected"
	if [ ! -f "$want" ]; then
		failures=$((failures + 1))
		echo "  $name: $f has no ${want##*/}" >&2
		continue
	fi
	run --rules "$f" check
	expect_status 65
	[ -z "$out" ] || fail_check "$f: stdout is not empty"
	[ "$err" = "$(cat "$want")" ] || {
		fail_check "$f: stderr differs from ${want##*/}"
		printf '%s\n' "$err" | diff "$want" - >&2
	}
	n=$((n + 1))
done
[ "$n" -ge 20 ] || { failures=$((failures + 1)); echo "  $name: only $n broken files" >&2; }

# The base they are made from is valid.
run --rules tests/data/rules/good.yaml check
expect_status 0
expect_no_err
[ "$(printf "%s\n" "$out" | head -1)" = "small 1: 4 paths, 3 rules, 2 questions, 2 steps: all reachable" ] ||
	fail_check "good.yaml: unexpected report"
finish
