#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The version of this tree: 'git describe' in a git checkout of it (v1.2.3
# gives 1.2.3; commits after the tag add -N-gHASH, changes -dirty), else
# the VERSION file, which 'make dist' writes into every tarball and which a
# checkout keeps at its last release (so a checkout with no tag yet says
# VERSION-gHASH).
set -eu
cd "$(dirname "$0")/.."
base=$(cat VERSION)
if command -v git >/dev/null 2>&1 &&
	top=$(git rev-parse --show-toplevel 2>/dev/null) &&
	[ "$top" = "$(pwd -P)" ]; then
	if v=$(git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null); then
		echo "${v#v}"
		exit 0
	fi
	if h=$(git describe --always --dirty 2>/dev/null); then
		echo "$base-g$h"
		exit 0
	fi
fi
echo "$base"
