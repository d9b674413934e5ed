/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview state machine on the built-in spelregels: which question
 * comes next, going back with remembered answers as defaults, stopping, and
 * every verdict. */
#include "helpers.h"

#include "opname/interview.h"

/* The built-in spelregels: compiled in, never freed, no setup needed. */
static struct ruleset *rs;

static int fact(const char *id)
{
	int f = ruleset_find_fact(rs, id);
	if (f < 0)
		fail_msg("no fact '%s'", id);
	return f;
}

static fact_value val(int f, const char *s)
{
	fact_value v;
	if (fact_value_parse(&rs->questions[f], s, &v) < 0)
		fail_msg("'%s' is no value of %s", s, rs->questions[f].id);
	return v;
}

static const char *next_id(const struct interview *iv)
{
	int f = interview_next(iv);
	return f < 0 ? "-" : rs->questions[f].id;
}

/* Answer "fact=value" in turn; each fact must be the question asked. */
static void answer_all(struct interview *iv, const char *const *assigns)
{
	for (; *assigns; assigns++) {
		char id[64];
		const char *eq = strchr(*assigns, '=');
		snprintf(id, sizeof id, "%.*s", (int)(eq - *assigns), *assigns);
		assert_string_equal(next_id(iv), id);
		int f = fact(id);
		assert_int_equal(interview_answer(iv, val(f, eq + 1)), 0);
	}
}

static const char *verdict_of(const struct interview *iv)
{
	return verdict_id(interview_outcome(iv)->verdict);
}

static const char *rule_of(const struct interview *iv)
{
	int r = interview_outcome(iv)->rule;
	return r < 0 ? "-" : rs->rules[r].id;
}

static void starts_with_action(void **state)
{
	(void)state;
	struct interview iv;
	interview_start(&iv, rs);
	assert_string_equal(next_id(&iv), "action");
	assert_int_equal(interview_number(&iv), 1);
	assert_int_equal(interview_default(&iv), FV_MISSING);
	assert_int_equal(iv.nanswers, 0);
	assert_string_equal(verdict_of(&iv), "incomplete");
	assert_int_equal(interview_back(&iv), -1); /* nothing to go back to */
	assert_string_equal(next_id(&iv), "action");
}

static void refuses_values_the_question_has_not(void **state)
{
	(void)state;
	struct interview iv;
	interview_start(&iv, rs);
	assert_int_equal(interview_answer(&iv, FV_UNKNOWN), -1); /* a choice */
	assert_int_equal(interview_answer(&iv, 6), -1);
	assert_int_equal(interview_answer(&iv, FV_MISSING), -1);
	assert_int_equal(iv.nanswers, 0);
	const char *const path[] = { "action=record", "media=audio", NULL };
	answer_all(&iv, path);
	assert_string_equal(next_id(&iv), "participant");
	assert_int_equal(interview_answer(&iv, 2), -1); /* a bool is 0, 1 or unknown */
	assert_int_equal(interview_answer(&iv, FV_UNKNOWN), 0);
	assert_int_equal(interview_number(&iv), 4);
}

struct path {
	const char *answers[16];
	const char *verdict, *rule;
};

