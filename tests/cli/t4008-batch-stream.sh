#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# batch reads the common case straight from libyaml's events and keeps its
# parser and its caches of fact ids and values from record to record
# (src/case-stream.c); every other record goes to the tree reader. So a
# record must come out the same after any other records as alone: the same
# verdict, the same error in the same words at the same place. Each record
# below is decided in one batch of all of them, and again alone, at the
# same line of the same file (blank lines before it), in a fresh process;
# and records of a rule file with a set, whose values only the tree reads.
. "$(dirname "$0")/lib.sh"
cat >"$tmp/records" <<'JSONL'
{"id": "a", "facts": {"action": "record", "participant": "ja", "announced": "ja"}}
{"id": "b", "facts": {"media": "record"}}
{"id": "c", "facts": {"action": "recorD", "media": "audio"}}
{"id": "d", "facts": {"action": null, "action": "share"}}
{"id": "e", "facts": {"action": "record"}, "meta": {"aaaaaaaa_x_bbbbbbbb": 1, "aaaaaaaa_y_bbbbbbbb": 2}}
{"id": "f", "facts": {"action": "record"}, "meta": {"k": 1, "k": [2]}}
{"id": "g", "facts": {"action": "record", "media": ["audio"]}}
{"id": "h\u0000", "facts": {}}
{"id": "i", "facts": {"action": "record"}
{"id": "j", "facts": {"action": "record", "media": "audio", "participant": "Ja", "recorder": "citizen"}}
{"id": "k", "facts": {"participant": "jaa"}}
{"id": "l", "outcome": {"verdict": "allowed", "rules_file": {"version": "2026.12.1"}}, "facts": {"action": "evidence"}}
{"id": "m", "facts": {"actoin": "record"}}
{"id": "n", "facts": {"action": "record", "participant": "ja", "announced": "ja"}}
{"id": "o", "facts": {"action": "record", "media": "audio"}, "meta": &x {"a": 1}}
{"id": "p", "facts": {"action": "record", "participant": "JA", "announced": "Nee"}, "extra": 1}
{"id": "q", "facts": {"action": "record", "participant": "JA", "announced": "Nee"}}
JSONL
n=$(wc -l <"$tmp/records")
cp "$tmp/records" "$tmp/in.jsonl"
run batch --replay "$tmp/in.jsonl"
expect_status 65
printf '%s\n' "$out" >"$tmp/together"
[ "$(wc -l <"$tmp/together")" = "$n" ] || fail_check "$n records expected"
errors=$(jq -r 'select(.verdict == "error") | .source | sub(".*:"; "")' "$tmp/together" | tr '\n' ' ')
[ "$errors" = "2 4 6 7 8 9 11 13 15 16 " ] || fail_check "error records on lines: $errors"
jq -s -e 'map(select(.id == "l"))[0].previous_verdict == "allowed"' "$tmp/together" >/dev/null ||
	fail_check "l: the saved outcome is read"

# together_alone RECORDS [OPTION...]: each record alone at its line, in a
# fresh process, gives the record it gave among all of them.
together_alone() {
	records=$1
	shift
	cp "$records" "$tmp/in.jsonl"
	run "$@" batch --replay "$tmp/in.jsonl"
	printf '%s\n' "$out" >"$tmp/together"
	: >"$tmp/alone"
	i=1
	while [ "$i" -le "$(wc -l <"$records")" ]; do
		{ j=1; while [ "$j" -lt "$i" ]; do echo; j=$((j + 1)); done
		  sed -n "${i}p" "$records"; } >"$tmp/in.jsonl"
		run "$@" batch --replay "$tmp/in.jsonl"
		printf '%s\n' "$out" >>"$tmp/alone"
		i=$((i + 1))
	done
	# A record refused before its id was read is named after the input, with
	# its number only when the input holds several cases: compare without it.
	strip_id='if (.id | startswith("'"$tmp"'/")) then del(.id) else . end'
	jq -c "$strip_id" "$tmp/together" >"$tmp/together.cmp"
	jq -c "$strip_id" "$tmp/alone" >"$tmp/alone.cmp"
	cmp -s "$tmp/together.cmp" "$tmp/alone.cmp" ||
		fail_check "records differ alone: $(diff "$tmp/together.cmp" "$tmp/alone.cmp" | head -c 600)"
}
together_alone "$tmp/records"

# the same with -j 2: the same bytes
cp "$tmp/records" "$tmp/in.jsonl"
run batch --replay "$tmp/in.jsonl"
printf '%s\n' "$out" >"$tmp/together"
run batch --replay -j 2 "$tmp/in.jsonl"
printf '%s\n' "$out" | cmp -s - "$tmp/together" || fail_check "-j 2 differs"

# A set's value is a list, or unknown: a lone id is refused, after records
# whose values the stream keeps as well as alone.
cat >"$tmp/sets" <<'JSONL'
{"id": "s1", "facts": {"data_types": ["health", "children"]}}
{"id": "s2", "facts": {"data_types": "health"}}
{"id": "s3", "facts": {"data_types": "unknown"}}
{"id": "s4", "facts": {"data_types": []}}
{"id": "s5", "facts": {"data_types": ["helth"]}}
{"id": "s6", "facts": {"data_types": null}}
JSONL
together_alone "$tmp/sets" --rules "$top/tests/data/sets/kinds.yaml"
errors=$(jq -r 'select(.verdict == "error") | .id' "$tmp/together" | tr '\n' ' ')
[ "$errors" = "s2 s5 " ] || fail_check "set error records: $errors"
finish
