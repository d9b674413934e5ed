#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname ask at a pipe is strict: a line that is no answer is an error
# naming the line (exit 65, nothing saved), lines left after the verdict
# are reported (the verdict's status stays), and a script that loops or
# never ends ('yes foo') ends. Labels and texts in either language are
# answers (tests/data/answers.yaml).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ask-lib.sh"

# the issue's script: a typo on line 5 no longer shifts every later answer
mkdir "$tmp/save"
run_in "$(answers '1|1|ja|1|jaa|nee|ja|ja')" ask --save "$tmp/save/case.yaml"
expect_status 65
expect_err "opname: <stdin>:5: 'jaa' is not an answer to 'announced' (ja, nee, weet niet)"
[ "$(printf '%s\n' "$err" | wc -l)" = 1 ] || fail_check "more than one line on stderr"
[ -z "$(ls -A "$tmp/save")" ] || fail_check "a file was saved: $(ls -A "$tmp/save")"
expect_not_out 'NIET TOEGESTAAN'
# commands still work at a pipe
run_in "$(answers '?|waarom|6')" ask
expect_status 2
expect_no_err
# lines after the verdict: reported, the verdict's status kept
run_in "$(answers '1|2|x|y')" ask
expect_status 1
expect_err 'opname: <stdin>:3: 2 lines after the verdict were not read'
run_in "$(answers '6|more')" --lang en ask --save "$tmp/save/one.yaml"
expect_status 2
expect_err 'opname: <stdin>:2: 1 line after the verdict was not read'
[ -f "$tmp/save/one.yaml" ] || fail_check "the verdict's case was not saved"
# scripts that would never end, end
for script in 'yes foo' 'yes 6' "yes '?'" 'yes terug' "yes ''"; do
	timeout 20 sh -c "$script | \"\$OPNAME\" ask" >/dev/null 2>"$tmp/err"
	status=$? err=$(cat "$tmp/err") last="$script | opname ask"
	[ "$status" != 124 ] || fail_check "did not end"
	expect_err 'opname: <stdin>:'
done
timeout 20 sh -c 'yes foo | "$OPNAME" ask' >/dev/null 2>&1
status=$? last='yes foo | opname ask'
expect_status 65
timeout 20 sh -c 'yes 6 | "$OPNAME" ask' >/dev/null 2>"$tmp/err"
status=$? err=$(cat "$tmp/err") last='yes 6 | opname ask'
expect_status 2
expect_err 'opname: <stdin>:2: more than 1000 lines after the verdict were not read'
# a writer that keeps the pipe open after its answers is not waited for
{ printf '6\n'; sleep 5; } | timeout 4 "$OPNAME" ask >/dev/null 2>"$tmp/err"
status=$? last='answers then an open pipe | opname ask'
expect_status 2
# control characters in a refused line are shown escaped
run_in "$(printf '1\n\033[D1\n')" ask
expect_status 65
expect_err "opname: <stdin>:2: '\\x1b[D1' is not an answer to 'media' (1-2, audio, video)"

# the words on screen are answers: labels and texts, either language
r="$top/tests/data/answers.yaml"
run_in "$(answers 'gemeld|inwoner|ja')" --rules "$r" ask
expect_status 0
expect_out 'Antwoorden: gemeld · inwoner · 3: ja'
run_in "$(answers 'niet gemeld')" --rules "$r" ask
expect_status 1
run_in "$(answers 'announced|Staff')" --rules "$r" --lang en ask
expect_status 0
expect_out 'Answers: announced · staff'
run_in "$(answers 'melding onbekend|een medewerker')" --rules "$r" ask
expect_status 2
run_in "$(answers 'Not Announced')" --rules "$r" ask
expect_status 1
run_in "$(answers 'gemeld|A Resident|nee')" --rules "$r" ask
expect_status 2
run_in "$(answers 'gemeld|inwoners')" --rules "$r" ask
expect_status 65
expect_err "opname: <stdin>:2: 'inwoners' is not an answer to 'who' (1-2, citizen, employee)"
# q and exit stop, like stop
run_in "$(answers 'gemeld|q')" --rules "$r" ask
expect_status 3
expect_out 'Gestopt'
run_in "$(answers 'exit')" --rules "$r" --lang en ask
expect_status 3
expect_out 'Stopped'
finish
