#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname ask in a real terminal (tmux): typed answers, help, back with its
# default, the verdict in colour (and not with NO_COLOR), --save, Ctrl-C
# with status 130, and the terminal left as it was found.
. "$(dirname "$0")/lib.sh"
. "$here/tmux-lib.sh"

# Dutch, colour: a whole interview with help, a bad answer, back and Enter
start nl -u NO_COLOR "$OPNAME" ask --save "$tmp/nl.yaml"
wait_for nl 'Kies 1-6 >'
wait_for nl 'Spelregels voor audio-opnamen van gesprekken'
wait_for nl '  6) Iemand houdt zich niet aan de spelregels'
type_line nl 1 'Vraag 2'
type_line nl '?' 'Beeldopnamen van een gesprek mogen niet.'
type_line nl 1 'Vraag 3'
type_line nl misschien "Dat antwoord begrijp ik niet: 'misschien'. Antwoord met ja, nee"
type_line nl ja 'Vraag 4'
type_line nl terug '[Enter = ja] >'
type_line nl '' 'Vraag 4'
type_line nl 1 'Vraag 5'
type_line nl waarom 'Regel C0 heeft dit antwoord nodig'
type_line nl ja 'Vraag 6'
type_line nl nee 'Vraag 7'
type_line nl nee 'Vraag 8'
type_line nl ja 'Vraag 9'
type_line nl ja 'Antwoorden:'
finished nl 0
expect_out 'TOEGESTAAN'
expect_out 'Wat nu:'
expect_out '  4. Wie in het huis woont, vertelt de medewerker over de camera.'
expect_out 'Antwoorden: opnemen · alleen geluid · doet mee · inwoner · gemeld · geen'
expect_out "Opgeslagen in $tmp/nl.yaml"
# long texts are folded at spaces, so the terminal wraps no line itself:
# joining its wrapped lines (-J) changes nothing (blank lines aside: tmux
# joins the one before its "Pane is dead")
tm capture-pane -p -t nl -S -200 | sed 's/ *$//' | grep -v '^$' >"$tmp/lines"
tm capture-pane -p -J -t nl -S -200 | sed 's/ *$//' | grep -v '^$' >"$tmp/joined"
cmp -s "$tmp/lines" "$tmp/joined" ||
	fail_check "the terminal wrapped lines: $(diff "$tmp/lines" "$tmp/joined" | head -5)"
# the verdict is bold and green; questions bold
coloured=$(tm capture-pane -e -p -t nl -S -200)
case $coloured in *"$esc[1m$esc[32mTOEGESTAAN"*) ;; *) fail_check "no bold green TOEGESTAAN" ;; esac
case $coloured in *"$esc[1mVraag 1"*) ;; *) fail_check "question headers not bold" ;; esac
[ "$(stat -c %a "$tmp/nl.yaml")" = 600 ] || fail_check "saved file is not 0600"
run decide "$tmp/nl.yaml"
expect_status 0
expect_out 'regel C3'

# English, NO_COLOR: not allowed (red without NO_COLOR), no escape codes
start en NO_COLOR=1 "$OPNAME" --lang en ask
wait_for en 'Choose 1-6 >'
type_line en record 'Question 2'
type_line en 2 'NOT ALLOWED'
finished en 1
expect_out 'rule R1'
expect_out 'Answers: record · images too'
plain=$(tm capture-pane -e -p -t en -S -200)
case $plain in *"$esc"*) fail_check "escape codes despite NO_COLOR" ;; esac
start red -u NO_COLOR "$OPNAME" ask
wait_for red 'Kies 1-6 >'
type_line red 1 'Vraag 2'
type_line red 2 'NIET TOEGESTAAN'
finished red 1
coloured=$(tm capture-pane -e -p -t red -S -200)
case $coloured in *"$esc[1m$esc[31mNIET TOEGESTAAN"*) ;; *) fail_check "no bold red NIET TOEGESTAAN" ;; esac

# consult is amber; stop is incomplete
start amber -u NO_COLOR "$OPNAME" ask
wait_for amber 'Kies 1-6 >'
type_line amber 1 'Vraag 2'
type_line amber 1 'Vraag 3'
type_line amber 'weet niet' 'OVERLEG NODIG'
finished amber 2
coloured=$(tm capture-pane -e -p -t amber -S -200)
case $coloured in *"$esc[1m$esc[33mOVERLEG NODIG"*) ;; *) fail_check "no bold amber OVERLEG NODIG" ;; esac
start stop -u NO_COLOR "$OPNAME" ask
wait_for stop 'Kies 1-6 >'
type_line stop 3 'Vraag 2'
type_line stop 1 'Vraag 3'
type_line stop stop 'ONVOLLEDIG'
finished stop 3
expect_out '  - Geven alle anderen in het gesprek toestemming'

# Ctrl-D at a question: incomplete, naming it
start eof "$OPNAME" ask
wait_for eof 'Kies 1-6 >'
type_line eof 2 'Vraag 2'
tm send-keys -t eof C-d
wait_for eof 'ONVOLLEDIG'
finished eof 3
expect_out '  - Zijn de anderen in het gesprek het eens met de bewerking?'

# Ctrl-C: status 130, a message, no file and no temporary left behind
mkdir "$tmp/int"
start int "$OPNAME" ask --save "$tmp/int/case.yaml"
wait_for int 'Kies 1-6 >'
type_line int 1 'Vraag 2'
tm send-keys -t int C-c
wait_for int 'opname: interrupted'
finished int 130
[ -z "$(ls -A "$tmp/int")" ] || fail_check "Ctrl-C left files: $(ls -A "$tmp/int")"

# 'opname' with no command in a terminal is the interview too
start bare "$OPNAME"
wait_for bare 'Vraag 1'
type_line bare 6 'OVERLEG NODIG'
finished bare 2
finish
