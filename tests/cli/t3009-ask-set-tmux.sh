#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# A set question in a real terminal (tmux): its choices numbered, the
# prompt saying more than one may be chosen; bad answers (a number past
# the last, a choice twice, a word it does not know) explained and asked
# again; numbers and ids mixed with blanks; back shows the answer as the
# default; 0 for none; weet niet; --save writes the list.
. "$(dirname "$0")/lib.sh"
. "$here/tmux-lib.sh"
r="--rules $top/docs/examples/datalek/datalek.yaml"

start nl NO_COLOR=1 "$OPNAME" $r ask --save "$tmp/nl.yaml"
wait_for nl 'Gaat het lek over persoonsgegevens?'
type_line nl ja 'Wat is uw rol bij deze gegevens?'
type_line nl 1 'Is het onwaarschijnlijk'
type_line nl nee '(kies 1-8, meer mag: 1,3 / 0 = geen / weet niet) >'
wait_for nl '  4) BSN of een ander nummer van een identiteitsbewijs'
wait_for nl '  8) Iets anders'
type_line nl '2, 9' "Dat nummer staat er niet bij: '2, 9'. Typ de nummers of keuzes die passen"
type_line nl '1,health' "U noemt een keuze twee keer: '1,health'."
type_line nl 'gezondheid, iets' "Dat antwoord begrijp ik niet: 'gezondheid, iets'."
type_line nl ' 1 , children,8 ' 'Waren de gegevens goed versleuteld'
type_line nl terug '[Enter = Gezondheid, Gegevens van kinderen, Iets an'
type_line nl 'geen' 'Kan het lek de mensen ernstig schaden?'
type_line nl terug '[Enter = geen] >'
type_line nl '6' 'Kan het lek de mensen ernstig schaden?'
type_line nl nee 'Hoeveel uur geleden'
type_line nl 80 'Antwoorden:'
finished nl 12
expect_out 'MELDEN BIJ DE AP'
expect_out 'Leg in de melding uit waarom.'
expect_out 'Antwoorden: 1: ja · verwerkingsverantwoordelijke · 3: nee · 4: Locatie · 5: nee · 6: 80 uur'
grep -q '^  data_types: \["location"\]$' "$tmp/nl.yaml" ||
	fail_check "the saved case lacks data_types: $(cat "$tmp/nl.yaml")"
run $r decide "$tmp/nl.yaml" --format json
expect_json '.verdict == "notify_ap" and .rule == "D8"'

# English: "don't know" is an answer to a set too, and leads to consult
start en NO_COLOR=1 "$OPNAME" $r --lang en ask
wait_for en 'Does the breach involve personal data?'
type_line en yes 'What is your role'
type_line en controller 'Is it unlikely'
type_line en no '(choose 1-8, more is fine: 1,3 / 0 = none / don'"'"'t know) >'
type_line en "don't know" 'Can the breach seriously harm the people?'
type_line en no 'Were the data well encrypted'
type_line en no 'Did you take measures'
type_line en no 'Would it take too much effort'
type_line en no 'Answers:'
finished en 2
expect_out 'CONSULT THE DPO'
finish
