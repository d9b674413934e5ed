#!/bin/sh
# make install / uninstall into a temporary DESTDIR, with the binary under
# test (INSTALL_BIN: nothing is built); the installed binary runs from
# another directory, and uninstall leaves nothing behind.
. "$(dirname "$0")/lib.sh"
root="$tmp/root"
files="usr/local/bin/opname
usr/local/share/man/man1/opname.1
usr/local/share/opname/spelregels.yaml
usr/local/share/opname/spelregels.tests.yaml
usr/local/share/bash-completion/completions/opname"

# A make of its own: not the settings (BUILD, EXTRA, -j) of the make that
# runs this test.
mk() {
	last="make $*"
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$top" "$@" \
		INSTALL_BIN="$OPNAME" >"$tmp/out" 2>"$tmp/err"
	status=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

mk install DESTDIR="$root"
expect_status 0
expect_no_err
installed=$(cd "$root" && find . -type f | sed 's|^\./||' | sort)
[ "$installed" = "$(printf '%s\n' "$files" | sort)" ] ||
	fail_check "installed files differ: $installed"
[ -x "$root/usr/local/bin/opname" ] || fail_check "the binary is not executable"
cmp -s "$OPNAME" "$root/usr/local/bin/opname" || fail_check "not the binary under test"
cmp -s "$top/rules/spelregels.yaml" "$root/usr/local/share/opname/spelregels.yaml" ||
	fail_check "share/opname/spelregels.yaml is not rules/spelregels.yaml"
cmp -s "$top/completion/opname.bash" "$root/usr/local/share/bash-completion/completions/opname" ||
	fail_check "the completion is not completion/opname.bash"
[ "$(stat -c %a "$root/usr/local/share/man/man1/opname.1")" = 644 ] ||
	fail_check "the man page is not mode 644"

# the installed binary, from elsewhere: built-in rules, no source tree needed
out=$(cd / && "$root/usr/local/bin/opname" decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja --format json 2>"$tmp/err")
status=$?
err=$(cat "$tmp/err")
last="(cd / && installed opname decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja --format json)"
expect_status 0
expect_no_err
expect_json '.verdict == "allowed" and .rule == "E1"'

# the installed rule file is a valid rule file that passes its own tests
out=$(cd / && "$root/usr/local/bin/opname" --rules "$root/usr/local/share/opname/spelregels.yaml" test 2>&1)
status=$?
last="(cd / && installed opname --rules share/opname/spelregels.yaml test)"
expect_status 0
expect_out " passed, 0 failed"

# the man page renders from where it was installed, with the Makefile's
# VERSION in its footer
v=$(sed -n 's/^VERSION *:= *//p' "$top/Makefile")
if command -v mandoc >/dev/null 2>&1; then
	out=$(mandoc -Tascii "$root/usr/local/share/man/man1/opname.1" 2>&1 |
		sed 's/.\x08//g')
	status=$?
	last="mandoc installed opname.1"
	expect_status 0
	expect_out "EXIT STATUS"
	expect_out "/usr/local/share/opname/spelregels.yaml"
	printf '%s\n' "$out" | tail -n 1 | grep -q "opname $v" ||
		fail_check "the footer does not say opname $v"
fi
grep -qx "\.Os opname $v" "$root/usr/local/share/man/man1/opname.1" ||
	fail_check "the installed man page lacks '.Os opname $v'"

# uninstall removes exactly those files (and share/opname, which is ours)
touch "$root/usr/local/bin/other-tool"
mk uninstall DESTDIR="$root"
expect_status 0
left=$(cd "$root" && find . -type f | sed 's|^\./||')
[ "$left" = "usr/local/bin/other-tool" ] || fail_check "uninstall left: $left"
[ ! -e "$root/usr/local/share/opname" ] || fail_check "share/opname is still there"

# PREFIX moves everything
mk install DESTDIR="$root" PREFIX=/opt/op
expect_status 0
[ -x "$root/opt/op/bin/opname" ] && [ -f "$root/opt/op/share/man/man1/opname.1" ] ||
	fail_check "PREFIX=/opt/op did not install under /opt/op"
grep -q "^\.It Pa /opt/op/share/opname/spelregels.yaml" "$root/opt/op/share/man/man1/opname.1" ||
	fail_check "the man page's FILES do not name /opt/op/share/opname"
mk uninstall DESTDIR="$root" PREFIX=/opt/op
left=$(cd "$root/opt/op" && find . -type f)
[ -z "$left" ] || fail_check "uninstall with PREFIX left: $left"

finish
