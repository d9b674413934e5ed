/* SPDX-License-Identifier: EUPL-1.2 */
/* Conditions of the rule language (docs/rules.md, "Conditions"): a mapping
 * whose entries must all hold, each all/any/not or a fact test, flattened
 * into the model's array of condition nodes in pre-order. */
#include <string.h>

#include "opname/fact.h"
#include "opname/util.h"
#include "rules-loader.h"

int cond_new(struct loader *l, enum cond_kind kind, const struct ynode *n)
{
	if (l->nconds == l->condcap) {
		l->condcap = l->condcap ? 2 * l->condcap : 256;
		l->conds = xrealloc(l->conds, (size_t)l->condcap * sizeof *l->conds);
	}
	struct cond *c = &l->conds[l->nconds];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->pos = n->pos;
	c->fact = -1;
	c->ref = -1;
	c->size = 1;
	return l->nconds++;
}

/* One entry of a condition mapping: all/any/not, or a fact test. */
static int load_entry(struct loader *l, const struct ynode *key,
		      const struct ynode *val)
{
	const struct ruleset *rs = l->rs;
	int at = l->nconds;
	if (!strcmp(key->str, "all") || !strcmp(key->str, "any")) {
		int c = cond_new(l, key->str[1] == 'l' ? COND_ALL : COND_ANY, key);
		if (!want(l, val, YNODE_SEQ, key->str))
			return c;
		if (val->nkids == 0)
			diag_at(l->d, AT(val), "'%s' needs at least one condition",
				key->str);
		for (int i = 0; i < val->nkids; i++)
			cond_load(l, val->kids[i]);
		l->conds[c].nkids = val->nkids;
		l->conds[c].size = l->nconds - at;
		return c;
	}
	if (!strcmp(key->str, "not")) {
		int c = cond_new(l, COND_NOT, key);
		cond_load(l, val);
		l->conds[c].nkids = 1;
		l->conds[c].size = l->nconds - at;
		return c;
	}
	int c;
	if (define_entry(l, key, val, &c))
		return c;
	c = cond_new(l, COND_TEST, key);
	int f = ruleset_find_fact(rs, key->str);
	if (f < 0) {
		const char *names[OPNAME_MAX_FACTS];
		for (int i = 0; i < rs->nquestions; i++)
			names[i] = rs->questions[i].id;
		const char *near = nearest_word(key->str, names, rs->nquestions);
		if (near)
			diag_at(l->d, AT(key), "unknown fact '%s' (did you mean '%s'?)",
				key->str, near);
		else
			diag_at(l->d, AT(key),
				"unknown fact '%s': a condition entry is all, any, not, a question id or a named condition",
				key->str);
		return c;
	}
	const struct question *q = &rs->questions[f];
	l->conds[c].fact = f;
	if (l->bad_type[f]) /* reported at the question */
		return c;
	if (val->kind == YNODE_SCALAR && !strcmp(val->str, "unknown")) {
		l->conds[c].form = FORM_UNKNOWN; /* answered "weet ik niet" */
		if (!fact_type_of(q)->has_unknown)
			diag_at(l->d, AT(val), "'%s' is a %s question: it is never unknown",
				q->id, fact_type_of(q)->name);
		return c;
	}
	if (fact_type_of(q)->multi) {
		set_test(l, val, &l->conds[c]);
		return c;
	}
	if (q->type == FACT_NUMBER || q->type == FACT_DATE) {
		number_test(l, val, &l->conds[c]);
		return c;
	}
	if (q->type == FACT_BOOL) {
		if (val->kind == YNODE_SCALAR && !strcmp(val->str, "true"))
			l->conds[c].accept = 1u << FV_TRUE;
		else if (val->kind == YNODE_SCALAR && !strcmp(val->str, "false"))
			l->conds[c].accept = 1u << FV_FALSE;
		else
			diag_at(l->d, AT(val), "'%s' is a bool question: test it with true or false",
				q->id);
		return c;
	}
	const struct ynode *const *items;
	int nitems = one_or_list(l, &val, &items, "an empty list of choices never holds");
	for (int i = 0; i < nitems; i++) {
		const struct ynode *v = items[i];
		if (!want(l, v, YNODE_SCALAR, "a choice"))
			continue;
		int ch = question_find_choice(q, v->str);
		if (ch < 0) {
			const char *names[OPNAME_MAX_CHOICES];
			struct strbuf all = STRBUF_INIT;
			for (int j = 0; j < q->nchoices; j++) {
				names[j] = q->choices[j].id;
				sb_addf(&all, "%s%s", j ? ", " : "", names[j]);
			}
			const char *near = nearest_word(v->str, names, q->nchoices);
			diag_at(l->d, AT(v), "'%s' is not a choice of '%s'%s%s%s; choices are: %s",
				v->str, q->id, near ? " (did you mean '" : "",
				near ? near : "", near ? "'?)" : "",
				all.len ? all.buf : "none");
			sb_release(&all);
			continue;
		}
		l->conds[c].accept |= (uint64_t)1 << ch;
	}
	return c;
}

/* A condition mapping: its entries are all to hold, in the order written. */
int cond_load(struct loader *l, const struct ynode *n)
{
	if (!want(l, n, YNODE_MAP, "a condition") || n->nkids == 0) {
		if (n->kind == YNODE_MAP)
			diag_at(l->d, AT(n), "an empty condition: leave out 'when' for a rule that always holds");
		return cond_new(l, COND_TRUE, n);
	}
	if (l->nconds >= OPNAME_MAX_CONDS) {
		diag_at(l->d, AT(n), "more than %d condition nodes", OPNAME_MAX_CONDS);
		return cond_new(l, COND_TRUE, n);
	}
	if (n->nkids == 2)
		return load_entry(l, n->kids[0], n->kids[1]);
	int at = l->nconds;
	int c = cond_new(l, COND_ALL, n);
	for (int i = 0; i < n->nkids; i += 2)
		load_entry(l, n->kids[i], n->kids[i + 1]);
	l->conds[c].nkids = n->nkids / 2;
	l->conds[c].size = l->nconds - at;
	return c;
}
