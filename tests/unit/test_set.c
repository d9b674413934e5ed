/* SPDX-License-Identifier: EUPL-1.2 */
/* Set facts (docs/rules.md, "Sets") and 'x: unknown' tests: parsing,
 * loading, the engine's three values, and the exactness of the classes
 * 'check' branches on, against brute force over every subset. */
#include "helpers.h"
#include "opname/analysis.h"
#include "opname/answer.h"
#include "opname/fact.h"

#define HEAD                                                                    \
	"opname: 1\nname: s\nversion: '1'\nlanguages: [en]\n"                  \
	"parts: [{id: p, title: {en: P}}]\n"                                     \
	"questions:\n"                                                           \
	"  - {id: d, type: set, refs: [p], text: {en: D?}, choices: [{id: a, text: {en: A}}, " \
	"{id: b, text: {en: B}}, {id: c, text: {en: C}}, {id: e, text: {en: E}}, " \
	"{id: f, text: {en: F}}]}\n"                                             \
	"  - {id: k, type: bool, refs: [p], text: {en: K?}}\n"                    \
	"steps: [{id: s, ref: p, text: {en: S}}]\n"                              \
	"unknown: {verdict: consult, reason: {en: U}, steps: []}\n"

static const char *const base_rules =
	HEAD
	"rules:\n"
	"  - {id: R0, when: {d: unknown}, verdict: consult, refs: [p], reason: {en: u}, steps: []}\n"
	"  - {id: R1, when: {d: {any_of: [a, b]}}, verdict: not_allowed, refs: [p], reason: {en: x}, steps: []}\n"
	"  - {id: R2, when: {d: {none_of: [c]}}, verdict: allowed, refs: [p], reason: {en: y}, steps: []}\n"
	"  - {id: R3, when: {d: {contains: e}}, verdict: not_allowed, refs: [p], reason: {en: z}, steps: []}\n"
	"  - {id: R4, verdict: consult, refs: [p], reason: {en: w}, steps: []}\n";

static void values_parse_and_print(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(base_rules);
	const struct question *q = &rs->questions[0];
	fact_value v;
	assert_int_equal(set_parse(q, "a, c", &v, NULL), 0);
	assert_int_equal(v, 1 | 4);
	assert_int_equal(set_parse(q, " B|a ", &v, NULL), 0);
	assert_int_equal(v, 1 | 2);
	assert_int_equal(set_parse(q, "", &v, NULL), 0);
	assert_int_equal(v, 0);
	assert_int_equal(set_parse(q, "[]", &v, NULL), 0);
	assert_int_equal(v, 0);
	assert_int_equal(set_parse(q, "Unknown", &v, NULL), 0);
	assert_int_equal(v, FV_UNKNOWN);
	struct strbuf why = STRBUF_INIT;
	assert_int_equal(set_parse(q, "a,a", &v, &why), -1);
	assert_string_equal(why.buf, "'a' is in the list twice");
	sb_reset(&why);
	assert_int_equal(set_parse(q, "a,,b", &v, &why), -1);
	assert_string_equal(why.buf, "an empty item in the list");
	sb_reset(&why);
	assert_int_equal(set_parse(q, "a,x", &v, &why), -1);
	assert_string_equal(why.buf, "'x' is not a choice of 'd'");
	sb_reset(&why);
	fact_value_put(&why, q, 1 | 16);
	assert_string_equal(why.buf, "a,f");
	sb_reset(&why);
	fact_value_json(&why, q, 1 | 16);
	assert_string_equal(why.buf, "[\"a\", \"f\"]");
	sb_reset(&why);
	fact_value_json(&why, q, 0);
	assert_string_equal(why.buf, "[]");
	sb_reset(&why);
	fact_value_json(&why, q, FV_UNKNOWN);
	assert_string_equal(why.buf, "\"unknown\"");
	sb_reset(&why);
	fact_test_text(q, &rs->conds[rs->rules[1].when], &why);
	assert_string_equal(why.buf, "d has any of a|b");
	sb_reset(&why);
	fact_test_text(q, &rs->conds[rs->rules[2].when], &why);
	assert_string_equal(why.buf, "d has none of c");
	sb_reset(&why);
	fact_test_text(q, &rs->conds[rs->rules[0].when], &why);
	assert_string_equal(why.buf, "d = unknown");
	sb_release(&why);
	assert_true(fact_value_valid(q, 31));
	assert_false(fact_value_valid(q, 32));
	assert_true(fact_value_valid(q, FV_UNKNOWN));
	rules_free(rs);
}

