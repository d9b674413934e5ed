#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname ask, in Dutch: every rule of the decision table (version 2)
# answered through piped answers, with the verdict, rule, exit status,
# summary, and the number of questions the policy's interview reading asks.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ask-lib.sh"

rec='1|1|ja'            # record, audio, takes part
work="$rec|2|2|nee"     # an employee, for the job, no work process
ok="$work|ja|ja|ja|nee" # legal basis, needed, a purpose, no alternative
cit="$rec|1"            # a resident

# V1: someone does not keep to the rules; nothing more is asked
ask nl 2 '6' 'OVERLEG NODIG' 'regel V1' 'Privacy Officer' 'Antwoorden: spelregels niet gevolgd'
asked 1
# K1-K3: a copy
ask nl 0 '5|2|2' 'TOEGESTAAN' 'regel K1' 'Voor deze opname geldt de AVG'
asked 3
ask nl 2 '5|1|ja' 'OVERLEG NODIG' 'regel K2' 'spelregel a' 'kopie geweigerd'
ask nl 0 '5|1|nee' 'TOEGESTAAN' 'regel K3' 'Dan geeft wie de opname maakte die kopie'
ask nl 0 '5|2|1|nee' 'TOEGESTAAN' 'regel K3' 'Medewerker: gesprek met de eigen werkgever'
# E0-E3: evidence
ask nl 2 '4|2|2' 'OVERLEG NODIG' 'regel E0' 'De rechter beslist'
ask nl 2 '4|1|nee' 'OVERLEG NODIG' 'regel E2' 'deed niet mee'
ask nl 2 '4|1|ja|nee' 'OVERLEG NODIG' 'regel E3' 'geen rechtszaak'
ask nl 0 '4|1|ja|ja' 'TOEGESTAAN' 'regel E1' 'Ook een geheime opname' 'Antwoorden: bewijs · inwoner · doet mee · rechtszaak'
asked 4
# B1, B2: editing; on B1 who made it decides the steps
ask nl 0 '2|ja|ja|1' 'TOEGESTAAN' 'regel B1' 'thuis terug te luisteren' \
	'Antwoorden: bewerken · eens met bewerking · bewerking gemeld · inwoner'
lacks 'Voor deze opname geldt de AVG'
ask nl 0 '2|ja|ja|2|2' 'TOEGESTAAN' 'regel B1' 'Voor deze opname geldt de AVG'
lacks 'thuis terug te luisteren'
ask nl 1 '2|nee' 'NIET TOEGESTAAN' 'regel B2' 'De opname wordt niet bewerkt'
asked 2
ask nl 1 '2|ja|nee' 'NIET TOEGESTAAN' 'regel B2' 'bewerking niet gemeld'
# S0-S2: sharing
ask nl 2 '3|2|2' 'OVERLEG NODIG' 'regel S0' 'Delen valt dan onder de AVG'
asked 3
ask nl 0 '3|1|ja' 'TOEGESTAAN' 'regel S1' 'Voor deze opname geldt de AVG'
lacks 'Privacy Officer'
ask nl 0 '3|1|nee|ja' 'TOEGESTAAN' 'regel S1' 'groot algemeen belang' '  3. Neem contact op'
ask nl 1 '3|1|nee|nee' 'NIET TOEGESTAAN' 'regel S2' '  1. De opname is alleen' '  2. Neem contact op'
# R1, R2: video, an outsider
ask nl 1 '1|2' 'NIET TOEGESTAAN' 'regel R1' 'geen beeldopnamen'
asked 2
ask nl 1 '1|1|nee' 'NIET TOEGESTAAN' 'regel R2' 'Antwoorden: opnemen · alleen geluid · doet niet mee'
# W1-W5: the municipality records
ask nl 2 "$rec|2|2|ja" 'OVERLEG NODIG' 'regel W1' 'Privacy Officer'
asked 6
ask nl 1 "$work|nee" 'NIET TOEGESTAAN' 'regel W2' 'geen grondslag'
asked 7
ask nl 1 "$work|ja|nee" 'NIET TOEGESTAAN' 'regel W2' 'niet nodig'
ask nl 1 "$work|ja|ja|nee" 'NIET TOEGESTAAN' 'regel W2' 'geen duidelijk doel'
ask nl 1 "$work|ja|ja|ja|ja" 'NIET TOEGESTAAN' 'regel W3' 'Gebruik een alternatief'
ask nl 2 "$ok|ja" 'OVERLEG NODIG' 'regel W5' 'Gebruik een alternatief'
asked 11
ask nl 0 "$ok|nee|nee" 'TOEGESTAAN' 'regel W4' '  4. De opname wordt niet bewerkt'
asked 12
lacks 'NIET TOEGESTAAN' 'over de camera'
ask nl 0 "$ok|nee|ja|ja" 'TOEGESTAAN' 'regel W4' '  5. Wie in het huis woont, vertelt de medewerker over de camera'
asked 13
# C0-C3, T1: a resident (or an employee with their employer)
ask nl 2 "$cit|nee|ja" 'OVERLEG NODIG' 'regel C0' 'maken en gebruiken zijn dus twee dingen' 'al geheim opgenomen'
ask nl 1 "$cit|nee|nee" 'NIET TOEGESTAAN' 'regel C1' 'Wie de opname maakt, meldt dat'
asked 6
ask nl 1 "$cit|ja|ja" 'NIET TOEGESTAAN' 'regel C2' \
	'  1. De medewerker die het gesprek voert, legt de zwaarwegende redenen uit' \
	'  2. Bied een alternatief aan' 'korte schriftelijke samenvatting'
