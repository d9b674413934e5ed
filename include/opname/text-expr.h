/* SPDX-License-Identifier: EUPL-1.2 */
/* Dates and numbers in texts (docs/rules.md, "Dates and numbers in
 * texts"): a rule's reason, the unknown reason and a step's text may hold
 * placeholders such as '{received + 4w + days_suspended d}', shown with the
 * case's values; '{{' and '}}' are a literal '{' and '}'. */
#ifndef OPNAME_TEXT_EXPR_H
#define OPNAME_TEXT_EXPR_H

#include <stdbool.h>
#include <stdint.h>

#include "opname/engine.h"
#include "opname/model.h"
#include "opname/util.h"

/* Check the placeholders of text s against the facts of rs: 0, with each
 * fact they name set in needs[] (room for rs->nquestions); or -1 with the
 * first problem in err. */
int text_expr_check(const struct ruleset *rs, const char *s, uint8_t *needs,
		    struct strbuf *err);

/* The first fact a placeholder of s needs that is missing or unknown in
 * facts, or -1 when every one is known. */
int text_expr_unknown(const struct ruleset *rs, const char *s, const fact_value *facts);

/* s with each placeholder replaced by its value: from o->shown, a date as
 * people read it in the file's language 'lang' ("12 januari 2027", "12
 * January 2027"; YYYY-MM-DD for other languages and when iso), a number
 * as digits; '?' for a value not known. o may be NULL (every value '?'). */
void text_render(struct strbuf *out, const struct ruleset *rs, const char *s,
		 const struct outcome *o, int lang, bool iso);

#endif
