#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname batch -j N: the same bytes on stdout and stderr, and the same exit
# status, as -j 1, for every input the tests hold (examples, test and rule
# files, the fuzz corpora of the case reader and the batch splitter, read
# as YAML and as JSON Lines), in every format; around the sizes where the
# pool's chunks fill up; and a stream still shows its records as they come.
. "$(dirname "$0")/lib.sh"

# the summary's rate differs from run to run
strip_rate() { sed 's/ ([0-9]* cases\/s)$//' "$1"; }

same_as_j1() { # same_as_j1 LABEL ARGS...
	label=$1
	shift
	"$OPNAME" batch "$@" >"$tmp/out1" 2>"$tmp/err1" </dev/null
	s1=$?
	for j in 2 3; do
		"$OPNAME" batch -j $j "$@" >"$tmp/outj" 2>"$tmp/errj" </dev/null
		sj=$?
		last="batch -j $j $label" status=$sj out="" err=""
		[ $sj = $s1 ] || fail_check "exit status $sj, with -j 1 $s1"
		cmp -s "$tmp/out1" "$tmp/outj" || fail_check "stdout differs from -j 1"
		[ "$(strip_rate "$tmp/err1")" = "$(strip_rate "$tmp/errj")" ] ||
			fail_check "stderr differs from -j 1"
	done
}

inputs=$(ls "$examples"/* "$top"/tests/data/tests/* "$top"/tests/data/rules/*.yaml \
	"$top"/tests/fuzz/corpus/case/* "$top"/tests/fuzz/corpus/batch/*)
for fmt in jsonl csv text; do
	# all inputs in one batch, then each as YAML and as JSON Lines
	# shellcheck disable=SC2086
	same_as_j1 "all inputs --format $fmt" --format $fmt $inputs
done
for f in $inputs; do
	same_as_j1 "$f" --input yaml "$f"
	same_as_j1 "$f --input jsonl" --input jsonl --format csv "$f"
done

# Around a chunk's 64 records and a full ring, good and bad cases mixed,
# and more than one file, each with a first case that waits for its id.
good='{"facts": {"action": "record", "media": "video"}}'
bad='{"facts": {"action": "record", "media": "film"}}'
for n in 1 63 64 65 128 383 384 385 1000; do
	i=0
	while [ $i -lt $n ]; do
		if [ $((i % 7)) = 3 ]; then echo "$bad"; else echo "$good"; fi
		i=$((i + 1))
	done >"$tmp/n$n.jsonl"
done
same_as_j1 "sizes" "$tmp"/n*.jsonl
for n in 64 384 1000; do
	same_as_j1 "$n cases" "$tmp/n$n.jsonl"
	same_as_j1 "$n cases on stdin" - <"$tmp/n$n.jsonl"
done
# the same as YAML documents, one of them too large
awk '{ print "---"; print $0 }' "$tmp/n1000.jsonl" >"$tmp/n1000.yaml"
same_as_j1 "1000 YAML documents" "$tmp/n1000.yaml"

# -j 0 is one thread per processor; a bad -j is a usage error
run batch -j 0 "$tmp/n65.jsonl"
expect_status 65
expect_err "opname: 65 cases: 56 not_allowed, 9 errors"
for j in -1 x 257 ''; do
	run batch -j "$j" "$tmp/n1.jsonl"
	expect_status 64
	expect_err "opname: -j '$j': give a number of threads from 1 to 256, or 0 for one per processor"
done

# A stream with -j 2: a case in, its record out, while the input is open.
mkfifo "$tmp/in"
"$OPNAME" batch -j 2 --input jsonl - <"$tmp/in" >"$tmp/stream" 2>"$tmp/err" &
pid=$!
exec 3>"$tmp/in"
printf '%s\n' '{"id": "one", "facts": {"action": "record", "media": "video"}}' >&3
wait_for "$tmp/stream" '"id": "one"'
last="batch -j 2 - with the input still open" status="(running)" out=$(cat "$tmp/stream") err=""
case $out in *'"id": "one"'*) ;; *) fail_check "first record not seen before the input ended" ;; esac
exec 3>&-
wait $pid
status=$?
expect_status 0
finish
