/* SPDX-License-Identifier: EUPL-1.2 */
/* The built-in spelregels against the decision table they encode, on every
 * path (version 2: 25 rules, 107 complete paths of answers).
 *
 * The table is written out below by hand, directly from the policy, with
 * its own lazy three-valued evaluation: an oracle that shares nothing
 * with the rule file or the engine. The test walks every path of answers the
 * interview can take (every choice; true, false and unknown for each bool),
 * including every point where an answer is still missing, and requires the
 * engine on the built-in rule file to agree exactly: verdict, rule, next
 * steps in order, refs, facts_used, missing and unknown. */
#include <setjmp.h>
#include <stdio.h>

#include "helpers.h"
#include "opname/testcase.h"

enum { F, T, U }; /* Kleene values */

struct oracle {
	const struct ruleset *rs;
	const fact_value *facts;
	jmp_buf stop;
	/* results */
	const char *verdict, *rule, *steps[8];
	int nsteps;
	const char *used[OPNAME_MAX_FACTS];
	int nused;
	const char *missing;
	const char *unknown[8];
	int nunknown;
	const char *refs[16];
	int nrefs;
};

static void use(struct oracle *o, const char *fact)
{
	for (int i = 0; i < o->nused; i++)
		if (!strcmp(o->used[i], fact))
			return;
	o->used[o->nused++] = fact;
}

/* Read a fact: its value, or stop the evaluation when it is missing. */
static fact_value get(struct oracle *o, const char *fact)
{
	use(o, fact);
	int f = ruleset_find_fact(o->rs, fact);
	assert_true(f >= 0);
	if (o->facts[f] == FV_MISSING) {
		o->missing = fact;
		longjmp(o->stop, 1);
	}
	return o->facts[f];
}

static int is(struct oracle *o, const char *fact, const char *choice)
{
	int f = ruleset_find_fact(o->rs, fact);
	fact_value v = get(o, fact);
	return v == question_find_choice(&o->rs->questions[f], choice) ? T : F;
}

static int yes(struct oracle *o, const char *fact)
{
	fact_value v = get(o, fact);
	return v == FV_UNKNOWN ? U : v == FV_TRUE ? T : F;
}

static void blame(struct oracle *o, const char *fact)
{
	o->unknown[o->nunknown++] = fact;
}

static void verdict(struct oracle *o, const char *v, const char *rule)
{
	o->verdict = v;
	o->rule = rule;
}

static void step(struct oracle *o, const char *s)
{
	o->steps[o->nsteps++] = s;
}

static void ref(struct oracle *o, const char *part)
{
	o->refs[o->nrefs++] = part;
}

/* The parts a path cites, given the facts
 * it has read: 'employment' for an employee talking with their employer. */
static void ref_employment(struct oracle *o)
{
	int f = ruleset_find_fact(o->rs, "recorder");
	for (int i = 0; i < o->nused; i++)
		if (!strcmp(o->used[i], "recorder") &&
		    o->facts[f] == question_find_choice(&o->rs->questions[f], "employee"))
			ref(o, "employment");
}

/* A rule whose condition is unknown: consult, and the facts that made it so. */
static void consult_unknown(struct oracle *o, const char *rule)
{
	verdict(o, "consult", rule);
	step(o, "contact_privacy_officer");
}

/* recorder = employee ∧ context = work: the municipality's own recording.
 * Lazy: context is read only for an employee. */
static int work(struct oracle *o)
{
	if (is(o, "recorder", "employee") == F)
		return F;
	return is(o, "context", "work");
}

/* Kleene ∧ and ∨ of two values, the second evaluated by the caller only
 * when the first does not settle it. */
static int k_not(int v) { return v == U ? U : v == T ? F : T; }

/* The camera step of rule e, and its citation: given when at_home ∧
 * camera_present is true or unknown (camera_present read only when at_home
 * is not false). */
static void camera(struct oracle *o)
{
	int home = yes(o, "at_home"), cam = F;
	if (home != F)
		cam = yes(o, "camera_present");
	if (home != F && cam != F) {
		step(o, "disclose_camera");
		ref(o, "e");
	}
}

