#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Any language the rule file declares, by --lang or OPNAME_LANG; the first
# is the default; the tool's own words are Dutch or English, English for
# any other language; a language neither the file's nor the tool's is a
# usage error naming the file's.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1

cat >"$tmp/tr.yaml" <<'YAML'
opname: 1
name: tr
version: "1"
languages: [tr, en]
parts: [{id: p, title: {tr: "Bölüm", en: "Part"}}]
questions:
  - {id: a, type: bool, refs: [p], text: {tr: "A mı?", en: "Is it a?"}}
steps: []
unknown: {verdict: consult, reason: {tr: "Bilinmiyor", en: "Unknown"}, steps: []}
rules:
  - {id: R, when: {a: true}, verdict: allowed, refs: [p], reason: {tr: "Evet", en: "Yes"}, steps: []}
  - {id: Z, verdict: not_allowed, refs: [p], reason: {tr: "Hayır", en: "No"}, steps: []}
YAML

# The first language by default: the file's Turkish, the tool's English.
run --rules "$tmp/tr.yaml" decide --set a=true
expect_status 0
expect_out "ALLOWED"
expect_out "Why: Evet"
expect_no_err

run --rules "$tmp/tr.yaml" --lang en decide --set a=false
expect_status 1
expect_out "Why: No"
OPNAME_LANG=tr run --rules "$tmp/tr.yaml" decide --set a=false
expect_out "Why: Hayır"
expect_no_err

# Dutch is the tool's, not the file's: the file's first, said once.
run --rules "$tmp/tr.yaml" --lang nl decide --set a=true
expect_status 0
expect_out "TOEGESTAAN"
expect_out "Waarom: Evet"
expect_err "has no texts in 'nl'; using 'tr'"

run --rules "$tmp/tr.yaml" --lang de decide --set a=true
expect_status 64
expect_err "unknown language 'de': use tr or en"
OPNAME_LANG=de run --rules "$tmp/tr.yaml" decide --set a=true
expect_status 64
expect_err "OPNAME_LANG: unknown language 'de': use tr or en"

# The built-in rules: Dutch by default, as before.
run decide --set action=breach
expect_out "OVERLEG NODIG"
run --lang fr decide --set action=breach
expect_status 64
expect_err "unknown language 'fr': use nl or en"
finish
