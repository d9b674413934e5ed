#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# 'make run': the interview for a newcomer. Its exit status is the verdict
# (1 not allowed, 2 consult, 3 incomplete) and Ctrl-C is 130, which make
# would report as a failed build ("Error 1"): those end cleanly here, and
# only a real failure (bad rules, no terminal output, a bug) is passed on.
# usage: scripts/run.sh [OPNAME]
"${1:-./opname}" ask
s=$?
case $s in
0 | 1 | 2 | 3 | 130) exit 0 ;;
esac
exit $s
