/* SPDX-License-Identifier: EUPL-1.2 */
/* The plain-language lint of 'check': every prose text of a rule file
 * (question texts and help, step texts, reasons, the unknown reason, the
 * glossary's definitions) measured in words a sentence, against the limits
 * of its 'plain_language' section; and glossary terms no text uses. */
#ifndef OPNAME_LINT_H
#define OPNAME_LINT_H

#include "opname/diag.h"
#include "opname/model.h"

struct lint_stats {
	long sentences[OPNAME_MAX_LANGS];
	long words[OPNAME_MAX_LANGS];
	int longest[OPNAME_MAX_LANGS]; /* words in the longest sentence */
};

/* Warn (diag_warn) at every sentence over the limit, a mean over the
 * limit, and an unused term; fill *st. Returns the number of warnings. */
int lint_rules(const struct ruleset *rs, struct diag *d, struct lint_stats *st);

/* Words in each sentence of 'text', as lint_rules counts them: calls
 * fn(arg, words, sentence, length) once a sentence. */
typedef void lint_sentence_fn(void *arg, int words, const char *s, size_t n);
void lint_sentences(const char *text, lint_sentence_fn *fn, void *arg);

#endif
