/* SPDX-License-Identifier: EUPL-1.2 */
/* Test files (opname/testcase.h): read through ytree like every other YAML
 * input, facts through the case reader, so a test's facts mean exactly what
 * they would in a case file. */
#include "opname/testcase.h"

#include <string.h>

#include "opname/case.h"
#include "opname/util.h"
#include "opname/ytree.h"

#define AT(n) (n)->pos.line, (n)->pos.col

struct reader {
	const struct ruleset *rs;
	struct testfile *tf;
	struct diag *d;
};

/* An id among 'names', or -1 after a message naming the likely typo. */
static int find_id(struct reader *r, const struct ynode *n, const char *what,
		   const char *const *names, int count)
{
	if (n->kind != YNODE_SCALAR) {
		diag_at(r->d, AT(n), "%s must be a scalar, not a %s", what,
			ynode_kind_name(n));
		return -1;
	}
	for (int i = 0; i < count; i++)
		if (!strcmp(names[i], n->str))
			return i;
	const char *near = nearest_word(n->str, names, count);
	if (near)
		diag_at(r->d, AT(n), "unknown %s '%s' (did you mean '%s'?)", what,
			n->str, near);
	else
		diag_at(r->d, AT(n), "unknown %s '%s'", what, n->str);
	return -1;
}

enum idkind { IDS_FACTS, IDS_STEPS, IDS_PARTS };

static const char *const idkind_word[] = { "fact", "step", "part" };

static void read_idlist(struct reader *r, const struct ynode *n, enum idkind kind,
			struct idlist *out)
{
	const struct ruleset *rs = r->rs;
	const char *names[OPNAME_MAX_PARTS > OPNAME_MAX_FACTS ? OPNAME_MAX_PARTS : OPNAME_MAX_FACTS];
	int count = kind == IDS_FACTS ? rs->nquestions : kind == IDS_STEPS ? rs->nsteps : rs->nparts;
	for (int i = 0; i < count; i++)
		names[i] = kind == IDS_FACTS ? rs->questions[i].id :
			   kind == IDS_STEPS ? rs->steps[i].id : rs->parts[i].id;
	out->given = true;
	if (n->kind != YNODE_SEQ) {
		diag_at(r->d, AT(n), "expected a list of %s ids, like [%s], not a %s",
			idkind_word[kind], count ? names[0] : "", ynode_kind_name(n));
		return;
	}
	out->ids = arena_alloc(r->tf->arena, ((size_t)n->nkids + 1) * sizeof *out->ids);
	for (int i = 0; i < n->nkids; i++) {
		int id = find_id(r, n->kids[i], idkind_word[kind], names, count);
		if (id >= 0)
			out->ids[out->n++] = (uint16_t)id;
	}
}

static void read_expect(struct reader *r, const struct ynode *n, struct testcase *t)
{
	static const char *const keys[] = { "verdict", "rule", "next_steps", "refs",
					    "facts_used", "missing", "unknown" };
	const struct ruleset *rs = r->rs;
	if (n->kind != YNODE_MAP) {
		diag_at(r->d, AT(n), "'expect' must be a mapping (verdict, rule, next_steps, ...), not a %s",
			ynode_kind_name(n));
		return;
	}
	ymap_unknown_keys(n, "'expect'", keys, 7, r->d);
	const struct ynode *v = ymap_get(n, "verdict");
	if (!v)
		diag_at(r->d, AT(n), "'expect' has no 'verdict'");
	else if (v->kind != YNODE_SCALAR || verdict_parse(rs, v->str, &t->verdict) < 0) {
		struct strbuf all = STRBUF_INIT;
		verdict_list(rs, true, &all);
		diag_at(r->d, AT(v), "unknown verdict '%s': use %s",
			v->kind == YNODE_SCALAR ? v->str : ynode_kind_name(v), all.buf);
		sb_release(&all);
	}
	if ((v = ymap_get(n, "rule"))) {
		t->rule_given = true;
		t->rule = -1;
		if (!ynode_is_null(v)) {
			const char *names[OPNAME_MAX_RULES];
			for (int i = 0; i < rs->nrules; i++)
				names[i] = rs->rules[i].id;
			t->rule = find_id(r, v, "rule", names, rs->nrules);
		}
	}
	if ((v = ymap_get(n, "next_steps")))
		read_idlist(r, v, IDS_STEPS, &t->next_steps);
	if ((v = ymap_get(n, "refs")))
		read_idlist(r, v, IDS_PARTS, &t->refs);
	if ((v = ymap_get(n, "facts_used")))
		read_idlist(r, v, IDS_FACTS, &t->facts_used);
	if ((v = ymap_get(n, "missing")))
		read_idlist(r, v, IDS_FACTS, &t->missing);
	if ((v = ymap_get(n, "unknown")))
		read_idlist(r, v, IDS_FACTS, &t->unknown);
}

