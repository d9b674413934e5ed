/* SPDX-License-Identifier: EUPL-1.2 */
/* The rule loader: a good file loads into the model; every kind of bad file
 * gets its located message, and the loader reports all problems at once. */
#include "helpers.h"

#define HEAD "opname: 1\nname: t\nversion: '1'\nlanguages: [en]\n"
#define PARTS "parts: [{id: p, title: {en: P}}]\n"
#define QS "questions:\n  - {id: a, type: bool, refs: [p], text: {en: A?}}\n" \
	   "  - {id: k, type: choice, refs: [p], text: {en: K?}, choices: [{id: x, text: {en: X}}]}\n"
#define STEPS "steps: [{id: s, ref: p, text: {en: S}}]\n"
#define UNK "unknown: {verdict: consult, reason: {en: U}, steps: [s]}\n"
#define RULE(when) "rules:\n  - {id: R, " when "verdict: allowed, refs: [p], reason: {en: r}, steps: [s]}\n"
#define GOOD HEAD PARTS QS STEPS UNK RULE("when: {a: true}, ")

static void good_file_builds_the_model(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(GOOD);
	assert_string_equal(rs->name, "t");
	assert_string_equal(rs->version, "1");
	assert_int_equal(rs->nlangs, 1);
	assert_int_equal(rs->nquestions, 2);
	assert_int_equal(rs->questions[1].type, FACT_CHOICE);
	assert_int_equal(rs->questions[1].nchoices, 1);
	assert_int_equal(rs->nsteps, 1);
	assert_int_equal(rs->nrules, 1);
	assert_int_equal(rs->rules[0].pos.line, 12);
	assert_int_equal(rs->conds[rs->rules[0].when].kind, COND_TEST);
	assert_int_equal(rs->unknown.verdict, VERDICT_CONSULT);
	assert_int_equal(strlen(rs->sha256), 64);
	rules_free(rs);
}

/* Without 'outcomes' a file has the defaults; with it, only its own (and
 * incomplete), in the order written, with their statuses. */
static void outcomes_default_and_declared(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(GOOD);
	assert_int_equal(rs->nverdicts, 3);
	assert_false(rs->declares_verdicts);
	assert_string_equal(verdict_id(rs, VERDICT_NOT_ALLOWED), "not_allowed");
	assert_string_equal(verdict_id(rs, VERDICT_INCOMPLETE), "incomplete");
	assert_int_equal(verdict_status(rs, VERDICT_CONSULT), 2);
	assert_int_equal(verdict_status(rs, VERDICT_INCOMPLETE), 3);
	assert_int_equal(verdict_nth(rs, 3), VERDICT_INCOMPLETE);
	struct strbuf sb = STRBUF_INIT;
	verdict_list(rs, true, &sb);
	assert_string_equal(sb.buf, "allowed, not_allowed, consult or incomplete");
	rules_free(rs);

	rs = load_ok(HEAD "outcomes:\n  - {id: must, text: {en: MUST}, exit: 5, colour: red}\n"
		     "  - {id: may, text: {en: MAY}, exit: 0}\n" PARTS QS STEPS
		     "unknown: {verdict: must, reason: {en: U}, steps: [s]}\n"
		     "rules:\n  - {id: R, verdict: may, refs: [p], reason: {en: r}, steps: [s]}\n");
	assert_true(rs->declares_verdicts);
	assert_int_equal(rs->nverdicts, 2);
	assert_int_equal(rs->rules[0].verdict, 1);
	assert_int_equal(rs->unknown.verdict, 0);
	assert_int_equal(verdict_status(rs, 0), 5);
	assert_int_equal(verdict_def(rs, 0)->colour, COLOUR_RED);
	assert_int_equal(verdict_def(rs, 1)->colour, COLOUR_AMBER); /* the default */
	enum verdict v;
	assert_int_equal(verdict_parse(rs, "allowed", &v), -1);
	assert_int_equal(verdict_parse(rs, "incomplete", &v), 0);
	assert_int_equal(v, VERDICT_INCOMPLETE);
	sb_reset(&sb);
	verdict_list(rs, false, &sb);
	assert_string_equal(sb.buf, "must or may");
	sb_release(&sb);
	rules_free(rs);
}

static void builtin_loads(void **state)
{
	(void)state;
	struct ruleset *rs = rules_builtin();
	assert_string_equal(rs->name, "spelregels");
	assert_int_equal(rs->nlangs, 2);
	assert_int_equal(rs->nrules, 25);
	assert_int_equal(rs->nquestions, 23);
	assert_int_equal(rs->nsteps, 12);
	/* the hash computed at build time is that of the bytes built in */
	size_t len;
	const char *text = rules_builtin_text(&len);
	char hex[65];
	sha256_hex(text, len, hex);
	assert_string_equal(rs->sha256, hex);
}

