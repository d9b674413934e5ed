#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname ask: help, why, back with defaults, bad and hostile answers, and
# the command line.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ask-lib.sh"

# ? shows the question's help text from the rule file, the glossary's
# words it uses, then asks again
ask nl 3 '1|?' 'Beeldopnamen van een gesprek mogen niet.' 'Typ ook: waarom'
ask en 3 'record|help' 'Video recordings of a conversation are not allowed.' 'You can also type: why'
ask nl 3 '1|1|ja|2|2|nee|?' 'Begrippen:' '- AVG: De Algemene verordening gegevensbescherming.' \
	'- grondslag: Een reden uit de AVG'
ask en 3 '1|1|ja|2|2|nee|terms' 'Terms:' '- GDPR: The General Data Protection Regulation'
ask nl 3 '1|begrippen' 'Deze vraag gebruikt geen begrippen uit de woordenlijst.'
# why: the rule that needs the answer and its part, what is known, and
# what each answer leads to; never a rule's reason
ask nl 3 '1|1|ja|1|ja|waarom' \
	'Regel C2 heeft dit antwoord nodig (Spelregel f: zwaarwegende redenen en alternatieven).' \
	'Tot nu toe: opnemen · alleen geluid · doet mee · inwoner · gemeld' \
	'  - ja: niet toegestaan (regel C2)' \
	'  - nee: volgende vraag: Heeft een andere deelnemer bezwaar tegen de opname?'
lacks 'Er zijn zwaarwegende redenen om de opname te weigeren.'
ask en 3 'record|audio|yes|employee|work|no|why' 'Rule W2 needs this answer' \
	'Employee: the work situation' '  - no: not allowed (rule W2)' \
	'  - yes: next question: Is the recording really needed to reach the purpose?'
# ... or, when the rule holds already, the step that the answer may add
ask nl 3 '1|1|ja|1|ja|nee|nee|ja|waarom' 'Regel C3 geldt al (toegestaan). Dit antwoord bepaalt of deze stap erbij komt: Wie in het huis woont' \
	'  - nee: toegestaan (regel C3), zonder deze stap'
# the question is asked again after help and why: the prompt twice more
ask nl 3 '1|?|waarom'
n=$(printf '%s\n' "$out" | grep -c 'Kies 1-2 >')
[ "$n" = 3 ] || fail_check "prompt shown $n times, want 3"

# back at the first question: nothing to go back to
ask nl 2 'terug|6' 'Dit is de eerste vraag; er is geen vorig antwoord om te wijzigen.'
ask en 2 'back|6' 'This is the first question'
# back offers the old answer; Enter keeps it
ask nl 0 '1|1|ja|1|ja|terug|terug|||nee|nee|nee' 'TOEGESTAAN' \
	'(ja / nee / weet niet) [Enter = ja] >' 'Kies 1-2 [Enter = Een inwoner] >' \
	'Antwoorden: opnemen · alleen geluid · doet mee · inwoner · gemeld · geen zwaarwegende redenen · geen bezwaar van een ander · niet in huis'
ask en 1 'record|audio|yes|back||citizen|no|no' 'NOT ALLOWED' 'rule C1' "(yes / no / don't know) [Enter = yes] >"
# at a pipe a line that is no answer is an error, not a question asked
# again (the next line would answer it and every later answer shift); on a
# terminal it is explained (t3004, t3007)
run_in "$(answers '|4')" ask
expect_status 65
expect_err "opname: <stdin>:1: an empty line is not an answer to 'action' (1-6, record, edit, share, evidence, copy, breach)"
run_in "$(answers '1|weet niet')" ask
expect_status 65
expect_err "opname: <stdin>:2: 'weet niet' is not an answer to 'media' (1-2, audio, video)"
run_in "$(answers 'record|0')" --lang en ask
expect_status 65
expect_err "opname: <stdin>:2: '0' is not an answer to 'media' (1-2, audio, video)"
run_in "$(answers '1|1|misschien|2')" ask
expect_status 65
expect_err "opname: <stdin>:3: 'misschien' is not an answer to 'participant' (ja, nee, weet niet)"
run_in "$(answers 'record|audio|maybe')" --lang en ask
expect_status 65
expect_err "opname: <stdin>:3: 'maybe' is not an answer to 'participant' (yes, no, don't know)"
# choices by id and by their words, in any letter case
ask nl 1 'RECORD|ook beeld (video)' 'regel R1'
# CRLF line ends and surrounding blanks
run_in "$(printf '1\r\n 1 \r\n\tJA\t\r\n2\r\n2\r\nja\r\n')" ask
expect_status 2
expect_out 'regel W1'

