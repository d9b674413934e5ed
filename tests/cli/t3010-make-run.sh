#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# make run (scripts/run.sh): every verdict and an interrupt end cleanly,
# so make reports no error; a real failure is still passed on.
. "$(dirname "$0")/lib.sh"
for case in '1|2:not_allowed' '1|1|nee:not_allowed' '3|stop:incomplete' '6:consult' '5|2|2:allowed'; do
	answers=${case%%:*}
	printf '%s\n' "$answers" | tr '|' '\n' | "$top/scripts/run.sh" "$OPNAME" >"$tmp/out" 2>"$tmp/err"
	status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="scripts/run.sh <<$answers"
	expect_status 0
done
# the verdict is on screen
expect_out 'TOEGESTAAN'  # the last one, K1
# a rule file that cannot be read is a failure: 66 as from opname itself
OPNAME_RULES="$tmp/none.yaml" "$top/scripts/run.sh" "$OPNAME" </dev/null >"$tmp/out" 2>"$tmp/err"
status=$? err=$(cat "$tmp/err") last="OPNAME_RULES=none scripts/run.sh"
expect_status 66
expect_err 'opname: '
# the Makefile's run target is this script
grep -q '^	@scripts/run.sh ./opname$' "$top/Makefile" || fail_check "make run does not use scripts/run.sh"
finish
