#!/bin/sh
# opname ask in a real terminal (tmux): typed answers, help, back with its
# default, the verdict in colour (and not with NO_COLOR), --save, Ctrl-C
# with status 130, and the terminal left as it was found.
. "$(dirname "$0")/lib.sh"

command -v tmux >/dev/null 2>&1 || {
	echo "  $name: tmux is missing (scripts/deps.sh check installs it)" >&2
	exit 1
}
sock="opname-test-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
esc=$(printf '\033')

# The pane runs this: the status goes to a file, and the terminal's
# settings are taken before and after. The shell catches SIGINT (so that it
# lives on to write the status) while opname gets the default disposition.
cat >"$tmp/pane.sh" <<'SH'
dir=$1 tag=$2
shift 2
trap true INT
stty -g >"$dir/before.$tag"
"$@"
echo $? >"$dir/status.$tag"
stty -g >"$dir/after.$tag"
SH

# start TAG ENV... -- ARGS: opname ARGS in a new 100x40 terminal
start() {
	tag=$1
	shift
	last="tmux: $*"
	status=- out= err=
	tm new-session -d -x 100 -y 40 -s "$tag" sh "$tmp/pane.sh" "$tmp" "$tag" env "$@" \; \
		set-option -t "$tag" remain-on-exit on
}

screen() { tm capture-pane -p -t "$1" -S -200; }

# wait_for TAG TEXT: until the terminal shows TEXT (10 s at most)
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		out=$(screen "$1")
		case $out in *"$2"*) return 0 ;; esac
		sleep 0.1
		i=$((i + 1))
	done
	fail_check "the terminal never showed: $2"
	return 1
}

# type TAG TEXT WAIT: type TEXT and Enter, then wait for WAIT on screen
type_line() {
	tm send-keys -t "$1" -l "$2"
	tm send-keys -t "$1" Enter
	wait_for "$1" "$3"
}

# finished TAG STATUS: opname exited with STATUS, the terminal unchanged
finished() {
	i=0
	while [ ! -s "$tmp/status.$1" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 0.2 # for stty -g after
	status=$(cat "$tmp/status.$1" 2>/dev/null)
	out=$(screen "$1")
	expect_status "$2"
	cmp -s "$tmp/before.$1" "$tmp/after.$1" || fail_check "terminal settings changed"
}

# Dutch, colour: a whole interview with help, a bad answer, back and Enter
start nl -u NO_COLOR "$OPNAME" ask --save "$tmp/nl.yaml"
wait_for nl 'Kies 1-6 >'
wait_for nl 'Spelregels voor audio-opnamen van gesprekken'
wait_for nl '  6) Iemand houdt zich niet aan de spelregels'
type_line nl 1 'Vraag 2'
type_line nl '?' 'Beeldopnamen van een gesprek mogen niet.'
type_line nl 1 'Vraag 3'
type_line nl misschien 'Antwoord met ja, nee of weet niet.'
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
type_line stop stop 'ONVOLLEDIG'
finished stop 3
expect_out '  - Wie maakt of maakte de opname?'

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
