/* SPDX-License-Identifier: EUPL-1.2 */
/* The rule-file loader: a YAML tree (ytree.c) walked into the model.
 *
 * It keeps going after a problem so that one run reports them all, each at
 * the node it concerns. Sections are read in dependency order: languages,
 * then parts, questions and steps, and last the rules that refer to them. */
#include "opname/rules.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opname/answer.h"
#include "opname/fact.h"
#include "opname/rule-index.h"
#include "opname/sha256.h"
#include "opname/util.h"
#include "opname/ytree.h"

#include "rules-loader.h"

/* ---- references ---- */

static int find_part(const struct ruleset *rs, const char *id)
{
	for (int j = 0; j < rs->nparts; j++)
		if (!strcmp(rs->parts[j].id, id))
			return j;
	return -1;
}

/* A list of part ids, resolved to indices. */
static int *get_refs(struct loader *l, const struct ynode *n, const char *what,
		     int *count)
{
	*count = 0;
	if (!n || !want(l, n, YNODE_SEQ, what))
		return NULL;
	if (n->nkids == 0)
		diag_at(l->d, AT(n), "%s must cite at least one part", what);
	int *refs = arena_alloc(l->a, (size_t)n->nkids * sizeof *refs);
	for (int i = 0; i < n->nkids; i++) {
		const struct ynode *r = n->kids[i];
		if (!want(l, r, YNODE_SCALAR, what))
			continue;
		int p = find_part(l->rs, r->str);
		if (p < 0) {
			diag_at(l->d, AT(r), "unknown part '%s' in %s", r->str, what);
			continue;
		}
		refs[(*count)++] = p;
	}
	return refs;
}

/* A rule's refs: part ids, each alone or as {id, when} to be cited only on
 * the paths where the condition holds. */
static void get_rule_refs(struct loader *l, const struct ynode *n,
			  struct rule *r)
{
	static const char *const keys[] = { "!id", "!when", NULL };
	r->nrefs = 0;
	if (!n || !want(l, n, YNODE_SEQ, "the rule's refs"))
		return;
	if (n->nkids == 0)
		diag_at(l->d, AT(n), "the rule's refs must cite at least one part");
	r->refs = arena_alloc(l->a, (size_t)n->nkids * sizeof *r->refs);
	r->ref_when = arena_alloc(l->a, (size_t)n->nkids * sizeof *r->ref_when);
	for (int i = 0; i < n->nkids; i++) {
		const struct ynode *ref = n->kids[i];
		int when = -1;
		if (ref->kind == YNODE_MAP) {
			check_keys(l, ref, "a conditional ref", keys);
			if (ymap_get(ref, "when"))
				when = cond_load(l, ymap_get(ref, "when"));
			if (!(ref = ymap_get(ref, "id")))
				continue;
		}
		if (!want(l, ref, YNODE_SCALAR, "a ref"))
			continue;
		int p = find_part(l->rs, ref->str);
		if (p < 0) {
			diag_at(l->d, AT(ref), "unknown part '%s' in the rule's refs", ref->str);
			continue;
		}
		for (int j = 0; j < r->nrefs; j++)
			if (r->refs[j] == p)
				diag_at(l->d, AT(ref), "part '%s' is cited twice", ref->str);
		r->ref_when[r->nrefs] = when;
		r->refs[r->nrefs++] = p;
	}
}

const char *entry_id(struct loader *l, const struct ynode *n, const char *what,
		     const char *const *keys, const void *before, int count, size_t size,
		     size_t at)
{
	char a[64], id_what[64];
	snprintf(a, sizeof a, "%s %s", strchr("aeiou", what[0]) ? "an" : "a", what);
	snprintf(id_what, sizeof id_what, "%s id", what);
	if (!want(l, n, YNODE_MAP, a))
		return NULL;
	check_keys(l, n, a, keys);
	const char *id = get_id(l, ymap_get(n, "id"), id_what);
	if (id && before && id_index(before, count, size, at, id) >= 0) {
		diag_at(l->d, AT(n), "duplicate %s id '%s'", what, id);
		return NULL;
	}
	return id;
}

int one_or_list(struct loader *l, const struct ynode *const *val,
		const struct ynode *const **items, const char *empty)
{
	if ((*val)->kind != YNODE_SEQ) {
		*items = val;
		return 1;
	}
	*items = (const struct ynode *const *)(*val)->kids;
	if ((*val)->nkids == 0)
		diag_at(l->d, AT(*val), "%s", empty);
	return (*val)->nkids;
}