# a very long line, invalid UTF-8 and NUL bytes: a message, never a crash
long=$(head -c 100000 /dev/zero | tr '\0' 'x')
run_in "1
$long
1" ask
expect_status 65
expect_err "opname: <stdin>:2: a line of more than 4096 bytes is not an answer to 'media'"
printf '1\n\377\376\n' >"$tmp/bad"
printf '1\nja\000\n' >"$tmp/nul"
for f in bad nul; do
	"$OPNAME" ask <"$tmp/$f" >"$tmp/out" 2>"$tmp/err"
	status=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err") last="opname ask <$f"
	expect_status 65
	expect_err "opname: <stdin>:2: a line that is not text (invalid UTF-8 or a NUL byte) is not an answer to 'media'"
done
# an endless line without a newline costs no memory and is refused
head -c 50000000 /dev/zero | tr '\0' 'j' >"$tmp/huge"
"$OPNAME" ask <"$tmp/huge" >"$tmp/out" 2>"$tmp/err"
status=$? err=$(cat "$tmp/err")
last="opname ask <50 MB without a newline"
expect_status 65
expect_err "opname: <stdin>:1: a line of more than 4096 bytes"

# the interview shows no ids and no JSON
ask nl 0 "1|1|ja|2|2|nee|ja|ja|ja|nee|nee|nee" 'TOEGESTAAN'
lacks 'participant' 'legal_basis' 'employee' 'avg_compliance' '{' '"'
# plain output on a pipe: no colour codes
lacks "$(printf '\033')"
# a transcript: each answer read is shown after its prompt
ask nl 2 '6' 'Kies 1-6 > 6'

# output that cannot be written: 74, said once
printf '6\n' | "$OPNAME" ask >/dev/full 2>"$tmp/err"
status=$?
err=$(cat "$tmp/err")
last="opname ask >/dev/full"
expect_status 74
expect_err 'opname: cannot write output: No space left on device'
n=$(grep -c 'cannot write' "$tmp/err")
[ "$n" = 1 ] || fail_check "the write error was reported $n times"

# 'opname' with no command is the interview
printf '6\n' | "$OPNAME" >"$tmp/out" 2>"$tmp/err"
status=$?
out=$(cat "$tmp/out")
last="opname (no command)"
expect_status 2
expect_out 'Vraag 1'
expect_out 'regel V1'
# OPNAME_LANG chooses the language too
printf '6\n' | OPNAME_LANG=en "$OPNAME" ask >"$tmp/out" 2>"$tmp/err"
status=$?
out=$(cat "$tmp/out")
expect_out 'Question 1'

# the command line
run ask --help
expect_status 0
expect_out 'usage: opname ask [--from CASEFILE] [--save FILE [--force]]'
run ask extra
expect_status 64
expect_err "opname: unexpected argument 'extra'"
run ask --force
expect_status 64
expect_err 'opname: --force goes with --save FILE'
run ask --bogus
expect_status 64
run_in '4' ask --lang fr
expect_status 64
expect_err "unknown language 'fr'"
run_in '4' --rules "$tmp/none.yaml" ask
expect_status 66
finish
