#!/bin/sh
# The version lives in one place, the Makefile's VERSION; --version, the
# JSON outputs, the case file of 'ask --save', the man page and the
# changelog all show that one.
. "$(dirname "$0")/lib.sh"
v=$(sed -n 's/^VERSION *:= *//p' "$top/Makefile")
[ -n "$v" ] || { status=x; out= err=; last="sed Makefile"; fail_check "no VERSION := in the Makefile"; }

run --version
expect_status 0
[ "$(printf '%s\n' "$out" | head -n 1)" = "opname $v" ] || fail_check "--version does not start with 'opname $v'"

run decide --set action=evidence --set recorder=citizen --set participant=ja --set court_case=ja --format json
expect_status 0
expect_json ".opname_version == \"$v\""
# right after rules_file, as documented
expect_json "keys_unsorted | .[index(\"rules_file\") + 1] == \"opname_version\""

run_in 'id: a
facts: {action: evidence, recorder: citizen, participant: true, court_case: true}
' batch --format jsonl
expect_status 0
expect_json ".opname_version == \"$v\""

run_in 'breach
' ask --save "$tmp/saved.yaml"
expect_status 2
grep -qx "  opname_version: \"$v\"" "$tmp/saved.yaml" ||
	fail_check "the saved case does not record opname_version \"$v\""
# and the saved case still decides (the outcome is ignored on input)
run decide --format json "$tmp/saved.yaml"
expect_status 2
expect_json '.verdict == "consult" and .rule == "V1"'

# the changelog has an entry for this version; the man page gets it at
# install time (t7000 checks the installed page), so its source has a bare .Os
grep -q "^## \[$v\] - [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\$" "$top/CHANGELOG.md" ||
	fail_check "CHANGELOG.md has no '## [$v] - DATE' entry"
grep -qx '\.Os' "$top/man/opname.1" ||
	fail_check "man/opname.1 must have a bare .Os for 'make install' to fill in"

finish