static void copy_rules(struct oracle *o)
{
	if (work(o) == T) {
		verdict(o, "allowed", "K1");
		step(o, "copy_on_request");
		step(o, "avg_compliance");
		ref(o, "a"), ref(o, "work"), ref(o, "avg");
		return;
	}
	int v = yes(o, "copy_refused");
	if (v == T)
		verdict(o, "consult", "K2"), step(o, "contact_privacy_officer");
	else if (v == U)
		blame(o, "copy_refused"), consult_unknown(o, "K2");
	if (v != F) {
		ref(o, "a"), ref(o, "violation"), ref_employment(o);
		return;
	}
	verdict(o, "allowed", "K3");
	step(o, "copy_on_request");
	ref(o, "a"), ref_employment(o);
}

static void evidence_rules(struct oracle *o)
{
	if (work(o) == T) {
		verdict(o, "consult", "E0");
		step(o, "court_decides"), step(o, "contact_privacy_officer");
		ref(o, "evidence"), ref(o, "work"), ref(o, "avg");
		return;
	}
	int v = yes(o, "participant");
	if (v != T) {
		if (v == F)
			verdict(o, "consult", "E2"), step(o, "contact_privacy_officer");
		else
			blame(o, "participant"), consult_unknown(o, "E2");
		ref(o, "evidence"), ref(o, "intro"), ref_employment(o);
		return;
	}
	v = yes(o, "court_case");
	if (v != T) {
		if (v == F)
			verdict(o, "consult", "E3"), step(o, "contact_privacy_officer");
		else
			blame(o, "court_case"), consult_unknown(o, "E3");
	} else {
		verdict(o, "allowed", "E1");
		step(o, "court_decides");
	}
	ref(o, "evidence"), ref_employment(o);
}

static void edit_rules(struct oracle *o)
{
	/* B1: edit_consent ∧ edit_announced; an unknown part settles nothing */
	int c = yes(o, "edit_consent"), a = F;
	if (c != F)
		a = yes(o, "edit_announced");
	if (c == F || a == F) {
		verdict(o, "not_allowed", "B2");
		step(o, "no_editing");
		ref(o, "b");
		return;
	}
	if (c == U || a == U) {
		if (c == U)
			blame(o, "edit_consent");
		if (a == U)
			blame(o, "edit_announced");
		consult_unknown(o, "B1");
		ref(o, "b");
		return;
	}
	verdict(o, "allowed", "B1");
	int w = work(o);
	ref(o, "b");
	if (w == F) {
		step(o, "home_circle_only");
		ref(o, "c");
		ref_employment(o);
	} else {
		step(o, "avg_compliance");
		ref(o, "work"), ref(o, "avg");
	}
}

static void share_rules(struct oracle *o)
{
	if (work(o) == T) {
		verdict(o, "consult", "S0");
		step(o, "avg_compliance"), step(o, "contact_privacy_officer");
		ref(o, "c"), ref(o, "work"), ref(o, "avg");
		return;
	}
	int c = yes(o, "consent_all"), p = F;
	if (c != T)
		p = yes(o, "public_interest");
	ref(o, "c");
	if (c == T || p == T) {
		verdict(o, "allowed", "S1");
		step(o, "avg_compliance"), step(o, "no_editing");
		if (c != T) /* false or unknown: the conditional step and ref */
			step(o, "contact_privacy_officer"), ref(o, "publication");
	} else if (c == F && p == F) {
		verdict(o, "not_allowed", "S2");
		step(o, "home_circle_only"), step(o, "contact_privacy_officer");
		ref(o, "publication");
	} else {
		if (c == U)
			blame(o, "consent_all");
		if (p == U)
			blame(o, "public_interest");
		consult_unknown(o, "S1");
		ref(o, "publication");
	}
	ref(o, "avg"), ref_employment(o);
}

