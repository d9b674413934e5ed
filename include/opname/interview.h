/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview as a state machine, without any terminal I/O.
 *
 * It keeps the answers in the order they were given and asks the engine
 * what it needs next: the fact at which evaluation stops (outcome.missing)
 * is the next question, so the interview asks exactly the questions whose
 * answers can change the outcome, in the order the rules need them.
 *
 * Going back pops the last answer. Popped answers are remembered: when the
 * evaluation needs that fact again, the old answer is offered as the default
 * (interview_default). Remembered answers the evaluation no longer needs are
 * never part of the case (interview_facts). */
#ifndef OPNAME_INTERVIEW_H
#define OPNAME_INTERVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "opname/engine.h"
#include "opname/model.h"

struct interview {
	const struct ruleset *rs;
	fact_value facts[OPNAME_MAX_FACTS]; /* FV_MISSING where not answered */
	uint16_t order[OPNAME_MAX_FACTS];   /* answered facts, in the order asked */
	int nanswers;
	fact_value redo[OPNAME_MAX_FACTS];  /* answers taken back; FV_MISSING if none */
	bool stopped;                       /* ended early (stop, EOF) */
	struct outcome outcome;             /* of 'facts' as they stand */
};

void interview_start(struct interview *iv, const struct ruleset *rs);

/* The fact to ask now, or -1 when the interview is over (a verdict, or
 * stopped). */
int interview_next(const struct interview *iv);

/* The remembered answer for the question asked now, or FV_MISSING. */
fact_value interview_default(const struct interview *iv);

/* Answer the question asked now. Returns 0, or -1 when v is not a value of
 * that question (choices take no unknown) or nothing is being asked. */
int interview_answer(struct interview *iv, fact_value v);

/* Take back the last answer, so that its question is asked again. Returns
 * the fact taken back, or -1 at the first question. */
int interview_back(struct interview *iv);

/* End before a verdict: the outcome stays incomplete, naming the question
 * that was being asked. */
void interview_stop(struct interview *iv);

/* The outcome now: a verdict when interview_next() is -1 and not stopped;
 * otherwise incomplete with 'missing' the question being asked. */
const struct outcome *interview_outcome(const struct interview *iv);

/* Which question this is, counting from 1 (goes down after going back). */
int interview_number(const struct interview *iv);

#endif
