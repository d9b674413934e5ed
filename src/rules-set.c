/* SPDX-License-Identifier: EUPL-1.2 */
/* Sets in the rule language (docs/rules.md, "Sets"). A set is tested by
 * {contains: C}, {any_of: [C, ...]} or {none_of: [C, ...]}: each asks only
 * whether the set meets a mask of choices. So two sets that meet the same
 * masks pass the same tests, and 'check' needs one set of each such class
 * (plus unknown), not every subset: with a set of 8 choices and one any_of
 * test, 2 classes, not 256. */
#include <string.h>

#include "opname/fact.h"
#include "opname/util.h"
#include "rules-loader.h"

/* At most this many classes, as for a number's intervals. */
#define MAX_CLASSES (OPNAME_MAX_VALUES - 1)

static void choice_list(struct loader *l, const struct question *q,
			const struct ynode *list, struct cond *c)
{
	const struct ynode *const *items;
	int n = one_or_list(l, &list, &items,
			    "an empty list of choices: a set test needs at least one");
	for (int i = 0; i < n; i++) {
		if (!want(l, items[i], YNODE_SCALAR, "a choice"))
			continue;
		struct strbuf why = STRBUF_INIT;
		fact_value bits = (fact_value)c->accept;
		if (set_add_id(q, items[i]->str, &bits, &why) < 0) {
			sb_adds(&why, "; choices are: ");
			for (int j = 0; j < q->nchoices; j++)
				sb_addf(&why, "%s%s", j ? ", " : "", q->choices[j].id);
			diag_at(l->d, AT(items[i]), "%s", why.buf);
		}
		c->accept = (uint32_t)bits;
		sb_release(&why);
	}
}

void set_test(struct loader *l, const struct ynode *val, struct cond *c)
{
	const struct question *q = &l->rs->questions[c->fact];
	static const char *const forms[] = { "contains", "any_of", "none_of" };
	int form = -1;
	if (val->kind == YNODE_MAP && val->nkids == 2)
		for (int i = 0; i < 3; i++)
			if (!strcmp(val->kids[0]->str, forms[i]))
				form = i;
	c->form = FORM_ANY_OF;
	if (form < 0) {
		diag_at(l->d, AT(val), "'%s' is a set question: test it with {contains: C}, {any_of: [C, ...]}, {none_of: [C, ...]} or unknown",
			q->id);
		return;
	}
	const struct ynode *arg = val->kids[1];
	if (form == 0 && !want(l, arg, YNODE_SCALAR, "contains"))
		return;
	if (form > 0 && !want(l, arg, YNODE_SEQ, forms[form]))
		return;
	if (form == 2)
		c->form = FORM_NONE_OF;
	choice_list(l, q, arg, c);
}

/* The classes of fact f: the distinct masks its tests ask about; then the
 * sets that meet different masks, built up one kind of choice at a time
 * (choices the same tests mention are alike), keeping the first, smallest,
 * set found for each. */
static void classes(struct loader *l, int f)
{
	struct question *q = &l->rs->questions[f];
	uint32_t masks[64];
	int nmasks = 0;
	for (int i = 0; i < l->nconds; i++) {
		const struct cond *c = &l->conds[i];
		if (c->kind != COND_TEST || c->fact != f || c->form == FORM_UNKNOWN)
			continue;
		int j = 0;
		while (j < nmasks && masks[j] != (uint32_t)c->accept)
			j++;
		if (j < nmasks)
			continue;
		if (nmasks == 64) {
			diag_at(l->d, AT(q), "'%s' has more than 64 different set tests: test it with fewer lists",
				q->id);
			return;
		}
		masks[nmasks++] = (uint32_t)c->accept;
	}
	uint64_t vec[MAX_CLASSES + 1] = { 0 };
	fact_value rep[MAX_CLASSES + 1] = { 0 };
	int n = 1; /* the empty set meets nothing */
	uint64_t seen[OPNAME_MAX_SET_CHOICES] = { 0 };
	for (int ch = 0; ch < q->nchoices; ch++) {
		uint64_t sig = 0;
		for (int j = 0; j < nmasks; j++)
			if (masks[j] >> ch & 1)
				sig |= (uint64_t)1 << j;
		bool alike = !sig;
		for (int k = 0; k < ch && !alike; k++)
			alike = seen[k] == sig;
		seen[ch] = sig;
		if (alike)
			continue;
		for (int k = 0, had = n; k < had; k++) {
			uint64_t v = vec[k] | sig;
			int m = 0;
			while (m < n && vec[m] != v)
				m++;
			if (m < n)
				continue;
			if (n == MAX_CLASSES) {
				diag_at(l->d, AT(q), "the tests of '%s' tell more than %d kinds of sets apart: test it with fewer lists",
					q->id, MAX_CLASSES);
				return;
			}
			vec[n] = v;
			rep[n++] = rep[k] | (fact_value)1 << ch;
		}
	}
	q->masks = arena_alloc(l->a, (size_t)nmasks * sizeof *q->masks + 1);
	memcpy(q->masks, masks, (size_t)nmasks * sizeof *masks);
	q->nmasks = nmasks;
	q->classes = arena_alloc(l->a, (size_t)n * sizeof *q->classes);
	memcpy(q->classes, rep, (size_t)n * sizeof *rep);
	q->nclasses = n;
}

void set_classes(struct loader *l)
{
	for (int f = 0; f < l->rs->nquestions; f++)
		if (fact_type_of(&l->rs->questions[f])->multi && !l->bad_type[f])
			classes(l, f);
}
