/* SPDX-License-Identifier: EUPL-1.2 */
/* Small lookups on the model, shared by the loader, the engine and outputs. */
#include "opname/model.h"

#include <stddef.h>
#include <string.h>

#include "opname/rule-index.h"
#include "opname/util.h"

/* Exit statuses 0, 1, 2 and 3 (incomplete) are opname(1)'s (EXIT STATUS) for the defaults. */
const struct verdict_def verdict_defaults[3] = {
	[VERDICT_ALLOWED] = { .id = "allowed", .status = 0, .colour = COLOUR_GREEN },
	[VERDICT_NOT_ALLOWED] = { .id = "not_allowed", .status = 1, .colour = COLOUR_RED },
	[VERDICT_CONSULT] = { .id = "consult", .status = 2, .colour = COLOUR_AMBER },
};

static const struct verdict_def incomplete = {
	.id = "incomplete", .status = 3, .colour = COLOUR_GREY,
};

const struct verdict_def *verdict_def(const struct ruleset *rs, enum verdict v)
{
	if (v == VERDICT_INCOMPLETE || (int)v < 0 || (int)v >= rs->nverdicts)
		return &incomplete;
	return &rs->verdicts[v];
}

const char *verdict_id(const struct ruleset *rs, enum verdict v)
{
	return verdict_def(rs, v)->id;
}

int verdict_status(const struct ruleset *rs, enum verdict v)
{
	return verdict_def(rs, v)->status;
}

enum verdict verdict_nth(const struct ruleset *rs, int k)
{
	return k < rs->nverdicts ? (enum verdict)k : VERDICT_INCOMPLETE;
}

int verdict_parse(const struct ruleset *rs, const char *s, enum verdict *out)
{
	for (int k = 0; k <= rs->nverdicts; k++) {
		enum verdict v = verdict_nth(rs, k);
		if (!strcmp(s, verdict_id(rs, v))) {
			*out = v;
			return 0;
		}
	}
	return -1;
}

void verdict_list(const struct ruleset *rs, bool with_incomplete, struct strbuf *out)
{
	int n = rs->nverdicts + (with_incomplete ? 1 : 0);
	for (int k = 0; k < n; k++) {
		const char *id = verdict_id(rs, verdict_nth(rs, k));
		sb_add_or_list(out, k, n, id, strlen(id));
	}
}

int id_index(const void *things, int n, size_t size, size_t at, const char *id)
{
	const char *p = things;
	for (int i = 0; i < n; i++, p += size) {
		const char *s;
		memcpy(&s, p + at, sizeof s);
		if (!strcmp(s, id))
			return i;
	}
	return -1;
}

int ruleset_find_fact(const struct ruleset *rs, const char *id)
{
	if (rs->index)
		return rule_index_fact(rs->index, rs, id);
	return ID_INDEX(rs->questions, rs->nquestions, id, id);
}

int ruleset_find_step(const struct ruleset *rs, const char *id)
{
	return ID_INDEX(rs->steps, rs->nsteps, id, id);
}

int ruleset_find_rule(const struct ruleset *rs, const char *id)
{
	return ID_INDEX(rs->rules, rs->nrules, id, id);
}

int question_find_choice(const struct question *q, const char *id)
{
	return ID_INDEX(q->choices, q->nchoices, id, id);
}

int ruleset_lang(const struct ruleset *rs, const char *code)
{
	return id_index(rs->langs, rs->nlangs, sizeof *rs->langs, 0, code);
}

const char *text_get(const struct text *t, int lang)
{
	if (lang >= 0 && lang < OPNAME_MAX_LANGS && t->s[lang])
		return t->s[lang];
	return t->s[0] ? t->s[0] : "";
}
