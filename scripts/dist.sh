#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# make dist: writes DIR/opname-VERSION.tar.gz, the tree as a release.
# usage: scripts/dist.sh VERSION DIR
#
# The files are those of MANIFEST in an unpacked tarball (so a tarball
# makes itself again), else those git tracks. The tarball adds
# VERSION (the version scripts/version.sh found here, which it reads when
# there is no git) and MANIFEST. Reproducible: names sorted, owner 0, every
# date the last commit's (or SOURCE_DATE_EPOCH), gzip without a timestamp.
set -eu
version=$1
out=$(cd "$2" && pwd)
cd "$(dirname "$0")/.."
name=opname-$version
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

if [ -f MANIFEST ]; then
	grep -vxE 'VERSION|MANIFEST' MANIFEST >"$stage/files"
	epoch=${SOURCE_DATE_EPOCH:-$(stat -c %Y VERSION)}
else
	git ls-files | grep -vxE 'VERSION|MANIFEST' >"$stage/files"
	epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
fi
mkdir "$stage/$name"
tar -cf - -T "$stage/files" | tar -xf - -C "$stage/$name"
echo "$version" >"$stage/$name/VERSION"
{ cat "$stage/files"; echo MANIFEST; echo VERSION; } | LC_ALL=C sort >"$stage/$name/MANIFEST"
(cd "$stage" && tar --sort=name --owner=0 --group=0 --numeric-owner \
	--mtime="@$epoch" --format=gnu -cf - "$name") | gzip -9n >"$out/$name.tar.gz.tmp"
mv -f "$out/$name.tar.gz.tmp" "$out/$name.tar.gz"
echo "dist: $out/$name.tar.gz"
