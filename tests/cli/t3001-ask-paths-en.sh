#!/bin/sh
# opname ask, in English: every path of policy.md's decision table answered
# with English words (and a few Dutch ones: both are accepted everywhere).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ask-lib.sh"

rec='record|audio|yes'
work="$rec|employee|work|no"

ask en 0 'evidence' 'ALLOWED' 'rule E1' 'Answers: as evidence'
asked 1
ask en 0 'edit|yes|y' 'ALLOWED' 'rule B1' 'Answers: edit · edit made known · agreed'
ask en 1 'edit|n' 'NOT ALLOWED' 'rule B2' 'Do not edit the recording'
ask en 1 'EDIT|Yes|No' 'NOT ALLOWED' 'rule B2' 'not agreed'
ask en 0 'share|yes' 'ALLOWED' 'rule S1' 'Meet every GDPR (AVG) requirement'
ask en 0 'share|no|yes' 'ALLOWED' 'rule S1' 'major public interest'
ask en 1 'share|no|no' 'NOT ALLOWED' 'rule S2' '  1. Use the recording only' '  2. Contact'
ask en 1 'record|video' 'NOT ALLOWED' 'rule R1' 'Do not make video recordings'
asked 2
ask en 1 "record|audio|no" 'NOT ALLOWED' 'rule R2' 'does not take part'
ask en 2 "$rec|employee|work|yes" 'CONSULT FIRST' 'rule W1' 'Privacy Officer'
ask en 1 "$work|no" 'NOT ALLOWED' 'rule W2' 'no legal basis'
ask en 1 "$work|yes|no" 'NOT ALLOWED' 'rule W2' 'not necessary'
ask en 1 "$work|yes|yes|no" 'NOT ALLOWED' 'rule W2' 'no clear purpose'
ask en 1 "$work|yes|yes|yes|yes" 'NOT ALLOWED' 'rule W3' 'use an alternative'
ask en 0 "$work|yes|yes|yes|no" 'ALLOWED' 'rule W4' '  1. Announce the recording'
asked 10
ask en 1 "$rec|citizen|no" 'NOT ALLOWED' 'rule C1' 'Announce the recording'
ask en 1 "$rec|citizen|yes|yes" 'NOT ALLOWED' 'rule C2' \
	'  1. The municipal employee explains what the weighty reasons' \
	'  2. Offer an alternative: the option to bring a representative or third person' \
	'a global written account of the conversation'
ask en 0 "$rec|citizen|yes|no|no" 'ALLOWED' 'rule C3' \
	'Answers: record · sound only · takes part · resident · announced · no weighty reasons · not at home'
asked 7
lacks 'Question 8' 'Tell the employee' 'NOT ALLOWED'
ask en 0 "$rec|citizen|yes|no|yes|no" 'ALLOWED' 'rule C3' 'no camera'
lacks 'Tell the employee'
ask en 0 "$rec|citizen|yes|no|yes|yes" 'ALLOWED' 'rule C3' \
	'  4. Tell the employee before the conversation starts that there is a camera'
ask en 0 "$rec|employee|employment|yes|no|no" 'ALLOWED' 'rule C3' 'employee · own employer'

ask en 2 "record|audio|don't know" 'CONSULT FIRST' 'Not known:' \
	'  - Does the person recording take part' 'taking part unknown'
ask en 2 "$work|unknown|yes|yes" 'CONSULT FIRST' '  - Is there a legal basis'
ask en 1 "$work|u|no" 'NOT ALLOWED' 'rule W2'
ask en 0 "$rec|citizen|yes|no|yes|unknown" 'ALLOWED' 'Tell the employee'

ask en 3 'record|audio' 'INCOMPLETE' 'The input ended' 'Not yet answered:' \
	'  - Does the person recording take part'
ask en 3 'share|quit' 'INCOMPLETE' 'Stopped' '  - Have all other parties'
ask en 3 "$rec|citizen|stop" 'INCOMPLETE' '  - Is the recording announced'

# back mixed in (bad answers at a pipe are errors: t3006-ask-pipe.sh)
ask en 1 'record|sound only|yes|back|back|2' 'NOT ALLOWED' 'rule R1' \
	'Answers: record · images too'
ask en 0 "$rec|employee|back|citizen|yes|no|yes|yes" 'ALLOWED' 'rule C3' \
	'Answers: record · sound only · takes part · resident · announced · no weighty reasons · at home · camera present'
lacks 'employee ·' '· for the job'
finish
