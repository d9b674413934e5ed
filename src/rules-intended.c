/* SPDX-License-Identifier: EUPL-1.2 */
/* The loader's part for 'intended': findings of check that the file marks
 * as meant, each with a reason (docs/rules.md, "Intended findings").
 *
 *   intended:
 *     - finding: same_outcome        # or unreachable, never_asked,
 *       at: media.audio              #    never_given, never_cited
 *       reason: "..."
 */
#include <string.h>

#include "rules-loader.h"

static const char *const kinds[] = { "unreachable", "never_asked", "same_outcome",
				     "never_given", "never_cited" };

/* 'at' for the kind: a rule, a question, QUESTION.CHOICE, a step, RULE.REF. */
static bool resolve(struct loader *l, const struct ynode *at, struct intended *m)
{
	const struct ruleset *rs = l->rs;
	const char *s = at->str, *dot = strchr(s, '.');
	bool pair = m->kind == INTENDED_SAME_OUTCOME || m->kind == INTENDED_NEVER_CITED;
	if (pair != (dot != NULL)) {
		diag_at(l->d, AT(at), "'%s' is not what '%s' names: use %s", s, kinds[m->kind],
			m->kind == INTENDED_SAME_OUTCOME ? "QUESTION.CHOICE" :
			m->kind == INTENDED_NEVER_CITED ? "RULE.REF" :
			m->kind == INTENDED_UNREACHABLE ? "a rule's id" :
			m->kind == INTENDED_NEVER_ASKED ? "a question's id" : "a step's id");
		return false;
	}
	char head[128];
	size_t n = dot ? (size_t)(dot - s) : strlen(s);
	if (n >= sizeof head)
		n = sizeof head - 1;
	memcpy(head, s, n);
	head[n] = '\0';
	switch (m->kind) {
	case INTENDED_UNREACHABLE:
	case INTENDED_NEVER_CITED:
		m->a = ruleset_find_rule(rs, head);
		break;
	case INTENDED_NEVER_ASKED:
	case INTENDED_SAME_OUTCOME:
		m->a = ruleset_find_fact(rs, head);
		break;
	case INTENDED_NEVER_GIVEN:
		m->a = ruleset_find_step(rs, head);
		break;
	}
	if (m->a < 0) {
		diag_at(l->d, AT(at), "'%s'%s%s is no %s of the file", head, dot ? " in " : "", dot ? s : "",
			m->kind == INTENDED_NEVER_GIVEN ? "step" :
			m->kind == INTENDED_NEVER_ASKED || m->kind == INTENDED_SAME_OUTCOME ? "question" : "rule");
		return false;
	}
	m->b = -1;
	if (m->kind == INTENDED_SAME_OUTCOME) {
		m->b = question_find_choice(&rs->questions[m->a], dot + 1);
	} else if (m->kind == INTENDED_NEVER_CITED) {
		const struct rule *r = &rs->rules[m->a];
		for (int i = 0; i < r->nrefs && m->b < 0; i++)
			if (!strcmp(rs->parts[r->refs[i]].id, dot + 1))
				m->b = i;
	}
	if (pair && m->b < 0) {
		diag_at(l->d, AT(at), "'%s' in '%s' is no %s of '%s'", dot + 1, s,
			m->kind == INTENDED_SAME_OUTCOME ? "choice" : "ref", head);
		return false;
	}
	return true;
}

void load_intended(struct loader *l, const struct ynode *root)
{
	static const char *const keys[] = { "!finding", "!at", "!reason", NULL };
	const struct ynode *list = get_list(l, root, "intended", OPNAME_MAX_RULES);
	if (!list)
		return;
	struct ruleset *rs = l->rs;
	rs->intended = arena_alloc(l->a, ((size_t)list->nkids + 1) * sizeof *rs->intended);
	for (int i = 0; i < list->nkids; i++) {
		const struct ynode *n = list->kids[i];
		if (!want(l, n, YNODE_MAP, "an intended finding"))
			continue;
		check_keys(l, n, "an intended finding", keys);
		const struct ynode *kind = ymap_get(n, "finding"), *at = ymap_get(n, "at"),
				   *reason = ymap_get(n, "reason");
		if (!kind || !at || !reason || !want(l, kind, YNODE_SCALAR, "finding") ||
		    !want(l, at, YNODE_SCALAR, "at"))
			continue;
		struct intended m = { .pos = n->pos };
		int k = 0;
		while (k < 5 && strcmp(kinds[k], kind->str))
			k++;
		if (k == 5) {
			const char *near = nearest_word(kind->str, kinds, 5);
			diag_at(l->d, AT(kind), "unknown finding '%s'%s%s%s: use unreachable, never_asked, same_outcome, never_given or never_cited",
				kind->str, near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
			continue;
		}
		m.kind = (enum intended_kind)k;
		m.reason = get_scalar(l, reason, "an intended finding's reason");
		if (m.reason && !*m.reason) {
			diag_at(l->d, AT(reason), "an intended finding needs a reason: say why it is meant");
			continue;
		}
		if (!m.reason || !resolve(l, at, &m))
			continue;
		for (int j = 0; j < rs->nintended; j++)
			if (rs->intended[j].kind == m.kind && rs->intended[j].a == m.a &&
			    rs->intended[j].b == m.b)
				diag_at(l->d, AT(n), "this finding is marked twice (the first is at line %d)",
					rs->intended[j].pos.line);
		rs->intended[rs->nintended++] = m;
	}
}