/* The SHA-256 of a known input (FIPS 180-4's "abc"). */
static void sha256_is_right(void **state)
{
	(void)state;
	char hex[65];
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	char block[200];
	memset(block, 'a', sizeof block);
	sha256_hex(block, 56, hex); /* padding spills into a second block */
	assert_string_equal(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

struct bad {
	const char *yaml;
	const char *message; /* a substring of the diagnostics, with location */
};

static const struct bad bad_files[] = {
	{ "", "t.yaml:1:1: an empty rule file" },
	{ "- a\n- b\n", "t.yaml:1:1: a rule file is a mapping" },
	{ "a: [1\n", "t.yaml:2:1: invalid YAML" },
	{ HEAD HEAD, "duplicate key 'opname' (first at line 1)" },
	{ GOOD "x: &a 1\n", "anchors (&a) are not allowed" },
	{ GOOD "y: !!python/object 1\n", "tags (tag:yaml.org,2002:python/object) are not allowed" },
	{ "opname: 2\n", "t.yaml:1:9: this is rule language version 1" },
	{ HEAD PARTS QS STEPS UNK RULE("when: {a: true}, ") "rulez: []\n",
	  "t.yaml:13:1: unknown key 'rulez' in the rule file (did you mean 'rules'?)" },
	{ HEAD PARTS QS STEPS UNK, "t.yaml:1:1: the rule file has no 'rules'" },
	{ "opname: 1\nname: t\nversion: '1'\nlanguages: []\n", "languages must list 1 to 8" },
	{ HEAD PARTS QS STEPS UNK RULE("when: {b: true}, "),
	  "t.yaml:12:20: unknown fact 'b'" },
	{ HEAD PARTS QS STEPS UNK RULE("when: {aa: true}, "),
	  "unknown fact 'aa' (did you mean 'a'?)" },
	{ HEAD PARTS QS STEPS UNK RULE("when: {a: yes}, "),
	  "t.yaml:12:23: 'a' is a bool question: test it with true or false" },
	{ HEAD PARTS QS STEPS UNK RULE("when: {k: q}, "),
	  "'q' is not a choice of 'k'; choices are: x" },
	{ HEAD PARTS QS STEPS UNK "rules:\n  - {id: R, verdict: allowed, refs: [p], reason: {en: r}, steps: [t]}\n",
	  "unknown step 't'" },
	{ HEAD PARTS QS STEPS UNK "rules:\n  - {id: R, verdict: maybe, refs: [p], reason: {en: r}, steps: []}\n",
	  "unknown verdict 'maybe': use allowed, not_allowed or consult" },
	{ HEAD PARTS QS STEPS UNK "rules:\n  - {id: R, verdict: allowed, refs: [q], reason: {en: r}, steps: []}\n",
	  "unknown part 'q' in the rule's refs" },
	{ HEAD PARTS QS STEPS UNK "rules:\n  - {id: R, verdict: allowed, refs: [p], reason: {nl: r}, steps: []}\n",
	  "the rule's reason has a text in 'nl', which is not one of the file's languages" },
	{ HEAD PARTS QS STEPS UNK "rules:\n  - {id: R, verdict: allowed, refs: [p], reason: {}, steps: []}\n",
	  "the rule's reason is missing in 'en'" },
	{ HEAD PARTS QS STEPS UNK "rules:\n  - {id: R, verdict: allowed, refs: [p], reason: {en: r}, steps: [], extra: 1}\n",
	  "unknown key 'extra' in a rule" },
	{ HEAD PARTS QS STEPS UNK RULE("") "  - {id: R, verdict: allowed, refs: [p], reason: {en: r}, steps: []}\n",
	  "duplicate rule id 'R'" },
	{ HEAD PARTS "questions:\n  - {id: all, type: bool, refs: [p], text: {en: A?}}\n",
	  "'all' is a word of the condition language" },
	{ HEAD PARTS "questions:\n  - {id: a, type: int, refs: [p], text: {en: A?}}\n",
	  "unknown type 'int': use bool, choice, number, date or set" },
	{ HEAD PARTS "questions:\n  - {id: a b, type: bool, refs: [p], text: {en: A?}}\n",
	  "'a b' is not a valid question id" },
	{ HEAD PARTS "questions:\n  - {id: k, type: choice, refs: [p], text: {en: K?}}\n",
	  "choice question 'k' has no 'choices'" },
	{ HEAD PARTS "questions:\n  - {id: k, type: choice, refs: [p], text: {en: K?}, choices: [{id: unknown, text: {en: U}}]}\n",
	  "'unknown' is reserved" },
	{ HEAD PARTS QS STEPS UNK RULE("when: {}, "), "an empty condition" },
	{ HEAD PARTS "questions:\n  - {id: k, type: choice, refs: [p], text: {en: K?}, labels: {},\n"
	  "     choices: [{id: x, text: {en: X}}]}\n",
	  "t.yaml:7:62: 'labels' is for bool questions; a choice has a 'label' of its own" },
	{ HEAD PARTS "questions:\n  - {id: a, type: bool, refs: [p], text: {en: A?},\n"
	  "     labels: {true: {en: yes}, false: {en: no}}}\n",
	  "t.yaml:8:14: labels has no 'unknown'" },
	{ HEAD PARTS QS STEPS UNK RULE("when: {any: []}, "), "'any' needs at least one condition" },
	{ HEAD PARTS QS STEPS UNK RULE("when: [a], "), "a condition must be a mapping, not a sequence" },
	{ HEAD PARTS QS "steps: [{id: s, ref: q, text: {en: S}}]\n",
	  "unknown part 'q' in the step's ref" },
	{ HEAD PARTS QS STEPS "unknown: {verdict: consult, reason: {en: U}, steps: [s], x: 1}\n",
	  "unknown key 'x' in 'unknown'" },
	{ "opname: 1\nname: t\nversion: '1'\nlanguages: [en]\ntitle: \"a\0b\"\n",
	  "invalid" },
	{ "opname: 1\nname: t\nversion: '1\xff'\n", "t.yaml:3:12: invalid text" },
	{ "opname: 1\nname: t\nversion: \"\\0\"\n", "a NUL character in a value is not allowed" },
	{ "opname: 1\nname: t\n---\nopname: 1\n", "t.yaml:3:1: a second document" },
	{ "a: *x\n", "aliases (*x) are not allowed" },
};

static void bad_files_are_reported(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_files / sizeof bad_files[0]; i++) {
		const struct bad *b = &bad_files[i];
		struct diag d;
		diag_init(&d, "t.yaml");
		size_t len = strlen(b->yaml);
		if (strstr(b->message, "invalid") && !strncmp(b->message, "invalid", 7))
			len += strlen(b->yaml + len + 1) + 1; /* the embedded NUL case */
		struct ruleset *rs = rules_load(b->yaml, len, "t.yaml", &d);
		if (rs || !d.text.buf || !strstr(d.text.buf, b->message))
			fail_msg("case %zu: expected '%s', got:\n%s", i, b->message,
				 d.text.buf ? d.text.buf : "(nothing)");
		diag_release(&d);
	}
}

/* One run reports every problem, not just the first. */
static void keeps_going(void **state)
{
	(void)state;
	char *msgs = load_bad(HEAD PARTS QS STEPS UNK
		"rules:\n"
		"  - {id: R1, when: {b: true}, verdict: allowed, refs: [p], reason: {en: r}, steps: []}\n"
		"  - {id: R2, verdict: sure, refs: [p], reason: {en: r}, steps: [t]}\n");
	assert_non_null(strstr(msgs, "t.yaml:12:21: unknown fact 'b'"));
	assert_non_null(strstr(msgs, "t.yaml:13:23: unknown verdict 'sure'"));
	assert_non_null(strstr(msgs, "t.yaml:13:65: unknown step 't'"));
	free(msgs);
}

static void limits_are_enforced(void **state)
{
	(void)state;
	/* nesting deeper than the limit */
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < 100; i++)
		sb_adds(&sb, "[");
	char *msgs = load_bad(sb.buf);
	assert_non_null(strstr(msgs, "nesting deeper than 64 levels"));
	free(msgs);
	/* a scalar longer than 64 KiB */
	sb_reset(&sb);
	sb_adds(&sb, "opname: '");
	for (int i = 0; i < 70000; i++)
		sb_addc(&sb, 'x');
	sb_adds(&sb, "'\n");
	msgs = load_bad(sb.buf);
	assert_non_null(strstr(msgs, "a scalar of 70000 bytes: the limit is 65536"));
	free(msgs);
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_file_builds_the_model),
		cmocka_unit_test(outcomes_default_and_declared),
		cmocka_unit_test(builtin_loads),
		cmocka_unit_test(sha256_is_right),
		cmocka_unit_test(bad_files_are_reported),
		cmocka_unit_test(keeps_going),
		cmocka_unit_test(limits_are_enforced),
	};
	return cmocka_run_group_tests_name("rules_load", tests, NULL, NULL);
}
