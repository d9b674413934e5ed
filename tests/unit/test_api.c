/* SPDX-License-Identifier: EUPL-1.2 */
/* The embedding API (include/opname.h), used as an embedder would: only
 * the public header, every handle freed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "opname.h"

static const char small[] =
	"opname: 1\nname: small\nversion: \"1\"\nlanguages: [en, nl]\n"
	"parts: [{id: p, title: {en: Part, nl: Deel}}]\n"
	"questions:\n"
	"  - {id: ok, type: bool, refs: [p], text: {en: Good?, nl: Goed?}}\n"
	"  - {id: kind, type: choice, refs: [p], text: {en: Which?, nl: Welke?},\n"
	"     choices: [{id: a, text: {en: A thing, nl: Een ding}}, {id: b, text: {en: B, nl: B}}]}\n"
	"steps: [{id: go, ref: p, text: {en: Go on, nl: Ga door}}]\n"
	"unknown: {verdict: consult, reason: {en: Unknown, nl: Onbekend}, steps: []}\n"
	"rules:\n"
	"  - {id: R1, when: {ok: true, kind: a}, verdict: allowed, refs: [p],\n"
	"     reason: {en: Good and a, nl: Goed en a}, steps: [go]}\n"
	"  - {id: R2, verdict: not_allowed, refs: [p], reason: {en: No, nl: Nee}, steps: []}\n";

static opname_rules *load(void)
{
	opname_rules *r;
	opname_diags *d;
	assert_int_equal(opname_rules_parse(small, strlen(small), "small.yaml", &r, &d), OPNAME_OK);
	assert_null(d);
	return r;
}

static void rules_and_their_identity(void **state)
{
	(void)state;
	opname_rules *r = load();
	assert_string_equal(opname_rules_name(r), "small");
	assert_string_equal(opname_rules_version(r), "1");
	assert_int_equal(strlen(opname_rules_sha256(r)), 64);
	assert_int_equal(opname_rules_language(r, "nl"), 1);
	assert_int_equal(opname_rules_language(r, "tr"), -1);
	assert_int_equal(opname_rules_fact_count(r), 2);
	assert_string_equal(opname_rules_fact_id(r, 1), "kind");
	assert_null(opname_rules_fact_id(r, 2));
	assert_non_null(strchr(opname_version(), '.'));
	opname_rules_free(r);
}

/* Bad rule files: every problem a record with its place, no output. */
static void diagnostics_are_records(void **state)
{
	(void)state;
	static const char bad[] = "opname: 1\nname: x\nversion: \"1\"\nlanguages: [en]\n"
				  "parts: []\nquestions: []\nsteps: []\nunknown: {}\n"
				  "rules: [{id: R, verdict: maybe}]\n";
	opname_rules *r;
	opname_diags *d;
	assert_int_equal(opname_rules_parse(bad, strlen(bad), "bad.yaml", &r, &d), OPNAME_EINVAL);
	assert_null(r);
	assert_true(opname_diags_count(d) >= 3);
	int found = 0;
	for (size_t i = 0; i < opname_diags_count(d); i++) {
		assert_string_equal(opname_diag_file(d, i), "bad.yaml");
		assert_null(strchr(opname_diag_message(d, i), '\n'));
		if (strstr(opname_diag_message(d, i), "unknown verdict 'maybe'")) {
			assert_int_equal(opname_diag_line(d, i), 9);
			assert_int_equal(opname_diag_column(d, i), 26);
			assert_false(opname_diag_is_warning(d, i));
			found = 1;
		}
	}
	assert_true(found);
	opname_diags_free(d);
	assert_int_equal(opname_rules_load("/nonexistent/r.yaml", &r, &d), OPNAME_EIO);
	assert_null(d);
}

/* A reason and a step text that show a computed date: filled in, in the
 * language asked for, and kept until the outcome is freed. */
static void texts_show_dates(void **state)
{
	(void)state;
	static const char dated[] =
		"opname: 1\nname: dated\nversion: \"1\"\nlanguages: [en, nl]\n"
		"parts: [{id: p, title: {en: Part, nl: Deel}}]\n"
		"questions: [{id: got, type: date, refs: [p], text: {en: When?, nl: Wanneer?}}]\n"
		"steps: [{id: go, ref: p, text: {en: \"By {got + 4w}\", nl: \"Uiterlijk {got + 4w}\"}}]\n"
		"unknown: {verdict: consult, reason: {en: Unknown, nl: Onbekend}, steps: []}\n"
		"rules:\n"
		"  - {id: R1, when: {got: {after: 2000-01-01}}, verdict: allowed, refs: [p],\n"
		"     reason: {en: \"Got {got}\", nl: \"Op {got}\"}, steps: [go]}\n"
		"  - {id: R2, verdict: not_allowed, refs: [p], reason: {en: No, nl: Nee}, steps: []}\n";
	opname_rules *r;
	opname_diags *d;
	assert_int_equal(opname_rules_parse(dated, strlen(dated), "dated.yaml", &r, &d), OPNAME_OK);
	opname_case *c;
	static const char yaml[] = "facts: {got: 2026-12-24}\n";
	assert_int_equal(opname_case_parse(r, yaml, strlen(yaml), "c.yaml", &c, &d), OPNAME_OK);
	opname_outcome *o;
	assert_int_equal(opname_decide(r, c, &o), OPNAME_OK);
	const char *reason = opname_outcome_reason(o, 1);
	assert_string_equal(opname_outcome_step_text(o, 0, 0), "By 21 January 2027");
	assert_string_equal(reason, "Op 24 december 2026"); /* still there */
	assert_string_equal(opname_outcome_step_text(o, 0, 9), "By 21 January 2027");
	opname_outcome_free(o);
	opname_case_free(c);
	opname_rules_free(r);
}