static void answers_in_the_interview(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(base_rules);
	const struct question *q = &rs->questions[0];
	struct answer a;
	assert_int_equal(answer_parse(q, "1, 3", 4, &a), ANSWER_VALUE);
	assert_int_equal(a.value, 1 | 4);
	assert_int_equal(answer_parse(q, "a,E", 3, &a), ANSWER_VALUE);
	assert_int_equal(a.value, 1 | 8);
	assert_int_equal(answer_parse(q, "0", 1, &a), ANSWER_VALUE);
	assert_int_equal(a.value, 0);
	assert_int_equal(answer_parse(q, "geen", 4, &a), ANSWER_VALUE);
	assert_int_equal(a.value, 0);
	assert_int_equal(answer_parse(q, "none", 4, &a), ANSWER_VALUE);
	assert_int_equal(a.value, 0);
	assert_int_equal(answer_parse(q, "weet niet", 9, &a), ANSWER_VALUE);
	assert_int_equal(a.value, FV_UNKNOWN);
	assert_int_equal(answer_parse(q, "1,9", 3, &a), ANSWER_BAD);
	assert_int_equal(a.error, ANSWER_ERR_NO_SUCH_CHOICE);
	assert_int_equal(answer_parse(q, "1,1", 3, &a), ANSWER_BAD);
	assert_int_equal(a.error, ANSWER_ERR_TWICE);
	assert_int_equal(answer_parse(q, "1,", 2, &a), ANSWER_BAD);
	assert_int_equal(a.error, ANSWER_ERR_NOT_UNDERSTOOD);
	assert_int_equal(answer_parse(q, "zz", 2, &a), ANSWER_BAD);
	assert_int_equal(a.error, ANSWER_ERR_NOT_UNDERSTOOD);
	assert_int_equal(answer_parse(q, "stop", 4, &a), ANSWER_STOP);
	rules_free(rs);
}

/* The engine: three-valued, and 'd: unknown' is true exactly when d was
 * answered unknown. */
static void engine_three_valued(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(base_rules);
	struct outcome o;
	const char *u[] = { "d=unknown", NULL };
	decide_with(rs, &o, u);
	assert_string_equal(rs->rules[o.rule].id, "R0");
	assert_false(o.by_unknown);
	const char *ab[] = { "d=b", NULL };
	decide_with(rs, &o, ab);
	assert_string_equal(rs->rules[o.rule].id, "R1");
	const char *none[] = { "d=", NULL };
	decide_with(rs, &o, none);
	assert_string_equal(rs->rules[o.rule].id, "R2");
	const char *ce[] = { "d=c,e", NULL };
	decide_with(rs, &o, ce);
	assert_string_equal(rs->rules[o.rule].id, "R3");
	const char *c[] = { "d=c", NULL };
	decide_with(rs, &o, c);
	assert_string_equal(rs->rules[o.rule].id, "R4");
	const char *nothing[] = { NULL };
	decide_with(rs, &o, nothing);
	assert_int_equal(o.verdict, VERDICT_INCOMPLETE);
	assert_int_equal(o.missing, 0);
	rules_free(rs);

	/* Without the 'unknown' rule, an unknown set makes its tests unknown. */
	struct ruleset *t = load_ok(HEAD "rules:\n"
		"  - {id: R1, when: {d: {contains: a}}, verdict: not_allowed, refs: [p], reason: {en: x}, steps: []}\n"
		"  - {id: R2, when: {k: unknown}, verdict: allowed, refs: [p], reason: {en: y}, steps: []}\n"
		"  - {id: R3, verdict: consult, refs: [p], reason: {en: w}, steps: []}\n");
	decide_with(t, &o, u);
	assert_true(o.by_unknown);
	assert_int_equal(o.verdict, VERDICT_CONSULT);
	assert_int_equal(o.nunknown, 1);
	const char *ku[] = { "d=b", "k=unknown", NULL };
	decide_with(t, &o, ku);
	assert_string_equal(t->rules[o.rule].id, "R2");
	assert_false(o.by_unknown);
	assert_int_equal(o.nunknown, 0);
	const char *kt[] = { "d=b", "k=true", NULL };
	decide_with(t, &o, kt);
	assert_string_equal(t->rules[o.rule].id, "R3");
	rules_free(t);
}

