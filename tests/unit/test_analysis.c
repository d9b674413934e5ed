/* SPDX-License-Identifier: EUPL-1.2 */
/* The path analysis on small rule files: counting paths, the merged
 * diagram, and every problem 'check' reports. */
#include "helpers.h"

#include <stdio.h>

#include "opname/analysis.h"

/* Three bool facts a, b, c and a choice k (x, y, z), as in test_engine.c. */
static const char *const HEAD =
	"opname: 1\nname: t\nversion: '1'\nlanguages: [en]\n"
	"parts: [{id: p, title: {en: P}}, {id: p2, title: {en: P2}}]\n"
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

#define FIRST_RULE_LINE 17

static struct ruleset *policy(const char *rules)
{
	static char buf[16384];
	snprintf(buf, sizeof buf, "%srules:\n%s", HEAD, rules);
	return load_ok(buf);
}

#define R(id, when, verdict) \
	"  - {id: " id ", " when "verdict: " verdict ", refs: [p], reason: {en: r}, steps: [s1]}\n"
#define OTHERWISE "  - {id: Z, verdict: allowed, refs: [p], reason: {en: z}, steps: []}\n"

/* Run the analysis and 'check''s report; returns the number of problems. */
static int analyse(const struct ruleset *rs, struct analysis *an, char **text)
{
	struct diag d;
	diag_init(&d, "t.yaml");
	analysis_run(an, rs, 0);
	int n = analysis_problems(an, &d);
	free(d.entries);
	*text = d.text.buf ? d.text.buf : calloc(1, 1);
	return n;
}

static void values_of_a_question(void **state)
{
	(void)state;
	struct ruleset *rs = policy(OTHERWISE);
	fact_value v[OPNAME_MAX_CHOICES];
	assert_int_equal(analysis_values(&rs->questions[0], v), 3);
	assert_int_equal(v[0], FV_TRUE);
	assert_int_equal(v[1], FV_FALSE);
	assert_int_equal(v[2], FV_UNKNOWN);
	assert_int_equal(analysis_values(&rs->questions[3], v), 3);
	assert_int_equal(v[2], 2);
	rules_free(rs);
}

/* k=x decides at once; y and z ask b: 1 + 3 + 3 paths, and y and z share
 * one subtree in the diagram. */
static void paths_and_merged_diagram(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {k: x}, ", "not_allowed")
				    R("B", "when: {b: true}, ", "consult") OTHERWISE);
	struct analysis an;
	char *text;
	/* a and c are never asked, and z never differs from y */
	assert_int_equal(analyse(rs, &an, &text), 3);
	assert_non_null(strstr(text, "t.yaml:11:64: choice 'z' of 'k' never changes the outcome: on every path it leads where 'y' does\n"));
	assert_int_equal(an.npaths, 7);
	assert_false(an.truncated);
	assert_int_equal(an.verdicts[VERDICT_NOT_ALLOWED], 1);
	assert_int_equal(an.verdicts[VERDICT_CONSULT], 4); /* B twice, unknown twice */
	assert_int_equal(an.verdicts[VERDICT_ALLOWED], 2);
	assert_int_equal(an.rule_decides[0], 1);
	assert_int_equal(an.rule_decides[1], 2);
	assert_int_equal(an.rule_unknown[1], 2);
	assert_int_equal(an.by_unknown, 2);
	assert_int_equal(an.fact_asked[3], 1);
	assert_int_equal(an.fact_asked[1], 2); /* b in the tree twice ... */
	assert_int_equal(an.fact_asked[0], 0);
	const struct anode *root = &an.nodes[an.root];
	assert_int_equal(root->fact, 3);
	assert_int_equal(root->nkids, 3);
	assert_int_equal(root->kids[1], root->kids[2]); /* ... and drawn once */
	assert_int_not_equal(root->kids[0], root->kids[1]);
	const struct anode *b = &an.nodes[root->kids[1]];
	assert_int_equal(b->fact, 1);
	/* leaves A, B, Z, unknown B, and the questions k and b */
	assert_int_equal(an.nnodes, 6);
	const struct anode *leaf = &an.nodes[b->kids[2]];
	assert_int_equal(leaf->fact, -1);
	assert_true(leaf->by_unknown);
	assert_int_equal(leaf->rule, 1);
	assert_int_equal(leaf->verdict, VERDICT_CONSULT);
	assert_int_equal(leaf->nsteps, 1);
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