/* Every rule of the decision table (version 2), and unknown -> consult. */
static const struct path paths[] = {
	{ { "action=breach" }, "consult", "V1" },
	{ { "action=copy", "recorder=employee", "context=work" }, "allowed", "K1" },
	{ { "action=copy", "recorder=citizen", "copy_refused=true" }, "consult", "K2" },
	{ { "action=copy", "recorder=citizen", "copy_refused=false" }, "allowed", "K3" },
	{ { "action=evidence", "recorder=employee", "context=work" }, "consult", "E0" },
	{ { "action=evidence", "recorder=citizen", "participant=false" }, "consult", "E2" },
	{ { "action=evidence", "recorder=citizen", "participant=true", "court_case=false" },
	  "consult", "E3" },
	{ { "action=evidence", "recorder=citizen", "participant=true", "court_case=true" },
	  "allowed", "E1" },
	{ { "action=edit", "edit_consent=true", "edit_announced=true", "recorder=citizen" },
	  "allowed", "B1" },
	{ { "action=edit", "edit_consent=false" }, "not_allowed", "B2" },
	{ { "action=edit", "edit_consent=true", "edit_announced=false" }, "not_allowed", "B2" },
	{ { "action=share", "recorder=employee", "context=work" }, "consult", "S0" },
	{ { "action=share", "recorder=citizen", "consent_all=true" }, "allowed", "S1" },
	{ { "action=share", "recorder=citizen", "consent_all=false", "public_interest=true" },
	  "allowed", "S1" },
	{ { "action=share", "recorder=citizen", "consent_all=false", "public_interest=false" },
	  "not_allowed", "S2" },
	{ { "action=record", "media=video" }, "not_allowed", "R1" },
	{ { "action=record", "media=audio", "participant=false" }, "not_allowed", "R2" },
	{ { "action=record", "media=audio", "participant=true", "recorder=employee",
	    "context=work", "work_process=true" }, "consult", "W1" },
	{ { "action=record", "media=audio", "participant=true", "recorder=employee",
	    "context=work", "work_process=false", "legal_basis=false" }, "not_allowed", "W2" },
	{ { "action=record", "media=audio", "participant=true", "recorder=employee",
	    "context=work", "work_process=false", "legal_basis=true", "necessary=true",
	    "purpose_defined=true", "alternatives_sufficient=true" }, "not_allowed", "W3" },
	{ { "action=record", "media=audio", "participant=true", "recorder=employee",
	    "context=work", "work_process=false", "legal_basis=true", "necessary=true",
	    "purpose_defined=true", "alternatives_sufficient=false", "citizen_objects=true" }, "consult", "W5" },
	{ { "action=record", "media=audio", "participant=true", "recorder=employee",
	    "context=work", "work_process=false", "legal_basis=true", "necessary=true",
	    "purpose_defined=true", "alternatives_sufficient=false", "citizen_objects=false", "at_home=false" }, "allowed", "W4" },
	{ { "action=record", "media=audio", "participant=true", "recorder=citizen", "announced=false", "already_recorded=true" }, "consult", "C0" },
	{ { "action=record", "media=audio", "participant=true", "recorder=citizen", "announced=false", "already_recorded=false" }, "not_allowed", "C1" },
	{ { "action=record", "media=audio", "participant=true", "recorder=employee",
	    "context=employment", "announced=true", "weighty_reasons=true" }, "not_allowed", "C2" },
	{ { "action=record", "media=audio", "participant=true", "recorder=citizen", "announced=true", "weighty_reasons=false",
	    "third_party_objects=true" }, "consult", "T1" },
	{ { "action=record", "media=audio", "participant=true", "recorder=citizen", "announced=true", "weighty_reasons=false",
	    "third_party_objects=false", "at_home=false" }, "allowed", "C3" },
	{ { "action=record", "media=audio", "participant=true", "recorder=citizen", "announced=true", "weighty_reasons=false",
	    "third_party_objects=false", "at_home=true", "camera_present=true" }, "allowed", "C3" },
	{ { "action=record", "media=audio", "participant=unknown" }, "consult", "R2" },
	{ { "action=record", "media=audio", "participant=true", "recorder=citizen", "announced=true", "weighty_reasons=unknown" }, "consult", "C2" },
};

static void every_path_reaches_its_verdict(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		struct interview iv;
		interview_start(&iv, rs);
		answer_all(&iv, paths[i].answers);
		assert_string_equal(next_id(&iv), "-");
		assert_string_equal(verdict_of(&iv), paths[i].verdict);
		assert_string_equal(rule_of(&iv), paths[i].rule);
		/* the questions asked are exactly the facts the decision used */
		const struct outcome *o = interview_outcome(&iv);
		assert_int_equal(o->nused, iv.nanswers);
		for (int k = 0; k < iv.nanswers; k++)
			assert_int_equal(o->used[k], iv.order[k]);
		/* nothing more can be answered once decided */
		assert_int_equal(interview_answer(&iv, FV_TRUE), -1);
	}
}

static void camera_step_follows_the_answers(void **state)
{
	(void)state;
	char buf[256];
	struct interview iv;
	interview_start(&iv, rs);
	answer_all(&iv, paths[27].answers); /* C3 with a camera */
	assert_string_equal(step_ids(rs, interview_outcome(&iv), buf, sizeof buf),
			    "copy_on_request,no_editing,home_circle_only,disclose_camera");
	interview_back(&iv);
	assert_string_equal(next_id(&iv), "camera_present");
	assert_int_equal(interview_answer(&iv, FV_FALSE), 0);
	assert_string_equal(step_ids(rs, interview_outcome(&iv), buf, sizeof buf),
			    "copy_on_request,no_editing,home_circle_only");
}

