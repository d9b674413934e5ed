/* SPDX-License-Identifier: EUPL-1.2 */
/* The glossary of a rule file: which terms a text uses, so that the
 * interview can explain them and 'check' can find terms no text uses. */
#ifndef OPNAME_GLOSSARY_H
#define OPNAME_GLOSSARY_H

#include <stdbool.h>

#include "opname/model.h"

/* Does 'text' use term t in language lang? A use is one of the term's
 * comma-separated words, in any ASCII letter case, starting a word. */
bool term_used_in(const struct term *t, int lang, const char *text);

/* The terms question q uses in its text, help or choices, in glossary
 * order: their indices in out (room for rs->nterms). Returns how many. */
int question_terms(const struct ruleset *rs, int q, int lang, int *out);

#endif
