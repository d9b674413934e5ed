#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# opname ask, in English: every rule of the decision table answered with
# English words (and a few Dutch ones: both are accepted everywhere).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ask-lib.sh"

rec='record|audio|yes'
work="$rec|employee|work|no"
ok="$work|yes|yes|yes|no"
cit="$rec|citizen"

ask en 2 'breach' 'CONSULT FIRST' 'rule V1' 'Answers: rules not kept'
asked 1
ask en 0 'copy|employee|work' 'ALLOWED' 'rule K1' 'The GDPR applies'
ask en 2 'copy|citizen|yes' 'CONSULT FIRST' 'rule K2' 'copy refused'
ask en 0 'copy|citizen|no' 'ALLOWED' 'rule K3' 'whoever made the recording gives that copy'
ask en 2 'evidence|employee|work' 'CONSULT FIRST' 'rule E0'
ask en 2 'evidence|citizen|no' 'CONSULT FIRST' 'rule E2'
ask en 2 'evidence|citizen|yes|no' 'CONSULT FIRST' 'rule E3' 'not a court case'
ask en 0 'evidence|citizen|yes|yes' 'ALLOWED' 'rule E1' 'Answers: evidence · resident · takes part · court case'
ask en 0 'edit|yes|y|citizen' 'ALLOWED' 'rule B1' 'Answers: edit · edit agreed · edit announced · resident' 'listening back'
ask en 0 'edit|yes|y|employee|work' 'ALLOWED' 'rule B1' 'The GDPR applies'
ask en 1 'edit|n' 'NOT ALLOWED' 'rule B2' 'The recording is not edited'
ask en 1 'EDIT|Yes|No' 'NOT ALLOWED' 'rule B2' 'edit not announced'
ask en 2 'share|employee|work' 'CONSULT FIRST' 'rule S0'
ask en 0 'share|citizen|yes' 'ALLOWED' 'rule S1' 'The GDPR applies'
ask en 0 'share|citizen|no|yes' 'ALLOWED' 'rule S1' 'large public interest'
ask en 1 'share|citizen|no|no' 'NOT ALLOWED' 'rule S2' '  1. The recording is only' '  2. Contact'
ask en 1 'record|video' 'NOT ALLOWED' 'rule R1' 'No video recordings'
asked 2
ask en 1 "record|audio|no" 'NOT ALLOWED' 'rule R2' 'does not take part'
ask en 2 "$rec|employee|work|yes" 'CONSULT FIRST' 'rule W1' 'Privacy Officer'
ask en 1 "$work|no" 'NOT ALLOWED' 'rule W2' 'no legal basis'
ask en 1 "$work|yes|no" 'NOT ALLOWED' 'rule W2' 'not needed'
ask en 1 "$work|yes|yes|no" 'NOT ALLOWED' 'rule W2' 'no clear purpose'
ask en 1 "$work|yes|yes|yes|yes" 'NOT ALLOWED' 'rule W3' 'Use an alternative'
ask en 2 "$ok|yes" 'CONSULT FIRST' 'rule W5' 'objection'
ask en 0 "$ok|no|no" 'ALLOWED' 'rule W4' '  1. Whoever makes the recording tells everyone'
asked 12
ask en 2 "$cit|no|yes" 'CONSULT FIRST' 'rule C0' 'Making a recording and using it are two things'
ask en 1 "$cit|no|no" 'NOT ALLOWED' 'rule C1' 'Whoever makes the recording tells everyone'
ask en 1 "$cit|yes|yes" 'NOT ALLOWED' 'rule C2' \
	'  1. The employee holding the conversation explains the weighty reasons' \
	'  2. Offer an alternative' 'a short summary'
ask en 2 "$cit|yes|no|yes" 'CONSULT FIRST' 'rule T1' 'another objects'
ask en 0 "$cit|yes|no|no|no" 'ALLOWED' 'rule C3' \
	'Answers: record · sound only · takes part · resident · announced · no weighty reasons · no other objection · not at home'
asked 8
lacks 'Question 9' 'about the camera' 'NOT ALLOWED'
ask en 0 "$cit|yes|no|no|yes|no" 'ALLOWED' 'rule C3' 'no camera'
lacks 'about the camera'
ask en 0 "$cit|yes|no|no|yes|yes" 'ALLOWED' 'rule C3' \
	'  4. Whoever lives in the home tells the employee about the camera'
ask en 0 "$rec|employee|employment|yes|no|no|no" 'ALLOWED' 'rule C3' 'employee · own employer'

ask en 2 "record|audio|don't know" 'CONSULT FIRST' 'Not known:' \
	'  - Does the person recording take part' 'taking part unknown'
ask en 2 "$work|unknown|yes|yes" 'CONSULT FIRST' '  - Is there a legal basis'
ask en 1 "$work|u|no" 'NOT ALLOWED' 'rule W2'
ask en 0 "$cit|yes|no|no|yes|unknown" 'ALLOWED' 'about the camera'

ask en 3 'record|audio' 'INCOMPLETE' 'The input ended' 'Not yet answered:' \
	'  - Does the person recording take part'
ask en 3 'share|citizen|quit' 'INCOMPLETE' 'Stopped' '  - Do all the others in the conversation consent'
ask en 3 "$cit|stop" 'INCOMPLETE' '  - Is the recording announced'

# back mixed in (bad answers at a pipe are errors: t3006-ask-pipe.sh)
ask en 1 'record|sound only|yes|back|back|2' 'NOT ALLOWED' 'rule R1' \
	'Answers: record · images too'
ask en 0 "$rec|employee|back|citizen|yes|no|no|yes|yes" 'ALLOWED' 'rule C3' \
	'Answers: record · sound only · takes part · resident · announced · no weighty reasons · no other objection · at home · camera'
lacks 'employee ·' '· for the job'
finish
