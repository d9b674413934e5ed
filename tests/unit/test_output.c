/* SPDX-License-Identifier: EUPL-1.2 */
/* The outputs: JSON escaping, the outcome object, the text for a person. */
#include "helpers.h"
#include "opname/version.h"

#include "opname/output.h"

static void json_escaping(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	json_str(&sb, "plain");
	assert_string_equal(sb.buf, "\"plain\"");
	sb_reset(&sb);
	json_str(&sb, "a\"b\\c\nd\te\rf\x01g\x1fh");
	assert_string_equal(sb.buf, "\"a\\\"b\\\\c\\nd\\te\\rf\\u0001g\\u001fh\"");
	sb_reset(&sb);
	json_str(&sb, "’s-Hertogenbosch — é"); /* UTF-8 passes through */
	assert_string_equal(sb.buf, "\"’s-Hertogenbosch — é\"");
	sb_reset(&sb);
	json_str(&sb, "");
	assert_string_equal(sb.buf, "\"\"");
	sb_release(&sb);
}

static const char *const POLICY =
	"opname: 1\nname: t\nversion: '1.2'\nlanguages: [nl, en]\n"
	"parts: [{id: p, title: {nl: Deel, en: Part}}]\n"
	"questions:\n"
	"  - {id: a, type: bool, refs: [p], text: {nl: A?, en: A?}}\n"
	"  - {id: b, type: bool, refs: [p], text: {nl: 'Is \"b\" zo?', en: 'Is \"b\" so?'}}\n"
	"steps: [{id: s, ref: p, text: {nl: Doe \"s\", en: Do \"s\"}}]\n"
	"unknown: {verdict: consult, reason: {nl: Onbekend, en: Unknown}, steps: [s]}\n"
	"rules:\n"
	"  - {id: R, when: {a: true, b: true}, verdict: not_allowed, refs: [p],\n"
	"     reason: {nl: Nee, en: 'No: \"never\"'}, steps: [s]}\n"
	"  - {id: Z, verdict: allowed, refs: [p], reason: {nl: Ja, en: Yes}, steps: []}\n";

static void outcome_object(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(POLICY);
	struct outcome o;
	struct strbuf sb = STRBUF_INIT;
	const char *facts[] = { "a=true", "b=true", NULL };
	decide_with(rs, &o, facts);
	outcome_members(&sb, rs, "c\"1", &o, 1, UI_EN);
	char want[1024];
	snprintf(want, sizeof want,
		 "\"id\": \"c\\\"1\", \"verdict\": \"not_allowed\", \"rule\": \"R\", "
		 "\"reason\": \"No: \\\"never\\\"\", \"refs\": [\"p\"], "
		 "\"next_steps\": [{\"id\": \"s\", \"ref\": \"p\", \"text\": \"Do \\\"s\\\"\"}], "
		 "\"facts_used\": [\"a\", \"b\"], \"missing\": [], \"unknown\": [], "
		 "\"rules_file\": {\"name\": \"t\", \"version\": \"1.2\", \"sha256\": \"%s\"}, "
		 "\"opname_version\": \"%s\"",
		 rs->sha256, opname_version_text);
	assert_string_equal(sb.buf, want);

	/* incomplete: no rule, the missing fact, the tool's own reason */
	const char *partial[] = { "a=true", NULL };
	decide_with(rs, &o, partial);
	sb_reset(&sb);
	outcome_members(&sb, rs, "x", &o, 0, UI_NL);
	assert_non_null(strstr(sb.buf, "\"verdict\": \"incomplete\", \"rule\": null, "
				       "\"reason\": \"Er zijn niet genoeg antwoorden om te beslissen.\", "
				       "\"refs\": [], \"next_steps\": [], \"facts_used\": [\"a\", \"b\"], "
				       "\"missing\": [\"b\"], \"unknown\": []"));

	/* unknown: the unknown section's reason and steps, the rule's refs */
	const char *unk[] = { "a=unknown", "b=true", NULL };
	decide_with(rs, &o, unk);
	sb_reset(&sb);
	outcome_members(&sb, rs, "x", &o, 0, UI_NL);
	assert_non_null(strstr(sb.buf, "\"verdict\": \"consult\", \"rule\": \"R\", "
				       "\"reason\": \"Onbekend\", \"refs\": [\"p\"]"));
	assert_non_null(strstr(sb.buf, "\"unknown\": [\"a\"]"));
	sb_release(&sb);
	rules_free(rs);
}

static void text_for_a_person(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(POLICY);
	struct outcome o;
	struct strbuf sb = STRBUF_INIT;
	const char *facts[] = { "a=true", "b=true", NULL };
	decide_with(rs, &o, facts);
	outcome_text(&sb, rs, &o, 0, UI_NL, &style_plain);
	assert_string_equal(sb.buf,
			    "NIET TOEGESTAAN\n\n"
			    "Waarom: Nee\n"
			    "(regel R; bron: Deel)\n\n" /* no source_label: the tool's word */
			    "Wat nu:\n"
			    "  1. Doe \"s\"\n");
	sb_reset(&sb);
	outcome_text(&sb, rs, &o, 1, UI_EN, &style_ansi);
	assert_non_null(strstr(sb.buf, "\033[1m\033[31mNOT ALLOWED\033[0m"));
	assert_non_null(strstr(sb.buf, "Next steps:"));

	const char *unk[] = { "a=unknown", "b=true", NULL };
	decide_with(rs, &o, unk);
	sb_reset(&sb);
	outcome_text(&sb, rs, &o, 1, UI_EN, &style_plain);
	assert_non_null(strstr(sb.buf, "CONSULT FIRST\n"));
	assert_non_null(strstr(sb.buf, "Not known:\n  - A?\n"));

	const char *none[] = { NULL };
	decide_with(rs, &o, none);
	sb_reset(&sb);
	outcome_text(&sb, rs, &o, 0, UI_NL, &style_plain);
	assert_non_null(strstr(sb.buf, "ONVOLLEDIG\n"));
	assert_non_null(strstr(sb.buf, "Nog niet beantwoord:\n  - A?\n"));
	assert_null(strstr(sb.buf, "Wat nu"));
	sb_release(&sb);
	rules_free(rs);
}

