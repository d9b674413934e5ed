#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The version comes from one place, scripts/version.sh (git describe, or
# the VERSION file of a tarball); --version, the JSON outputs, the case
# file of 'ask --save', the man page and the changelog all show that one.
. "$(dirname "$0")/lib.sh"
v=$("$top/scripts/version.sh")
[ -n "$v" ] || { status=x; out= err=; last="scripts/version.sh"; fail_check "no version"; }
release=${v%%-*} # 0.1.0-5-gabc1234: five commits after 0.1.0

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

# the changelog has an entry for this release; the man page gets it at
# install time (t7000 checks the installed page), so its source has a bare .Os
grep -q "^## \[$release\] - [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\$" "$top/CHANGELOG.md" ||
	fail_check "CHANGELOG.md has no '## [$release] - DATE' entry"
grep -qx '\.Os' "$top/man/opname.1" ||
	fail_check "man/opname.1 must have a bare .Os for 'make install' to fill in"

finish
