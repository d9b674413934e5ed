#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Duplicate keys are found by hashing, not by comparing each key with every
# key before it: mappings at the entry limit, as many as the size limit
# holds, load in a fraction of a second (it took seconds per case, and a
# 4 MiB rule file 6 s), and a duplicate is still reported where it is.
# The bound is on CPU time (ulimit -t), so a busy machine does not fail it:
# 20 such cases took 8.8 s of CPU, now 1.2 s; the rule file 6 s, now 0.35 s.
. "$(dirname "$0")/lib.sh"
cpu=4
if ldd "$OPNAME" 2>/dev/null | grep -q libasan; then
	cpu=15 # AddressSanitizer: all runs slower
fi
[ -n "${VALGRIND:-}" ] && cpu=600 # make valgrind: some fifty times slower
cpu_bound() { # cpu_bound ARGS...: opname with at most $cpu seconds of CPU
	last="opname $* (at most ${cpu}s of CPU)"
	(ulimit -t "$cpu"; exec "$OPNAME" "$@") >"$tmp/out" 2>"$tmp/err"
	status=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

python3 - "$tmp" <<'PY'
import os, string, sys
d = sys.argv[1]
al = string.ascii_letters + string.digits
keys = [a + b for a in al for b in al]
def flow(n):
    return '{' + ','.join(keys[:n]) + '}'
# a rule file of 4 MiB: mappings of 4096 keys (the entry limit)
m = flow(4096)
n = (4 * 1024 * 1024 - 100) // (len(m) + 1)
with open(os.path.join(d, 'wide.yaml'), 'w') as f:
    f.write('opname: 1\nname: wide\nmeta: [' + ','.join([m] * n) + ']\n')
# cases of almost 1 MiB: mappings of 1024 keys (the case entry limit)
m = flow(1024)
n = (1000 * 1000) // (len(m) + 1)
case = 'facts: {action: record, media: video}\nmeta: [' + ','.join([m] * n) + ']\n'
with open(os.path.join(d, 'wide-cases.yaml'), 'w') as f:
    f.write('---\n'.join([case] * 20))
# a duplicate as the 1000th key, its first at the 3rd line
with open(os.path.join(d, 'dup-late.yaml'), 'w') as f:
    f.write('facts: {action: record, media: video}\nmeta:\n' +
            ''.join('  %s: 1\n' % k for k in keys[:999]) + '  %s: 2\n' % keys[0])
PY

cpu_bound --rules "$tmp/wide.yaml" check
expect_status 65
expect_err "the rule file has no 'rules'"

cpu_bound batch "$tmp/wide-cases.yaml" -o "$tmp/wide.jsonl"
expect_status 0
expect_err "opname: 20 cases: 20 not_allowed"

run decide "$tmp/dup-late.yaml"
expect_status 65
expect_err "$tmp/dup-late.yaml:1002:3: duplicate key 'aa' (first at line 3)"
finish
