#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Runs every tests/cli/t*.sh against $OPNAME; each prints its own failures.
# Closes with 'N passed, N failed' (counting test scripts).
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${OPNAME:?set OPNAME to the binary under test}"
export OPNAME
passed=0 failed=0
for t in "$here"/t[0-9]*.sh; do
	[ -e "$t" ] || continue
	if sh "$t"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $(basename "$t")"
	fi
done
echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
