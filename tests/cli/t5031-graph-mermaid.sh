#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname graph --format mermaid: parsed structurally (no Mermaid renderer
# here): a flowchart header, valid ids, every node declared once, every
# edge between declared nodes, every label quoted with nothing unescaped.
. "$(dirname "$0")/lib.sh"

for lang in nl en; do
	run --lang $lang graph --format mermaid
	expect_status 0
	expect_no_err
	printf '%s\n' "$out" >"$tmp/g.mmd"
	python3 - "$tmp/g.mmd" >"$tmp/check.out" 2>&1 <<'PY' || fail_check "mermaid ($lang): $(cat "$tmp/check.out")"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[0] == "---" and lines[1].startswith("title: ") and lines[2] == "---", "front matter"
assert lines[3] == "flowchart TD", "no 'flowchart TD' header"
label = r'"(?:[^"#<>|&`]|#\d+;|<br/>)*"'
node = re.compile(r'^  ([a-z][0-9]+)(?:\[(' + label + r')\]|\(\[(' + label + r')\]\))$')
edge = re.compile(r'^  ([a-z][0-9]+) -->\|(' + label + r')\| ([a-z][0-9]+)$')
cls = re.compile(r'^  class ([a-z][0-9]+) (allowed|not_allowed|consult|incomplete)$')
cdef = re.compile(r'^  classDef (allowed|not_allowed|consult|incomplete) fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#000$')
nodes, edges, classed = set(), [], set()
for n, l in enumerate(lines[4:], 5):
    if not l:
        continue
    m = node.match(l)
    if m:
        assert m.group(1) not in nodes, "line %d: %s declared twice" % (n, m.group(1))
        nodes.add(m.group(1))
        continue
    m = edge.match(l)
    if m:
        edges.append((n, m.group(1), m.group(3)))
        continue
    m = cls.match(l)
    if m:
        classed.add(m.group(1))
        continue
    assert cdef.match(l), "line %d does not parse: %r" % (n, l)
for n, a, b in edges:
    assert a in nodes and b in nodes, "line %d: edge to an undeclared node" % n
leaves = {x for x in nodes if x[0] == "v"}
assert leaves and leaves == classed, "every leaf, and only leaves, get a verdict class"
assert len(edges) >= len(nodes) - 1, "not connected"
targets = {b for _, _, b in edges}
roots = nodes - targets
assert roots == {"q0"}, "one root, q0: %s" % roots
PY
done
run graph --format mermaid
expect_out "flowchart TD"
expect_out 'q0 -->|"Een gesprek opnemen"|'
expect_out "class v"
finish
