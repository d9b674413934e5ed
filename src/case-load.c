/* SPDX-License-Identifier: EUPL-1.2 */
/* The case-file reader. Kept small and allocation-free per case (beyond the
 * YAML tree in a reused arena), since 'batch' runs it a million times. */
#include "opname/case.h"

#include <string.h>

#include "opname/util.h"

void case_init(const struct ruleset *rs, struct case_file *c)
{
	c->id = NULL;
	for (int i = 0; i < rs->nquestions; i++)
		c->facts[i] = FV_MISSING;
	c->has_outcome = c->has_previous_verdict = false;
	c->previous_version = NULL;
}

void unknown_fact_message(const struct ruleset *rs, const char *id,
			  struct strbuf *out)
{
	const char *names[OPNAME_MAX_FACTS];
	for (int i = 0; i < rs->nquestions; i++)
		names[i] = rs->questions[i].id;
	const char *near = nearest_word(id, names, rs->nquestions);
	sb_addf(out, "unknown fact '%s'", id);
	if (near)
		sb_addf(out, " (did you mean '%s'?)", near);
	sb_adds(out, "; facts are: ");
	for (int i = 0; i < rs->nquestions; i++)
		sb_addf(out, "%s%s", i ? ", " : "", names[i]);
}

void bad_value_message(const struct question *q, const char *value,
		       struct strbuf *out)
{
	fact_value v = 0;
	if (fact_type_of(q)->multi && set_parse(q, value, &v, out) < 0) {
		sb_adds(out, ": use ");
		fact_values_hint(q, out);
		return;
	}
	sb_addf(out, "'%s' is not a value of '%s'", value, q->id);
	if (fact_type_of(q)->listed) {
		const char *names[OPNAME_MAX_CHOICES];
		for (int i = 0; i < q->nchoices; i++)
			names[i] = q->choices[i].id;
		const char *near = nearest_word(value, names, q->nchoices);
		if (near)
			sb_addf(out, " (did you mean '%s'?)", near);
	}
	sb_adds(out, ": use ");
	fact_values_hint(q, out);
}

#define AT(n) (n)->pos.line, (n)->pos.col

/* A set's value in a case file: a list of choice ids ([] for none), or
 * unknown. Each wrong item is reported where it is. */
static void read_set(const struct question *q, const struct ynode *v,
		     fact_value *out, struct diag *d)
{
	if (v->kind == YNODE_SCALAR && str_ieq(v->str, "unknown")) {
		*out = FV_UNKNOWN;
		return;
	}
	if (v->kind != YNODE_SEQ) {
		diag_at(d, AT(v), "'%s' is a set: give a list such as [%s], [] for none, or unknown",
			q->id, q->nchoices ? q->choices[0].id : "");
		return;
	}
	struct strbuf why = STRBUF_INIT;
	fact_value set = 0;
	bool ok = true;
	for (int i = 0; i < v->nkids; i++) {
		const struct ynode *item = v->kids[i];
		sb_reset(&why);
		if (item->kind != YNODE_SCALAR)
			diag_at(d, AT(item), "an item of '%s' is a choice id, not a %s",
				q->id, ynode_kind_name(item));
		else if (set_add_id(q, item->str, &set, &why) == 0)
			continue;
		else
			diag_at(d, AT(item), "%s", why.buf);
		ok = false;
	}
	if (ok)
		*out = set;
	sb_release(&why);
}

static void read_facts(const struct ruleset *rs, const struct ynode *facts,
		       struct case_file *c, struct diag *d)
{
	struct strbuf msg = STRBUF_INIT;
	for (int i = 0; i < facts->nkids; i += 2) {
		const struct ynode *k = facts->kids[i], *v = facts->kids[i + 1];
		int f = ruleset_find_fact(rs, k->str);
		sb_reset(&msg);
		if (f < 0) {
			unknown_fact_message(rs, k->str, &msg);
			diag_at(d, AT(k), "%s", msg.buf);
			continue;
		}
		if (ynode_is_null(v))
			continue; /* null: not given, as if the key were absent */
		const struct question *q = &rs->questions[f];
		if (fact_type_of(q)->multi) {
			read_set(q, v, &c->facts[f], d);
			continue;
		}
		if (v->kind != YNODE_SCALAR) {
			sb_addf(&msg, "the value of '%s' must be a scalar, not a %s: use ",
				q->id, ynode_kind_name(v));
			fact_values_hint(q, &msg);
			diag_at(d, AT(v), "%s", msg.buf);
			continue;
		}
		if (fact_value_parse(q, v->str, &c->facts[f]) < 0) {
			bad_value_message(q, v->str, &msg);
			diag_at(d, AT(v), "%s", msg.buf);
		}
	}
	sb_release(&msg);
}

