/* SPDX-License-Identifier: EUPL-1.2 */
/* Small lookups on the model, shared by the loader, the engine and outputs. */
#include "opname/model.h"

#include <string.h>

#include "opname/rule-index.h"

static const char *const verdict_ids[] = {
	[VERDICT_ALLOWED] = "allowed",
	[VERDICT_NOT_ALLOWED] = "not_allowed",
	[VERDICT_CONSULT] = "consult",
	[VERDICT_INCOMPLETE] = "incomplete",
};

const char *verdict_id(enum verdict v)
{
	return verdict_ids[v];
}

int verdict_parse(const char *s, enum verdict *out)
{
	for (int v = 0; v <= VERDICT_INCOMPLETE; v++) {
		if (!strcmp(s, verdict_ids[v])) {
			*out = (enum verdict)v;
			return 0;
		}
	}
	return -1;
}

int ruleset_find_fact(const struct ruleset *rs, const char *id)
{
	if (rs->index)
		return rule_index_fact(rs->index, rs, id);
	for (int i = 0; i < rs->nquestions; i++)
		if (!strcmp(rs->questions[i].id, id))
			return i;
	return -1;
}

int ruleset_find_step(const struct ruleset *rs, const char *id)
{
	for (int i = 0; i < rs->nsteps; i++)
		if (!strcmp(rs->steps[i].id, id))
			return i;
	return -1;
}

int ruleset_find_rule(const struct ruleset *rs, const char *id)
{
	for (int i = 0; i < rs->nrules; i++)
		if (!strcmp(rs->rules[i].id, id))
			return i;
	return -1;
}

int question_find_choice(const struct question *q, const char *id)
{
	for (int i = 0; i < q->nchoices; i++)
		if (!strcmp(q->choices[i].id, id))
			return i;
	return -1;
}

int ruleset_lang(const struct ruleset *rs, const char *code)
{
	for (int i = 0; i < rs->nlangs; i++)
		if (!strcmp(rs->langs[i], code))
			return i;
	return -1;
}

const char *text_get(const struct text *t, int lang)
{
	if (lang >= 0 && lang < OPNAME_MAX_LANGS && t->s[lang])
		return t->s[lang];
	return t->s[0] ? t->s[0] : "";
}
