#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname batch over the hostile case files of hostile-lib.sh, all in one
# directory: one record per case, each refused with the located message
# 'decide' gives, no crash, and the batch goes on to the end.
. "$(dirname "$0")/lib.sh"
. "$here/hostile-lib.sh"
h="$tmp/h"
mkdir "$h"
hostile_make "$h"
printf 'id: last\nfacts: {action: evidence, recorder: citizen, participant: true, court_case: true}\n' >"$h/zz-good.yaml"

run batch "$h"
expect_status 65
case "$err" in *"AddressSanitizer"* | *"runtime error"*) fail_check "sanitizer report" ;; esac
files=$(ls "$h" | grep -c '\.yaml$')
# two-docs.yaml holds two cases, empty.yaml and blank.yaml none (an input of
# no document is no case); every other file one
[ "$(printf '%s\n' "$out" | wc -l)" = $((files - 1)) ] || fail_check "records: $(printf '%s\n' "$out" | wc -l) for $((files - 1)) cases"
printf '%s\n' "$out" | tail -1 | jq -e '.id == "last" and .verdict == "allowed"' >/dev/null ||
	fail_check "the good file after all the hostile ones"

# refused FILE LOCATED-MESSAGE: the file's record is an error with it
refused() {
	rec=$(printf '%s\n' "$out" | jq -r "select(.source | startswith(\"$h/$1:\")) | .verdict + \" \" + .error")
	case $rec in
	"error $h/$1:$2"*) ;;
	*) fail_check "$1: want '$2', got: $(printf %s "$rec" | head -c 300)" ;;
	esac
}
refused laughs.yaml "2:7: anchors (&l0) are not allowed"
refused alias.yaml "2:8: aliases (*x) are not allowed"
refused deep-flow.yaml "1:38: nesting deeper than 32 levels"
refused deep-block-map.yaml "33:33: nesting deeper than 32 levels"
refused long-scalar.yaml "1:5: a scalar of 100000 bytes: the limit is 65536"
refused many-keys.yaml "1026:3: more than 1024 entries in one mapping"
refused nul.yaml "2:14: invalid text: control characters are not allowed"
refused nul-escape.yaml "2:11: a NUL character in a value is not allowed"
refused bad-utf8.yaml "3:17: invalid text: invalid trailing UTF-8 octet"
refused utf16.yaml "1:1: invalid text:"
refused dup.yaml "4:3: duplicate key 'action' (first at line 2)"
refused tag.yaml "1:8: tags (tag:yaml.org,2002:python/object:os.system) are not allowed"
printf '%s\n' "$out" | grep -q -e "$h/empty.yaml" -e "$h/blank.yaml" && fail_check "a record for empty.yaml or blank.yaml"
refused big-scalar.yaml "1: a case of 3145733 bytes: the limit is 1048576 bytes"

# two documents are two cases in a batch, numbered
printf '%s\n' "$out" | jq -r 'select(.id | startswith("'"$h"'/two-docs.yaml")) | [.id, .verdict] | join(" ")' >"$tmp/got"
printf '%s\n' "$h/two-docs.yaml:1 allowed" "$h/two-docs.yaml:2 incomplete" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/got" || fail_check "two-docs.yaml: $(cat "$tmp/got")"

# BOM and CRLF: the same records as the clean file
for f in "$examples"/0*.yaml; do
	b=$(basename "$f")
	{ printf '\357\273\277'; sed 's/$/\r/' "$f"; } >"$h/both-$b"
done
run batch "$examples"/0*.yaml
expect_status 0
printf '%s\n' "$out" | jq -c 'del(.source)' >"$tmp/clean"
run batch "$h"/both-0*.yaml
expect_status 0
printf '%s\n' "$out" | jq -c 'del(.source)' >"$tmp/both"
cmp -s "$tmp/clean" "$tmp/both" || fail_check "BOM+CRLF records differ: $(diff "$tmp/clean" "$tmp/both" | head -3)"
# ... also as one multi-document stream with CRLF line ends
for f in "$examples"/0*.yaml; do printf -- '---\r\n'; sed 's/$/\r/' "$f"; done >"$h/crlf-stream.yaml"
run batch "$h/crlf-stream.yaml"
expect_status 0
printf '%s\n' "$out" | jq -c 'del(.source)' >"$tmp/stream"
cmp -s "$tmp/clean" "$tmp/stream" || fail_check "CRLF stream records differ: $(diff "$tmp/clean" "$tmp/stream" | head -3)"
finish