/* A section that is a sequence of mappings, at most 'max' long. */
const struct ynode *get_list(struct loader *l, const struct ynode *root,
			     const char *key, int max)
{
	const struct ynode *n = ymap_get(root, key);
	if (!n)
		return NULL;
	if (!want(l, n, YNODE_SEQ, key))
		return NULL;
	if (n->nkids > max) {
		diag_at(l->d, AT(n), "%d %s: the limit is %d", n->nkids, key, max);
		return NULL;
	}
	return n;
}

/* ---- sections ---- */

static void load_meta(struct loader *l, const struct ynode *root)
{
	struct ruleset *rs = l->rs;
	const struct ynode *v = ymap_get(root, "opname");
	if (v && (v->kind != YNODE_SCALAR || strcmp(v->str, "1")))
		diag_at(l->d, AT(v), "this is rule language version 1: 'opname: 1'");
	rs->name = get_id(l, ymap_get(root, "name"), "name");
	rs->version = get_scalar(l, ymap_get(root, "version"), "version");

	const struct ynode *langs = ymap_get(root, "languages");
	if (langs && want(l, langs, YNODE_SEQ, "languages")) {
		if (langs->nkids == 0 || langs->nkids > OPNAME_MAX_LANGS)
			diag_at(l->d, AT(langs),
				"languages must list 1 to %d language codes",
				OPNAME_MAX_LANGS);
		for (int i = 0; i < langs->nkids && i < OPNAME_MAX_LANGS; i++) {
			const char *code = get_id(l, langs->kids[i], "language code");
			if (!code)
				continue;
			if (ruleset_lang(rs, code) >= 0)
				diag_at(l->d, AT(langs->kids[i]),
					"language '%s' is listed twice", code);
			else
				rs->langs[rs->nlangs++] = code;
		}
	}
	if (ymap_get(root, "title"))
		get_text(l, ymap_get(root, "title"), "title", &rs->title);
	if (ymap_get(root, "source"))
		get_text(l, ymap_get(root, "source"), "source", &rs->source);
	if (ymap_get(root, "source_label"))
		get_text(l, ymap_get(root, "source_label"), "source_label", &rs->source_label);
}

static void load_parts(struct loader *l, const struct ynode *root)
{
	static const char *const keys[] = { "!id", "!title", NULL };
	const struct ynode *list = get_list(l, root, "parts", OPNAME_MAX_PARTS);
	if (!list)
		return;
	struct ruleset *rs = l->rs;
	rs->parts = arena_alloc(l->a, (size_t)list->nkids * sizeof *rs->parts);
	for (int i = 0; i < list->nkids; i++) {
		const struct ynode *n = list->kids[i];
		const char *id = ENTRY_ID(l, n, "part", keys, rs->parts, rs->nparts);
		if (!id)
			continue;
		struct part *p = &rs->parts[rs->nparts++];
		p->id = id;
		p->pos = n->pos;
		get_text(l, ymap_get(n, "title"), "the part's title", &p->title);
	}
}

static void load_choices(struct loader *l, const struct ynode *list,
			 struct question *q)
{
	static const char *const keys[] = { "!id", "!text", "label", NULL };
	if (!want(l, list, YNODE_SEQ, "choices"))
		return;
	int max = fact_type_of(q)->multi ? OPNAME_MAX_SET_CHOICES : OPNAME_MAX_CHOICES;
	if (list->nkids == 0 || list->nkids > max) {
		diag_at(l->d, AT(list), "a %s question needs 1 to %d choices",
			fact_type_of(q)->name, max);
		return;
	}
	q->choices = arena_alloc(l->a, (size_t)list->nkids * sizeof *q->choices);
	for (int i = 0; i < list->nkids; i++) {
		const struct ynode *n = list->kids[i];
		const char *id = ENTRY_ID(l, n, "choice", keys, q->choices, q->nchoices);
		if (!id)
			continue;
		if (!strcmp(id, "unknown"))
			diag_at(l->d, AT(n), "'unknown' is reserved for \"weet ik niet\" and cannot be a choice id");
		else if (fact_type_of(q)->multi && (str_ieq(id, "none") || str_ieq(id, "geen")))
			diag_at(l->d, AT(ymap_get(n, "id")),
				"'%s' cannot be a choice id of a set: in the interview it means none of them",
				id);
		else if (answer_reserved(id))
			diag_at(l->d, AT(ymap_get(n, "id")),
				"'%s' cannot be a choice id: in the interview it means %s",
				id, *id >= '0' && *id <= '9' ? "a choice's number"
							       : "a command (stop, back, why, help)");
		struct choice *c = &q->choices[q->nchoices++];
		memset(c, 0, sizeof *c); /* arena memory: 'label' is optional */
		c->id = id;
		c->pos = n->pos;
		get_text(l, ymap_get(n, "text"), "the choice's text", &c->text);
		if (ymap_get(n, "label"))
			get_text(l, ymap_get(n, "label"), "the choice's label", &c->label);
	}
}

