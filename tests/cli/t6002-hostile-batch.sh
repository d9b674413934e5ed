#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname batch on hostile input (quality.md, "Bad input"): every bad case
# becomes an error record with a located message, every good case around it
# is still decided, in order, nothing lost; exit 65. Output errors as for
# decide: /dev/full 74, a closed pipe quiet.
. "$(dirname "$0")/lib.sh"
. "$here/hostile-lib.sh"
h="$tmp/h"
mkdir "$h"
hostile_make "$h"
good='{"facts": {"action": "evidence", "recorder": "citizen", "participant": true, "court_case": true}}'

# JSON Lines: hostile lines between good ones
python3 - "$tmp/mixed.jsonl" <<'PY'
import sys
good = b'{"facts": {"action": "evidence", "recorder": "citizen", "participant": true, "court_case": true}}'
lines = [
    b'\xef\xbb\xbf' + good,                               # 1 BOM: accepted
    b'{"facts": {"action": "rec\x00ord"}}',               # 2 NUL byte
    b'{"facts": {"action": "caf\xc3\x28"}}',              # 3 invalid UTF-8
    good + b'\r',                                         # 4 CRLF: accepted
    b'{"id": "' + b'x' * (2 << 20) + b'"}',               # 5 a 2 MiB line
    good,                                                 # 6
    b'[' * 100000 + b']' * 100000,                        # 7 deep nesting
    b'{"facts": {"action": "evidence", "action": "share"}}',  # 8 duplicate key
    b'!!python/object:os.system {"facts": {}}',           # 9 a tag
    b'{"facts": &a {"action": "evidence", "recorder": "citizen", "participant": true, "court_case": true}, "meta": *a}',  # 10 an anchor
    b'',                                                  # blank: no record
    b'{"facts": {"action": "evidence", "recorder": "citizen", "participant": true, "court_case": true}} {"facts": {}}',   # 12 two values
    b'',                                                  #
    b'{"id": "' + b'y' * 100000 + b'"}',                  # 14 a long scalar
    b'{"facts": {"action": "evidence", "recorder": "citizen", "participant": true, "court_case": true}}',                 # 15, no final newline
]
open(sys.argv[1], 'wb').write(b'\n'.join(lines))
PY
run batch "$tmp/mixed.jsonl"
expect_status 65
n=$(printf '%s\n' "$out" | wc -l)
[ "$n" = 13 ] || fail_check "expected 13 records, got $n"
# verdicts in input order
printf '%s\n' "$out" | jq -r .verdict | tr '\n' ' ' >"$tmp/verdicts"
want="allowed error error allowed error allowed error error error error error error allowed "
[ "$(cat "$tmp/verdicts")" = "$want" ] || fail_check "verdicts: $(cat "$tmp/verdicts")"
# each error names its line, and where a position exists, the column
f="$tmp/mixed.jsonl"
err_of() { # err_of LINE: the error of the record from that line
	printf '%s\n' "$out" | jq -r --arg s "$f:$1" 'select(.source == $s) | .error'
}
expect_error() { # expect_error LINE TEXT
	case "$(err_of "$1")" in *"$2"*) ;; *) fail_check "line $1: error lacks: $2 (has: $(err_of "$1"))" ;; esac
}
expect_error 2 "$f:2:26: invalid text: control characters are not allowed"
expect_error 3 "$f:3:27: invalid text: invalid trailing UTF-8 octet"
expect_error 5 "the limit is 1048576 bytes"
expect_error 7 "$f:7:33: nesting deeper than 32 levels"
expect_error 8 "$f:8:34: duplicate key 'action'"
expect_error 9 "$f:9:1: tags (tag:yaml.org,2002:python/object:os.system) are not allowed"
expect_error 10 "$f:10:11: anchors (&a) are not allowed"
expect_error 12 "$f:12:"
expect_error 14 "$f:14:8: a scalar of 100000 bytes: the limit is 65536"
# the messages go to stderr too, located
expect_err "opname: $f:2:26: invalid text"

# YAML: every hostile case file of the decide tests, as one directory
run batch "$h"
expect_status 65
files=$(ls "$h"/*.yaml | wc -l)
n=$(printf '%s\n' "$out" | wc -l)
# two-docs.yaml holds two cases, empty.yaml and blank.yaml none
[ "$n" = $((files - 1)) ] || fail_check "expected $((files - 1)) records for $files files, got $n"
# only two-docs.yaml holds good cases: evidence (allowed) and record (incomplete)
good_n=$(printf '%s\n' "$out" | jq -r 'select(.verdict != "error") | .source' | wc -l)
[ "$good_n" = 2 ] || fail_check "expected 2 decided records, got $good_n"
printf '%s\n' "$out" | jq -e -s '[.[] | select(.verdict == "error") | .error | test(":[0-9]+:[0-9]+: |: larger than|limit is")] | all' >/dev/null ||
	fail_check "an error record without a location"
# the same files concatenated into one stream: one record per document
for x in laughs deep-flow deep-block-seq dup tag nul bad-utf8 long-scalar; do
	printf -- '---\n'
	cat "$h/$x.yaml"
	printf -- '---\nfacts: {action: evidence, recorder: citizen, participant: true, court_case: true}\n'
done >"$tmp/stream.yaml"
run batch "$tmp/stream.yaml"
expect_status 65
printf '%s\n' "$out" | jq -r .verdict | tr '\n' ' ' >"$tmp/verdicts"
want=""
for x in 1 2 3 4 5 6 7 8; do want="${want}error allowed "; done
[ "$(cat "$tmp/verdicts")" = "$want" ] || fail_check "stream verdicts: $(cat "$tmp/verdicts")"

# a file that does not exist, or a directory given as a file, among good ones
printf '%s\n' "$good" >"$tmp/good.jsonl"
run batch "$tmp/good.jsonl" "$tmp/none.yaml" "$tmp/good.jsonl"
expect_status 66
expect_err "none.yaml"
printf '%s\n' "$out" | jq -r .verdict | tr '\n' ' ' >"$tmp/verdicts"
[ "$(cat "$tmp/verdicts")" = "allowed error allowed " ] || fail_check "verdicts: $(cat "$tmp/verdicts")"

# output errors: /dev/full is 74 with a message; a closed pipe is quiet
python3 -c "
import sys
for i in range(20000):
    print('{\"id\": \"c%d\", \"facts\": {\"action\": \"evidence\"}}' % i)" >"$tmp/many.jsonl"
if [ -w /dev/full ]; then
	"$OPNAME" batch "$tmp/many.jsonl" >/dev/full 2>"$tmp/err"
	status=$? err=$(cat "$tmp/err") last="batch many.jsonl >/dev/full"
	expect_status 74
	expect_err "opname: cannot write output: No space left on device"
	"$OPNAME" batch "$tmp/good.jsonl" >/dev/full 2>"$tmp/err"
	status=$? err=$(cat "$tmp/err") last="batch good.jsonl >/dev/full"
	expect_status 74
	expect_err "cannot write output"
fi
closed_pipe batch "$tmp/many.jsonl"
expect_status sigpipe
expect_no_err
HOSTILE_IGNORE_SIGPIPE=1 closed_pipe batch "$tmp/many.jsonl"
expect_status 74
expect_no_err
first=$("$OPNAME" batch "$tmp/many.jsonl" 2>"$tmp/err" | head -1)
err=$(cat "$tmp/err") last="batch many.jsonl | head -1"
expect_no_err
case "$first" in '{"id": "c0"'*) ;; *) fail_check "head -1 got: $first" ;; esac
finish
