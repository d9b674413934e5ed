#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname ask with another rule file (--rules): the interview is the engine's,
# not the spelregels': the file's name when it has no title, a message when a
# question has no help, and a summary line without the spelregels' words.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ask-lib.sh"

cat >"$tmp/mini.yaml" <<'YAML'
opname: 1
name: mini
version: "1"
languages: [en]
parts: [{id: p, title: {en: Part P}}]
questions:
  - {id: a, type: bool, refs: [p], text: {en: "Is it a?"}}
  - {id: k, type: choice, refs: [p], text: {en: "Which k?"},
     help: {en: "K is the letter."},
     choices: [{id: x, text: {en: Ex}}, {id: y, text: {en: Wye}}, {id: z, text: {en: Zed}}]}
steps:
  - {id: s1, ref: p, text: {en: Do S1}}
unknown: {verdict: consult, reason: {en: Not known.}, steps: [s1]}
rules:
  - {id: A, when: {a: true, k: x}, verdict: not_allowed, refs: [p], reason: {en: "A and x."}, steps: [s1]}
  - {id: Z, verdict: allowed, refs: [p], reason: {en: "Otherwise."}, steps: []}
YAML

run_in "$(answers 'help|why|yes|?|3')" --rules "$tmp/mini.yaml" --lang en ask
expect_status 0
expect_no_err
expect_out 'mini'
expect_out 'There is no further help for this question.'
expect_out 'Rule A needs this answer (Part P).'
expect_out '  - yes: next question: Which k?'
expect_out '  - no: allowed (rule Z)'
expect_not_out 'A and x.'
expect_out 'K is the letter.'
expect_out 'Choose 1-3 >'
expect_out 'ALLOWED'
expect_out 'Answers: 1: yes · Zed'
run_in "$(answers 'y|ex')" --rules "$tmp/mini.yaml" --lang en ask
expect_status 1
expect_out '  1. Do S1'
run_in "$(answers 'u|1')" --rules "$tmp/mini.yaml" --lang en ask
expect_status 2
expect_out 'Answers: 1: don'"'"'t know · Ex'
# without --lang, the file's first language: English, the tool's words too
run_in "$(answers 'nee')" --rules "$tmp/mini.yaml" ask
expect_status 0
expect_no_err
expect_out 'Question 1'
expect_out 'Answers: 1: no'
# --lang nl and the file has no Dutch: its texts in English, the tool's
# words in Dutch
run_in "$(answers 'nee')" --rules "$tmp/mini.yaml" --lang nl ask
expect_status 0
expect_err "has no texts in 'nl'; using 'en'"
expect_out 'Vraag 1'
expect_out 'Is it a?'
expect_out 'Antwoorden: 1: nee'
finish