static void load_errors_are_located(void **state)
{
	(void)state;
	char *e = load_bad(HEAD "rules:\n"
		"  - {id: R1, when: {d: {contains: x}}, verdict: allowed, refs: [p], reason: {en: x}, steps: []}\n"
		"  - {id: R2, when: {d: {any_of: a}}, verdict: allowed, refs: [p], reason: {en: x}, steps: []}\n"
		"  - {id: R3, when: {d: a}, verdict: allowed, refs: [p], reason: {en: x}, steps: []}\n"
		"  - {id: R4, when: {d: {none_of: []}}, verdict: allowed, refs: [p], reason: {en: x}, steps: []}\n"
		"  - {id: R5, verdict: consult, refs: [p], reason: {en: w}, steps: []}\n");
	assert_non_null(strstr(e, "t.yaml:12:35: 'x' is not a choice of 'd'; choices are: a, b, c, e, f"));
	assert_non_null(strstr(e, "t.yaml:13:33: any_of must be a sequence"));
	assert_non_null(strstr(e, "t.yaml:14:24: 'd' is a set question: test it with {contains: C}"));
	assert_non_null(strstr(e, "t.yaml:15:34: an empty list of choices"));
	free(e);

	/* A choice question is never unknown; 'none' cannot name a choice of
	 * a set; a set has at most 31 choices. */
	e = load_bad("opname: 1\nname: s\nversion: '1'\nlanguages: [en]\n"
		"parts: [{id: p, title: {en: P}}]\n"
		"questions:\n"
		"  - {id: c, type: choice, refs: [p], text: {en: C?}, choices: [{id: a, text: {en: A}}]}\n"
		"  - {id: d, type: set, refs: [p], text: {en: D?}, choices: [{id: none, text: {en: N}}]}\n"
		"steps: []\n"
		"unknown: {verdict: consult, reason: {en: U}, steps: []}\n"
		"rules:\n"
		"  - {id: R1, when: {c: unknown}, verdict: allowed, refs: [p], reason: {en: x}, steps: []}\n"
		"  - {id: R2, verdict: consult, refs: [p], reason: {en: w}, steps: []}\n");
	assert_non_null(strstr(e, "t.yaml:12:24: 'c' is a choice question: it is never unknown"));
	assert_non_null(strstr(e, "t.yaml:8:66: 'none' cannot be a choice id of a set"));
	free(e);

	struct strbuf y = STRBUF_INIT;
	sb_adds(&y, "opname: 1\nname: s\nversion: '1'\nlanguages: [en]\n"
		"parts: [{id: p, title: {en: P}}]\n"
		"questions:\n  - id: d\n    type: set\n    refs: [p]\n    text: {en: D?}\n    choices:\n");
	for (int i = 0; i < OPNAME_MAX_SET_CHOICES + 1; i++)
		sb_addf(&y, "      - {id: c%d, text: {en: C}}\n", i);
	sb_adds(&y, "steps: []\nunknown: {verdict: consult, reason: {en: U}, steps: []}\n"
		"rules:\n  - {id: R2, verdict: consult, refs: [p], reason: {en: w}, steps: []}\n");
	e = load_bad(y.buf);
	assert_non_null(strstr(e, "t.yaml:12:7: a set question needs 1 to 31 choices"));
	free(e);
	sb_release(&y);
}