/* A bool question's short words for its answers, all three or none. */
static void load_labels(struct loader *l, const struct ynode *n,
			struct question *q)
{
	static const char *const keys[] = { "!false", "!true", "!unknown", NULL };
	if (q->type != FACT_BOOL) {
		diag_at(l->d, AT(n), "'labels' is for bool questions; a choice has a 'label' of its own");
		return;
	}
	if (!want(l, n, YNODE_MAP, "labels"))
		return;
	check_keys(l, n, "labels", keys);
	for (int v = 0; v < 3; v++)
		if (ymap_get(n, keys[v] + 1))
			get_text(l, ymap_get(n, keys[v] + 1), "a label", &q->labels[v]);
}

static void load_questions(struct loader *l, const struct ynode *root)
{
	static const char *const keys[] = { "!id", "!type", "!refs", "!text",
					    "help", "choices", "labels", "min", "max",
					    "unit", NULL };
	const struct ynode *list = get_list(l, root, "questions", OPNAME_MAX_FACTS);
	if (!list)
		return;
	struct ruleset *rs = l->rs;
	rs->questions = arena_alloc(l->a, (size_t)list->nkids * sizeof *rs->questions);
	for (int i = 0; i < list->nkids; i++) {
		const struct ynode *n = list->kids[i];
		const struct ynode *idn = ymap_get(n, "id");
		const char *id = ENTRY_ID(l, n, "question", keys, rs->questions, rs->nquestions);
		if (!id)
			continue;
		if (!strcmp(id, "all") || !strcmp(id, "any") || !strcmp(id, "not")) {
			diag_at(l->d, AT(idn), "'%s' is a word of the condition language and cannot be a question id", id);
			continue;
		}
		struct question *q = &rs->questions[rs->nquestions++];
		*q = (struct question){ .id = id, .pos = n->pos };
		const struct ynode *type = ymap_get(n, "type");
		const struct ynode *choices = ymap_get(n, "choices");
		if (type && want(l, type, YNODE_SCALAR, "type")) {
			const struct fact_ops *ft = fact_type_find(type->str, &q->type);
			if (!ft) {
				diag_at(l->d, AT(type), "unknown type '%s': use %s",
					type->str, fact_type_names());
				l->bad_type[rs->nquestions - 1] = true; /* its tests: no second error */
			}
			else if (!ft->listed && !ft->multi && choices)
				diag_at(l->d, AT(choices), "a %s question has no choices", ft->name);
			else if (choices)
				load_choices(l, choices, q);
			else if (ft->listed || ft->multi)
				diag_at(l->d, AT(n), "%s question '%s' has no 'choices'",
					ft->name, id);
		}
		q->refs = get_refs(l, ymap_get(n, "refs"), "the question's refs", &q->nrefs);
		get_text(l, ymap_get(n, "text"), "the question's text", &q->text);
		if (ymap_get(n, "help"))
			get_text(l, ymap_get(n, "help"), "the question's help", &q->help);
		if (ymap_get(n, "labels"))
			load_labels(l, ymap_get(n, "labels"), q);
		load_range(l, n, q);
	}
}

static void load_steps(struct loader *l, const struct ynode *root)
{
	static const char *const keys[] = { "!id", "!ref", "!text", NULL };
	const struct ynode *list = get_list(l, root, "steps", OPNAME_MAX_STEPS);
	if (!list)
		return;
	struct ruleset *rs = l->rs;
	rs->steps = arena_alloc(l->a, (size_t)list->nkids * sizeof *rs->steps);
	for (int i = 0; i < list->nkids; i++) {
		const struct ynode *n = list->kids[i];
		const char *id = ENTRY_ID(l, n, "step", keys, rs->steps, rs->nsteps);
		if (!id)
			continue;
		struct step *s = &rs->steps[rs->nsteps++];
		s->id = id;
		s->pos = n->pos;
		s->part = -1;
		const struct ynode *ref = ymap_get(n, "ref");
		if (ref && want(l, ref, YNODE_SCALAR, "ref")) {
			s->part = find_part(rs, ref->str);
			if (s->part < 0)
				diag_at(l->d, AT(ref), "unknown part '%s' in the step's ref",
					ref->str);
		}
		get_text(l, ymap_get(n, "text"), "the step's text", &s->text);
	}
}

