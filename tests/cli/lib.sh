# SPDX-License-Identifier: EUPL-1.2
# Helpers for the CLI tests (git's test-lib, in small). Each tNNNN-*.sh
# sources this, runs checks, and ends with 'finish'.
#   run ARGS...            run $OPNAME with ARGS; sets $status, $out, $err
#   run_in INPUT ARGS...   the same with INPUT on stdin
#   expect_status N        the last run exited N
#   expect_out TEXT        stdout contains TEXT (fixed string)
#   expect_err TEXT        stderr contains TEXT
#   expect_no_err          stderr is empty
#   expect_json FILTER     jq -e FILTER is true on stdout
#   make_clean ARGS...     make, without the settings of the make running us
#   wait_for FILE TEXT     wait (at most 10 s) until FILE holds TEXT
set -u
: "${OPNAME:?}"
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
examples="$top/tests/data/examples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
name=$(basename "$0" .sh)

fail_check() {
	failures=$((failures + 1))
	echo "  $name: $*" >&2
	echo "    command: $last" >&2
	echo "    status: $status" >&2
	echo "    stdout: $(printf %s "$out" | head -c 600)" >&2
	echo "    stderr: $(printf %s "$err" | head -c 600)" >&2
}

run() {
	last="opname $*"
	"$OPNAME" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

run_in() {
	input=$1
	shift
	last="printf '%s' ... | opname $*"
	printf '%s' "$input" | "$OPNAME" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

expect_status() {
	[ "$status" = "$1" ] || fail_check "expected exit status $1"
}

expect_out() {
	case "$out" in *"$1"*) ;; *) fail_check "stdout lacks: $1" ;; esac
}

expect_not_out() {
	case "$out" in *"$1"*) fail_check "stdout has: $1" ;; *) ;; esac
}

expect_err() {
	case "$err" in *"$1"*) ;; *) fail_check "stderr lacks: $1" ;; esac
}

expect_no_err() {
	[ -z "$err" ] || fail_check "stderr is not empty"
}

expect_json() {
	printf '%s' "$out" | jq -e "$1" >/dev/null 2>&1 || fail_check "jq -e '$1' is not true"
}

# make_clean ARGS...: a make of its own, with none of the settings of the
# make that runs the tests (its -j, and BUILD, OPT, HARDEN, EXTRA and the
# flags, which make puts in the environment of the asan build's tests)
make_clean() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u BUILD -u OPT -u HARDEN -u EXTRA \
		-u CFLAGS -u CPPFLAGS -u LDFLAGS -u WERROR make "$@"
}

# wait_for FILE TEXT: until FILE holds TEXT (a fixed string), for at most
# 10 seconds; a record a running opname should have written by now.
wait_for() {
	i=0
	while [ $i -lt 100 ] && ! grep -qF -- "$2" "$1"; do
		sleep 0.1
		i=$((i + 1))
	done
}

finish() {
	[ "$failures" = 0 ]
	exit $?
}