ask nl 1 "$rec|2|1|ja|ja" 'NIET TOEGESTAAN' 'regel C2' 'eigen werkgever'
ask nl 2 "$cit|ja|nee|ja" 'OVERLEG NODIG' 'regel T1' 'bezwaar van een ander'
# C3 without a camera: not in a home (camera never asked), or no camera
ask nl 0 "$cit|ja|nee|nee|nee" 'TOEGESTAAN' 'regel C3' \
	'Antwoorden: opnemen · alleen geluid · doet mee · inwoner · gemeld · geen zwaarwegende redenen · geen bezwaar van een ander · niet in huis'
asked 8
lacks 'Vraag 9' 'over de camera' 'NIET TOEGESTAAN' 'werkgever'
ask nl 0 "$cit|ja|nee|nee|ja|nee" 'TOEGESTAAN' 'regel C3' '  3. De opname is alleen' 'geen camera'
asked 9
lacks 'over de camera'
# C3 with a camera: the extra step, and rule e among the sources
ask nl 0 "$cit|ja|nee|nee|ja|ja" 'TOEGESTAAN' 'regel C3' \
	'  4. Wie in het huis woont, vertelt de medewerker over de camera' 'Spelregel e'
# C3 for an employee recording their own employer: the employment part
ask nl 0 "$rec|2|1|ja|nee|nee|nee" 'TOEGESTAAN' 'regel C3' 'medewerker · eigen werkgever' \
	'Medewerker: gesprek met de eigen werkgever'

# unknown -> consult, naming what is not known
ask nl 2 '1|1|weet niet' 'OVERLEG NODIG' 'Niet bekend:' \
	'  - Doet wie de opname maakt zelf mee' 'meedoen onbekend'
ask nl 2 "$work|w|ja|ja" 'OVERLEG NODIG' 'Niet bekend:' '  - Is er een grondslag'
ask nl 1 "$work|onbekend|nee" 'NIET TOEGESTAAN' 'regel W2'  # settled by 'necessary'
lacks 'Niet bekend'
ask nl 0 "$cit|ja|nee|nee|ja|w" 'TOEGESTAAN' 'over de camera' # camera unknown: step given
# EOF and stop -> incomplete, naming the question that was open
ask nl 3 '1|1' 'ONVOLLEDIG' 'De invoer is afgelopen' 'Nog niet beantwoord:' \
	'  - Doet wie de opname maakt zelf mee'
run_in '' ask
expect_status 3
expect_out '  - Waar gaat de vraag over?'
expect_out 'Antwoorden: (geen)'
ask nl 3 '3|1|stop' 'ONVOLLEDIG' 'Gestopt' '  - Geven alle anderen in het gesprek toestemming'
# lines after stop (or a verdict) are reported, and the status stays
run_in "$(answers "$cit|ja|quit|ja")" ask
expect_status 3
expect_out '  - Zijn er zwaarwegende redenen'
expect_err 'opname: <stdin>:7: 1 line after the verdict was not read'

# terug mixed in (bad answers at a pipe are errors: t3006-ask-pipe.sh)
ask nl 1 '1|1|ja|1|ja|terug|terug|terug|terug|2' 'NIET TOEGESTAAN' 'regel R1' \
	'Antwoorden: opnemen · ook beeld'
ask nl 0 "1|1|ja|2|terug|1|ja|nee|nee|ja|ja" 'TOEGESTAAN' 'regel C3' \
	'Antwoorden: opnemen · alleen geluid · doet mee · inwoner · gemeld · geen zwaarwegende redenen · geen bezwaar van een ander · in huis · camera'
ask nl 2 "$rec|2|2|terug|1|terug|2|ja" 'OVERLEG NODIG' 'regel W1' 'Antwoorden: opnemen · alleen geluid · doet mee · medewerker · voor het werk · werkproces'
finish