/* ---- rules ---- */

static struct rule_step *load_rule_steps(struct loader *l, const struct ynode *list,
					 int *count)
{
	static const char *const keys[] = { "!id", "!when", NULL };
	*count = 0;
	if (!list || !want(l, list, YNODE_SEQ, "steps"))
		return NULL;
	struct rule_step *out = arena_alloc(l->a, (size_t)list->nkids * sizeof *out);
	for (int i = 0; i < list->nkids; i++) {
		const struct ynode *n = list->kids[i], *idn = n;
		int when = -1;
		if (n->kind == YNODE_MAP) {
			check_keys(l, n, "a conditional step", keys);
			idn = ymap_get(n, "id");
			if (ymap_get(n, "when"))
				when = cond_load(l, ymap_get(n, "when"));
			if (!idn)
				continue;
		}
		if (!want(l, idn, YNODE_SCALAR, "a step id"))
			continue;
		int s = ruleset_find_step(l->rs, idn->str);
		if (s < 0) {
			const char *names[OPNAME_MAX_STEPS];
			for (int j = 0; j < l->rs->nsteps; j++)
				names[j] = l->rs->steps[j].id;
			const char *near = nearest_word(idn->str, names, l->rs->nsteps);
			diag_at(l->d, AT(idn), "unknown step '%s'%s%s%s", idn->str,
				near ? " (did you mean '" : "", near ? near : "",
				near ? "'?)" : "");
			continue;
		}
		for (int j = 0; j < *count; j++)
			if (out[j].step == s)
				diag_at(l->d, AT(idn), "step '%s' is listed twice", idn->str);
		out[(*count)++] = (struct rule_step){ s, when };
	}
	return out;
}

static void load_unknown(struct loader *l, const struct ynode *root)
{
	static const char *const keys[] = { "!verdict", "!reason", "!steps", NULL };
	const struct ynode *n = ymap_get(root, "unknown");
	if (!n || !want(l, n, YNODE_MAP, "unknown"))
		return;
	check_keys(l, n, "'unknown'", keys);
	get_verdict(l, ymap_get(n, "verdict"), &l->rs->unknown.verdict);
	get_text(l, ymap_get(n, "reason"), "the unknown reason", &l->rs->unknown.reason);
	l->rs->unknown.steps = load_rule_steps(l, ymap_get(n, "steps"),
					       &l->rs->unknown.nsteps);
}

static void load_rules(struct loader *l, const struct ynode *root)
{
	static const char *const keys[] = { "!id", "when", "!verdict", "!refs",
					    "!reason", "!steps", NULL };
	const struct ynode *list = get_list(l, root, "rules", OPNAME_MAX_RULES);
	if (!list)
		return;
	struct ruleset *rs = l->rs;
	rs->rules = arena_alloc(l->a, (size_t)list->nkids * sizeof *rs->rules);
	if (list->nkids == 0)
		diag_at(l->d, AT(list), "a rule file needs at least one rule");
	for (int i = 0; i < list->nkids; i++) {
		const struct ynode *n = list->kids[i];
		const char *id = ENTRY_ID(l, n, "rule", keys, rs->rules, rs->nrules);
		if (!id)
			continue;
		struct rule *r = &rs->rules[rs->nrules++];
		*r = (struct rule){ .id = id, .pos = n->pos };
		const struct ynode *when = ymap_get(n, "when");
		r->when = when ? cond_load(l, when) : cond_new(l, COND_TRUE, n);
		get_verdict(l, ymap_get(n, "verdict"), &r->verdict);
		get_rule_refs(l, ymap_get(n, "refs"), r);
		get_text(l, ymap_get(n, "reason"), "the rule's reason", &r->reason);
		r->steps = load_rule_steps(l, ymap_get(n, "steps"), &r->nsteps);
	}
}

