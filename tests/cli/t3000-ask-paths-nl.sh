#!/bin/sh
# opname ask, in Dutch: every path of policy.md's decision table answered
# through piped answers, with the verdict, rule, exit status and summary.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ask-lib.sh"

rec='1|1|ja'         # record, audio, takes part
work="$rec|2|2|nee"  # an employee, for the job, no work process

# E1: evidence
ask nl 0 '4' 'TOEGESTAAN' 'regel E1' 'de rechter beslist' 'Antwoorden: als bewijs'
asked 1
# B1, B2: editing
ask nl 0 '2|ja|ja' 'TOEGESTAAN' 'regel B1' 'Antwoorden: bewerken · bewerking gemeld · instemming'
ask nl 1 '2|nee' 'NIET TOEGESTAAN' 'regel B2' 'Bewerk de opname op geen enkele wijze'
asked 2
ask nl 1 '2|ja|nee' 'NIET TOEGESTAAN' 'regel B2' 'geen instemming'
# S1, S2: sharing
ask nl 0 '3|ja' 'TOEGESTAAN' 'regel S1' 'Voldoe aan alle eisen van de AVG'
asked 2
ask nl 0 '3|nee|ja' 'TOEGESTAAN' 'regel S1' 'groot algemeen belang'
ask nl 1 '3|nee|nee' 'NIET TOEGESTAAN' 'regel S2' '  1. Gebruik de opname alleen' '  2. Neem contact op'
# R1, R2: video, an outsider
ask nl 1 '1|2' 'NIET TOEGESTAAN' 'regel R1' 'Maak geen beeldopnamen'
asked 2
ask nl 1 '1|1|nee' 'NIET TOEGESTAAN' 'regel R2' 'Antwoorden: opnemen · alleen geluid · neemt geen deel'
# W1-W4: an employee at work
ask nl 2 "$rec|2|2|ja" 'OVERLEG NODIG' 'regel W1' 'Privacy Officer'
asked 6
ask nl 1 "$work|nee" 'NIET TOEGESTAAN' 'regel W2' 'geen rechtsgrond'
asked 7
ask nl 1 "$work|ja|nee" 'NIET TOEGESTAAN' 'regel W2' 'niet noodzakelijk'
ask nl 1 "$work|ja|ja|nee" 'NIET TOEGESTAAN' 'regel W2' 'geen duidelijk doel'
ask nl 1 "$work|ja|ja|ja|ja" 'NIET TOEGESTAAN' 'regel W3' 'gebruik een alternatief'
ask nl 0 "$work|ja|ja|ja|nee" 'TOEGESTAAN' 'regel W4' '  4. Bewerk de opname'
asked 10
lacks 'NIET TOEGESTAAN'
# C1-C3: a resident (or an employee with their employer)
ask nl 1 "$rec|1|nee" 'NIET TOEGESTAAN' 'regel C1' 'Meld de opname'
asked 5
ask nl 1 "$rec|1|ja|ja" 'NIET TOEGESTAAN' 'regel C2' \
	'  1. De medewerker van de gemeente legt uit wat de zwaarwegende redenen zijn' \
	'  2. Bied een alternatief aan: de mogelijkheid om een gemachtigde of derde mee te nemen' \
	'globale schriftelijke weergave'
ask nl 1 "$rec|2|1|ja|ja" 'NIET TOEGESTAAN' 'regel C2' 'eigen werkgever'
# C3 without a camera: not at home (camera never asked), or at home without
ask nl 0 "$rec|1|ja|nee|nee" 'TOEGESTAAN' 'regel C3' \
	'Antwoorden: opnemen · alleen geluid · neemt deel · inwoner · gemeld · geen zwaarwegende redenen · niet thuis'
asked 7
lacks 'Vraag 8' 'Vertel de medewerker' 'NIET TOEGESTAAN'
ask nl 0 "$rec|1|ja|nee|ja|nee" 'TOEGESTAAN' 'regel C3' '  3. Gebruik de opname alleen' 'geen camera'
asked 8
lacks 'Vertel de medewerker'
# C3 with a camera: the extra step
ask nl 0 "$rec|1|ja|nee|ja|ja" 'TOEGESTAAN' 'regel C3' \
	'  4. Vertel de medewerker vóór de start van het gesprek dat er een camera' 'camera aanwezig'
# C3 for an employee recording their own employer
ask nl 0 "$rec|2|1|ja|nee|nee" 'TOEGESTAAN' 'regel C3' 'medewerker · eigen werkgever'

# unknown -> consult, naming what is not known
ask nl 2 '1|1|weet niet' 'OVERLEG NODIG' 'Niet bekend:' \
	'  - Neemt degene die opneemt zelf deel' 'deelname onbekend'
ask nl 2 "$work|w|ja|ja" 'OVERLEG NODIG' 'Niet bekend:' '  - Is er een rechtsgrond'
ask nl 1 "$work|onbekend|nee" 'NIET TOEGESTAAN' 'regel W2'  # settled by 'necessary'
lacks 'Niet bekend'
ask nl 0 "$rec|1|ja|nee|ja|w" 'TOEGESTAAN' 'Vertel de medewerker' # camera unknown: step given
# EOF and stop -> incomplete, naming the question that was open
ask nl 3 '1|1' 'ONVOLLEDIG' 'De invoer is afgelopen' 'Nog niet beantwoord:' \
	'  - Neemt degene die opneemt zelf deel'
run_in '' ask
expect_status 3
expect_out '  - Waar gaat de vraag over?'
expect_out 'Antwoorden: (geen)'
ask nl 3 '3|stop' 'ONVOLLEDIG' 'Gestopt' '  - Hebben alle andere gesprekspartijen toestemming'
# lines after stop (or a verdict) are reported, and the status stays
run_in "$(answers "$rec|1|ja|quit|ja")" ask
expect_status 3
expect_out '  - Heeft de gemeente zwaarwegende redenen'
expect_err 'opname: <stdin>:7: 1 line after the verdict was not read'

# terug mixed in (bad answers at a pipe are errors: t3006-ask-pipe.sh)
ask nl 1 '1|1|ja|1|ja|terug|terug|terug|terug|2' 'NIET TOEGESTAAN' 'regel R1' \
	'Antwoorden: opnemen · ook beeld'
ask nl 0 "1|1|ja|2|terug|1|ja|nee|ja|ja" 'TOEGESTAAN' 'regel C3' \
	'Antwoorden: opnemen · alleen geluid · neemt deel · inwoner · gemeld · geen zwaarwegende redenen · thuis · camera aanwezig'
ask nl 2 "$rec|2|2|terug|1|terug|2|ja" 'OVERLEG NODIG' 'regel W1' 'Antwoorden: opnemen · alleen geluid · neemt deel · medewerker · voor het werk · werkproces'
finish