/* Case files: a list, [] for none, unknown; each wrong item located. */
static void case_file_lists(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(base_rules);
	struct arena *a = arena_new();
	struct case_file c;
	struct diag d;
	diag_init(&d, "c.yaml");
	const char *ok = "facts:\n  d: [a, e]\n";
	assert_int_equal(case_read(rs, ok, strlen(ok), a, &c, &d), 0);
	assert_int_equal(c.facts[0], 1 | 8);
	const char *empty = "{\"facts\": {\"d\": []}}";
	assert_int_equal(case_read(rs, empty, strlen(empty), a, &c, &d), 0);
	assert_int_equal(c.facts[0], 0);
	const char *unknown = "facts: {d: unknown}";
	assert_int_equal(case_read(rs, unknown, strlen(unknown), a, &c, &d), 0);
	assert_int_equal(c.facts[0], FV_UNKNOWN);
	const char *bad = "facts:\n  d: [a, x, a, [b]]\n  k: true\n";
	assert_int_equal(case_read(rs, bad, strlen(bad), a, &c, &d), -1);
	assert_non_null(strstr(d.text.buf, "c.yaml:2:10: 'x' is not a choice of 'd'"));
	assert_non_null(strstr(d.text.buf, "c.yaml:2:13: 'a' is in the list twice"));
	assert_non_null(strstr(d.text.buf, "c.yaml:2:16: an item of 'd' is a choice id, not a sequence"));
	diag_release(&d);
	diag_init(&d, "c.yaml");
	const char *scalar = "facts:\n  d: a\n";
	assert_int_equal(case_read(rs, scalar, strlen(scalar), a, &c, &d), -1);
	assert_non_null(strstr(d.text.buf, "c.yaml:2:6: 'd' is a set: give a list such as [a], [] for none, or unknown"));
	diag_release(&d);
	arena_free(a);
	rules_free(rs);
}

/* ---- exactness: the classes against every subset ---- */

static unsigned seed = 12345;

static unsigned rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 16) % n;
}

static const char *const ids[] = { "a", "b", "c", "e", "f" };

static void random_test(struct strbuf *sb)
{
	static const char *const forms[] = { "contains", "any_of", "none_of" };
	int form = (int)rnd(4);
	if (form == 3) { /* sometimes a combination */
		sb_adds(sb, rnd(2) ? "{any: [" : "{all: [");
		random_test(sb);
		sb_adds(sb, ", ");
		random_test(sb);
		sb_adds(sb, "]}");
		return;
	}
	sb_addf(sb, "{d: {%s: ", forms[form]);
	if (form == 0) {
		sb_addf(sb, "%s}}", ids[rnd(5)]);
		return;
	}
	unsigned mask = 1 + rnd(31);
	sb_addc(sb, '[');
	for (int i = 0, n = 0; i < 5; i++)
		if (mask >> i & 1)
			sb_addf(sb, "%s%s", n++ ? ", " : "", ids[i]);
	sb_adds(sb, "]}}");
}

static bool same(const struct outcome *x, const struct outcome *y)
{
	return x->verdict == y->verdict && x->rule == y->rule && x->nsteps == y->nsteps &&
	       !memcmp(x->steps, y->steps, (size_t)x->nsteps * sizeof *x->steps);
}

/* Every subset decides as its class's representative does; and the
 * analysis, which branches only on the classes, finds every outcome that
 * brute force over the 32 subsets finds. */