/* A test, or a property (prop: 'when' for 'facts', in tf->props). */
static void read_test(struct reader *r, const struct ynode *n, int index, bool prop)
{
	static const char *const keys[] = { "name", "facts", "expect" };
	static const char *const prop_keys[] = { "name", "when", "expect" };
	const char *what = prop ? "a property" : "a test";
	struct testcase *t = prop ? &r->tf->props[r->tf->nprops] : &r->tf->tests[r->tf->ntests];
	memset(t, 0, sizeof *t);
	if (n->kind != YNODE_MAP) {
		diag_at(r->d, AT(n), "%s must be a mapping (name, %s, expect), not a %s",
			what, prop ? "when" : "facts", ynode_kind_name(n));
		return;
	}
	ymap_unknown_keys(n, what, prop ? prop_keys : keys, 3, r->d);
	t->line = n->pos.line;
	const struct ynode *name = ymap_get(n, "name");
	struct strbuf sb = STRBUF_INIT;
	if (name && name->kind == YNODE_SCALAR && !ynode_is_null(name)) {
		sb_adds(&sb, name->str);
	} else {
		if (name)
			diag_at(r->d, AT(name), "%s's name must be a non-empty scalar", what);
		sb_addf(&sb, "#%d", index + 1);
	}
	t->name = arena_strndup(r->tf->arena, sb.buf, sb.len);
	sb_release(&sb);
	const struct testcase *same = prop ? r->tf->props : r->tf->tests;
	for (int i = 0; i < (prop ? r->tf->nprops : r->tf->ntests); i++)
		if (!strcmp(same[i].name, t->name))
			diag_at(r->d, AT(n), "a second %s named '%s' (the first is at line %d)",
				prop ? "property" : "test", t->name, same[i].line);

	/* The case reader reads 'facts': hand it a mapping with only that. */
	struct case_file c;
	case_init(r->rs, &c);
	const struct ynode *facts = ymap_get(n, prop ? "when" : "facts");
	if (facts) {
		struct ynode key = { .kind = YNODE_SCALAR, .pos = n->pos, .str = "facts", .len = 5 };
		struct ynode *kids[2] = { &key, (struct ynode *)facts };
		struct ynode only = { .kind = YNODE_MAP, .pos = n->pos, .kids = kids, .nkids = 2 };
		case_from_tree(r->rs, &only, r->tf->arena, &c, r->d);
	}
	memcpy(t->facts, c.facts, sizeof t->facts);
	const struct ynode *expect = ymap_get(n, "expect");
	if (expect)
		read_expect(r, expect, t);
	else
		diag_at(r->d, AT(n), "%s '%s' has no 'expect'", prop ? "property" : "test", t->name);
	if (prop && expect && expect->kind == YNODE_MAP)
		for (int i = 0; i < expect->nkids; i += 2)
			if (strcmp(expect->kids[i]->str, "verdict") && strcmp(expect->kids[i]->str, "rule"))
				diag_at(r->d, AT(expect->kids[i]),
					"a property expects only 'verdict' and 'rule', which hold on every path: not '%s'",
					expect->kids[i]->str);
	if (prop)
		r->tf->nprops++;
	else
		r->tf->ntests++;
}

static void read_properties(struct reader *r, const struct ynode *list)
{
	if (list->kind != YNODE_SEQ) {
		diag_at(r->d, AT(list), "'properties' must be a sequence of properties, not a %s",
			ynode_kind_name(list));
		return;
	}
	r->tf->props = arena_alloc(r->tf->arena, ((size_t)list->nkids + 1) * sizeof *r->tf->props);
	for (int i = 0; i < list->nkids; i++)
		read_test(r, list->kids[i], i, true);
}

