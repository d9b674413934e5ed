#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname ask --from CASEFILE: the case's facts are taken as answered
# (numbered, in the summary, changeable with terug), only what is still
# needed is asked, and --save keeps the case's id and meta.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ask-lib.sh"
r="$top/tests/data/answers.yaml"
cat >"$tmp/part.yaml" <<'YAML'
id: 2026-0099
facts:
  told: true
  home: true
meta: {handled_by: team Wmo, n: 3, tags: [a, "b c"]}
YAML

# 'who' is the one question left; 'home' is taken when the rules need it
run_in "$(answers 'inwoner')" --rules "$r" ask --from "$tmp/part.yaml" --save "$tmp/saved.yaml"
expect_status 0
expect_no_err
expect_out "Antwoorden overgenomen uit $tmp/part.yaml: 1. Typ terug om er een te wijzigen."
expect_out 'Vraag 2'
expect_out 'Antwoorden: gemeld · inwoner · 3: ja'
asked 1
# the saved case keeps the id and meta, and decides the same again
grep -qx 'id: "2026-0099"' "$tmp/saved.yaml" || fail_check "the id was not kept"
grep -qx 'meta: {"handled_by": "team Wmo", "n": 3, "tags": \["a", "b c"\]}' "$tmp/saved.yaml" ||
	fail_check "the meta was not kept: $(grep meta "$tmp/saved.yaml")"
run --rules "$r" decide "$tmp/saved.yaml" --format json
expect_status 0
expect_json '.id == "2026-0099" and .rule == "H"'

# terug goes back over a taken answer, which is then the default
run_in "$(answers 'terug|nee')" --rules "$r" ask --from "$tmp/part.yaml"
expect_status 1
expect_out '(ja / nee / weet niet) [Enter = ja] > nee'
expect_out 'Antwoorden: niet gemeld'
# a complete case asks nothing
cat >"$tmp/full.yaml" <<'YAML'
facts: {told: true, who: employee}
YAML
run_in '' --rules "$r" ask --from "$tmp/full.yaml"
expect_status 0
asked 0
expect_out 'Antwoorden: gemeld · medewerker'
# the built-in rules: a case prepared for the interview
printf 'facts: {action: record, media: audio}\n' >"$tmp/rec.yaml"
run_in "$(answers 'nee')" ask --from "$tmp/rec.yaml"
expect_status 1
expect_out 'regel R2'
asked 1

# a case file that is not one: the exit statuses of decide
run_in '' ask --from "$tmp/none.yaml"
expect_status 66
expect_err "opname: $tmp/none.yaml: cannot read"
printf 'facts: {told: maybe}\n' >"$tmp/bad.yaml"
run_in '' --rules "$r" ask --from "$tmp/bad.yaml"
expect_status 65
expect_err "opname: $tmp/bad.yaml:1:"
run_in '' ask --from -
expect_status 64
expect_err 'opname: --from needs a file: stdin holds the answers'
finish
