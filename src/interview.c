/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview state machine (see opname/interview.h). */
#include "opname/interview.h"

#include <string.h>

static void redecide(struct interview *iv)
{
	engine_decide(iv->rs, iv->facts, &iv->outcome, NULL);
}

void interview_start(struct interview *iv, const struct ruleset *rs)
{
	memset(iv, 0, sizeof *iv);
	iv->rs = rs;
	facts_clear(iv->facts, rs->nquestions);
	facts_clear(iv->redo, rs->nquestions);
	redecide(iv);
}

int interview_next(const struct interview *iv)
{
	if (iv->stopped || iv->outcome.verdict != VERDICT_INCOMPLETE)
		return -1;
	return iv->outcome.missing; /* -1 too when no rule holds at all */
}

fact_value interview_default(const struct interview *iv)
{
	int f = interview_next(iv);
	return f < 0 ? FV_MISSING : iv->redo[f];
}

static bool valid_value(const struct question *q, fact_value v)
{
	if (q->type == FACT_BOOL)
		return v == FV_TRUE || v == FV_FALSE || v == FV_UNKNOWN;
	return v >= 0 && v < q->nchoices; /* a choice has no unknown */
}

int interview_answer(struct interview *iv, fact_value v)
{
	int f = interview_next(iv);
	if (f < 0 || !valid_value(&iv->rs->questions[f], v))
		return -1;
	iv->facts[f] = v;
	iv->redo[f] = FV_MISSING; /* answered anew: nothing left to offer */
	iv->order[iv->nanswers++] = (uint16_t)f;
	redecide(iv);
	return 0;
}

int interview_back(struct interview *iv)
{
	if (iv->nanswers == 0)
		return -1;
	int f = iv->order[--iv->nanswers];
	iv->redo[f] = iv->facts[f];
	iv->facts[f] = FV_MISSING;
	iv->stopped = false;
	/* The facts before f are as they were when f was asked, so the engine
	 * stops at f again: that question comes back, its answer the default. */
	redecide(iv);
	return f;
}

void interview_stop(struct interview *iv)
{
	iv->stopped = true;
}

const struct outcome *interview_outcome(const struct interview *iv)
{
	return &iv->outcome;
}

int interview_number(const struct interview *iv)
{
	return iv->nanswers + 1;
}
