# SPDX-License-Identifier: EUPL-1.2
# Helpers for the 'opname ask' CLI tests (sourced after lib.sh).
#   ask LANG STATUS 'A|B|C' TEXT...  pipe the answers A, B, C (one a line)
#                                    into 'opname --lang LANG ask'; expect
#                                    exit STATUS and every TEXT on stdout
#   lacks TEXT...                    stdout of the last run has no TEXT
#   asked N                          the last run showed N question blocks
#                                    (a question shown again counts again)

answers() { printf '%s\n' "$1" | tr '|' '\n'; }

ask() {
	lang=$1 want=$2 input=$3
	shift 3
	run_in "$(answers "$input")" --lang "$lang" ask
	last="answers '$input' | opname --lang $lang ask"
	expect_status "$want"
	expect_no_err
	for t in "$@"; do
		expect_out "$t"
	done
}

lacks() {
	for t in "$@"; do
		expect_not_out "$t"
	done
}

asked() {
	n=$(printf '%s\n' "$out" | grep -c -E '^(Vraag|Question) [0-9]+$')
	[ "$n" = "$1" ] || fail_check "asked $n questions, want $1"
}
