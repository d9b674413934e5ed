#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname graph: Graphviz accepts the dot output; leaves carry verdicts in
# colour, rule ids and factsheet parts.
. "$(dirname "$0")/lib.sh"

run graph
expect_status 0
expect_no_err
printf '%s\n' "$out" >"$tmp/g.dot"
dot -Tsvg "$tmp/g.dot" >"$tmp/g.svg" 2>"$tmp/dot.err" ||
	fail_check "dot -Tsvg refuses it: $(cat "$tmp/dot.err")"
[ -s "$tmp/dot.err" ] && fail_check "dot warns: $(cat "$tmp/dot.err")"
grep -q '<svg' "$tmp/g.svg" || fail_check "no SVG from dot"

expect_out 'digraph "spelregels"'
expect_out 'fillcolor="#c8e6c9"' # allowed: green
expect_out 'fillcolor="#ffcdd2"' # not allowed: red
expect_out 'fillcolor="#ffe0b2"' # consult: amber
expect_out 'label="action\nWaar gaat de vraag over?"'
expect_out 'label="ja"'
expect_out 'label="weet niet"'
for r in E1 B1 B2 S1 S2 R1 R2 W1 W2 W3 W4 C1 C2 C3; do
	expect_out "regel $r;"
done
expect_out "factsheet: evidence"
# Identical outcomes are drawn once: C3 with and without the camera step.
n=$(printf '%s\n' "$out" | grep -c 'regel C3;')
[ "$n" = 2 ] || fail_check "expected 2 C3 leaves, got $n"
# The spelregels have no path without a verdict: no grey leaf.
expect_not_out '#e0e0e0'

run --lang en graph
expect_out 'label="yes"'
expect_out "rule W4;"

run graph --format png
expect_status 64
finish
