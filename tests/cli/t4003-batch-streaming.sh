#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname batch as a stream: a record comes out as soon as its case is in
# (a reader need not wait for the input to end), a closed pipe ends the
# batch quietly, and output that cannot be written is exit 74.
. "$(dirname "$0")/lib.sh"
. "$here/hostile-lib.sh"
case1='{"id": "one", "facts": {"action": "evidence", "recorder": "citizen", "participant": true, "court_case": true}}'
case2='{"id": "two", "facts": {"action": "edit", "edit_consent": false}}'

# A case in, its record out, while the input is still open: the batch
# writes before it waits for more. (Every wait here is bounded.)
mkfifo "$tmp/in"
"$OPNAME" batch --input jsonl - <"$tmp/in" >"$tmp/stream" 2>"$tmp/err" &
pid=$!
exec 3>"$tmp/in"
printf '%s\n' "$case1" >&3
i=0
while [ $i -lt 100 ] && ! grep -q '"id": "one"' "$tmp/stream"; do
	sleep 0.1
	i=$((i + 1))
done
last="batch - with the input still open" status="(running)" out=$(cat "$tmp/stream") err=""
case $out in *'"id": "one"'*'"source": "<stdin>:1"'*) ;; *) fail_check "first record not seen before the input ended" ;; esac
printf '%s\n' "$case2" >&3
exec 3>&-
wait $pid
status=$?
out=$(cat "$tmp/stream")
err=$(cat "$tmp/err")
expect_status 0
case $out in *'"id": "two"'*'"verdict": "not_allowed"'*) ;; *) fail_check "second record missing" ;; esac
expect_err "opname: 2 cases: 1 allowed, 1 not_allowed ("
case $err in *"$(printf '\r')"*) fail_check "a progress line although stderr is no terminal" ;; esac

# a stream numbers every case (it cannot wait to see whether one is the only)
run_in "$case1" batch --input jsonl
expect_json '.id == "one"'
run_in '{"facts": {"action": "evidence", "recorder": "citizen", "participant": true, "court_case": true}}' batch --input jsonl
expect_json '.id == "<stdin>:1"'
# ... a file with one case is named by the file
printf '{"facts": {"action": "evidence", "recorder": "citizen", "participant": true, "court_case": true}}\n' >"$tmp/single.jsonl"
run batch "$tmp/single.jsonl"
expect_json '.id == "'"$tmp"'/single.jsonl"'

# many records: enough output for several writes
i=0
while [ $i -lt 2000 ]; do
	printf '%s\n' "$case1" "$case2"
	i=$((i + 1))
done >"$tmp/many.jsonl"

# > /dev/full: 74 and one message, no summary
if [ -w /dev/full ]; then
	"$OPNAME" batch "$tmp/many.jsonl" >/dev/full 2>"$tmp/err"
	status=$? err=$(cat "$tmp/err") last="batch many.jsonl >/dev/full"
	expect_status 74
	expect_err "opname: cannot write output: No space left on device"
	[ "$(printf '%s\n' "$err" | wc -l)" = 1 ] || fail_check "one message, not: $err"
	printf '%s\n' "$case1" | "$OPNAME" batch --input jsonl >/dev/full 2>"$tmp/err"
	status=$? err=$(cat "$tmp/err") last="batch (one case) >/dev/full"
	expect_status 74
	[ "$(printf '%s\n' "$err" | wc -l)" = 1 ] || fail_check "one message, not: $err"
fi

# a closed pipe: killed by SIGPIPE, or with SIGPIPE ignored 74, both quiet
closed_pipe batch "$tmp/many.jsonl"
expect_status sigpipe
expect_no_err
HOSTILE_IGNORE_SIGPIPE=1 closed_pipe batch "$tmp/many.jsonl"
expect_status 74
expect_no_err
# as people write it
first=$("$OPNAME" batch "$tmp/many.jsonl" 2>"$tmp/err" | head -1)
err=$(cat "$tmp/err") last="batch many.jsonl | head -1"
case $err in *"cannot write"*) fail_check "a message for a closed pipe" ;; esac
case $first in '{"id": "one"'*'"source": "'"$tmp"'/many.jsonl:1"}') ;; *) fail_check "head -1 got: $first" ;; esac

# every record of a long run is there, in order
run batch "$tmp/many.jsonl"
expect_status 0
[ "$(printf '%s\n' "$out" | wc -l)" = 4000 ] || fail_check "4000 records"
[ "$(printf '%s\n' "$out" | jq -r .source | sed -n '3999p')" = "$tmp/many.jsonl:3999" ] || fail_check "order"
expect_err "opname: 4000 cases: 2000 allowed, 2000 not_allowed ("
finish
