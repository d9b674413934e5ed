#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The library others embed, as they would use it: make install into a
# DESTDIR with PREFIX=/usr, then docs/examples/embed.c built against that
# install with pkg-config alone decides a case. Every global symbol the
# library defines starts with opname_, and it needs nothing of the command
# line (the example links it with libyaml and libc only).
. "$(dirname "$0")/lib.sh"
root="$tmp/root"
make_clean -s -C "$top" install DESTDIR="$root" PREFIX=/usr INSTALL_BIN="$OPNAME" >/dev/null 2>&1 ||
	{ status=- out= err=; last="make install"; fail_check "make install failed"; }
lib="$root/usr/lib/libopname.a"
status=- err=
last="nm $lib"
[ -f "$lib" ] || fail_check "no libopname.a installed"
out=$(nm -g --defined-only "$lib" | awk 'NF == 3 { print $3 }' | grep -v '^opname_')
[ -z "$out" ] || fail_check "global symbols without the opname_ prefix: $(printf '%s' "$out" | head -5 | tr '\n' ' ')"
out=$(nm -u "$lib" | awk 'NF == 2 { print $2 }' | grep -E '^(fail|write_stdout|ctx_|cmd_|atomic_|temp_guard|batch_|ask_)' || :)
[ -z "$out" ] || fail_check "the library needs the command line's: $out"

export PKG_CONFIG_PATH="$root/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$root"
flags=$(pkg-config --cflags --libs opname 2>&1)
status=$? out=$flags err=
last="pkg-config --cflags --libs opname"
expect_status 0
expect_out "-lopname"
# shellcheck disable=SC2086
out=$(cc -std=c11 -Wall -Wextra -Werror "$top/docs/examples/embed.c" $flags -o "$tmp/embed" 2>&1)
status=$?
last="cc embed.c \$(pkg-config --cflags --libs opname)"
expect_status 0

rules="$root/usr/share/opname/spelregels.yaml"
out=$("$tmp/embed" "$rules" action=record media=video 2>&1)
status=$? last="embed spelregels.yaml action=record media=video"
expect_status 1
expect_out "not_allowed (rule R1)"
expect_out "1. no_video: No video recordings are made of the conversation."
expect_out "cites: d"
out=$("$tmp/embed" "$rules" action=copy recorder=citizen copy_refused=ja 2>&1)
status=$? last="embed ... action=copy recorder=citizen copy_refused=ja"
expect_status 2
expect_out "consult (rule K2)"
out=$("$tmp/embed" "$rules" action=copy recorder=citizen 2>&1)
status=$? last="embed ... (copy_refused missing)"
expect_status 3
expect_out "missing: copy_refused"
out=$("$tmp/embed" "$rules" action=recrod 2>&1)
status=$? last="embed ... action=recrod"
expect_status 65
expect_out "did you mean 'record'"
out=$("$tmp/embed" "$tmp/none.yaml" 2>&1)
status=$? last="embed none.yaml"
expect_status 66
finish
