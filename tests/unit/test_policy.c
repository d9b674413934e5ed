/* The built-in spelregels against spec/policy.md, on every path.
 *
 * The decision table is written out below by hand, directly from policy.md,
 * with its own lazy three-valued evaluation: an oracle that shares nothing
 * with the rule file or the engine. The test walks every path of answers the
 * interview can take (every choice; true, false and unknown for each bool),
 * including every point where an answer is still missing, and requires the
 * engine on the built-in rule file to agree exactly: verdict, rule, next
 * steps in order, facts_used, missing and unknown. */
#include <setjmp.h>
#include <stdio.h>

#include "helpers.h"

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

static int no(struct oracle *o, const char *fact)
{
	int v = yes(o, fact);
	return v == U ? U : v == T ? F : T;
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

/* A rule whose condition is unknown: policy.md, "Unknown and missing". */
static void consult_unknown(struct oracle *o, const char *rule)
{
	verdict(o, "consult", rule);
	step(o, "contact_privacy_officer");
}

/* recorder = employee ∧ context = work ∧ X, for W1–W4. Returns T/F; the
 * caller evaluates X only when this is T. */
static int employee_at_work(struct oracle *o)
{
	if (is(o, "action", "record") == F) /* unreachable: E/B/S catch the rest */
		return F;
	if (is(o, "recorder", "employee") == F)
		return F;
	return is(o, "context", "work");
}

static void decide_by_table(struct oracle *o)
{
	int v;
	/* E1 */
	if (is(o, "action", "evidence") == T) {
		verdict(o, "allowed", "E1");
		step(o, "court_decides");
		return;
	}
	/* B1, B2 */
	if (is(o, "action", "edit") == T) {
		int a = yes(o, "edit_announced"), c = F;
		if (a != F)
			c = yes(o, "edit_consent");
		if (a == T && c == T) {
			verdict(o, "allowed", "B1");
			step(o, "home_circle_only");
		} else if (a == F || c == F) {
			verdict(o, "not_allowed", "B2");
			step(o, "no_editing");
		} else {
			if (a == U)
				blame(o, "edit_announced");
			if (c == U)
				blame(o, "edit_consent");
			consult_unknown(o, "B1");
		}
		return;
	}
	/* S1, S2 */
	if (is(o, "action", "share") == T) {
		int c = yes(o, "consent_all"), p = F;
		if (c != T)
			p = yes(o, "public_interest");
		if (c == T || p == T) {
			verdict(o, "allowed", "S1");
			step(o, "avg_compliance");
		} else if (c == F && p == F) {
			verdict(o, "not_allowed", "S2");
			step(o, "home_circle_only");
			step(o, "contact_privacy_officer");
		} else {
			if (c == U)
				blame(o, "consent_all");
			if (p == U)
				blame(o, "public_interest");
			consult_unknown(o, "S1");
		}
		return;
	}
	/* R1, R2: action is record from here on */
	if (is(o, "media", "video") == T) {
		verdict(o, "not_allowed", "R1");
		step(o, "no_video");
		return;
	}
	v = yes(o, "participant");
	if (v == F) {
		verdict(o, "not_allowed", "R2");
		step(o, "contact_privacy_officer");
		return;
	}
	if (v == U) {
		blame(o, "participant");
		consult_unknown(o, "R2");
		return;
	}
	/* W1–W4 */
	if (employee_at_work(o) == T) {
		v = yes(o, "work_process");
		if (v != F) {
			if (v == U)
				blame(o, "work_process");
			if (v == T) {
				verdict(o, "consult", "W1");
				step(o, "contact_privacy_officer");
			} else {
				consult_unknown(o, "W1");
			}
			return;
		}
		/* W2: ¬legal_basis ∨ ¬necessary ∨ ¬purpose_defined */
		const char *parts[] = { "legal_basis", "necessary", "purpose_defined" };
		int any = F;
		const char *unknown[3];
		int nunknown = 0;
		for (int i = 0; i < 3 && any != T; i++) {
			int p = no(o, parts[i]);
			if (p == T)
				any = T;
			else if (p == U) {
				any = U;
				unknown[nunknown++] = parts[i];
			}
		}
		if (any == T) {
			verdict(o, "not_allowed", "W2");
			step(o, "use_alternatives");
			step(o, "contact_privacy_officer");
			return;
		}
		if (any == U) {
			for (int i = 0; i < nunknown; i++)
				blame(o, unknown[i]);
			consult_unknown(o, "W2");
			return;
		}
		v = yes(o, "alternatives_sufficient");
		if (v == T) {
			verdict(o, "not_allowed", "W3");
			step(o, "use_alternatives");
		} else if (v == U) {
			blame(o, "alternatives_sufficient");
			consult_unknown(o, "W3");
		} else {
			verdict(o, "allowed", "W4");
			step(o, "announce");
			step(o, "avg_compliance");
			step(o, "copy_on_request");
			step(o, "no_editing");
		}
		return;
	}
	/* C1–C3: citizens, and employees with their employer */
	v = no(o, "announced");
	if (v != F) {
		if (v == T) {
			verdict(o, "not_allowed", "C1");
			step(o, "announce");
		} else {
			blame(o, "announced");
			consult_unknown(o, "C1");
		}
		return;
	}
	v = yes(o, "weighty_reasons");
	if (v != F) {
		if (v == T) {
			verdict(o, "not_allowed", "C2");
			step(o, "explain_weighty_reasons");
			step(o, "offer_alternatives");
		} else {
			blame(o, "weighty_reasons");
			consult_unknown(o, "C2");
		}
		return;
	}
	verdict(o, "allowed", "C3");
	step(o, "copy_on_request");
	step(o, "no_editing");
	step(o, "home_circle_only");
	int home = yes(o, "at_home"), cam = F;
	if (home != F)
		cam = yes(o, "camera_present");
	if (home != F && cam != F) /* true or unknown: included */
		step(o, "disclose_camera");
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

static int npaths, nchecked, per_rule[32];

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
	assert_true(npaths > 50);
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
	};
	return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
