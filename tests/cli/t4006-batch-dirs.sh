#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Directories, in batch and in test: only regular files are read (a FIFO
# or a device named *.yaml is an error record or an error, never a hang),
# extensions in any letter case, and the records of a finished input are
# out before the next input is opened. Every wait here is bounded.
. "$(dirname "$0")/lib.sh"
video='{"facts": {"action": "record", "media": "video"}}'

d="$tmp/cases"
mkdir "$d" "$d/sub.yaml"
printf '%s\n' "$video" >"$d/a.yaml"
printf 'facts: {action: record, media: audio, participant: false}\n' >"$d/B.YAML"
printf '%s\n%s\n' "$video" "$video" >"$d/c.JSONL"
printf '%s\n' "$video" >"$d/d.Json"
mkfifo "$d/e.yaml"
ln -s /dev/zero "$d/f.yml"
ln -s "$d/missing" "$d/g.yaml"
printf '%s\n' "$video" >"$d/h.txt"

last="batch DIR with a FIFO and /dev/zero"
timeout 10 "$OPNAME" batch "$d" >"$tmp/out" 2>"$tmp/err"
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err")
expect_status 66
printf '%s\n' "$out" | jq -r '.id + " " + .verdict' >"$tmp/got"
# name order is byte order (strcmp), the same in every locale: B before a
cat >"$tmp/want" <<EOF
$d/B.YAML not_allowed
$d/a.yaml not_allowed
$d/c.JSONL:1 not_allowed
$d/c.JSONL:2 not_allowed
$d/d.Json not_allowed
$d/e.yaml error
$d/f.yml error
$d/g.yaml error
EOF
cmp -s "$tmp/want" "$tmp/got" || fail_check "records: $(cat "$tmp/got")"
expect_err "opname: $d/e.yaml: not a regular file: a FIFO"
expect_err "opname: $d/f.yml: not a regular file: a device"
expect_err "opname: $d/g.yaml: cannot open: No such file or directory"
expect_err "opname: 8 cases: 5 not_allowed, 3 errors"
# the same with -j 2
timeout 10 "$OPNAME" batch -j 2 "$d" >"$tmp/out2" 2>/dev/null
cmp -s "$tmp/out" "$tmp/out2" || fail_check "-j 2 differs"

# A named FIFO given as an argument is read (it is what was asked for), and
# the records of the input before it are out while it waits for a writer.
mkfifo "$tmp/later"
printf '%s\n' "$video" >"$tmp/first.jsonl"
"$OPNAME" batch "$tmp/first.jsonl" "$tmp/later" >"$tmp/out" 2>"$tmp/err" &
pid=$!
wait_for "$tmp/out" first.jsonl
last="batch first.jsonl FIFO, the FIFO not yet written" status="(running)" out=$(cat "$tmp/out") err=""
case $out in *first.jsonl*) ;; *) fail_check "first input's record not out before the next is opened" ;; esac
printf '%s\n' "$video" >"$tmp/later"
wait $pid
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err")
expect_status 0
expect_err "opname: 2 cases: 2 not_allowed"

# opname test DIR: the same lister; *.TESTS.YAML counts, a FIFO is an error
t="$tmp/tests"
mkdir "$t"
cat >"$t/one.TESTS.YAML" <<'EOF'
tests:
  - name: video
    facts: {action: record, media: video}
    expect: {verdict: not_allowed, rule: R1}
EOF
run test "$t"
expect_status 0
expect_out "1 passed, 0 failed"
mkfifo "$t/two.tests.yaml"
last="test DIR with a FIFO"
timeout 10 "$OPNAME" test "$t" >"$tmp/out" 2>"$tmp/err"
status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err")
expect_status 66
expect_err "opname: $t/two.tests.yaml: not a regular file: a FIFO"
finish
