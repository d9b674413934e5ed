/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview's words and layout (ask-text.c), for cmd-ask.c only. The
 * policy's own words (questions, help, reasons, steps) come from the rule
 * file; these are the interview's frame, in Dutch and English. */
#ifndef OPNAME_ASK_H
#define OPNAME_ASK_H

#include "opname/interview.h"
#include "opname/model.h"
#include "opname/output.h"
#include "opname/util.h"

enum ask_word {
	AW_INTRO,
	AW_QUESTION,
	AW_BOOL_ANSWERS,
	AW_CHOOSE,
	AW_ENTER,
	AW_YES,
	AW_NO,
	AW_UNKNOWN,
	AW_NOT_UNDERSTOOD,
	AW_NO_SUCH_CHOICE,
	AW_UNKNOWN_CHOICE,
	AW_TOO_LONG,
	AW_ENCODING,
	AW_ANSWER_BOOL,
	AW_ANSWER_CHOICE,
	AW_NUMBER_ANSWERS,
	AW_ANSWER_NUMBER,
	AW_DATE_ANSWERS,
	AW_ANSWER_DATE,
	AW_SET_ANSWERS,
	AW_ANSWER_SET,
	AW_TWICE,
	AW_NONE,
	AW_FOR_EXAMPLE,
	AW_NO_HELP,
	AW_COMMANDS,
	AW_WHY,
	AW_WHY_STEP,
	AW_WHY_NONE,
	AW_WHY_SO_FAR,
	AW_WHY_RULED_OUT,
	AW_WHY_LEADS,
	AW_WHY_NEXT,
	AW_WHY_BY_UNKNOWN,
	AW_WHY_WITH_STEP,
	AW_WHY_WITHOUT_STEP,
	AW_TERMS,
	AW_NO_TERMS,
	AW_BACK_FIRST,
	AW_END_OF_INPUT,
	AW_STOPPED,
	AW_ANSWERS,
	AW_SAVED,
	AW_FROM,
	AW__COUNT
};

const char *ask_word(enum ui_lang l, enum ask_word w);

/* Append word w with "{1}" and "{2}" replaced by a and b. */
void ask_fill(struct strbuf *sb, enum ui_lang l, enum ask_word w,
	      const char *a, const char *b);

/* An answer as the question offers it: "ja", "weet niet", or the choice's
 * text. */
void ask_value_word(struct strbuf *sb, const struct ruleset *rs, int fact,
		    fact_value v, int lang, enum ui_lang ul);

/* An answer in a few words for the summary line ("neemt deel", "niet
 * thuis"): for the spelregels' facts from a table; for other rule files
 * the choice's text, or the question's number and ja/nee ("3: ja"). */
void ask_answer_label(struct strbuf *sb, const struct ruleset *rs, int fact,
		      fact_value v, int number, int lang, enum ui_lang ul);

/* The interview's 'waarom' for the question asked now (ask-why.c). */
void ask_why(struct strbuf *sb, const struct interview *iv, int lang,
	     enum ui_lang ul);

/* The glossary's definitions of the terms question f uses: "Begrippen:"
 * and a line a term; with no such term, a line that says so when
 * say_none (ask-text.c). */
void ask_terms(struct strbuf *sb, const struct ruleset *rs, int f, int lang,
	       enum ui_lang ul, bool say_none);

#endif
