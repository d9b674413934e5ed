/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview's 'waarom' (ask-why.c) and its glossary help: generated
 * from the rules. A rule's reason is a conclusion, true on its own path
 * only, so no reason text may show before the verdict: this walks every
 * point of every path of the built-in rules, in both languages, and looks
 * for every reason in what 'waarom', '?' and 'begrippen' print there. */
#include "helpers.h"

#include "../../src/ask.h"
#include "opname/analysis.h"
#include "opname/interview.h"
#include "opname/lint.h"

static int points;

struct look {
	const char *out;
	bool found;
};

/* One sentence of a reason, with its full stop, found in the output. */
static void look_for(void *arg, int words, const char *s, size_t n)
{
	struct look *l = arg;
	char sentence[512];
	snprintf(sentence, sizeof sentence, "%.*s", (int)n, s);
	if (words >= 4 && strstr(l->out, sentence))
		l->found = true;
}

/* Does any sentence of the reason (of four words or more) show in out? */
static bool shows(const char *out, const char *reason)
{
	struct look l = { out, false };
	lint_sentences(reason, look_for, &l);
	return l.found;
}

static void no_reason_in(const struct ruleset *rs, const char *out)
{
	for (int l = 0; l < rs->nlangs; l++) {
		for (int r = 0; r < rs->nrules; r++)
			if (shows(out, text_get(&rs->rules[r].reason, l)))
				fail_msg("rule %s's reason shows before the verdict:\n%s",
					 rs->rules[r].id, out);
		if (shows(out, text_get(&rs->unknown.reason, l)))
			fail_msg("the unknown reason shows before the verdict:\n%s", out);
	}
}

static void walk(struct interview *iv)
{
	const struct ruleset *rs = iv->rs;
	int f = interview_next(iv);
	if (f < 0)
		return;
	points++;
	for (int l = 0; l < rs->nlangs; l++) {
		struct strbuf sb = STRBUF_INIT;
		ask_why(&sb, iv, l, (enum ui_lang)l);
		/* it names the rule that needs the answer, and every answer */
		assert_non_null(strstr(sb.buf, rs->rules[iv->outcome.missing_rule].id));
		assert_non_null(strstr(sb.buf, "  - "));
		ask_terms(&sb, rs, f, l, (enum ui_lang)l, true);
		sb_addf(&sb, "%s\n", text_get(&rs->questions[f].help, l));
		no_reason_in(rs, sb.buf);
		sb_release(&sb);
	}
	fact_value vals[OPNAME_MAX_CHOICES];
	int n = analysis_values(&rs->questions[f], vals);
	for (int i = 0; i < n; i++) {
		assert_int_equal(interview_answer(iv, vals[i]), 0);
		walk(iv);
		assert_int_equal(interview_back(iv), f);
	}
}

static void no_reason_before_the_verdict(void **state)
{
	(void)state;
	struct ruleset *rs = rules_builtin();
	struct interview *iv = malloc(sizeof *iv);
	interview_start(iv, rs);
	walk(iv);
	assert_int_equal(points, 164 - 107); /* every point but the verdicts */
	free(iv);
	rules_free(rs);
}

/* What each answer leads to: a verdict with its rule, or the next question. */
static void why_says_where_each_answer_leads(void **state)
{
	(void)state;
	struct ruleset *rs = rules_builtin();
	struct interview *iv = malloc(sizeof *iv);
	interview_start(iv, rs);
	/* record, audio, takes part, a resident, announced: weighty_reasons next */
	fact_value answers[] = { 0, 0, FV_TRUE, 0, FV_TRUE };
	for (size_t i = 0; i < sizeof answers / sizeof *answers; i++)
		assert_int_equal(interview_answer(iv, answers[i]), 0);
	assert_string_equal(rs->questions[interview_next(iv)].id, "weighty_reasons");
	struct strbuf sb = STRBUF_INIT;
	ask_why(&sb, iv, 0, UI_NL);
	assert_non_null(strstr(sb.buf, "Regel C2 heeft dit antwoord nodig (Spelregel f"));
	assert_non_null(strstr(sb.buf, "Tot nu toe: opnemen · alleen geluid · doet mee · inwoner · gemeld\n"));
	assert_non_null(strstr(sb.buf, ", C0, C1\n"));
	assert_non_null(strstr(sb.buf, "  - ja: niet toegestaan (regel C2)\n"));
	assert_non_null(strstr(sb.buf, "  - nee: volgende vraag: Heeft een andere deelnemer bezwaar"));
	assert_non_null(strstr(sb.buf, "  - weet niet: overleg nodig (regel C2, niet te beslissen)\n"));
	sb_reset(&sb);
	ask_why(&sb, iv, 1, UI_EN);
	assert_non_null(strstr(sb.buf, "Rule C2 needs this answer (Rule f"));
	assert_non_null(strstr(sb.buf, "  - yes: not allowed (rule C2)\n"));
	sb_release(&sb);
	free(iv);
	rules_free(rs);
}

/* A question whose answer only adds a step: the rule holds already. */
static void why_for_a_step(void **state)
{
	(void)state;
	struct ruleset *rs = rules_builtin();
	struct interview *iv = malloc(sizeof *iv);
	interview_start(iv, rs);
	/* ... not objected, in a home: camera_present only decides e's step */
	fact_value answers[] = { 0, 0, FV_TRUE, 0, FV_TRUE, FV_FALSE, FV_FALSE, FV_TRUE };
	for (size_t i = 0; i < sizeof answers / sizeof *answers; i++)
		assert_int_equal(interview_answer(iv, answers[i]), 0);
	assert_string_equal(rs->questions[interview_next(iv)].id, "camera_present");
	struct strbuf sb = STRBUF_INIT;
	ask_why(&sb, iv, 0, UI_NL);
	assert_non_null(strstr(sb.buf, "Regel C3 geldt al (toegestaan)."));
	assert_non_null(strstr(sb.buf, "  - ja: toegestaan (regel C3), met deze stap\n"));
	assert_non_null(strstr(sb.buf, "  - nee: toegestaan (regel C3), zonder deze stap\n"));
	sb_release(&sb);
	free(iv);
	rules_free(rs);
}

/* '?' and 'begrippen' explain the glossary's words a question uses. */
static void terms_of_a_question(void **state)
{
	(void)state;
	struct ruleset *rs = rules_builtin();
	struct strbuf sb = STRBUF_INIT;
	ask_terms(&sb, rs, ruleset_find_fact(rs, "legal_basis"), 0, UI_NL, true);
	assert_non_null(strstr(sb.buf, "Begrippen:\n- AVG: De Algemene verordening"));
	assert_non_null(strstr(sb.buf, "\n- grondslag: Een reden uit de AVG"));
	sb_reset(&sb);
	ask_terms(&sb, rs, ruleset_find_fact(rs, "weighty_reasons"), 1, UI_EN, true);
	assert_non_null(strstr(sb.buf, "- weighty reasons: Serious reasons"));
	sb_reset(&sb);
	ask_terms(&sb, rs, ruleset_find_fact(rs, "at_home"), 0, UI_NL, true);
	assert_string_equal(sb.buf, "Deze vraag gebruikt geen begrippen uit de woordenlijst.\n");
	sb_release(&sb);
	rules_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_reason_before_the_verdict),
		cmocka_unit_test(why_says_where_each_answer_leads),
		cmocka_unit_test(why_for_a_step),
		cmocka_unit_test(terms_of_a_question),
	};
	return cmocka_run_group_tests_name("why", tests, NULL, NULL);
}