int testfile_read(const struct ruleset *rs, const char *buf, size_t len,
		  const char *file, struct testfile *tf, struct diag *d)
{
	static const char *const keys[] = { "rules", "tests", "properties" };
	memset(tf, 0, sizeof *tf);
	tf->arena = arena_new();
	tf->file = arena_strndup(tf->arena, file, strlen(file));
	struct reader r = { rs, tf, d };
	int before = d->count;
	bool empty;
	const struct ynode *root = ytree_parse(tf->arena, buf, len, &ylimits_rules, d, &empty);
	if (empty)
		diag_at(d, 1, 1, "an empty test file: expected a mapping with 'tests'");
	else if (root && root->kind != YNODE_MAP)
		diag_at(d, AT(root), "a test file is a mapping with 'tests', not a %s",
			ynode_kind_name(root));
	if (!root || root->kind != YNODE_MAP)
		return -1;
	ymap_unknown_keys(root, "the test file", keys, 3, r.d);
	const struct ynode *for_rules = ymap_get(root, "rules");
	if (for_rules && (for_rules->kind != YNODE_SCALAR || strcmp(for_rules->str, rs->name)))
		diag_at(d, AT(for_rules), "these tests are for the rule file named '%s', not '%s': choose it with --rules",
			for_rules->kind == YNODE_SCALAR ? for_rules->str : "?", rs->name);
	const struct ynode *list = ymap_get(root, "tests");
	if (!list)
		diag_at(d, AT(root), "the test file has no 'tests'");
	else if (list->kind != YNODE_SEQ)
		diag_at(d, AT(list), "'tests' must be a sequence of tests, not a %s",
			ynode_kind_name(list));
	else if (list->nkids == 0) /* a file that tests nothing must not pass */
		diag_at(d, AT(list), "'tests' is empty: a test file holds at least one test");
	else {
		tf->tests = arena_alloc(tf->arena, ((size_t)list->nkids + 1) * sizeof *tf->tests);
		for (int i = 0; i < list->nkids; i++)
			read_test(&r, list->kids[i], i, false);
	}
	if (ymap_get(root, "properties"))
		read_properties(&r, ymap_get(root, "properties"));
	if (d->count > before) {
		tf->ntests = tf->nprops = 0;
		return -1;
	}
	return 0;
}

void testfile_release(struct testfile *tf)
{
	arena_free(tf->arena);
	memset(tf, 0, sizeof *tf);
}

/* ---- running ---- */

static void ids_text(struct strbuf *sb, const struct ruleset *rs, enum idkind kind,
		     const uint16_t *ids, int n)
{
	sb_addc(sb, '[');
	for (int i = 0; i < n; i++)
		sb_addf(sb, "%s%s", i ? ", " : "",
			kind == IDS_STEPS ? rs->steps[ids[i]].id :
			kind == IDS_PARTS ? rs->parts[ids[i]].id : rs->questions[ids[i]].id);
	sb_addc(sb, ']');
}

static int compare_ids(const struct ruleset *rs, const struct testfile *tf,
		       const struct testcase *t, const char *what, enum idkind steps,
		       const struct idlist *want, const uint16_t *got, int ngot,
		       struct strbuf *report)
{
	if (!want->given || (want->n == ngot &&
			     !memcmp(want->ids, got, (size_t)ngot * sizeof *got)))
		return 0;
	sb_addf(report, "%s:%d: test '%s': %s: expected ", tf->file, t->line, t->name, what);
	ids_text(report, rs, steps, want->ids, want->n);
	sb_adds(report, ", got ");
	ids_text(report, rs, steps, got, ngot);
	sb_addc(report, '\n');
	return 1;
}

int testcase_run(const struct ruleset *rs, const struct testfile *tf,
		 const struct testcase *t, struct outcome *o,
		 struct strbuf *report)
{
	int failed = 0;
	engine_decide(rs, t->facts, o, NULL);
	if (o->verdict != t->verdict) {
		sb_addf(report, "%s:%d: test '%s': verdict: expected %s, got %s",
			tf->file, t->line, t->name, verdict_id(rs, t->verdict),
			verdict_id(rs, o->verdict));
		/* The usual cause: a fact the test does not give. */
		if (o->verdict == VERDICT_INCOMPLETE && o->missing >= 0)
			sb_addf(report, " (the test gives no '%s')", rs->questions[o->missing].id);
		sb_addc(report, '\n');
		failed++;
	}
	if (t->rule_given && t->rule != o->rule) {
		sb_addf(report, "%s:%d: test '%s': rule: expected %s, got %s\n",
			tf->file, t->line, t->name,
			t->rule >= 0 ? rs->rules[t->rule].id : "none",
			o->rule >= 0 ? rs->rules[o->rule].id : "none");
		failed++;
	}
	uint16_t missing = (uint16_t)(o->missing >= 0 ? o->missing : 0);
	failed += compare_ids(rs, tf, t, "next_steps", IDS_STEPS, &t->next_steps,
			      o->steps, o->nsteps, report);
	failed += compare_ids(rs, tf, t, "refs", IDS_PARTS, &t->refs,
			      o->refs, o->nrefs, report);
	failed += compare_ids(rs, tf, t, "facts_used", IDS_FACTS, &t->facts_used,
			      o->used, o->nused, report);
	failed += compare_ids(rs, tf, t, "missing", IDS_FACTS, &t->missing,
			      &missing, o->missing >= 0, report);
	failed += compare_ids(rs, tf, t, "unknown", IDS_FACTS, &t->unknown,
			      o->unknown, o->nunknown, report);
	return failed;
}
