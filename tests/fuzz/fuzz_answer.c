/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzz target: the interview's answer parser (answer.c), and the interview
 * state machine (interview.c) driven by what it parses.
 *
 * The input is the lines a person might type, one per '\n'. Each line is
 * parsed as an answer to the question being asked by the built-in spelregels
 * interview, and the interview moves on as 'ask' would; every line is also
 * parsed against a synthetic choice question with the most choices a rule
 * file may have, so that choice numbers at and past the limit are tried. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opname/answer.h"
#include "opname/fact.h"
#include "opname/interview.h"
#include "opname/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct question *many_choices(void)
{
	static struct choice choices[OPNAME_MAX_CHOICES];
	static char ids[OPNAME_MAX_CHOICES][16];
	static struct question q;
	if (!q.id) {
		for (int i = 0; i < OPNAME_MAX_CHOICES; i++) {
			snprintf(ids[i], sizeof ids[i], "c%d", i);
			choices[i].id = ids[i];
		}
		q.id = "many";
		q.type = FACT_CHOICE;
		q.choices = choices;
		q.nchoices = OPNAME_MAX_CHOICES;
	}
	return &q;
}

static const struct question *many_set(void)
{
	static struct question q;
	if (!q.id) {
		q = *many_choices();
		q.id = "set";
		q.type = FACT_SET;
		q.nchoices = OPNAME_MAX_SET_CHOICES;
	}
	return &q;
}

/* What answer_parse promises, checked for every line. */
static void check_answer(const struct question *q, enum answer_kind k,
			 const struct answer *a)
{
	if (k != a->kind)
		abort();
	if ((a->kind == ANSWER_BAD) != (a->error != ANSWER_OK))
		abort();
	if (a->kind != ANSWER_VALUE)
		return;
	if (q->type == FACT_SET) {
		if (!fact_value_valid(q, a->value))
			abort(); /* unknown, or a set of its choices' bits */
	} else if (q->type == FACT_BOOL) {
		if (a->value != FV_TRUE && a->value != FV_FALSE &&
		    a->value != FV_UNKNOWN)
			abort();
	} else if (a->value < 0 || a->value >= q->nchoices) {
		abort(); /* a choice has no unknown, and no index past the end */
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct ruleset *rs = rules_builtin();
	/* A copy with no byte after it: the parser must not read past len. */
	char *buf = malloc(size ? size : 1);
	if (size)
		memcpy(buf, data, size);
	struct interview iv;
	interview_start(&iv, rs);
	size_t at = 0;
	while (at < size) {
		const char *line = buf + at;
		const char *nl = memchr(line, '\n', size - at);
		size_t len = nl ? (size_t)(nl - line) + 1 : size - at;
		at += len;

		struct answer a;
		const struct question *many = many_choices();
		check_answer(many, answer_parse(many, line, len, &a), &a);
		const struct question *set = many_set();
		check_answer(set, answer_parse(set, line, len, &a), &a);

		int f = interview_next(&iv);
		if (f < 0)
			continue; /* over: the rest is parsed, not answered */
		const struct question *q = &rs->questions[f];
		check_answer(q, answer_parse(q, line, len, &a), &a);
		switch (a.kind) {
		case ANSWER_VALUE:
			if (interview_answer(&iv, a.value) < 0)
				abort(); /* a parsed value is always a valid one */
			break;
		case ANSWER_BACK:
			interview_back(&iv);
			break;
		case ANSWER_STOP:
			interview_stop(&iv);
			break;
		default:
			break;
		}
	}
	const struct outcome *o = interview_outcome(&iv);
	bool over = interview_next(&iv) < 0;
	/* Over and not stopped is a verdict; otherwise a question is named. */
	if (over && !iv.stopped && o->verdict == VERDICT_INCOMPLETE)
		abort();
	if ((!over || iv.stopped) && o->verdict == VERDICT_INCOMPLETE &&
	    o->missing < 0)
		abort();
	free(buf);
	return 0;
}