static void a_complete_file_has_no_problems(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {k: x}, ", "not_allowed")
				    R("B", "when: {k: y, a: true}, ", "consult")
				    "  - {id: Z, verdict: allowed, refs: [p], reason: {en: z}, steps: [s1]}\n");
	struct analysis an;
	char *text;
	/* b and c are never asked */
	assert_int_equal(analyse(rs, &an, &text), 2);
	assert_non_null(strstr(text, "t.yaml:8:5: question 'b' is never asked: no path of answers needs it\n"));
	assert_non_null(strstr(text, "t.yaml:9:5: question 'c' is never asked"));
	assert_int_equal(an.npaths, 1 + 3 + 1);
	assert_int_equal(an.no_verdict, 0);
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

static void a_rule_after_a_catch_all_is_unreachable(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {a: true}, ", "not_allowed") OTHERWISE
				    R("L", "when: {b: true}, ", "consult"));
	struct analysis an;
	char *text;
	analyse(rs, &an, &text);
	char want[128];
	snprintf(want, sizeof want, "t.yaml:%d:5: rule 'L' is unreachable: the rules before it decide every path of answers\n",
		 FIRST_RULE_LINE + 2);
	assert_non_null(strstr(text, want));
	assert_int_equal(an.last_tried, 1);
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

static void a_shadowed_rule_is_unreachable(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {a: true}, ", "not_allowed")
				    R("S", "when: {a: true, b: true}, ", "consult") OTHERWISE);
	struct analysis an;
	char *text;
	analyse(rs, &an, &text);
	assert_non_null(strstr(text, "rule 'S' is unreachable: its condition is never true on a path of answers that gets to it\n"));
	assert_int_equal(an.rule_decides[1], 0);
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

static void a_contradiction_is_found_and_unreachable(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {all: [{a: true}, {b: true}, {all: [{a: false}]}]}, ", "consult")
				    OTHERWISE);
	struct analysis an;
	char *text;
	int n = analyse(rs, &an, &text);
	assert_non_null(strstr(text, "t.yaml:17:56: 'a = false' contradicts 'a = true' (line 17): this condition can never hold"));
	/* With a unknown it is at most unknown: the unknown section decides. */
	assert_non_null(strstr(text, "rule 'A' is unreachable: its condition is never true on a path of answers that gets to it (only unknown"));
	assert_true(an.rule_unknown[0] > 0);
	assert_int_equal(n, 5); /* + c and k never asked, s1 never given */
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

/* Different choices of one fact in 'any' are no contradiction. */
static void any_is_not_a_contradiction(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {any: [{a: true}, {a: false}]}, ", "consult")
				    OTHERWISE);
	struct analysis an;
	char *text;
	analyse(rs, &an, &text);
	assert_null(strstr(text, "contradicts"));
	assert_int_equal(an.rule_decides[0], 2);
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

static void a_path_with_no_verdict_is_shown(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {a: true}, ", "allowed")
				    R("B", "when: {k: [x, y]}, ", "not_allowed"));
	struct analysis an;
	char *text;
	analyse(rs, &an, &text);
	assert_int_equal(an.no_verdict, 1);
	assert_int_equal(an.verdicts[VERDICT_INCOMPLETE], 1);
	assert_non_null(strstr(text, "t.yaml:18:5: no rule holds, so no verdict, for the answers a=false, k=z (end the rules with one without 'when')\n"));
	struct strbuf sb = STRBUF_INIT;
	analysis_path_text(rs, an.examples, &sb);
	assert_string_equal(sb.buf, "a=false, k=z");
	sb_release(&sb);
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

