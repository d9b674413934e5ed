/* SPDX-License-Identifier: EUPL-1.2 */
/* The engine on small rule files: Kleene logic, laziness, blame for
 * unknowns, missing facts, conditional steps, the unknown section. */
#include "helpers.h"

/* A tiny policy with three bool facts a, b, c and one choice k. */
static const char *const HEAD =
	"opname: 1\nname: t\nversion: '1'\nlanguages: [en]\n"
	"parts: [{id: p, title: {en: P}}]\n"
	"questions:\n"
	"  - {id: a, type: bool, refs: [p], text: {en: A?}}\n"
	"  - {id: b, type: bool, refs: [p], text: {en: B?}}\n"
	"  - {id: c, type: bool, refs: [p], text: {en: C?}}\n"
	"  - {id: k, type: choice, refs: [p], text: {en: K?},\n"
	"     choices: [{id: x, text: {en: X}}, {id: y, text: {en: Y}}, {id: z, text: {en: Z}}]}\n"
	"steps:\n"
	"  - {id: s1, ref: p, text: {en: S1}}\n"
	"  - {id: s2, ref: p, text: {en: S2}}\n"
	"unknown: {verdict: consult, reason: {en: U}, steps: [s2]}\n";

static struct ruleset *policy(const char *rules)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%srules:\n%s", HEAD, rules);
	return load_ok(buf);
}

#define R(id, when, verdict) \
	"  - {id: " id ", " when "verdict: " verdict ", refs: [p], reason: {en: r}, steps: [s1]}\n"
#define OTHERWISE "  - {id: Z, verdict: allowed, refs: [p], reason: {en: z}, steps: []}\n"

struct expect {
	const char *facts[6];
	const char *verdict, *rule, *used, *unknown, *missing, *steps;
};

static void check(const struct ruleset *rs, const struct expect *e)
{
	struct outcome o;
	char buf[256];
	decide_with(rs, &o, e->facts);
	assert_string_equal(verdict_id(o.verdict), e->verdict);
	assert_string_equal(o.rule >= 0 ? rs->rules[o.rule].id : "-", e->rule);
	assert_string_equal(fact_ids(rs, o.used, o.nused, buf, sizeof buf), e->used);
	assert_string_equal(fact_ids(rs, o.unknown, o.nunknown, buf, sizeof buf), e->unknown);
	assert_string_equal(o.missing >= 0 ? rs->questions[o.missing].id : "-", e->missing);
	if (e->steps)
		assert_string_equal(step_ids(rs, &o, buf, sizeof buf), e->steps);
}