static void back_offers_the_old_answer(void **state)
{
	(void)state;
	struct interview iv;
	interview_start(&iv, rs);
	const char *const path[] = { "action=record", "media=audio", "participant=true",
				     "recorder=employee", "context=work", NULL };
	answer_all(&iv, path);
	assert_string_equal(next_id(&iv), "work_process");
	assert_int_equal(interview_number(&iv), 6);

	assert_int_equal(interview_back(&iv), fact("context"));
	assert_string_equal(next_id(&iv), "context");
	assert_int_equal(interview_default(&iv), val(fact("context"), "work"));
	assert_int_equal(interview_number(&iv), 5);
	assert_int_equal(interview_back(&iv), fact("recorder"));
	assert_string_equal(next_id(&iv), "recorder");
	assert_int_equal(interview_default(&iv), val(fact("recorder"), "employee"));
	assert_int_equal(iv.nanswers, 3);

	/* a different answer: context is no longer needed, and never part of
	 * the case, though remembered */
	assert_int_equal(interview_answer(&iv, val(fact("recorder"), "citizen")), 0);
	assert_string_equal(next_id(&iv), "announced");
	assert_int_equal(interview_default(&iv), FV_MISSING);
	assert_int_equal(iv.facts[fact("context")], FV_MISSING);
	assert_int_equal(iv.nanswers, 4);

	/* back again to employee: context comes back with its old answer */
	interview_back(&iv);
	assert_int_equal(interview_default(&iv), val(fact("recorder"), "citizen"));
	assert_int_equal(interview_answer(&iv, val(fact("recorder"), "employee")), 0);
	assert_string_equal(next_id(&iv), "context");
	assert_int_equal(interview_default(&iv), val(fact("context"), "work"));
	/* taking the default is answering with it; it is then no longer offered */
	assert_int_equal(interview_answer(&iv, interview_default(&iv)), 0);
	assert_string_equal(next_id(&iv), "work_process");
	assert_int_equal(iv.redo[fact("context")], FV_MISSING);
	assert_int_equal(interview_default(&iv), FV_MISSING);

	/* back all the way; one more is refused */
	for (int i = 5; i > 0; i--)
		assert_true(interview_back(&iv) >= 0);
	assert_int_equal(interview_back(&iv), -1);
	assert_string_equal(next_id(&iv), "action");
	assert_int_equal(interview_default(&iv), val(fact("action"), "record"));
}

static void back_from_a_verdict(void **state)
{
	(void)state;
	struct interview iv;
	interview_start(&iv, rs);
	const char *const path[] = { "action=record", "media=video", NULL };
	answer_all(&iv, path);
	assert_string_equal(verdict_of(&iv), "not_allowed");
	assert_int_equal(interview_back(&iv), fact("media"));
	assert_string_equal(verdict_of(&iv), "incomplete");
	assert_int_equal(interview_default(&iv), val(fact("media"), "video"));
	assert_int_equal(interview_answer(&iv, val(fact("media"), "audio")), 0);
	assert_string_equal(next_id(&iv), "participant");
}

static void stop_is_incomplete_naming_the_question(void **state)
{
	(void)state;
	struct interview iv;
	interview_start(&iv, rs);
	const char *const path[] = { "action=share", "recorder=citizen", NULL };
	answer_all(&iv, path);
	interview_stop(&iv);
	assert_int_equal(interview_next(&iv), -1);
	assert_int_equal(interview_default(&iv), FV_MISSING);
	assert_int_equal(interview_answer(&iv, FV_TRUE), -1);
	const struct outcome *o = interview_outcome(&iv);
	assert_int_equal(o->verdict, VERDICT_INCOMPLETE);
	assert_int_equal(o->missing, fact("consent_all"));
	assert_int_equal(iv.nanswers, 2);
	/* going back after a stop resumes */
	assert_int_equal(interview_back(&iv), fact("recorder"));
	assert_string_equal(next_id(&iv), "recorder");

	/* stopped at the first question: no answers at all */
	interview_start(&iv, rs);
	interview_stop(&iv);
	assert_int_equal(interview_outcome(&iv)->missing, fact("action"));
	assert_int_equal(iv.nanswers, 0);
}

static void why_names_the_rule(void **state)
{
	(void)state;
	struct interview iv;
	interview_start(&iv, rs);
	const char *const path[] = { "action=record", "media=audio", "participant=true",
				     "recorder=employee", "context=work",
				     "work_process=false", NULL };
	answer_all(&iv, path);
	assert_string_equal(next_id(&iv), "legal_basis");
	const struct outcome *o = interview_outcome(&iv);
	assert_true(o->missing_rule >= 0);
	assert_string_equal(rs->rules[o->missing_rule].id, "W2");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(starts_with_action),
		cmocka_unit_test(refuses_values_the_question_has_not),
		cmocka_unit_test(every_path_reaches_its_verdict),
		cmocka_unit_test(camera_step_follows_the_answers),
		cmocka_unit_test(back_offers_the_old_answer),
		cmocka_unit_test(back_from_a_verdict),
		cmocka_unit_test(stop_is_incomplete_naming_the_question),
		cmocka_unit_test(why_names_the_rule),
	};
	rs = rules_builtin();
	return cmocka_run_group_tests_name("interview", tests, NULL, NULL);
}