/* W1–W5, W4: the municipality records the conversation itself. */
static void work_rules(struct oracle *o)
{
	int v = yes(o, "work_process");
	if (v != F) {
		if (v == T)
			verdict(o, "consult", "W1"), step(o, "contact_privacy_officer");
		else
			blame(o, "work_process"), consult_unknown(o, "W1");
		ref(o, "work");
		return;
	}
	/* W2: ¬legal_basis ∨ ¬necessary ∨ ¬purpose_defined */
	const char *parts[] = { "legal_basis", "necessary", "purpose_defined" };
	int any = F;
	const char *unknown[3];
	int nunknown = 0;
	for (int i = 0; i < 3 && any != T; i++) {
		int p = k_not(yes(o, parts[i]));
		if (p == T) {
			any = T;
		} else if (p == U) {
			any = U;
			unknown[nunknown++] = parts[i];
		}
	}
	if (any != F) {
		if (any == T) {
			verdict(o, "not_allowed", "W2");
			step(o, "use_alternatives"), step(o, "contact_privacy_officer");
		} else {
			for (int i = 0; i < nunknown; i++)
				blame(o, unknown[i]);
			consult_unknown(o, "W2");
		}
		ref(o, "work"), ref(o, "avg");
		return;
	}
	v = yes(o, "alternatives_sufficient");
	if (v != F) {
		if (v == T)
			verdict(o, "not_allowed", "W3"), step(o, "use_alternatives");
		else
			blame(o, "alternatives_sufficient"), consult_unknown(o, "W3");
		ref(o, "work"), ref(o, "f");
		return;
	}
	v = yes(o, "citizen_objects");
	if (v != F) {
		if (v == T) {
			verdict(o, "consult", "W5");
			step(o, "use_alternatives"), step(o, "contact_privacy_officer");
		} else {
			blame(o, "citizen_objects"), consult_unknown(o, "W5");
		}
		ref(o, "work"), ref(o, "avg");
		return;
	}
	verdict(o, "allowed", "W4");
	step(o, "announce"), step(o, "avg_compliance");
	step(o, "copy_on_request"), step(o, "no_editing");
	ref(o, "work"), ref(o, "avg"), ref(o, "intro"), ref(o, "a"), ref(o, "b");
	camera(o);
}

/* C0–C3 and T1: a resident, or an employee with their own employer. */
static void personal_rules(struct oracle *o)
{
	/* C0: ¬announced ∧ already_recorded; C1: ¬announced */
	int n = k_not(yes(o, "announced")), r = F;
	if (n != F)
		r = yes(o, "already_recorded");
	if (n != F && r != F) {
		if (n == T && r == T) {
			verdict(o, "consult", "C0");
			step(o, "contact_privacy_officer"), step(o, "copy_on_request");
			step(o, "no_editing"), step(o, "home_circle_only");
		} else {
			if (n == U)
				blame(o, "announced");
			if (r == U)
				blame(o, "already_recorded");
			consult_unknown(o, "C0");
		}
		ref(o, "intro"), ref(o, "violation"), ref(o, "a"), ref(o, "b"), ref(o, "c");
		ref_employment(o);
		return;
	}
	if (n != F) {
		if (n == T)
			verdict(o, "not_allowed", "C1"), step(o, "announce");
		else
			blame(o, "announced"), consult_unknown(o, "C1");
		ref(o, "intro"), ref_employment(o);
		return;
	}
	int v = yes(o, "weighty_reasons");
	if (v != F) {
		if (v == T) {
			verdict(o, "not_allowed", "C2");
			step(o, "explain_weighty_reasons"), step(o, "offer_alternatives");
		} else {
			blame(o, "weighty_reasons"), consult_unknown(o, "C2");
		}
		ref(o, "f"), ref_employment(o);
		return;
	}
	v = yes(o, "third_party_objects");
	if (v != F) {
		if (v == T) {
			verdict(o, "consult", "T1");
			step(o, "contact_privacy_officer"), step(o, "offer_alternatives");
		} else {
			blame(o, "third_party_objects"), consult_unknown(o, "T1");
		}
		ref(o, "f"), ref(o, "questions"), ref_employment(o);
		return;
	}
	verdict(o, "allowed", "C3");
	step(o, "copy_on_request"), step(o, "no_editing"), step(o, "home_circle_only");
	ref(o, "intro"), ref(o, "a"), ref(o, "b"), ref(o, "c"), ref(o, "avg");
	camera(o);
	ref_employment(o);
}