static void classes_are_exact(void **state)
{
	(void)state;
	for (int round = 0; round < 200; round++) {
		struct strbuf y = STRBUF_INIT;
		sb_adds(&y, HEAD "rules:\n");
		int nrules = 1 + (int)rnd(5);
		for (int r = 0; r < nrules; r++) {
			sb_addf(&y, "  - {id: R%d, when: ", r);
			random_test(&y);
			sb_addf(&y, ", verdict: %s, refs: [p], reason: {en: r}, steps: [{id: s, when: ",
				rnd(2) ? "allowed" : "not_allowed");
			random_test(&y);
			sb_adds(&y, "}]}\n");
		}
		sb_adds(&y, "  - {id: L, verdict: consult, refs: [p], reason: {en: l}, steps: []}\n");
		struct diag d;
		diag_init(&d, "t.yaml");
		struct ruleset *rs = rules_load(y.buf, y.len, "t.yaml", &d);
		if (!rs)
			fail_msg("%s\n%s", y.buf, d.text.buf);
		diag_release(&d);
		const struct question *q = &rs->questions[0];
		assert_true(q->nclasses >= 1 && q->nclasses <= 32);
		fact_value facts[OPNAME_MAX_FACTS];
		for (fact_value s = 0; s < 32; s++) {
			struct outcome o, p;
			facts_clear(facts, rs->nquestions);
			facts[0] = s;
			engine_decide(rs, facts, &o, NULL);
			facts[0] = q->classes[set_class(q, s)];
			engine_decide(rs, facts, &p, NULL);
			if (!same(&o, &p))
				fail_msg("subset %d and its class %d decide apart in\n%s", (int)s,
					 (int)facts[0], y.buf);
			/* every test of d gives the same on both */
			for (int i = 0; i < rs->nconds; i++) {
				const struct cond *c = &rs->conds[i];
				if (c->kind == COND_TEST && c->form != FORM_VALUE &&
				    set_test_holds(c, s) != set_test_holds(c, facts[0]))
					fail_msg("a test tells subset %d from its class", (int)s);
			}
		}
		/* the classes are apart: no two meet the same masks */
		for (int i = 0; i < q->nclasses; i++)
			for (int j = 0; j < i; j++)
				assert_int_not_equal(set_class(q, q->classes[i]),
						     set_class(q, q->classes[j]));
		/* the analysis reaches the same outcomes (and unknown) */
		struct analysis an;
		analysis_run(&an, rs, 0);
		assert_false(an.truncated);
		assert_int_equal(an.npaths, q->nclasses + 1);
		analysis_release(&an);
		rules_free(rs);
		sb_release(&y);
	}
}

/* One any_of over a set of 5 choices: 2 classes (and unknown), not 32. */
static void few_classes(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(HEAD "rules:\n"
		"  - {id: R1, when: {d: {any_of: [a, b, c]}}, verdict: not_allowed, refs: [p], reason: {en: x}, steps: []}\n"
		"  - {id: R2, verdict: consult, refs: [p], reason: {en: w}, steps: []}\n");
	const struct question *q = &rs->questions[0];
	fact_value v[OPNAME_MAX_VALUES];
	assert_int_equal(fact_values(q, v), 3);
	assert_int_equal(v[0], 0);
	assert_int_equal(v[1], 1); /* {a} stands for every set with a, b or c */
	assert_int_equal(v[2], FV_UNKNOWN);
	assert_int_equal(set_class(q, 2 | 16), 1);
	assert_int_equal(set_class(q, 8 | 16), 0);
	rules_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values_parse_and_print),
		cmocka_unit_test(answers_in_the_interview),
		cmocka_unit_test(engine_three_valued),
		cmocka_unit_test(load_errors_are_located),
		cmocka_unit_test(case_file_lists),
		cmocka_unit_test(classes_are_exact),
		cmocka_unit_test(few_classes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
