/* SPDX-License-Identifier: EUPL-1.2 */
/* Dates and numbers in texts: the loader's checks, located; rendering in
 * each language and as ISO; and check's proof that a text's facts are
 * known on every path that shows it. */
#include "helpers.h"

#include "opname/analysis.h"
#include "opname/output.h"
#include "opname/text-expr.h"

/* A date r, a number n, a bool b and a choice k; STEP is the step's text
 * in nl, REASON the rule's reason in nl; the en texts are plain. */
static struct ruleset *policy_with(const char *step, const char *reason, const char *when,
				   bool ok, char **errors)
{
	static char buf[8192];
	snprintf(buf, sizeof buf,
		 "opname: 1\nname: t\nversion: '1'\nlanguages: [nl, en]\n"
		 "parts: [{id: p, title: {nl: P, en: P}}]\n"
		 "questions:\n"
		 "  - {id: r, type: date, refs: [p], text: {nl: R?, en: R?}}\n"
		 "  - {id: n, type: number, refs: [p], text: {nl: N?, en: N?}}\n"
		 "  - {id: b, type: bool, refs: [p], text: {nl: B?, en: B?}}\n"
		 "  - {id: k, type: choice, refs: [p], text: {nl: K?, en: K?},\n"
		 "     choices: [{id: x, text: {nl: X, en: X}}, {id: y, text: {nl: Y, en: Y}}]}\n"
		 "steps:\n"
		 "  - {id: s, ref: p, text: {nl: \"%s\", en: \"by {r + 4w}\"}}\n"
		 "unknown: {verdict: consult, reason: {nl: U, en: U}, steps: []}\n"
		 "rules:\n"
		 "  - {id: A, when: %s, verdict: allowed, refs: [p],\n"
		 "     reason: {nl: \"%s\", en: \"on {r}\"}, steps: [s]}\n"
		 "  - {id: Z, verdict: not_allowed, refs: [p], reason: {nl: z, en: z}, steps: []}\n",
		 step, when, reason);
	if (ok)
		return load_ok(buf);
	*errors = load_bad(buf);
	return NULL;
}

static struct ruleset *good(const char *step, const char *reason, const char *when)
{
	return policy_with(step, reason, when, true, NULL);
}

static void bad(const char *step, const char *want)
{
	char *errors;
	policy_with(step, "on {r}", "{r: {after: 2020-01-01}, n: {gt: 3}, k: x}", false, &errors);
	if (!strstr(errors, want))
		fail_msg("want %s\ngot %s", want, errors);
	free(errors);
}

static void placeholders_are_checked_where_written(void **state)
{
	(void)state;
	bad("{q + 4w}", "t.yaml:13:32: the step's text in 'nl': unknown fact 'q' in a placeholder");
	bad("{b}", "the step's text in 'nl': 'b' is a bool: a text shows only a date or a number fact");
	bad("{k + 1d}", "'k' is a choice: a text shows only a date or a number fact");
	bad("{n + 4w}", "'n' is a number: only a date takes '+' or '-'");
	bad("{r + 4x}", "'4x' is not a duration: write a count of at most 5 digits and d, w, m or y (4w)");
	bad("{r + 123456d}", "is not a duration");
	bad("{r + n}", "the number 'n' needs a unit after it: d, w, m or y ('n d')");
	bad("{r + b d}", "'b' is a bool: only a number fact counts days, weeks, months or years");
	bad("{r +}", "a '+' or '-' needs a duration (4w) or a number fact and a unit (days d) after it");
	bad("{r * 2}", "unexpected '*' in a placeholder");
	bad("{}", "a placeholder holds a date or number fact, as in '{received + 4w}'; write '{{' for a '{'");
	bad("uiterlijk {r + 4w", "a '{' with no '}' after it: write '{{' for a '{'");
	bad("a } b", "a '}' with no '{' before it: write '}}' for a '}'");
}

static void dates_read_as_people_read_them(void **state)
{
	(void)state;
	struct ruleset *rs = good("uiterlijk {r + 4w + n d}, {{letterlijk}} {n}", "op {r - 1y}",
				  "{r: {after: 2020-01-01}, n: {gt: 3}}");
	struct outcome o;
	decide_with(rs, &o, (const char *const[]){ "r=2026-12-24", "n=10", NULL });
	assert_int_equal(o.verdict, VERDICT_ALLOWED);
	struct strbuf sb = STRBUF_INIT;
	step_text_put(&sb, rs, &o, 0, 0, false);
	assert_string_equal(sb.buf, "uiterlijk 31 januari 2027, {letterlijk} 10");
	sb_reset(&sb);
	step_text_put(&sb, rs, &o, 0, 0, true);
	assert_string_equal(sb.buf, "uiterlijk 2027-01-31, {letterlijk} 10");
	sb_reset(&sb);
	step_text_put(&sb, rs, &o, 0, 1, false);
	assert_string_equal(sb.buf, "by 21 January 2027");
	sb_reset(&sb);
	outcome_reason_put(&sb, rs, &o, 0, UI_NL, false);
	assert_string_equal(sb.buf, "op 24 december 2025");
	/* a value the case does not know shows as '?' */
	decide_with(rs, &o, (const char *const[]){ "r=2026-12-24", "n=unknown", NULL });
	sb_reset(&sb);
	step_text_put(&sb, rs, &o, 0, 0, false);
	assert_string_equal(sb.buf, "uiterlijk ?, {letterlijk} ?");
	/* a month without the day: its last day */
	decide_with(rs, &o, (const char *const[]){ "r=2024-02-29", "n=4", NULL });
	sb_reset(&sb);
	outcome_reason_put(&sb, rs, &o, 0, UI_NL, false);
	assert_string_equal(sb.buf, "op 28 februari 2023");
	sb_release(&sb);
	rules_free(rs);
}

static char *problems(const struct ruleset *rs, struct analysis *an)
{
	struct diag d;
	diag_init(&d, "t.yaml");
	analysis_run(an, rs, 0);
	analysis_problems(an, &d);
	free(d.entries);
	return d.text.buf ? d.text.buf : calloc(1, 1);
}

static void check_proves_the_facts_known(void **state)
{
	(void)state;
	struct analysis an;
	/* the rule reads r and n: known wherever A decides */
	struct ruleset *rs = good("uiterlijk {r + n d}", "op {r}", "{r: {after: 2020-01-01}, n: {gt: 3}}");
	char *text = problems(rs, &an);
	assert_null(strstr(text, "shows"));
	free(text);
	analysis_release(&an);
	rules_free(rs);

	/* n is never asked on the way to A */
	rs = good("uiterlijk {r + n d}", "op {r}", "{r: {after: 2020-01-01}}");
	text = problems(rs, &an);
	assert_non_null(strstr(text, "t.yaml:13:32: the text of step 's' in 'nl' shows 'n', which is not asked on the path r=from 2020-01-02: a text shows only facts that every path to it asks and knows\n"));
	free(text);
	analysis_release(&an);
	rules_free(rs);

	/* r unknown, and A holds anyway: the reason would show '?' */
	rs = good("s", "op {r}", "{any: [{r: {after: 2020-01-01}}, {b: true}]}");
	text = problems(rs, &an);
	assert_non_null(strstr(text, "the reason of rule 'A' in 'nl' shows 'r', which is unknown on the path r=unknown, b=true"));
	free(text);
	analysis_release(&an);
	rules_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(placeholders_are_checked_where_written),
		cmocka_unit_test(dates_read_as_people_read_them),
		cmocka_unit_test(check_proves_the_facts_known),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