static void decide_a_case(void **state)
{
	(void)state;
	opname_rules *r = load();
	opname_case *c;
	opname_diags *d;
	static const char yaml[] = "id: c-1\nfacts: {ok: ja, kind: a}\n";
	assert_int_equal(opname_case_parse(r, yaml, strlen(yaml), "c.yaml", &c, &d), OPNAME_OK);
	assert_string_equal(opname_case_id(c), "c-1");
	opname_outcome *o;
	assert_int_equal(opname_decide(r, c, &o), OPNAME_OK);
	assert_int_equal(opname_outcome_verdict(o), OPNAME_ALLOWED);
	assert_string_equal(opname_outcome_verdict_id(o), "allowed");
	assert_string_equal(opname_outcome_rule(o), "R1");
	assert_string_equal(opname_outcome_reason(o, 1), "Goed en a");
	assert_int_equal(opname_outcome_count(o, OPNAME_STEPS), 1);
	assert_string_equal(opname_outcome_id(o, OPNAME_STEPS, 0), "go");
	assert_string_equal(opname_outcome_step_text(o, 0, 0), "Go on");
	assert_string_equal(opname_outcome_id(o, OPNAME_REFS, 0), "p");
	assert_int_equal(opname_outcome_count(o, OPNAME_FACTS_USED), 2);
	assert_string_equal(opname_outcome_id(o, OPNAME_FACTS_USED, 1), "kind");
	assert_null(opname_outcome_id(o, OPNAME_FACTS_USED, 2));
	char *json;
	assert_int_equal(opname_outcome_json(o, opname_case_id(c), 0, &json), OPNAME_OK);
	assert_non_null(strstr(json, "{\"id\": \"c-1\", \"verdict\": \"allowed\", \"rule\": \"R1\""));
	assert_int_equal(json[strlen(json) - 1], '}');
	free(json);
	opname_outcome_free(o);
	opname_case_free(c);

	/* a case built fact by fact; a bad value names the good ones */
	assert_int_equal(opname_case_new(r, &c), OPNAME_OK);
	assert_int_equal(opname_case_set(c, "ok", "unknown", NULL), OPNAME_OK);
	assert_int_equal(opname_case_set(c, "kind", "c", &d), OPNAME_EINVAL);
	assert_int_equal(opname_diags_count(d), 1);
	assert_non_null(strstr(opname_diag_message(d, 0), "use a or b"));
	opname_diags_free(d);
	assert_int_equal(opname_case_set(c, "kinf", "a", &d), OPNAME_EINVAL);
	assert_non_null(strstr(opname_diag_message(d, 0), "did you mean 'kind'"));
	opname_diags_free(d);
	assert_int_equal(opname_decide(r, c, &o), OPNAME_OK);
	assert_int_equal(opname_outcome_verdict(o), OPNAME_INCOMPLETE);
	assert_null(opname_outcome_reason(o, 0));
	assert_string_equal(opname_outcome_id(o, OPNAME_MISSING, 0), "kind");
	opname_outcome_free(o);
	assert_int_equal(opname_case_set(c, "kind", "a", NULL), OPNAME_OK);
	assert_int_equal(opname_decide(r, c, &o), OPNAME_OK);
	assert_int_equal(opname_outcome_verdict(o), OPNAME_CONSULT);
	assert_string_equal(opname_outcome_id(o, OPNAME_UNKNOWN, 0), "ok");
	opname_outcome_free(o);
	opname_case_free(c);

	static const char typo[] = "facts: {okk: true}\n";
	assert_int_equal(opname_case_parse(r, typo, strlen(typo), "t.yaml", &c, &d), OPNAME_EINVAL);
	assert_null(c);
	assert_int_equal(opname_diag_line(d, 0), 1);
	opname_diags_free(d);
	opname_rules_free(r);
}

static void interview_one_answer_at_a_time(void **state)
{
	(void)state;
	opname_rules *r = load();
	opname_interview *iv;
	assert_int_equal(opname_interview_new(r, &iv), OPNAME_OK);
	assert_string_equal(opname_interview_question(iv), "ok");
	assert_string_equal(opname_interview_text(iv, 1), "Goed?");
	assert_int_equal(opname_interview_answer(iv, "misschien"), OPNAME_EINVAL);
	assert_int_equal(opname_interview_answer(iv, "ja"), OPNAME_OK);
	assert_string_equal(opname_interview_question(iv), "kind");
	assert_int_equal(opname_interview_answer(iv, "A thing"), OPNAME_OK);
	assert_null(opname_interview_question(iv));
	opname_outcome *o;
	assert_int_equal(opname_interview_outcome(iv, &o), OPNAME_OK);
	assert_string_equal(opname_outcome_rule(o), "R1");
	opname_outcome_free(o);
	assert_int_equal(opname_interview_back(iv), OPNAME_OK);
	assert_int_equal(opname_interview_answer(iv, "2"), OPNAME_OK);
	assert_int_equal(opname_interview_outcome(iv, &o), OPNAME_OK);
	assert_int_equal(opname_outcome_verdict(o), OPNAME_NOT_ALLOWED);
	opname_outcome_free(o);
	assert_int_equal(opname_interview_answer(iv, "ja"), OPNAME_EINVAL); /* over */
	opname_interview_free(iv);
	opname_rules_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rules_and_their_identity),
		cmocka_unit_test(diagnostics_are_records),
		cmocka_unit_test(decide_a_case),
		cmocka_unit_test(texts_show_dates),
		cmocka_unit_test(interview_one_answer_at_a_time),
	};
	return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