/* 'outcome' is written by 'ask --save'; only what --replay compares is read,
 * and a damaged outcome never stops the case from being decided again. */
static void read_outcome(const struct ruleset *rs, const struct ynode *o,
			 struct case_file *c)
{
	if (o->kind != YNODE_MAP)
		return;
	c->has_outcome = true;
	const struct ynode *v = ymap_get(o, "verdict");
	if (v && v->kind == YNODE_SCALAR && verdict_parse(rs, v->str, &c->previous_verdict) == 0)
		c->has_previous_verdict = true;
	const struct ynode *rf = ymap_get(o, "rules_file");
	const struct ynode *ver = ymap_get(rf, "version");
	if (ver && ver->kind == YNODE_SCALAR)
		c->previous_version = ver->str;
}

int case_from_tree(const struct ruleset *rs, const struct ynode *root,
		   struct arena *a, struct case_file *c, struct diag *d)
{
	(void)a;
	int before = d->count;
	case_init(rs, c);
	if (ynode_is_null(root)) { /* "---" and nothing after it */
		diag_at(d, AT(root), "an empty case: expected a mapping with 'facts'");
		return -1;
	}
	if (root->kind != YNODE_MAP) {
		diag_at(d, AT(root), "a case is a mapping with 'facts', not a %s",
			ynode_kind_name(root));
		return -1;
	}
	for (int i = 0; i < root->nkids; i += 2) {
		const struct ynode *k = root->kids[i], *v = root->kids[i + 1];
		if (!strcmp(k->str, "facts")) {
			if (ynode_is_null(v))
				continue;
			if (v->kind != YNODE_MAP)
				diag_at(d, AT(v), "'facts' must be a mapping of fact: value, not a %s",
					ynode_kind_name(v));
			else
				read_facts(rs, v, c, d);
		} else if (!strcmp(k->str, "id")) {
			if (v->kind != YNODE_SCALAR || ynode_is_null(v))
				diag_at(d, AT(v), "'id' must be a non-empty scalar");
			else
				c->id = v->str;
		} else if (!strcmp(k->str, "outcome")) {
			read_outcome(rs, v, c);
		} else if (strcmp(k->str, "meta")) {
			static const char *const keys[] = { "id", "facts", "meta", "outcome" };
			const char *near = nearest_word(k->str, keys, 4);
			if (near)
				diag_at(d, AT(k), "unknown key '%s' (did you mean '%s'?)",
					k->str, near);
			else
				diag_at(d, AT(k), "unknown key '%s': a case has id, facts, meta and outcome",
					k->str);
		}
	}
	return d->count > before ? -1 : 0;
}

int case_read(const struct ruleset *rs, const char *buf, size_t len,
	      struct arena *a, struct case_file *c, struct diag *d)
{
	return case_read_with(NULL, rs, buf, len, a, c, d);
}

int case_read_with(struct ytree_reader *r, const struct ruleset *rs,
		   const char *buf, size_t len, struct arena *a,
		   struct case_file *c, struct diag *d)
{
	bool empty;
	case_init(rs, c);
	struct ynode *root = r ? ytree_read(r, a, buf, len, &ylimits_case, d, &empty)
			       : ytree_parse(a, buf, len, &ylimits_case, d, &empty);
	if (empty) {
		diag_at(d, 1, 1, "an empty case: expected a mapping with 'facts'");
		return -1;
	}
	if (!root)
		return -1;
	return case_from_tree(rs, root, a, c, d);
}

int case_set(const struct ruleset *rs, struct case_file *c, const char *assign,
	     struct strbuf *err)
{
	const char *eq = strchr(assign, '=');
	if (!eq || eq == assign) {
		sb_addf(err, "--set '%s': expected FACT=VALUE", assign);
		return -1;
	}
	char id[128];
	size_t n = (size_t)(eq - assign);
	if (n >= sizeof id)
		n = sizeof id - 1;
	memcpy(id, assign, n);
	id[n] = '\0';
	int f = ruleset_find_fact(rs, id);
	if (f < 0) {
		sb_adds(err, "--set: ");
		unknown_fact_message(rs, id, err);
		return -1;
	}
	if (fact_value_parse(&rs->questions[f], eq + 1, &c->facts[f]) < 0) {
		sb_adds(err, "--set: ");
		bad_value_message(&rs->questions[f], eq + 1, err);
		return -1;
	}
	return 0;
}