static void all_is_kleene_and(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {a: true, b: true}, ", "not_allowed") OTHERWISE);
	const struct expect cases[] = {
		{ { "a=true", "b=true" }, "not_allowed", "A", "a,b", "", "-", "s1" },
		{ { "a=false" }, "allowed", "Z", "a", "", "-", "" },          /* b never read */
		{ { "a=unknown", "b=false" }, "allowed", "Z", "a,b", "", "-", "" }, /* F settles */
		{ { "a=unknown", "b=true" }, "consult", "A", "a,b", "a", "-", "s2" },
		{ { "a=true", "b=unknown" }, "consult", "A", "a,b", "b", "-", "s2" },
		{ { "a=unknown", "b=unknown" }, "consult", "A", "a,b", "a,b", "-", "s2" },
		{ { "a=true" }, "incomplete", "-", "a,b", "", "b", "" },
		{ { "b=true" }, "incomplete", "-", "a", "", "a", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check(rs, &cases[i]);
	rules_free(rs);
}

static void any_is_kleene_or(void **state)
{
	(void)state;
	struct ruleset *rs = policy(
		R("A", "when: {any: [{a: true}, {b: true}]}, ", "not_allowed") OTHERWISE);
	const struct expect cases[] = {
		{ { "a=true" }, "not_allowed", "A", "a", "", "-", NULL },     /* b never read */
		{ { "a=false", "b=true" }, "not_allowed", "A", "a,b", "", "-", NULL },
		{ { "a=false", "b=false" }, "allowed", "Z", "a,b", "", "-", NULL },
		{ { "a=unknown", "b=true" }, "not_allowed", "A", "a,b", "", "-", NULL }, /* T settles */
		{ { "a=unknown", "b=false" }, "consult", "A", "a,b", "a", "-", NULL },
		{ { "a=false" }, "incomplete", "-", "a,b", "", "b", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check(rs, &cases[i]);
	rules_free(rs);
}

static void not_keeps_unknown(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {not: {a: true}}, ", "not_allowed") OTHERWISE);
	const struct expect cases[] = {
		{ { "a=true" }, "allowed", "Z", "a", "", "-", NULL },
		{ { "a=false" }, "not_allowed", "A", "a", "", "-", NULL },
		{ { "a=unknown" }, "consult", "A", "a", "a", "-", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check(rs, &cases[i]);
	rules_free(rs);
}

/* An unknown inside a part that settles does not count as the cause. */
static void blame_only_what_mattered(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A",
		"when: {all: [{any: [{a: true}, {b: true}]}, {c: true}]}, ", "not_allowed") OTHERWISE);
	const struct expect cases[] = {
		/* any settles true via b, so a's unknown does not matter; c does */
		{ { "a=unknown", "b=true", "c=unknown" }, "consult", "A", "a,b,c", "c", "-", NULL },
		{ { "a=unknown", "b=false", "c=true" }, "consult", "A", "a,b,c", "a", "-", NULL },
		{ { "a=unknown", "b=false", "c=false" }, "allowed", "Z", "a,b,c", "", "-", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check(rs, &cases[i]);
	rules_free(rs);
}

static void choices_and_lists(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {k: [x, z]}, ", "not_allowed")
				    R("B", "when: {k: y, a: true}, ", "consult") OTHERWISE);
	const struct expect cases[] = {
		{ { "k=x" }, "not_allowed", "A", "k", "", "-", NULL },
		{ { "k=Z" }, "not_allowed", "A", "k", "", "-", NULL }, /* any letter case */
		{ { "k=y", "a=true" }, "consult", "B", "k,a", "", "-", "s1" },
		{ { "k=y", "a=false" }, "allowed", "Z", "k,a", "", "-", NULL },
		{ { NULL }, "incomplete", "-", "k", "", "k", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check(rs, &cases[i]);
	rules_free(rs);
}

static void conditional_steps(void **state)
{
	(void)state;
	struct ruleset *rs = policy(
		"  - {id: A, verdict: allowed, refs: [p], reason: {en: r},\n"
		"     steps: [s1, {id: s2, when: {a: true, b: true}}]}\n");
	const struct expect cases[] = {
		{ { "a=true", "b=true" }, "allowed", "A", "a,b", "", "-", "s1,s2" },
		{ { "a=false" }, "allowed", "A", "a", "", "-", "s1" },
		{ { "a=true", "b=false" }, "allowed", "A", "a,b", "", "-", "s1" },
		/* unknown: the step is given, and nothing is blamed */
		{ { "a=unknown", "b=true" }, "allowed", "A", "a,b", "", "-", "s1,s2" },
		{ { "a=true" }, "incomplete", "-", "a,b", "", "b", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check(rs, &cases[i]);
	rules_free(rs);
}

static void no_rule_holds(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {a: true}, ", "allowed"));
	const struct expect e = { { "a=false" }, "incomplete", "-", "a", "", "-", "" };
	check(rs, &e);
	rules_free(rs);
}

static void trace_records_values(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {a: true, b: true}, ", "not_allowed") OTHERWISE);
	struct case_file c;
	struct strbuf err = STRBUF_INIT;
	case_init(rs, &c);
	assert_int_equal(case_set(rs, &c, "a=false", &err), 0);
	enum tri nodes[16];
	struct trace t = { nodes, 0 };
	struct outcome o;
	engine_decide(rs, c.facts, &o, &t);
	assert_int_equal(t.tried, 2);
	int when = rs->rules[0].when;
	assert_int_equal(nodes[when], TRI_FALSE);     /* the all */
	assert_int_equal(nodes[when + 1], TRI_FALSE); /* a: true */
	assert_int_equal(nodes[when + 2], TRI_NOT_EVALUATED); /* b: never read */
	sb_release(&err);
	rules_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(all_is_kleene_and),
		cmocka_unit_test(any_is_kleene_or),
		cmocka_unit_test(not_keeps_unknown),
		cmocka_unit_test(blame_only_what_mattered),
		cmocka_unit_test(choices_and_lists),
		cmocka_unit_test(conditional_steps),
		cmocka_unit_test(no_rule_holds),
		cmocka_unit_test(trace_records_values),
	};
	return cmocka_run_group_tests_name("engine", tests, NULL, NULL);
}
