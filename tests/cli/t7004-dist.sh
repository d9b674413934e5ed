#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# make dist: the tarball holds exactly the tree's files plus VERSION and
# MANIFEST; unpacked where there is no git and no ../shared it builds with
# the default flags, says its version, and makes the same tarball again;
# that default build is hardened (hardening-check) and its objects carry
# the CET note. 'make distcheck' runs the whole 'make check' there; this
# test builds only, since it is itself part of make check.
. "$(dirname "$0")/lib.sh"

mk() { # mk DIR ARGS...: a make of its own, not the settings of ours
	d=$1
	shift
	last="make -C $d $*"
	PATH="$tmp/nogit:$PATH" make_clean -s -C "$d" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

v=$("$top/scripts/version.sh")
mkdir "$tmp/nogit" "$tmp/d1" "$tmp/d2" "$tmp/empty"
mk "$top" dist DISTDIR="$tmp/d1"
expect_status 0
tarball="$tmp/d1/opname-$v.tar.gz"
[ -f "$tarball" ] || fail_check "no $tarball"

# the files: the tree's own (git's list, or the MANIFEST of a tarball)
if [ -f "$top/MANIFEST" ]; then
	want=$(grep -vxE 'VERSION|MANIFEST' "$top/MANIFEST")
else
	want=$(git -C "$top" ls-files | grep -vxE 'VERSION|MANIFEST')
fi
want=$(printf '%s\nMANIFEST\nVERSION\n' "$want" | LC_ALL=C sort)
got=$(tar -tzf "$tarball" | grep -v '/$' | sed "s|^opname-$v/||" | LC_ALL=C sort)
[ "$got" = "$want" ] || fail_check "the tarball's files are not the tree's: $(printf '%s\n%s\n' "$want" "$got" | sort | uniq -u | head -5)"
tar -xzf "$tarball" -C "$tmp/empty"
src="$tmp/empty/opname-$v"
[ "$(cat "$src/VERSION")" = "$v" ] || fail_check "VERSION in the tarball is not $v"
[ "$(LC_ALL=C sort "$src/MANIFEST")" = "$want" ] || fail_check "MANIFEST is not the list of files"

# nothing that builds or tests reads ../shared, but the conformance
# target, which skips without it (this file only names it)
refs=$(cd "$src" && grep -rlI '\.\./shared' src include tests scripts bench .ci |
	grep -vx 'tests/cli/t7004-dist.sh')
n=$(grep -c '\.\./shared' "$src/Makefile")
[ "$n" = 3 ] || refs="$refs Makefile ($n lines)"
[ -z "$refs" ] || fail_check "files refer to ../shared: $refs"

# with no git at all: a 'git' that fails comes first in PATH
printf '#!/bin/sh\nexit 127\n' >"$tmp/nogit/git"
chmod +x "$tmp/nogit/git"
mk "$src" -j2 opname
expect_status 0
[ -x "$src/opname" ] || fail_check "the tarball did not build ./opname"
first=$("$src/opname" --version | head -n 1)
[ "$first" = "opname $v" ] || { out=$first; fail_check "--version says '$first', not 'opname $v'"; }

# the unpacked tree makes the same tarball again, byte for byte
mk "$src" dist DISTDIR="$tmp/d2"
expect_status 0
cmp -s "$tarball" "$tmp/d2/opname-$v.tar.gz" ||
	fail_check "make dist in the unpacked tarball gives another tarball"

# hardening, on the default build (the CET marking of the whole binary is
# not ours to give: Debian's crt1.o lacks it, so only our objects are held
# to it)
if command -v hardening-check >/dev/null 2>&1; then
	out=$(hardening-check --nocfprotection "$src/build/opname" 2>&1)
	status=$?
	last="hardening-check --nocfprotection build/opname"
	expect_status 0
	for what in "Position Independent Executable: yes" "Stack protected: yes" \
		"Fortify Source functions: yes" "Read-only relocations: yes" \
		"Immediate binding: yes"; do
		expect_out "$what"
	done
else
	echo "  $name: hardening-check missing (scripts/deps.sh check installs devscripts)" >&2
	failures=$((failures + 1))
fi
case $(cc -dumpmachine) in
x86_64-*)
	for o in "$src"/build/*.o; do
		readelf -n "$o" | grep -q 'x86 feature: IBT, SHSTK' ||
			{ last="readelf -n $o"; fail_check "$o lacks the CET note"; }
	done ;;
esac

finish
