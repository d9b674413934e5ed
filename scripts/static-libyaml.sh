#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# make static: libyaml built for musl, into DIR/libyaml.a and DIR/include.
# usage: scripts/static-libyaml.sh DIR
#
# Debian ships libyaml for glibc only, so this builds Debian's own source
# package with musl-gcc. 'apt-get source' needs a deb-src line; rather than
# change the system's apt sources, it uses a private list under DIR/apt
# (the same Debian archive, verified the same way: the Release file's
# signature, then the checksums of the files). Nothing outside DIR changes.
set -eu
dir=$1
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
[ -f "$dir/libyaml.a" ] && exit 0

apt="$dir/apt"
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/src"
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-stable}")
echo "deb-src http://deb.debian.org/debian $suite main" >"$apt/sources.list"
set -- -o Dir::Etc::SourceList="$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null \
	-o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache" -qq
echo "static: fetching Debian's libyaml source"
apt-get "$@" update
(cd "$apt/src" && apt-get "$@" source --download-only libyaml >/dev/null 2>&1 ||
	apt-get "$@" source --download-only libyaml)
dsc=$(ls "$apt/src"/libyaml_*.dsc | head -n 1)
rm -rf "$apt/src/tree"
dpkg-source -x "$dsc" "$apt/src/tree" >/dev/null
src="$apt/src/tree"

# The version, as libyaml's configure would define it.
v=$(sed -n 's/^Version: \([0-9.]*\).*/\1/p' "$dsc")
major=${v%%.*} rest=${v#*.}
minor=${rest%%.*} patch=${rest#*.}
echo "static: building libyaml $v with musl-gcc"
mkdir -p "$dir/obj" "$dir/include"
for c in "$src"/src/*.c; do
	musl-gcc -O2 -fstack-protector-strong -I"$src/include" -I"$src/src" \
		-DYAML_VERSION_MAJOR="$major" -DYAML_VERSION_MINOR="$minor" \
		-DYAML_VERSION_PATCH="$patch" -DYAML_VERSION_STRING="\"$v\"" \
		-c -o "$dir/obj/$(basename "$c" .c).o" "$c"
done
ar rcs "$dir/libyaml.a.tmp" "$dir"/obj/*.o
cp "$src/include/yaml.h" "$dir/include/"
mv "$dir/libyaml.a.tmp" "$dir/libyaml.a"
