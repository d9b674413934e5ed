#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
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
for r in V1 K1 K2 K3 E0 E1 E2 E3 B1 B2 S0 S1 S2 R1 R2 W1 W2 W3 W4 W5 C0 C1 C2 T1 C3; do
	grep -q "regel $r;" docs/spelregels.svg || fail_check "docs/spelregels.svg lacks rule $r"
done
finish
