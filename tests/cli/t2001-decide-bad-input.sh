#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname decide on bad input: the exit status of cli.md and a clear message.
. "$(dirname "$0")/lib.sh"

run decide "$tmp/nonexistent.yaml"
expect_status 66
expect_err "opname: $tmp/nonexistent.yaml: cannot read: No such file or directory"
expect_out ""

run decide "$tmp"
expect_status 66
expect_err "Is a directory"

printf 'facts:\n  action: record\n  media: [audio\n' >"$tmp/broken.yaml"
run decide "$tmp/broken.yaml"
expect_status 65
expect_err "opname: $tmp/broken.yaml:4:1: invalid YAML"
[ -z "$out" ] || fail_check "a verdict was printed for a broken file"

printf 'facts:\n  action: record\n  medai: audio\n  participant: misschien\n' >"$tmp/typo.yaml"
run decide "$tmp/typo.yaml"
expect_status 65
expect_err "typo.yaml:3:3: unknown fact 'medai' (did you mean 'media'?)"
expect_err "typo.yaml:4:16: 'misschien' is not a value of 'participant': use true, false or unknown"

: >"$tmp/empty.yaml"
run decide "$tmp/empty.yaml"
expect_status 65
expect_err "an empty case"

printf -- '- action\n' >"$tmp/list.yaml"
run decide "$tmp/list.yaml"
expect_status 65
expect_err "a case is a mapping"

printf 'facts: {action: record}\nverdict: allowed\n' >"$tmp/key.yaml"
run decide "$tmp/key.yaml"
expect_status 65
expect_err "unknown key 'verdict'"

# command-line mistakes are usage errors (64)
run decide --set participant
expect_status 64
expect_err "expected FACT=VALUE"
run decide --set particpant=true
expect_status 64
expect_err "did you mean 'participant'"
run decide --set participant=misschien
expect_status 64
run decide --format xml
expect_status 64
expect_err "unknown format 'xml'"
run decide --bogus
expect_status 64
expect_err "try 'opname decide --help'"
run decide a.yaml b.yaml
expect_status 64
run --lang de decide
expect_status 64
expect_err "unknown language 'de'"
run frobnicate
expect_status 64
expect_err "unknown command 'frobnicate'"

# a bad rule file: 65 with its location; a missing one: 66
printf 'opname: 1\nname: x\n' >"$tmp/rules.yaml"
run --rules "$tmp/rules.yaml" decide --set action=record
expect_status 65
expect_err "rules.yaml:1:1: the rule file has no 'version'"
OPNAME_RULES="$tmp/none.yaml" run decide --set action=record
expect_status 66
expect_err "none.yaml: cannot read"

# output that cannot be written: 74 with a message
if [ -w /dev/full ]; then
	"$OPNAME" decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja >/dev/full 2>"$tmp/err"
	status=$?
	err=$(cat "$tmp/err")
	last="decide >/dev/full"
	expect_status 74
	expect_err "cannot write output"
fi
finish
