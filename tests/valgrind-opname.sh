#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# 'make valgrind' sets OPNAME to this: every run of the CLI suite goes
# through valgrind, and any memory error or definite/indirect leak turns the
# run's exit status into 99, which no CLI test expects.
: "${OPNAME_REAL:?set OPNAME_REAL to the opname binary}"
# VALGRIND is an absolute path: some tests run opname with a narrow PATH.
exec "${VALGRIND:-valgrind}" --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect -q "$OPNAME_REAL" "$@"
