/* SPDX-License-Identifier: EUPL-1.2 */
/* The rule index (rule-index.c) changes how fast the engine decides, never
 * what: for many cases (every value of every fact, missing and unknown
 * included) the outcome with the index equals the outcome without it,
 * field for field, facts_used in order. And fact ids found by hash are the
 * ids found by name. */
#include "helpers.h"

#include "opname/rule-index.h"

/* Runs of rules that lead with the same fact, broken by rules that lead
 * with another, with 'any' and 'not' (no leading test) and none at all. */
static const char *const mixed =
	"opname: 1\nname: t\nversion: '1'\nlanguages: [en]\n"
	"parts: [{id: p, title: {en: P}}]\n"
	"questions:\n"
	"  - {id: a, type: choice, text: {en: A}, refs: [p], choices: [{id: x, text: {en: X}}, {id: y, text: {en: Y}}, {id: z, text: {en: Z}}]}\n"
	"  - {id: b, type: bool, text: {en: B}, refs: [p]}\n"
	"  - {id: c, type: bool, text: {en: C}, refs: [p]}\n"
	"steps: []\n"
	"unknown: {verdict: consult, reason: {en: U}, steps: []}\n"
	"rules:\n"
	"  - {id: r1, when: {a: x}, verdict: allowed, reason: {en: R}, refs: [p], steps: []}\n"
	"  - {id: r2, when: {all: [{a: y}, {b: true}]}, verdict: not_allowed, reason: {en: R}, refs: [p], steps: []}\n"
	"  - {id: r3, when: {all: [{a: [y]}, {c: true}]}, verdict: consult, reason: {en: R}, refs: [p], steps: []}\n"
	"  - {id: r4, when: {b: false}, verdict: allowed, reason: {en: R}, refs: [p], steps: []}\n"
	"  - {id: r5, when: {any: [{a: z}, {c: false}]}, verdict: not_allowed, reason: {en: R}, refs: [p], steps: []}\n"
	"  - {id: r6, when: {not: {c: true}}, verdict: consult, reason: {en: R}, refs: [p], steps: []}\n"
	"  - {id: r7, when: {all: [{a: y}, {c: true}]}, verdict: allowed, reason: {en: R}, refs: [p], steps: []}\n"
	"  - {id: r8, when: {a: [x, y]}, verdict: consult, reason: {en: R}, refs: [p], steps: []}\n"
	"  - {id: r9, verdict: not_allowed, reason: {en: R}, refs: [p], steps: []}\n";

static void same_outcome(const struct outcome *a, const struct outcome *b)
{
	assert_int_equal(a->verdict, b->verdict);
	assert_int_equal(a->rule, b->rule);
	assert_int_equal(a->by_unknown, b->by_unknown);
	assert_int_equal(a->missing, b->missing);
	assert_int_equal(a->missing_rule, b->missing_rule);
	assert_int_equal(a->nused, b->nused);
	assert_memory_equal(a->used, b->used, (size_t)a->nused * sizeof a->used[0]);
	assert_int_equal(a->nunknown, b->nunknown);
	assert_memory_equal(a->unknown, b->unknown, (size_t)a->nunknown * sizeof a->unknown[0]);
	assert_int_equal(a->nsteps, b->nsteps);
	assert_memory_equal(a->steps, b->steps, (size_t)a->nsteps * sizeof a->steps[0]);
}

/* Decide many cases with and without the index; returns how many rules
 * the index let the engine pass over, so a test can tell it did work. */
static void compare(struct ruleset *rs, int cases)
{
	const struct rule_index *ix = rs->index;
	assert_non_null(ix);
	uint32_t seed = 12345;
	for (int n = 0; n < cases; n++) {
		fact_value facts[OPNAME_MAX_FACTS];
		for (int f = 0; f < rs->nquestions; f++) {
			const struct question *q = &rs->questions[f];
			int values = q->type == FACT_CHOICE ? q->nchoices : 2;
			seed = seed * 1103515245u + 12345u;
			int v = (int)((seed >> 8) % (uint32_t)(values + 2));
			facts[f] = v == values ? FV_MISSING : v == values + 1 ? FV_UNKNOWN
							       : (fact_value)v;
		}
		struct outcome with, without;
		engine_decide(rs, facts, &with, NULL);
		rs->index = NULL;
		engine_decide(rs, facts, &without, NULL);
		rs->index = ix;
		same_outcome(&with, &without);
	}
}

static void builtin_same_with_index(void **state)
{
	(void)state;
	compare(rules_builtin(), 20000);
}

static void mixed_leads_same_with_index(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(mixed);
	compare(rs, 5000);
	/* a: y with b false and c false: r1 passed over by the index, r2 false
	 * at b, r3 at c, then r4 holds; facts_used keeps the order a, b, c */
	fact_value facts[3] = { 1, FV_FALSE, FV_FALSE };
	struct outcome o;
	engine_decide(rs, facts, &o, NULL);
	assert_string_equal(rs->rules[o.rule].id, "r4");
	assert_int_equal(o.nused, 3);
	assert_int_equal(o.used[0], 0);
	assert_int_equal(o.used[1], 1);
	assert_int_equal(o.used[2], 2);
	/* the index itself: from r1, a: y goes to r2 (the next that takes y) */
	int f = -1;
	assert_int_equal(rule_index_next(rs->index, 0, (fact_value[]){ 1, 0, 0 }, &f), 1);
	assert_int_equal(f, 0);
	/* a: x is taken by r1 itself; an unknown a is never passed over */
	assert_int_equal(rule_index_next(rs->index, 0, (fact_value[]){ 0, 0, 0 }, &f), 0);
	assert_int_equal(rule_index_next(rs->index, 1, (fact_value[]){ FV_UNKNOWN, 0, 0 }, &f), 1);
	/* r7 and r8 are a run of their own: a: z passes both, to r9 */
	assert_int_equal(rule_index_next(rs->index, 6, (fact_value[]){ 2, 0, 0 }, &f), 8);
	rules_free(rs);
}

static void facts_by_hash(void **state)
{
	(void)state;
	const struct ruleset *rs = rules_builtin();
	for (int f = 0; f < rs->nquestions; f++)
		assert_int_equal(ruleset_find_fact(rs, rs->questions[f].id), f);
	assert_int_equal(ruleset_find_fact(rs, "no_such_fact"), -1);
	assert_int_equal(ruleset_find_fact(rs, ""), -1);
	assert_int_equal(ruleset_find_fact(rs, "Action"), -1); /* ids are exact */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_same_with_index),
		cmocka_unit_test(mixed_leads_same_with_index),
		cmocka_unit_test(facts_by_hash),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