static void decide_by_table(struct oracle *o)
{
	if (is(o, "action", "breach") == T) {
		verdict(o, "consult", "V1");
		step(o, "contact_privacy_officer");
		ref(o, "violation");
		return;
	}
	if (is(o, "action", "copy") == T)
		return copy_rules(o);
	if (is(o, "action", "evidence") == T)
		return evidence_rules(o);
	if (is(o, "action", "edit") == T)
		return edit_rules(o);
	if (is(o, "action", "share") == T)
		return share_rules(o);
	/* R1, R2: action is record from here on */
	if (is(o, "media", "video") == T) {
		verdict(o, "not_allowed", "R1");
		step(o, "no_video");
		ref(o, "d");
		return;
	}
	int v = yes(o, "participant");
	if (v != T) {
		if (v == F)
			verdict(o, "not_allowed", "R2"), step(o, "contact_privacy_officer");
		else
			blame(o, "participant"), consult_unknown(o, "R2");
		ref(o, "intro");
		return;
	}
	if (work(o) == T)
		return work_rules(o);
	personal_rules(o);
}

static void oracle_decide(struct oracle *o, const struct ruleset *rs,
			  const fact_value *facts)
{
	memset(o, 0, sizeof *o);
	o->rs = rs;
	o->facts = facts;
	if (setjmp(o->stop)) {
		o->verdict = "incomplete";
		o->rule = NULL;
		o->nsteps = 0;
		o->nunknown = 0;
		o->nrefs = 0;
		return;
	}
	decide_by_table(o);
}

/* ---- compare with the engine ---- */

static void describe(const struct ruleset *rs, const fact_value *facts,
		     char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < rs->nquestions; i++) {
		if (facts[i] == FV_MISSING)
			continue;
		const struct question *q = &rs->questions[i];
		const char *v = facts[i] == FV_UNKNOWN ? "unknown"
			: q->type == FACT_CHOICE ? q->choices[facts[i]].id
			: facts[i] ? "true" : "false";
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s=%s ", q->id, v);
	}
}

static int npaths, nchecked, per_rule[64];

static const char *join(const char *const *items, int n, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < n; i++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", i ? "," : "",
			 items[i]);
	return buf;
}

static void compare(const struct ruleset *rs, const fact_value *facts)
{
	struct oracle o;
	struct outcome out;
	char where[1024], got[1024], want[1024];
	oracle_decide(&o, rs, facts);
	engine_decide(rs, facts, &out, NULL);
	describe(rs, facts, where, sizeof where);
	nchecked++;

	if (strcmp(verdict_id(out.verdict), o.verdict))
		fail_msg("%s: verdict %s, policy says %s", where,
			 verdict_id(out.verdict), o.verdict);
	const char *rule = out.verdict == VERDICT_INCOMPLETE ? NULL
			   : rs->rules[out.rule].id;
	if ((rule == NULL) != (o.rule == NULL) || (rule && strcmp(rule, o.rule)))
		fail_msg("%s: rule %s, policy says %s", where, rule ? rule : "-",
			 o.rule ? o.rule : "-");
	if (o.rule) {
		int r = ruleset_find_rule(rs, o.rule);
		per_rule[r]++;
	}

	step_ids(rs, &out, got, sizeof got);
	join(o.steps, o.nsteps, want, sizeof want);
	if (strcmp(got, want))
		fail_msg("%s: steps %s, policy says %s", where, got, want);

	fact_ids(rs, out.used, out.nused, got, sizeof got);
	join(o.used, o.nused, want, sizeof want);
	if (strcmp(got, want))
		fail_msg("%s: facts_used %s, policy says %s", where, got, want);

	got[0] = '\0';
	for (int i = 0; i < out.nrefs; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", i ? "," : "",
			 rs->parts[out.refs[i]].id);
	join(o.refs, o.nrefs, want, sizeof want);
	if (strcmp(got, want))
		fail_msg("%s: refs %s, policy says %s", where, got, want);

	fact_ids(rs, out.unknown, out.nunknown, got, sizeof got);
	join(o.unknown, o.nunknown, want, sizeof want);
	if (strcmp(got, want))
		fail_msg("%s: unknown [%s], policy says [%s]", where, got, want);

	const char *missing = out.missing >= 0 ? rs->questions[out.missing].id : NULL;
	if ((missing == NULL) != (o.missing == NULL) ||
	    (missing && strcmp(missing, o.missing)))
		fail_msg("%s: missing %s, policy says %s", where,
			 missing ? missing : "-", o.missing ? o.missing : "-");
}

