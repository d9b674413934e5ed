#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname ask on hostile answers (quality.md, "Bad input"): a line of
# megabytes, NUL bytes, invalid UTF-8 and escape sequences from a pipe are
# each an error naming the line, shown escaped. Output errors as for
# decide: /dev/full 74, a closed pipe quiet.
. "$(dirname "$0")/lib.sh"
. "$here/hostile-lib.sh"
# each hostile line, at a pipe, is an error naming its line (exit 65);
# none is echoed back raw or in full
hostile() { # hostile NAME PYTHON-BYTES WANT-IN-STDERR
	python3 -c "import sys; sys.stdout.buffer.write($2)" >"$tmp/$1"
	"$OPNAME" --lang en ask <"$tmp/$1" >"$tmp/out" 2>"$tmp/err"
	status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="ask <$1"
	expect_status 65
	expect_err "$3"
	[ "$(wc -c <"$tmp/out")" -lt 100000 ] || fail_check "the long answer was echoed"
}
hostile long "b'x' * (5 << 20) + b'\\n'" "opname: <stdin>:1: a line of more than 4096 bytes is not an answer to 'action'"
hostile nul "b'rec\\x00ord\\n'" "opname: <stdin>:1: a line that is not text"
hostile utf8 "b'caf\\xc3\\x28\\n'" "opname: <stdin>:1: a line that is not text"
hostile nuls "b'\\0\\0\\0'" "opname: <stdin>:1: a line that is not text"
hostile escape "b'\\x1b]0;title\\x07\\n'" "opname: <stdin>:1: '\\x1b]0;title\\x07' is not an answer"
case $err in *"$(printf '\033')"*) fail_check "an escape reached stderr raw" ;; esac
# CRLF and blanks are still fine
printf ' breach \r\n' | "$OPNAME" --lang en ask >"$tmp/out" 2>"$tmp/err"
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="ask <breach CRLF"
expect_status 2
expect_out "(rule V1;"

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
