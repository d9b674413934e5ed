#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# make install / uninstall into a temporary DESTDIR, with the binary under
# test (INSTALL_BIN: nothing is built); the installed binary runs from
# another directory, and uninstall leaves nothing behind.
. "$(dirname "$0")/lib.sh"
root="$tmp/root"
files="usr/local/bin/opname
usr/local/lib/libopname.a
usr/local/include/opname.h
usr/local/lib/pkgconfig/opname.pc
usr/local/share/man/man1/opname.1
usr/local/share/man/man5/opname-rules.5
usr/local/share/opname/spelregels.yaml
usr/local/share/opname/spelregels.tests.yaml
usr/local/share/opname/schema/case.schema.json
usr/local/share/opname/schema/outcome.schema.json
usr/local/share/opname/schema/questions.schema.json
usr/local/share/bash-completion/completions/opname
usr/local/share/zsh/site-functions/_opname
usr/local/share/fish/vendor_completions.d/opname.fish
usr/local/share/doc/opname/README.md
usr/local/share/doc/opname/CHANGELOG.md
usr/local/share/doc/opname/LICENSE
usr/local/share/doc/opname/rules.md
usr/local/share/doc/opname/spelregels.svg
usr/local/share/doc/opname/hacking.md
usr/local/share/doc/opname/embed.c
usr/local/share/doc/opname/examples/mediation/my.patch
usr/local/share/doc/opname/examples/mediation/my.tests.yaml"

# A make of its own: not the settings (BUILD, EXTRA, -j) of the make that
# runs this test.
mk() {
	last="make $*"
	make_clean -s -C "$top" "$@" \
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

# the installed schemas are those of the built-in rules
for k in case outcome questions; do
	"$OPNAME" schema $k | cmp -s - "$root/usr/local/share/opname/schema/$k.schema.json" ||
		fail_check "share/opname/schema/$k.schema.json is not 'opname schema $k'"
done

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

# the man page renders from where it was installed, with the version
# (scripts/version.sh) in its footer
v=$("$top/scripts/version.sh")
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

# the GNU directory variables, as a Debian package sets them
gnu="prefix=/usr bindir=/usr/games mandir=/usr/share/man docdir=/usr/share/doc/opname-x"
# shellcheck disable=SC2086
mk install DESTDIR="$root" $gnu
expect_status 0
for f in usr/games/opname usr/share/man/man1/opname.1 usr/share/opname/spelregels.yaml \
	usr/share/doc/opname-x/rules.md usr/share/bash-completion/completions/opname; do
	[ -f "$root/$f" ] || fail_check "$gnu did not install $f"
done
grep -q "^\.It Pa /usr/share/opname/spelregels.yaml" "$root/usr/share/man/man1/opname.1" ||
	fail_check "the man page's FILES do not name /usr/share/opname"
# shellcheck disable=SC2086
mk uninstall DESTDIR="$root" $gnu
left=$(cd "$root" && find . -type f | grep -v other-tool)
[ -z "$left" ] || fail_check "uninstall with $gnu left: $left"

finish