/* Walk the interview: at each point compare, then answer the question the
 * policy asks next in every possible way. */
static void walk(const struct ruleset *rs, fact_value *facts)
{
	compare(rs, facts);
	struct oracle o;
	oracle_decide(&o, rs, facts);
	if (!o.missing) {
		npaths++;
		return;
	}
	int f = ruleset_find_fact(rs, o.missing);
	const struct question *q = &rs->questions[f];
	int n = q->type == FACT_CHOICE ? q->nchoices : 2;
	for (int v = 0; v < n; v++) {
		facts[f] = (fact_value)v;
		walk(rs, facts);
	}
	if (q->type == FACT_BOOL) {
		facts[f] = FV_UNKNOWN;
		walk(rs, facts);
	}
	facts[f] = FV_MISSING;
}

static void every_path_follows_the_policy(void **state)
{
	(void)state;
	struct ruleset *rs = rules_builtin();

	fact_value facts[OPNAME_MAX_FACTS];
	facts_clear(facts, rs->nquestions);
	walk(rs, facts);

	/* Every rule of the table decides some path. */
	for (int r = 0; r < rs->nrules; r++)
		if (!per_rule[r])
			fail_msg("rule %s decides no path", rs->rules[r].id);
	print_message("%d complete paths, %d points compared\n", npaths, nchecked);
	assert_int_equal(npaths, 107); /* the policy's count of complete paths */
	rules_free(rs);
}

/* The rule file's own tests say what the oracle says: the engine agrees
 * with the oracle on each test's facts, and each test passes. So the
 * golden path tests of scripts/path-tests.py are the table's outcomes. */
static void builtin_tests_follow_the_policy(void **state)
{
	(void)state;
	struct ruleset *rs = rules_builtin();
	size_t len;
	const char *text = rules_builtin_tests(&len);
	struct testfile tf;
	struct diag d;
	diag_init(&d, "builtin tests");
	assert_int_equal(testfile_read(rs, text, len, "builtin tests", &tf, &d), 0);
	assert_true(tf.ntests >= 164);
	struct strbuf report = STRBUF_INIT;
	for (int i = 0; i < tf.ntests; i++) {
		struct outcome o;
		compare(rs, tf.tests[i].facts);
		if (testcase_run(rs, &tf, &tf.tests[i], &o, &report))
			fail_msg("%s", report.buf);
	}
	sb_release(&report);
	testfile_release(&tf);
	diag_release(&d);
	rules_free(rs);
}

/* Answers the interview never asks are ignored: the same outcome results
 * whatever extra facts a case file carries. */
static void extra_facts_change_nothing(void **state)
{
	(void)state;
	struct ruleset *rs = rules_builtin();
	struct outcome a, b;
	const char *lean[] = { "action=record", "media=video", NULL };
	const char *full[] = { "action=record", "media=video", "participant=false",
			       "recorder=employee", "context=work", "legal_basis=unknown",
			       "consent_all=true", "at_home=true", NULL };
	decide_with(rs, &a, lean);
	decide_with(rs, &b, full);
	assert_int_equal(a.verdict, b.verdict);
	assert_int_equal(a.rule, b.rule);
	assert_int_equal(a.nused, 2);
	assert_int_equal(b.nused, 2);
	rules_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_path_follows_the_policy),
		cmocka_unit_test(extra_facts_change_nothing),
		cmocka_unit_test(builtin_tests_follow_the_policy),
	};
	return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