static void load_glossary(struct loader *l, const struct ynode *root)
{
	static const char *const keys[] = { "!id", "!term", "words", "!text", NULL };
	const struct ynode *list = get_list(l, root, "glossary", OPNAME_MAX_TERMS);
	if (!list)
		return;
	struct ruleset *rs = l->rs;
	rs->terms = arena_alloc(l->a, (size_t)list->nkids * sizeof *rs->terms);
	for (int i = 0; i < list->nkids; i++) {
		const struct ynode *n = list->kids[i];
		const char *id = ENTRY_ID(l, n, "term", keys, rs->terms, rs->nterms);
		if (!id)
			continue;
		struct term *t = &rs->terms[rs->nterms++];
		*t = (struct term){ .id = id, .pos = n->pos };
		get_text(l, ymap_get(n, "term"), "the term", &t->term);
		get_text(l, ymap_get(n, "text"), "the term's text", &t->text);
		if (ymap_get(n, "words"))
			get_text(l, ymap_get(n, "words"), "the term's words", &t->words);
		else
			t->words = t->term;
	}
}

/* A whole number from 1 to 'max' for a key of 'plain_language'. */
static int get_count(struct loader *l, const struct ynode *n, const char *what,
		     int max)
{
	if (!n || !want(l, n, YNODE_SCALAR, what))
		return 0;
	char *end;
	long v = strtol(n->str, &end, 10);
	if (end == n->str || *end || v < 1 || v > max) {
		diag_at(l->d, AT(n), "%s must be a whole number from 1 to %d, not '%s'",
			what, max, n->str);
		return 0;
	}
	return (int)v;
}

static void load_plain_language(struct loader *l, const struct ynode *root)
{
	static const char *const keys[] = { "max_words", "mean_words", NULL };
	struct plain_language *p = &l->rs->plain;
	p->max_words = PLAIN_MAX_WORDS;
	const struct ynode *n = ymap_get(root, "plain_language");
	if (!n || !want(l, n, YNODE_MAP, "plain_language"))
		return;
	check_keys(l, n, "plain_language", keys);
	p->pos = n->pos;
	if (ymap_get(n, "max_words"))
		p->max_words = get_count(l, ymap_get(n, "max_words"), "max_words", 1000);
	if (ymap_get(n, "mean_words"))
		p->mean_words = get_count(l, ymap_get(n, "mean_words"), "mean_words", 1000);
}

static void load_root(struct loader *l, const struct ynode *root)
{
	static const char *const keys[] = { "!opname", "!name", "!version",
					    "!languages", "title", "source", "source_label",
					    "plain_language", "glossary", "outcomes", "define",
					    "!parts", "!questions", "!steps",
					    "!unknown", "!rules", "intended", NULL };
	check_keys(l, root, "the rule file", keys);
	load_meta(l, root);
	if (l->rs->nlangs == 0)
		return; /* every text would be an error: say the cause once */
	load_parts(l, root);
	load_questions(l, root);
	load_defines(l, root);
	load_steps(l, root);
	load_outcomes(l, root);
	load_unknown(l, root);
	load_rules(l, root);
	load_glossary(l, root);
	load_plain_language(l, root);
	defines_unused(l);
	number_intervals(l);
	set_classes(l);
	load_text_facts(l, root);
	load_intended(l, root);
}

struct ruleset *rules_load(const char *buf, size_t len, const char *file,
			   struct diag *d)
{
	struct ruleset *rs = rules_parse(buf, len, file, d);
	if (rs)
		sha256_hex(buf, len, rs->sha256);
	return rs;
}

struct ruleset *rules_parse(const char *buf, size_t len, const char *file,
			    struct diag *d)
{
	struct ruleset *rs = xmalloc(sizeof *rs);
	memset(rs, 0, sizeof *rs);
	rs->arena = arena_new();
	rs->file = arena_strndup(rs->arena, file, strlen(file));

	int before = d->count;
	bool empty;
	struct ynode *root = ytree_parse(rs->arena, buf, len, &ylimits_rules, d, &empty);
	if (empty)
		diag_at(d, 1, 1, "an empty rule file");
	else if (root && root->kind != YNODE_MAP)
		diag_at(d, AT(root), "a rule file is a mapping (opname: 1, name, ...), not a %s",
			ynode_kind_name(root));
	else if (root) {
		struct loader l = { .rs = rs, .d = d, .a = rs->arena };
		load_root(&l, root);
		rs->conds = arena_alloc(rs->arena, (size_t)l.nconds * sizeof *rs->conds);
		if (l.nconds)
			memcpy(rs->conds, l.conds, (size_t)l.nconds * sizeof *rs->conds);
		rs->nconds = l.nconds;
		free(l.conds);
	}
	if (d->count > before) {
		rules_free(rs);
		return NULL;
	}
	rule_index_build(rs, rs->arena);
	return rs;
}

void rules_free(struct ruleset *rs)
{
	if (!rs || !rs->arena) /* no arena: the built-in model, never freed */
		return;
	arena_free(rs->arena);
	free(rs);
}
