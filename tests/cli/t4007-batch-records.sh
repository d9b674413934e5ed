#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# One record per document, always: the record splitter ends lines where
# libyaml does (LF, CRLF, CR, NEL, LS, PS), files joined with cat that each
# start with a byte order mark are one record each, and a JSON Lines error
# is located on its own line and speaks of JSON.
. "$(dirname "$0")/lib.sh"

three() { # three BREAK: three cases, ids a b c, the second not_allowed by R2
	# BREAK is a printf escape ('\r\n'), written into the format
	f=$1
	printf "id: a${f}facts: {action: record, media: video}${f}---${f}id: b${f}facts:${f}  action: record${f}  media: audio${f}  participant: false${f}---${f}id: c${f}facts: {action: record, media: video}${f}"
}
for b in lf:'\n' crlf:'\r\n' cr:'\r' nel:'\302\205' ls:'\342\200\250' ps:'\342\200\251'; do
	name=${b%%:*}
	three "${b#*:}" >"$tmp/$name.yaml"
	run batch "$tmp/$name.yaml"
	last="batch $name.yaml"
	expect_status 0
	got=$(printf '%s\n' "$out" | jq -r '.id + " " + .verdict + " " + .rule' | tr '\n' ,)
	[ "$got" = "a not_allowed R1,b not_allowed R2,c not_allowed R1," ] || fail_check "$name: $got"
	# a case's source is its line, counted as libyaml counts
	got=$(printf '%s\n' "$out" | jq -r .source | tr '\n' ,)
	[ "$got" = "$tmp/$name.yaml:1,$tmp/$name.yaml:3,$tmp/$name.yaml:9," ] || fail_check "$name sources: $got"
done

# files joined with cat, each starting with a byte order mark
for x in a b c; do
	printf '\357\273\277---\nid: %s\nfacts: {action: record, media: video}\n' $x >"$tmp/bom-$x.yaml"
done
cat "$tmp"/bom-a.yaml "$tmp"/bom-b.yaml "$tmp"/bom-c.yaml >"$tmp/joined.yaml"
run batch "$tmp/joined.yaml"
expect_status 0
got=$(printf '%s\n' "$out" | jq -r .id | tr '\n' ,)
[ "$got" = "a,b,c," ] || fail_check "joined BOM files: $got"
printf '\357\273\277{"id": "j1", "facts": {"action": "record", "media": "video"}}\n' >"$tmp/j1.jsonl"
printf '\357\273\277{"id": "j2", "facts": {"action": "record", "media": "video"}}\n' >"$tmp/j2.jsonl"
cat "$tmp/j1.jsonl" "$tmp/j2.jsonl" | "$OPNAME" batch --input jsonl >"$tmp/out" 2>/dev/null
out=$(cat "$tmp/out") status=0 last="joined BOM JSON Lines"
got=$(printf '%s\n' "$out" | jq -r .id | tr '\n' ,)
[ "$got" = "j1,j2," ] || fail_check "joined BOM JSON Lines: $got"

# JSON Lines: an unfinished line's error is on that line, about JSON
printf '%s\n' '{"id": "ok", "facts": {"action": "record", "media": "video"}}' \
	'{"id": "cut", "facts": {"action": "record"' \
	'{"id": "ok2", "facts": {"action": "record", "media": "video"}}' >"$tmp/cut.jsonl"
run batch "$tmp/cut.jsonl"
expect_status 65
expect_err "opname: $tmp/cut.jsonl:2:43: invalid JSON: did not find expected ',' or '}' while parsing a flow mapping (line 2)"
expect_not_out "invalid YAML"
got=$(printf '%s\n' "$out" | jq -r .verdict | tr '\n' ,)
[ "$got" = "not_allowed,error,not_allowed," ] || fail_check "verdicts: $got"
finish
