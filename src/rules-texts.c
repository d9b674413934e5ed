/* SPDX-License-Identifier: EUPL-1.2 */
/* The loader's part for placeholders in texts (opname/text-expr.h): every
 * reason and step text is checked, each problem at its text, and the facts
 * they show become rs->text_facts. */
#include <string.h>

#include "opname/text-expr.h"
#include "rules-loader.h"

static void add_site(struct loader *l, char kind, int index, int lang,
		     const struct ynode *at)
{
	struct ruleset *rs = l->rs;
	if (lang < 0)
		return;
	if ((rs->ntext_sites & (rs->ntext_sites + 1)) == 0 || !rs->text_sites) {
		/* grown in the arena by doubling: 1, 2, 4, ... entries */
		struct text_site *grown = arena_alloc(l->a, (size_t)(2 * rs->ntext_sites + 1) *
							     sizeof *grown);
		if (rs->ntext_sites)
			memcpy(grown, rs->text_sites, (size_t)rs->ntext_sites * sizeof *grown);
		rs->text_sites = grown;
	}
	struct text_site *s = &rs->text_sites[rs->ntext_sites++];
	s->kind = kind;
	s->index = index;
	s->lang = lang;
	s->pos = at->pos;
}

static void check_text(struct loader *l, const struct ynode *text, const char *what,
		       char kind, int index, uint8_t *needs)
{
	if (!text || text->kind != YNODE_MAP)
		return; /* reported where the text was loaded */
	for (int i = 0; i + 1 < text->nkids; i += 2) {
		const struct ynode *k = text->kids[i], *v = text->kids[i + 1];
		if (v->kind != YNODE_SCALAR || !v->str)
			continue;
		struct strbuf err = STRBUF_INIT;
		if (text_expr_check(l->rs, v->str, needs, &err) < 0)
			diag_at(l->d, AT(v), "%s in '%s': %s", what, k->str, err.buf);
		else if (strchr(v->str, '{'))
			add_site(l, kind, index, ruleset_lang(l->rs, k->str), v);
		sb_release(&err);
	}
}

static void check_list(struct loader *l, const struct ynode *list, const char *key,
		       const char *what, char kind, uint8_t *needs)
{
	if (!list || list->kind != YNODE_SEQ)
		return;
	for (int i = 0; i < list->nkids; i++)
		if (list->kids[i]->kind == YNODE_MAP)
			check_text(l, ymap_get(list->kids[i], key), what, kind, i, needs);
}

void load_text_facts(struct loader *l, const struct ynode *root)
{
	struct ruleset *rs = l->rs;
	uint8_t needs[OPNAME_MAX_FACTS] = { 0 };
	check_list(l, ymap_get(root, "steps"), "text", "the step's text", 's', needs);
	check_list(l, ymap_get(root, "rules"), "reason", "the rule's reason", 'r', needs);
	const struct ynode *unknown = ymap_get(root, "unknown");
	if (unknown && unknown->kind == YNODE_MAP)
		check_text(l, ymap_get(unknown, "reason"), "the unknown reason", 'u', 0, needs);
	for (int f = 0; f < rs->nquestions; f++) {
		if (!needs[f])
			continue;
		if (rs->ntext_facts == OPNAME_MAX_TEXT_FACTS) {
			diag_at(l->d, AT(root), "the texts show more than %d facts",
				OPNAME_MAX_TEXT_FACTS);
			return;
		}
		rs->text_facts[rs->ntext_facts++] = (uint16_t)f;
	}
}
