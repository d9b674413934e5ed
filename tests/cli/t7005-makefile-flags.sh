#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The Makefile for packagers: CPPFLAGS, CFLAGS and LDFLAGS from the command
# line or the environment add to the project's flags (which stay, and come
# first); WERROR= drops -Werror; HARDEN=0 drops the hardening; PKG_CONFIG
# is the pkg-config used. Read from 'make -n V=1' (what make would run).
. "$(dirname "$0")/lib.sh"

line() { # the compile line of main.o, or the link line of opname
	printf '%s\n' "$out" | grep -E -- "$1" | head -n 1
}

printf '#!/bin/sh\ncase "$*" in *--cflags*) echo -DFROM_FAKE_PKG_CONFIG;; *) echo -lyaml;; esac\n' >"$tmp/pc"
chmod +x "$tmp/pc"

# on the command line
last="make CPPFLAGS=... CFLAGS=... LDFLAGS=... PKG_CONFIG=..."
out=$(make_clean -n -B V=1 -C "$top" BUILD="$tmp/b" \
	CPPFLAGS=-DPKG_CPP CFLAGS="-O3 -DPKG_C" LDFLAGS=-Wl,--as-needed \
	PKG_CONFIG="$tmp/pc" "$tmp/b/main.o" "$tmp/b/opname" 2>"$tmp/err")
status=$?
err=$(cat "$tmp/err")
expect_status 0
cc=$(line '-c -o [^ ]*/main\.o')
ld=$(line '-o [^ ]*/b/opname ')
for f in -D_GNU_SOURCE -Iinclude -Werror -Wall -D_FORTIFY_SOURCE=2 \
	-fstack-protector-strong -fPIE -DPKG_CPP -DPKG_C -O3 -DFROM_FAKE_PKG_CONFIG; do
	case " $cc " in *" $f "*) ;; *) fail_check "compile line lacks $f: $cc" ;; esac
done
# the builder's flags after the project's: theirs win
case "$cc" in *-D_GNU_SOURCE*-DPKG_CPP*-O2*-O3*) ;; *) fail_check "flags out of order: $cc" ;; esac
for f in -pie -Wl,-z,relro -Wl,-z,now -Wl,--as-needed; do
	case " $ld " in *" $f "*) ;; *) fail_check "link line lacks $f: $ld" ;; esac
done

# the same from the environment
last="CPPFLAGS=... CFLAGS=... LDFLAGS=... make"
out=$(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u BUILD -u OPT -u HARDEN -u EXTRA -u WERROR \
	CPPFLAGS=-DPKG_CPP CFLAGS=-DPKG_C LDFLAGS=-Wl,--as-needed make -n -B V=1 -C "$top" BUILD="$tmp/b" \
	"$tmp/b/main.o" "$tmp/b/opname" 2>"$tmp/err")
status=$?
expect_status 0
cc=$(line '-c -o [^ ]*/main\.o')
ld=$(line '-o [^ ]*/b/opname ')
for f in -D_GNU_SOURCE -Werror -DPKG_CPP -DPKG_C; do
	case " $cc " in *" $f "*) ;; *) fail_check "compile line lacks $f: $cc" ;; esac
done
case " $ld " in *" -Wl,--as-needed "*) ;; *) fail_check "link line lacks LDFLAGS: $ld" ;; esac

# a builder's own _FORTIFY_SOURCE wins, without a second definition;
# WERROR= and HARDEN=0
last="make CPPFLAGS=-D_FORTIFY_SOURCE=3 WERROR= HARDEN=0"
out=$(make_clean -n -B V=1 -C "$top" BUILD="$tmp/b" \
	CPPFLAGS=-D_FORTIFY_SOURCE=3 WERROR= "$tmp/b/main.o" 2>/dev/null)
cc=$(line '-c -o [^ ]*/main\.o')
case "$cc" in *FORTIFY_SOURCE=2*) fail_check "two _FORTIFY_SOURCE: $cc" ;; esac
case "$cc" in *-Werror*) fail_check "WERROR= kept -Werror: $cc" ;; esac
out=$(make_clean -n -B V=1 -C "$top" BUILD="$tmp/b" \
	HARDEN=0 "$tmp/b/main.o" "$tmp/b/opname" 2>/dev/null)
case "$out" in *-fstack-protector*|*FORTIFY*|*-z,now*) fail_check "HARDEN=0 kept hardening" ;; esac

# plain 'make' installs nothing: it runs the dependency step only to
# report, and with no pkg-config that finds libyaml it says what to install
out=$(make_clean -n -C "$top" BUILD="$tmp/b" 2>/dev/null)
last="make -n"
case "$out" in *"scripts/deps.sh report"*) ;; *) fail_check "make does not run deps.sh report" ;; esac
case "$out" in *"scripts/deps.sh build"*|*apt-get*) fail_check "make would install" ;; esac
printf '#!/bin/sh\nexit 1\n' >"$tmp/nopc"
chmod +x "$tmp/nopc"
mkdir "$tmp/nopath" && ln -s "$tmp/nopc" "$tmp/nopath/pkg-config"
out=$(PATH="$tmp/nopath:$PATH" "$top/scripts/deps.sh" report 2>&1)
status=$?
last="deps.sh report, without libyaml"
expect_status 1
expect_out "deps: missing libyaml-dev libedit-dev: 'make deps' installs them (as root), or: apt-get install libyaml-dev libedit-dev"

finish