static void explain_shows_each_rule(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(POLICY);
	struct case_file c;
	struct strbuf sb = STRBUF_INIT;
	case_init(rs, &c);
	assert_int_equal(case_set(rs, &c, "a=false", &sb), 0);
	enum tri nodes[16];
	struct trace t = { nodes, 0 };
	struct outcome o;
	engine_decide(rs, c.facts, &o, &t);
	explain_text(&sb, rs, &o, &t, UI_EN);
	assert_string_equal(sb.buf,
			    "rule R (not_allowed): false\n"
			    "    all of: false\n"
			    "      a = true: false\n"
			    "      b = true: not evaluated\n"
			    "rule Z (allowed): true — decides\n"
			    "    always: true\n");
	sb_release(&sb);
	rules_free(rs);
}

/* A rule with any/not inside all, and a conditional step. */
static const char *const NESTED =
	"opname: 1\nname: t\nversion: '1'\nlanguages: [nl, en]\n"
	"parts: [{id: p, title: {nl: Deel, en: Part}}]\n"
	"questions:\n"
	"  - {id: a, type: bool, refs: [p], text: {nl: A?, en: A?}}\n"
	"  - {id: b, type: bool, refs: [p], text: {nl: B?, en: B?}}\n"
	"  - {id: c, type: bool, refs: [p], text: {nl: C?, en: C?}}\n"
	"steps: [{id: s, ref: p, text: {nl: S, en: S}}, {id: t, ref: p, text: {nl: T, en: T}}]\n"
	"unknown: {verdict: consult, reason: {nl: O, en: U}, steps: [s]}\n"
	"rules:\n"
	"  - {id: R, when: {a: true, any: [{b: true}, {not: {c: true}}]}, verdict: not_allowed,\n"
	"     refs: [p], reason: {nl: N, en: N}, steps: [s, {id: t, when: {c: false}}]}\n"
	"  - {id: Z, verdict: allowed, refs: [p], reason: {nl: J, en: Y}, steps: []}\n";

static void explain_in_dutch_with_steps(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(NESTED);
	const char *facts[] = { "a=true", "b=false", "c=false", NULL };
	enum tri nodes[32];
	struct trace t = { nodes, 0 };
	struct outcome o;
	struct case_file c;
	struct strbuf sb = STRBUF_INIT;
	case_init(rs, &c);
	for (int i = 0; facts[i]; i++)
		assert_int_equal(case_set(rs, &c, facts[i], &sb), 0);
	engine_decide(rs, c.facts, &o, &t);
	explain_text(&sb, rs, &o, &t, UI_NL);
	assert_string_equal(sb.buf,
			    "regel R (niet toegestaan): waar — beslist\n"
			    "    alle: waar\n"
			    "      a = true: waar\n"
			    "      een of meer: waar\n"
			    "        b = true: onwaar\n"
			    "        niet: waar\n"
			    "          c = true: onwaar\n"
			    "  stap t: waar\n"
			    "    c = false: waar\n");
	sb_reset(&sb);
	explain_value(&sb, rs, &o, &t);
	assert_string_equal(sb.buf,
		"[{\"rule\": \"R\", \"verdict\": \"not_allowed\", \"value\": \"true\", "
		"\"condition\": {\"kind\": \"all\", \"value\": \"true\", \"parts\": ["
		"{\"kind\": \"test\", \"value\": \"true\", \"fact\": \"a\", \"test\": \"a = true\"}, "
		"{\"kind\": \"any\", \"value\": \"true\", \"parts\": ["
		"{\"kind\": \"test\", \"value\": \"false\", \"fact\": \"b\", \"test\": \"b = true\"}, "
		"{\"kind\": \"not\", \"value\": \"true\", \"parts\": ["
		"{\"kind\": \"test\", \"value\": \"false\", \"fact\": \"c\", \"test\": \"c = true\"}]}]}]}, "
		"\"steps\": [{\"step\": \"t\", \"condition\": "
		"{\"kind\": \"test\", \"value\": \"true\", \"fact\": \"c\", \"test\": \"c = false\"}}]}]");
	/* the parts not evaluated are there, marked so */
	case_init(rs, &c);
	assert_int_equal(case_set(rs, &c, "a=false", &sb), 0);
	engine_decide(rs, c.facts, &o, &t);
	sb_reset(&sb);
	explain_value(&sb, rs, &o, &t);
	assert_non_null(strstr(sb.buf, "{\"kind\": \"any\", \"value\": \"not evaluated\", \"parts\": ["
				       "{\"kind\": \"test\", \"value\": \"not evaluated\", \"fact\": \"b\""));
	assert_non_null(strstr(sb.buf, "{\"rule\": \"Z\", \"verdict\": \"allowed\", \"value\": \"true\", "
				       "\"condition\": {\"kind\": \"always\", \"value\": \"true\"}, \"steps\": []}"));
	sb_release(&sb);
	rules_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_escaping),
		cmocka_unit_test(outcome_object),
		cmocka_unit_test(text_for_a_person),
		cmocka_unit_test(explain_shows_each_rule),
		cmocka_unit_test(explain_in_dutch_with_steps),
	};
	return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
