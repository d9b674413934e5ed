/* SPDX-License-Identifier: EUPL-1.2 */
/* One typed answer in the interview: what the person meant by a line.
 *
 * Pure (no I/O, no allocation), so that it can be unit-tested and fuzzed:
 * the interview reads a line, answer_parse says whether it was a value for
 * the question, a command (help, why, back, stop) or something to explain. */
#ifndef OPNAME_ANSWER_H
#define OPNAME_ANSWER_H

#include <stdbool.h>
#include <stddef.h>

#include "opname/model.h"

/* Longer lines are refused: nobody types 4 KiB as an answer. */
#define ANSWER_MAX_LINE 4096

enum answer_kind {
	ANSWER_VALUE, /* a value for the question, in 'value' */
	ANSWER_EMPTY, /* nothing typed: repeat the question, or take the default */
	ANSWER_HELP,  /* ? / help */
	ANSWER_WHY,   /* waarom / why */
	ANSWER_BACK,  /* terug / back */
	ANSWER_STOP,  /* stop / quit / q / exit */
	ANSWER_BAD,   /* not an answer; 'error' says why */
	ANSWER_TERMS, /* begrippen / terms: the glossary's words in the question */
};

enum answer_error {
	ANSWER_OK,
	ANSWER_ERR_NOT_UNDERSTOOD, /* no answer we know */
	ANSWER_ERR_NO_SUCH_CHOICE, /* a number outside 1..nchoices */
	ANSWER_ERR_UNKNOWN_CHOICE, /* "weet niet" to a choice: choices take no unknown */
	ANSWER_ERR_TOO_LONG,       /* more than ANSWER_MAX_LINE bytes */
	ANSWER_ERR_ENCODING,       /* invalid UTF-8 or a NUL byte */
	ANSWER_ERR_NOT_A_NUMBER,   /* a number question: not a whole number in range */
	ANSWER_ERR_NOT_A_DATE,     /* a date question: not YYYY-MM-DD */
	ANSWER_ERR_TWICE,          /* a set: one choice given twice */
};

struct answer {
	enum answer_kind kind;
	enum answer_error error; /* ANSWER_OK unless kind is ANSWER_BAD */
	fact_value value;        /* ANSWER_VALUE: FV_TRUE, FV_FALSE, FV_UNKNOWN
				  * or a choice index, a set's bits */
};

/* Parse 'len' bytes of 'line' (no NUL terminator needed; a trailing newline
 * is ignored like other surrounding whitespace) as an answer to q. Accepts,
 * in any letter case and either language:
 *   bool:   ja j yes y true / nee n no false /
 *           w u weet niet, weet ik niet, onbekend, unknown, don't know /
 *           the question's labels for each answer, in any language
 *   choice: its number (1 = first), its id, or its text or label in any
 *           language
 *   set:    choices as for a choice, separated by commas (blanks
 *           allowed); 0, geen or none for no choice; unknown as for a bool
 *   always: ? help / waarom why / begrippen terms / terug back / stop quit q exit
 * Returns out->kind. */
enum answer_kind answer_parse(const struct question *q, const char *line,
			      size_t len, struct answer *out);

/* The value part of answer_parse for each fact type, on a normalised line
 * (trimmed, lower case, single spaces); src/fact.c's table calls them. */
enum answer_kind answer_value_bool(const struct question *q, const char *s,
				   struct answer *out);
enum answer_kind answer_value_number(const struct question *q, const char *s,
				     struct answer *out);
enum answer_kind answer_value_date(const struct question *q, const char *s,
				   struct answer *out);
enum answer_kind answer_value_choice(const struct question *q, const char *s,
				     struct answer *out);
enum answer_kind answer_value_set(const struct question *q, const char *s,
				  struct answer *out);

/* Would 'id', typed as an answer, be read as something else: a command
 * (in any letter case) or a choice's number? Such an id cannot be typed to
 * choose its choice, so the loader refuses it. */
bool answer_reserved(const char *id);

#endif