static void many_paths_with_no_verdict_are_summed_up(void **state)
{
	(void)state;
	/* Every path but a=true, b=true, c=true, k=x lacks a verdict. */
	struct ruleset *rs = policy(R("A", "when: {a: true, b: true, c: true, k: x}, ", "allowed"));
	struct analysis an;
	char *text;
	analyse(rs, &an, &text);
	assert_true(an.no_verdict > ANALYSIS_MAX_EXAMPLES);
	assert_int_equal(an.nexamples, ANALYSIS_MAX_EXAMPLES);
	char want[96];
	snprintf(want, sizeof want, "and %ld more paths of answers with no verdict\n",
		 an.no_verdict - ANALYSIS_MAX_EXAMPLES);
	assert_non_null(strstr(text, want));
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

static void unused_steps_are_found(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {a: true}, ", "not_allowed") OTHERWISE);
	struct analysis an;
	char *text;
	analyse(rs, &an, &text);
	/* s2 is given by the unknown section (a unknown), s1 by A */
	assert_null(strstr(text, "step 's"));
	analysis_release(&an);
	free(text);
	rules_free(rs);

	rs = policy(R("A", "when: {k: x}, ", "not_allowed") OTHERWISE);
	analyse(rs, &an, &text);
	assert_non_null(strstr(text, "t.yaml:14:5: step 's2' is never given: no path of answers leads to it\n"));
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

/* A conditional step's facts are asked too, after the rule decides. */
static void conditional_steps_branch(void **state)
{
	(void)state;
	struct ruleset *rs = policy(
		"  - {id: Z, verdict: allowed, refs: [p], reason: {en: z},\n"
		"     steps: [{id: s1, when: {a: true, b: true}}]}\n");
	struct analysis an;
	char *text;
	analyse(rs, &an, &text);
	assert_int_equal(an.npaths, 3 + 1 + 3);
	assert_int_equal(an.step_given[0], 2 + 2); /* a true or unknown; b true or unknown */
	/* the leaves: Z with s1 and Z without */
	int leaves = 0;
	for (int i = 0; i < an.nnodes; i++)
		leaves += an.nodes[i].fact < 0;
	assert_int_equal(leaves, 2);
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

static void the_limit_stops_the_walk(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {a: true, b: true, c: true}, ", "allowed") OTHERWISE);
	struct analysis an;
	struct diag d;
	diag_init(&d, "t.yaml");
	analysis_run(&an, rs, 5);
	assert_true(an.truncated);
	assert_int_equal(an.npaths, 5);
	assert_int_equal(an.root, -1);
	assert_int_equal(analysis_problems(&an, &d), 1);
	assert_string_equal(d.text.buf, "t.yaml: more than 5 paths of answers: the analysis stops there, so it cannot show that every path has a verdict\n");
	diag_release(&d);
	analysis_release(&an);
	analysis_run(&an, rs, 0);
	assert_false(an.truncated);
	assert_int_equal(an.npaths, 15); /* 7 for a true, 1 for false, 7 for unknown */
	analysis_release(&an);
	rules_free(rs);
}

struct visits {
	int paths, with_b;
};

static void count_path(void *arg, const fact_value *facts, const struct outcome *o)
{
	struct visits *v = arg;
	v->paths++;
	v->with_b += facts[1] != FV_MISSING;
	assert_true(o->verdict != VERDICT_INCOMPLETE || o->missing < 0);
}

/* analysis_run_visit shows each path's answers once, as the interview asks them. */
static void each_path_is_visited(void **state)
{
	(void)state;
	struct ruleset *rs = policy(R("A", "when: {a: true, b: true}, ", "allowed") OTHERWISE);
	struct analysis an;
	struct visits v = { 0, 0 };
	analysis_run_visit(&an, rs, 0, count_path, &v);
	assert_int_equal(v.paths, an.npaths);
	assert_int_equal(v.paths, 3 + 1 + 3);
	assert_int_equal(v.with_b, 6); /* b is asked unless a is false */
	analysis_release(&an);
	rules_free(rs);
}

/* The spelregels: every path has a verdict, every rule decides somewhere. */
static void the_spelregels_are_complete(void **state)
{
	(void)state;
	struct diag d;
	diag_init(&d, "spelregels");
	struct ruleset *rs = rules_builtin();
	assert_non_null(rs);
	struct analysis an;
	analysis_run(&an, rs, 0);
	assert_int_equal(analysis_problems(&an, &d), 0);
	assert_int_equal(d.count, 0);
	assert_int_equal(an.npaths, 107);
	assert_int_equal(an.no_verdict, 0);
	assert_int_equal(an.verdicts[VERDICT_INCOMPLETE], 0);
	for (int r = 0; r < rs->nrules; r++)
		assert_true(an.rule_decides[r] > 0);
	for (int f = 0; f < rs->nquestions; f++)
		assert_true(an.fact_asked[f] > 0);
	/* at_home unknown asks camera_present like at_home true: C3 with and
	 * without disclose_camera are two leaves */
	int c3 = ruleset_find_rule(rs, "C3"), leaves = 0;
	for (int i = 0; i < an.nnodes; i++)
		leaves += an.nodes[i].fact < 0 && an.nodes[i].rule == c3;
	assert_int_equal(leaves, 2);
	diag_release(&d);
	analysis_release(&an);
	rules_free(rs);
}

struct visit {
	const struct ruleset *rs;
	long n;
};

/* The outcome a path ends with is the one a whole decide gives. */
static void check_visit(void *arg, const fact_value *facts, const struct outcome *o)
{
	struct visit *v = arg;
	struct outcome whole;
	engine_decide(v->rs, facts, &whole, NULL);
	v->n++;
	assert_int_equal(o->verdict, whole.verdict);
	assert_int_equal(o->rule, whole.rule);
	assert_int_equal(o->by_unknown, whole.by_unknown);
	assert_int_equal(o->nsteps, whole.nsteps);
	assert_memory_equal(o->steps, whole.steps, (size_t)o->nsteps * sizeof *o->steps);
	assert_int_equal(o->nused, whole.nused);
	assert_memory_equal(o->used, whole.used, (size_t)o->nused * sizeof *o->used);
	assert_int_equal(o->nunknown, whole.nunknown);
	assert_memory_equal(o->unknown, whole.unknown, (size_t)o->nunknown * sizeof *o->unknown);
	assert_int_equal(o->nrefs, whole.nrefs);
	assert_memory_equal(o->refs, whole.refs, (size_t)o->nrefs * sizeof *o->refs);
	assert_int_equal(o->ref_unread, whole.ref_unread);
}

/* The walk resumes at the rule that asked: forty rules before it, settled
 * by 'a' (and 'k'), are not evaluated again at each node below them. The
 * outcomes are those of a whole decide: 'used' is the path's answers. */
static void resumes_at_the_rule_that_asked(void **state)
{
	(void)state;
	struct strbuf rules = STRBUF_INIT;
	for (int i = 0; i < 40; i++)
		sb_addf(&rules, "  - {id: F%d, when: {a: false, k: x}, verdict: allowed, refs: [p], reason: {en: r}, steps: [s1]}\n", i);
	/* its ref cites by 'a', which only the rules before it read */
	sb_adds(&rules, "  - {id: ASK, when: {all: [{any: [{b: true}, {b: false}]}, {any: [{c: true}, {c: false}]}, {k: [x, y]}]}, "
			"verdict: not_allowed, refs: [{id: p, when: {a: true}}, p2], reason: {en: r}, steps: [s1]}\n");
	sb_adds(&rules, OTHERWISE);
	struct ruleset *rs = policy(rules.buf);
	struct analysis an;
	analysis_run(&an, rs, 0);
	assert_false(an.truncated);
	if (an.work >= 3000) /* 1 326 resuming; 10 206 from the first rule */
		fail_msg("%ld evaluations: the walk starts again from the first rule", an.work);
	long paths = an.npaths;
	analysis_release(&an);
	/* every leaf as a whole decide gives it */
	struct visit v = { rs, 0 };
	analysis_run_visit(&an, rs, 0, check_visit, &v);
	assert_int_equal(v.n, paths);
	analysis_release(&an);
	rules_free(rs);
	sb_release(&rules);
}

/* Two conditional steps on facts the path has not asked are analysed apart:
 * their branches add (one path, 3 + 3 step branches), not multiply (9). */
static void steps_apart_add(void **state)
{
	(void)state;
	struct ruleset *rs = policy(
		"  - {id: Z, verdict: allowed, refs: [p], reason: {en: z},\n"
		"     steps: [{id: s1, when: {a: true}}, {id: s2, when: {b: true}}]}\n");
	struct analysis an;
	char *text;
	analyse(rs, &an, &text);
	assert_null(strstr(text, "step '"));
	assert_null(strstr(text, "question 'a'"));
	assert_int_equal(an.npaths, 1);
	assert_int_equal(an.step_branches, 3 + 3);
	assert_int_equal(an.step_given[0], 2); /* a true or unknown */
	assert_int_equal(an.step_given[1], 2);
	assert_true(an.fact_asked[0] > 0 && an.fact_asked[1] > 0);
	const struct anode *root = &an.nodes[an.root];
	assert_int_equal(root->fact, -1);
	assert_int_equal(root->nsteps, 0);
	assert_int_equal(root->npending, 2);
	assert_int_equal(root->pending[0], 0);
	assert_int_equal(root->pending[1], 1);
	/* a test giving a and b takes the one path: its used[] has neither */
	fact_value facts[OPNAME_MAX_FACTS];
	facts_clear(facts, OPNAME_MAX_FACTS);
	facts[0] = FV_TRUE;
	facts[1] = FV_FALSE;
	struct outcome o;
	analysis_outcome_of(rs, facts, &o);
	assert_int_equal(o.verdict, VERDICT_ALLOWED);
	assert_int_equal(o.nused, 0);
	/* the interview asks both, as before */
	facts_clear(facts, OPNAME_MAX_FACTS);
	engine_decide(rs, facts, &o, NULL);
	assert_int_equal(o.missing, 0);
	facts[0] = FV_TRUE;
	engine_decide(rs, facts, &o, NULL);
	assert_int_equal(o.missing, 1);
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

/* A step condition testing a fact a ref of its rule tests stays in the
 * tree, as the ref's citation needs the fact asked; and a step apart that
 * no branch gives is reported, as any step never given. */
static void steps_apart_or_not(void **state)
{
	(void)state;
	struct ruleset *rs = policy(
		"  - {id: Z, verdict: allowed, refs: [p, {id: p2, when: {b: true}}], reason: {en: z},\n"
		"     steps: [{id: s1, when: {a: true}}, {id: s2, when: {b: true}}]}\n");
	struct analysis an;
	char *text;
	analyse(rs, &an, &text);
	assert_null(strstr(text, "ref '"));
	/* b in the tree; then a, alone apart at each leaf, is in the tree too:
	 * its branches count the same either way, and graph draws them */
	assert_int_equal(an.npaths, 3 * 3);
	assert_int_equal(an.step_branches, 0);
	assert_int_equal(an.step_given[0], 3 * 2);
	assert_int_equal(an.ref_cited[1], 2 * 3); /* b true or unknown */
	free(text);
	analysis_release(&an);
	rules_free(rs);

	rs = policy(
		"  - {id: Z, verdict: allowed, refs: [p], reason: {en: z},\n"
		"     steps: [{id: s1, when: {a: true, b: true}}, {id: s2, when: {all: [{c: true}, {not: {c: true}}]}}]}\n");
	int n = analyse(rs, &an, &text);
	assert_int_equal(an.npaths, 1);
	assert_int_equal(an.step_branches, 7 + 3);
	assert_int_equal(an.step_given[1], 1); /* c unknown only */
	(void)n;
	free(text);
	analysis_release(&an);
	rules_free(rs);

	rs = policy(
		"  - {id: Z, verdict: allowed, refs: [p], reason: {en: z},\n"
		"     steps: [{id: s1, when: {a: true, b: false}}, {id: s2, when: {a: false, b: true}}]}\n"
		"  - {id: Y, verdict: allowed, refs: [p], reason: {en: z}, steps: []}\n");
	analyse(rs, &an, &text);
	assert_non_null(strstr(text, "rule 'Y' is unreachable"));
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

/* A choice that only a step apart reads, and that never changes whether
 * the step is given, is reported as for any choice. */
static void steps_apart_choices(void **state)
{
	(void)state;
	struct ruleset *rs = policy(
		"  - {id: Z, verdict: allowed, refs: [p], reason: {en: z},\n"
		"     steps: [{id: s1, when: {k: x}}, {id: s2, when: {a: true}}]}\n");
	struct analysis an;
	char *text;
	analyse(rs, &an, &text);
	assert_int_equal(an.step_branches, 3 + 3); /* a choice: no unknown */
	assert_non_null(strstr(text, "choice 'z' of 'k' never changes the outcome: on every path it leads where 'y' does"));
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values_of_a_question),
		cmocka_unit_test(paths_and_merged_diagram),
		cmocka_unit_test(a_complete_file_has_no_problems),
		cmocka_unit_test(a_rule_after_a_catch_all_is_unreachable),
		cmocka_unit_test(a_shadowed_rule_is_unreachable),
		cmocka_unit_test(a_contradiction_is_found_and_unreachable),
		cmocka_unit_test(any_is_not_a_contradiction),
		cmocka_unit_test(a_path_with_no_verdict_is_shown),
		cmocka_unit_test(many_paths_with_no_verdict_are_summed_up),
		cmocka_unit_test(unused_steps_are_found),
		cmocka_unit_test(conditional_steps_branch),
		cmocka_unit_test(steps_apart_add),
		cmocka_unit_test(steps_apart_or_not),
		cmocka_unit_test(steps_apart_choices),
		cmocka_unit_test(the_limit_stops_the_walk),
		cmocka_unit_test(each_path_is_visited),
		cmocka_unit_test(resumes_at_the_rule_that_asked),
		cmocka_unit_test(the_spelregels_are_complete),
	};
	return cmocka_run_group_tests_name("analysis", tests, NULL, NULL);
}
