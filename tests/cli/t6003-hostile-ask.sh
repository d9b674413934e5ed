#!/bin/sh
# opname ask on hostile answers (quality.md, "Bad input"): a line of
# megabytes, NUL bytes and invalid UTF-8 are explained and the question is
# asked again; the interview goes on to its verdict. Output errors as for
# decide: /dev/full 74, a closed pipe quiet.
. "$(dirname "$0")/lib.sh"
. "$here/hostile-lib.sh"
python3 -c "
import sys
sys.stdout.buffer.write(b'x' * (5 << 20) + b'\n' + b'rec\x00ord\n' + b'caf\xc3\x28\n' + b'breach\r\n')" >"$tmp/answers"
"$OPNAME" --lang en ask <"$tmp/answers" >"$tmp/out" 2>"$tmp/err"
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="ask <hostile answers"
expect_status 2
expect_out "That answer is too long (more than 4096 bytes)"
expect_out "That answer holds characters that cannot be read (not valid UTF-8)"
expect_out "CONSULT FIRST"
expect_out "(rule V1;"
n=$(printf '%s\n' "$out" | grep -c "cannot be read")
[ "$n" = 2 ] || fail_check "expected 2 unreadable answers explained, got $n"
# nothing of the 5 MiB line is echoed back
[ "$(wc -c <"$tmp/out")" -lt 100000 ] || fail_check "the long answer was echoed"

# only NUL bytes and no newline at the end: explained, then EOF is incomplete
printf '\000\000\000' | "$OPNAME" --lang en ask >"$tmp/out" 2>"$tmp/err"
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="ask <NULs"
expect_status 3

if [ -w /dev/full ]; then
	printf 'breach\n' | "$OPNAME" ask >/dev/full 2>"$tmp/err"
	status=$? err=$(cat "$tmp/err") last="ask >/dev/full"
	expect_status 74
	expect_err "opname: cannot write output: No space left on device"
fi
closed_pipe ask
expect_status sigpipe
expect_no_err
finish
