/* SPDX-License-Identifier: EUPL-1.2 */
/* Named conditions (docs/rules.md, "define"): a condition with an id, used
 * as 'ID: true' or 'ID: false' wherever a fact test may stand. A use is
 * loaded as a copy of the condition in its place, so the engine, the
 * analysis and the interview see an ordinary condition: evaluated lazily
 * and three-valued where it is used, with facts_used exact. Each
 * definition is first loaded once on its own, to report its mistakes and
 * its cycles once, at their place. */
#include <string.h>

#include "opname/util.h"
#include "rules-loader.h"

enum { UNSEEN, LOADING, GOOD, BAD };

static int find_define(const struct loader *l, const char *id)
{
	for (int i = 0; i < l->ndefines; i++)
		if (!strcmp(l->defines[i].id, id))
			return i;
	return -1;
}

/* The chain of definitions being loaded, "a → b → a", for a cycle. */
static void chain(const struct loader *l, int from, struct strbuf *out)
{
	for (int i = 0; i < l->nloading; i++)
		if (l->loading[i] == from)
			for (int j = i; j < l->nloading; j++)
				sb_addf(out, "%s → ", l->defines[l->loading[j]].id);
	sb_adds(out, l->defines[from].id);
}

/* Load definition i on its own and forget its nodes: only its problems
 * stay. */
static void validate(struct loader *l, int i)
{
	struct define_slot *s = &l->defines[i];
	int before = l->d->count, nconds = l->nconds;
	s->state = LOADING;
	l->loading[l->nloading++] = i;
	cond_load(l, s->when);
	l->nloading--;
	l->nconds = nconds;
	s->state = l->d->count > before ? BAD : GOOD;
}

bool define_entry(struct loader *l, const struct ynode *key,
		  const struct ynode *val, int *node)
{
	int i = find_define(l, key->str);
	if (i < 0)
		return false;
	struct define_slot *s = &l->defines[i];
	s->used = true;
	bool is_true = val->kind == YNODE_SCALAR && !strcmp(val->str, "true");
	if (!is_true && !(val->kind == YNODE_SCALAR && !strcmp(val->str, "false"))) {
		diag_at(l->d, AT(val), "'%s' is a named condition: test it with true or false",
			key->str);
		*node = cond_new(l, COND_TRUE, key);
		return true;
	}
	if (s->state == LOADING) {
		struct strbuf c = STRBUF_INIT;
		chain(l, i, &c);
		diag_at(l->d, AT(key), "named condition '%s' is defined in terms of itself: %s",
			key->str, c.buf);
		sb_release(&c);
		*node = cond_new(l, COND_TRUE, key);
		return true;
	}
	if (s->state == UNSEEN)
		validate(l, i);
	if (s->state == BAD) { /* its problems are reported at the definition */
		*node = cond_new(l, COND_TRUE, key);
		return true;
	}
	int at = l->nconds;
	if (!is_true)
		*node = cond_new(l, COND_NOT, key);
	int c = cond_load(l, s->when);
	if (is_true) {
		*node = c;
	} else {
		l->conds[*node].nkids = 1;
		l->conds[*node].size = l->nconds - at;
	}
	return true;
}

void load_defines(struct loader *l, const struct ynode *root)
{
	static const char *const keys[] = { "!id", "!when", NULL };
	const struct ynode *list = get_list(l, root, "define", OPNAME_MAX_DEFINES);
	if (!list)
		return;
	l->defines = arena_alloc(l->a, (size_t)list->nkids * sizeof *l->defines);
	l->loading = arena_alloc(l->a, (size_t)list->nkids * sizeof *l->loading);
	for (int i = 0; i < list->nkids; i++) {
		const struct ynode *n = list->kids[i];
		const struct ynode *idn = ymap_get(n, "id");
		const char *id = entry_id(l, n, "named condition", keys, NULL, 0, 0, 0);
		if (!id || !ymap_get(n, "when"))
			continue;
		if (find_define(l, id) >= 0 || ruleset_find_fact(l->rs, id) >= 0 ||
		    !strcmp(id, "all") || !strcmp(id, "any") || !strcmp(id, "not")) {
			diag_at(l->d, AT(idn), find_define(l, id) >= 0 ?
				"duplicate named condition id '%s'" :
				"'%s' is a question or a word of the condition language: a named condition needs an id of its own",
				id);
			continue;
		}
		l->defines[l->ndefines++] = (struct define_slot){
			.id = id, .when = ymap_get(n, "when"), .pos = n->pos,
		};
	}
	for (int i = 0; i < l->ndefines; i++)
		if (l->defines[i].state == UNSEEN)
			validate(l, i);
}

void defines_unused(struct loader *l)
{
	for (int i = 0; i < l->ndefines; i++)
		if (!l->defines[i].used)
			diag_at(l->d, l->defines[i].pos.line, l->defines[i].pos.col,
				"named condition '%s' is used by no rule, step or ref",
				l->defines[i].id);
}
