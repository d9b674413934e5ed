#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname ask in a real terminal (tmux), as a person uses it: line editing
# and history (libedit), the words on screen as answers, a refusal quoting
# what was read, the width read before each question, the question shown
# again after a stop (SIGCONT) and after Ctrl-Z and fg, the terminal put
# back after SIGTERM, and no colour for TERM=dumb, ASCII for LC_ALL=C;
# decide's text folded to the terminal's width.
. "$(dirname "$0")/lib.sh"
. "$here/tmux-lib.sh"
r="$top/tests/data/answers.yaml"

# x1, Home, Delete, Enter answers with choice 1; Up recalls the last answer
start edit NO_COLOR=1 "$OPNAME" ask
wait_for edit 'Kies 1-6 >'
tm send-keys -t edit -l x1
tm send-keys -t edit Home DC Enter
wait_for edit 'Vraag 2'
tm send-keys -t edit Up
wait_for edit 'Kies 1-2 > 1'
tm send-keys -t edit Enter
wait_for edit 'Vraag 3'
# Ctrl-A, Ctrl-K, Left, End and Ctrl-U edit the line too
tm send-keys -t edit -l 'nee'
tm send-keys -t edit C-a C-k
tm send-keys -t edit -l 'a'
tm send-keys -t edit Left
tm send-keys -t edit -l 'j'
tm send-keys -t edit End Enter
wait_for edit 'Vraag 4'
# Up, Up, Down: back through the answers of this interview, and forward
tm send-keys -t edit Up Up
wait_for edit 'Kies 1-2 > 1'
tm send-keys -t edit Down
wait_for edit 'Kies 1-2 > ja'
tm send-keys -t edit C-u
tm send-keys -t edit -l 'xyz'
tm send-keys -t edit C-u
tm send-keys -t edit -l '5'
tm send-keys -t edit Enter
wait_for edit "Dat nummer staat er niet bij: '5'."
wait_for edit 'Kies een nummer van 1 tot 2 of typ een keuze'
tm send-keys -t edit C-c
wait_for edit 'opname: interrupted'
finished edit 130
expect_out 'Kies 1-6 > 1'
expect_out '(ja / nee / weet niet) > ja'

# labels and texts as answers; a refusal quotes what was read
start words NO_COLOR=1 "$OPNAME" --rules "$r" ask
wait_for words '(ja / nee / weet niet) >'
type_line words 'gmeld' "Dat antwoord begrijp ik niet: 'gmeld'. Antwoord met ja, nee of weet niet,"
type_line words 'gemeld' 'Kies 1-2 >'
type_line words 'inwoner' 'Vraag 3'
type_line words 'ja' 'Antwoorden:'
finished words 0
expect_out 'Antwoorden: gemeld · inwoner · 3: ja'

# the width is read before each question: at 50 columns the next question
# is folded to 50, and below 40 to the real width
start narrow NO_COLOR=1 "$OPNAME" ask
wait_for narrow 'Kies 1-6 >'
type_line narrow 1 'Kies 1-2 >'
tm resize-window -t narrow -x 50 -y 40
sleep 0.3
type_line narrow 1 '(ja / nee / weet niet) >'
q3=$(screen narrow | sed -n '/^Vraag 3/,/weet niet) >/p')
[ -n "$q3" ] || fail_check "question 3 not found"
long=$(printf '%s\n' "$q3" | awk 'length($0) > 50' | head -1)
[ -z "$long" ] || fail_check "a line wider than 50 columns: $long"
[ "$(printf '%s\n' "$q3" | wc -l)" -ge 4 ] ||
	fail_check "question 3 is not folded: $q3"
tm resize-window -t narrow -x 30 -y 40
sleep 0.3
type_line narrow ja 'Kies 1-2 >'
q4=$(screen narrow | sed -n '/^Vraag 4/,/Kies 1-2 >/p')
long=$(printf '%s\n' "$q4" | awk 'length($0) > 30' | head -1)
[ -z "$long" ] || fail_check "a line wider than 30 columns: $long"
# SIGCONT after a stop: the question is shown again, what was typed kept
tm send-keys -t narrow -l '1'
pid=$(cat "$tmp/pid.narrow")
sleep 0.2
kill -STOP "$pid"
kill -CONT "$pid"
wait_lines narrow 'Vraag 4' 2
tm send-keys -t narrow Enter
wait_for narrow "Vraag 5" || screen narrow | tail -20 >&2
# SIGTERM: the terminal as it was found, the signal's own status
kill -TERM "$pid"
finished narrow 143

# Ctrl-Z and fg in a shell with job control: the shell gets its terminal
# back as it was, and fg shows the question again
cat >"$tmp/job.sh" <<SH
stty -g >"$tmp/before.job"
PS1='$ ' exec bash --norc --noprofile -i
SH
tm new-session -d -x 100 -y 40 -s job sh "$tmp/job.sh"
wait_for job '$'
tm send-keys -t job -l "NO_COLOR=1 $OPNAME ask"
tm send-keys -t job Enter
wait_for job 'Kies 1-6 >'
tm send-keys -t job C-z
wait_for job 'Stopped'
tm send-keys -t job -l "stty -g >$tmp/after.job"
tm send-keys -t job Enter
sleep 0.5
cmp -s "$tmp/before.job" "$tmp/after.job" || fail_check "after Ctrl-Z the shell's terminal settings changed"
tm send-keys -t job -l 'fg'
tm send-keys -t job Enter
wait_lines job 'Vraag 1' 2
type_line job 6 'OVERLEG NODIG'

# TERM=dumb: no colour; LC_ALL=C: ASCII decorations
start dumb -u NO_COLOR TERM=dumb "$OPNAME" ask
wait_for dumb 'Kies 1-6 >'
type_line dumb 6 'Antwoorden:'
finished dumb 2
case $(tm capture-pane -e -p -t dumb -S -200) in *"$esc["*m*) fail_check "colour with TERM=dumb" ;; esac
start ascii NO_COLOR=1 LC_ALL=C "$OPNAME" ask
wait_for ascii 'Kies 1-6 >'
type_line ascii 1 'Kies 1-2 >'
type_line ascii 2 'Antwoorden:'
finished ascii 1
expect_out '------------------------------'
expect_out 'Antwoorden: opnemen | ook beeld'
expect_not_out '─'
expect_not_out '·'

# questions' text on a terminal is folded to its width
TM_WIDTH=44 start qs NO_COLOR=1 "$OPNAME" questions
finished qs 0
expect_out 'action (choice)'
long=$(printf '%s\n' "$out" | awk 'length($0) > 44' | head -1)
[ -z "$long" ] || fail_check "questions: a line wider than 44 columns: $long"

# decide's text on a terminal is folded to its width too
TM_WIDTH=44 start dec NO_COLOR=1 "$OPNAME" decide --set action=record --set media=audio --set participant=false
finished dec 1
expect_out 'NIET TOEGESTAAN'
long=$(printf '%s\n' "$out" | awk 'length($0) > 44' | head -1)
[ -z "$long" ] || fail_check "decide: a line wider than 44 columns: $long"
[ "$(printf '%s\n' "$out" | grep -c .)" -gt 6 ] || fail_check "decide's text was not folded"
finish
