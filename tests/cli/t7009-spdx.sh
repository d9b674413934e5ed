#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Every source file the tree holds (git's list, or a tarball's MANIFEST)
# says its licence in an SPDX-License-Identifier line, EUPL-1.2, as its
# first line, or its second after a '#!' or '#compdef' line. Data (the
# fuzz corpus, tests/data, rule files, docs) is not source.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
status=- out= err=

if [ -f MANIFEST ]; then
	files=$(cat MANIFEST)
else
	files=$(git ls-files)
fi
sources=$(printf '%s\n' "$files" | grep -vE '^(tests/fuzz/corpus|tests/data)/' |
	grep -E '\.(c|h|S|sh|py|bash|zsh|fish|1|5)$|(^|/)Makefile$|^\.ci/run$')
n=0
for f in $sources; do
	n=$((n + 1))
	case $f in
	*.c | *.h | *.S) want='/* SPDX-License-Identifier: EUPL-1.2 */' ;;
	*.1 | *.5) want='.\" SPDX-License-Identifier: EUPL-1.2' ;;
	*) want='# SPDX-License-Identifier: EUPL-1.2' ;;
	esac
	line=1
	case $(head -n 1 "$f") in '#!'* | '#compdef'*) line=2 ;; esac
	got=$(sed -n "${line}p" "$f")
	last="$f, line $line"
	[ "$got" = "$want" ] || fail_check "$f: line $line is not '$want'"
done
last="the sources"
[ "$n" -ge 100 ] || fail_check "only $n source files found"

finish
