#!/bin/sh
# The pictures of the spelregels in docs/ are those of the rules built in:
# regenerate with
#   opname graph --format mermaid > docs/spelregels.mmd
#   opname graph | dot -Tsvg > docs/spelregels.svg
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1

run graph --format mermaid
expect_status 0
[ "$out" = "$(cat docs/spelregels.mmd)" ] ||
	fail_check "docs/spelregels.mmd is out of date: regenerate it (see this test)"

# The SVG depends on the Graphviz version; check that it is one, and that
# it shows every rule.
grep -q '<svg' docs/spelregels.svg || fail_check "docs/spelregels.svg is not an SVG"
for r in E1 B1 B2 S1 S2 R1 R2 W1 W2 W3 W4 C1 C2 C3; do
	grep -q "regel $r;" docs/spelregels.svg || fail_check "docs/spelregels.svg lacks rule $r"
done
finish
