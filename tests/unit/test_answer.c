/* SPDX-License-Identifier: EUPL-1.2 */
/* answer_parse: every accepted spelling in both languages, commands, choice
 * numbers in and out of range, and input that is not an answer at all. */
#include "helpers.h"

#include "opname/answer.h"

static struct ruleset *rs;
static const struct question *yesno, *action;

static int setup(void **state)
{
	(void)state;
	rs = rules_builtin();
	if (!rs)
		return -1;
	yesno = &rs->questions[ruleset_find_fact(rs, "participant")];
	action = &rs->questions[ruleset_find_fact(rs, "action")];
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	rules_free(rs);
	return 0;
}

static struct answer parse(const struct question *q, const char *line)
{
	struct answer a;
	enum answer_kind k = answer_parse(q, line, strlen(line), &a);
	assert_int_equal(k, a.kind);
	return a;
}

static void want_value(const struct question *q, const char *line, fact_value v)
{
	struct answer a = parse(q, line);
	if (a.kind != ANSWER_VALUE || a.value != v)
		fail_msg("'%s': kind %d value %d, want value %d", line, a.kind, a.value, v);
}

static void want_kind(const struct question *q, const char *line,
			enum answer_kind k, enum answer_error e)
{
	struct answer a = parse(q, line);
	if (a.kind != k || a.error != e)
		fail_msg("'%s': kind %d error %d, want kind %d error %d", line, a.kind,
			 a.error, k, e);
}

static void bool_spellings(void **state)
{
	(void)state;
	static const char *const yes[] = { "ja", "j", "yes", "y", "true", "JA", "Ja",
					   "YES", "Y", "  ja  ", "\tyes\r\n", "jA\n" };
	static const char *const no[] = { "nee", "n", "no", "false", "NEE", "Nee",
					  "NO", " n ", "nee\r\n" };
	static const char *const unknown[] = {
		"w", "W", "weet niet", "Weet Niet", "WEET NIET", "weet   niet",
		" weet\tniet ", "weet ik niet", "onbekend", "Onbekend", "u", "U",
		"unknown", "UNKNOWN", "don't know", "Don't Know", "dont know",
		"do not know",
	};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		want_value(yesno, yes[i], FV_TRUE);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		want_value(yesno, no[i], FV_FALSE);
	for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
		want_value(yesno, unknown[i], FV_UNKNOWN);
}

static void bool_refuses_the_rest(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"jaa", "nope", "1", "2", "0", "record", "ja nee", "weetniet", "j a",
		"yes!", "ne", "jij", "weet", "niet", "-", "y e s", "ja.",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		want_kind(yesno, bad[i], ANSWER_BAD, ANSWER_ERR_NOT_UNDERSTOOD);
}

static void commands(void **state)
{
	(void)state;
	const struct question *qs[] = { yesno, action };
	for (int i = 0; i < 2; i++) {
		const struct question *q = qs[i];
		want_kind(q, "?", ANSWER_HELP, ANSWER_OK);
		want_kind(q, " ? ", ANSWER_HELP, ANSWER_OK);
		want_kind(q, "help", ANSWER_HELP, ANSWER_OK);
		want_kind(q, "HELP", ANSWER_HELP, ANSWER_OK);
		want_kind(q, "waarom", ANSWER_WHY, ANSWER_OK);
		want_kind(q, "Waarom", ANSWER_WHY, ANSWER_OK);
		want_kind(q, "why", ANSWER_WHY, ANSWER_OK);
		want_kind(q, "terug", ANSWER_BACK, ANSWER_OK);
		want_kind(q, "TERUG\n", ANSWER_BACK, ANSWER_OK);
		want_kind(q, "back", ANSWER_BACK, ANSWER_OK);
		want_kind(q, "stop", ANSWER_STOP, ANSWER_OK);
		want_kind(q, "Stop", ANSWER_STOP, ANSWER_OK);
		want_kind(q, "quit", ANSWER_STOP, ANSWER_OK);
		want_kind(q, "QUIT\r\n", ANSWER_STOP, ANSWER_OK);
		want_kind(q, "q", ANSWER_STOP, ANSWER_OK);
		want_kind(q, "Exit", ANSWER_STOP, ANSWER_OK);
		want_kind(q, "", ANSWER_EMPTY, ANSWER_OK);
		want_kind(q, "   \t \r\n", ANSWER_EMPTY, ANSWER_OK);
		want_kind(q, "begrippen", ANSWER_TERMS, ANSWER_OK);
		want_kind(q, "Terms", ANSWER_TERMS, ANSWER_OK);
		want_kind(q, "??", ANSWER_BAD, ANSWER_ERR_NOT_UNDERSTOOD);
		want_kind(q, "stoppen", ANSWER_BAD, ANSWER_ERR_NOT_UNDERSTOOD);
	}
}

/* The words the loader refuses as choice ids: every command, any case,
 * and numbers; not words that merely contain one. */
static void reserved_words(void **state)
{
	(void)state;
	static const char *const yes[] = { "stop", "quit", "q", "exit", "terug", "back",
					   "waarom", "why", "help", "?", "1", "64", "007",
					   "STOP", "Waarom", NULL };
	static const char *const no[] = { "record", "stoppen", "q1", "1a", "unknown", "", NULL };
	for (const char *const *w = yes; *w; w++)
		if (!answer_reserved(*w))
			fail_msg("'%s' is not reserved", *w);
	for (const char *const *w = no; *w; w++)
		if (answer_reserved(*w))
			fail_msg("'%s' is reserved", *w);
}

static void choices_by_number_id_and_text(void **state)
{
	(void)state;
	want_value(action, "1", 0);
	want_value(action, "2", 1);
	want_value(action, "3", 2);
	want_value(action, "4", 3);
	want_value(action, " 4 \n", 3);
	want_value(action, "01", 0);
	want_value(action, "record", 0);
	want_value(action, "EDIT", 1);
	want_value(action, "Share", 2);
	want_value(action, "evidence", 3);
	/* the choice's words as shown, in either language */
	want_value(action, "een gesprek opnemen", 0);
	want_value(action, "Recording a conversation", 0);
	want_value(action, "6", 5);
	want_value(action, "breach", 5);
	want_value(action, "  Een   opname bewerken ", 1);
}

static void choices_out_of_range(void **state)
{
	(void)state;
	static const char *const out[] = {
		"0", "7", "9", "10", "00", "65", "4294967297", "18446744073709551617",
		"99999999999999999999999999999999999999",
	};
	for (size_t i = 0; i < sizeof out / sizeof *out; i++)
		want_kind(action, out[i], ANSWER_BAD, ANSWER_ERR_NO_SUCH_CHOICE);
	static const char *const bad[] = {
		"-1", "+1", "1.", "1.0", "1 2", "one", "een", "recordd", "ja", "nee",
		"yes", "0x1", "１",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		want_kind(action, bad[i], ANSWER_BAD, ANSWER_ERR_NOT_UNDERSTOOD);
}

static void choices_take_no_unknown(void **state)
{
	(void)state;
	static const char *const unknown[] = { "w", "weet niet", "onbekend", "u",
					       "unknown", "Weet ik niet", "don't know" };
	for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
		want_kind(action, unknown[i], ANSWER_BAD, ANSWER_ERR_UNKNOWN_CHOICE);
}

static void long_lines(void **state)
{
	(void)state;
	char *buf = malloc(ANSWER_MAX_LINE + 100);
	assert_non_null(buf);
	/* the limit itself is fine: spaces around "ja" */
	memset(buf, ' ', ANSWER_MAX_LINE);
	memcpy(buf + ANSWER_MAX_LINE / 2, "ja", 2);
	struct answer a;
	assert_int_equal(answer_parse(yesno, buf, ANSWER_MAX_LINE, &a), ANSWER_VALUE);
	assert_int_equal(a.value, FV_TRUE);
	/* one byte more is too long, whatever it says */
	assert_int_equal(answer_parse(yesno, buf, ANSWER_MAX_LINE + 1, &a), ANSWER_BAD);
	assert_int_equal(a.error, ANSWER_ERR_TOO_LONG);
	memset(buf, 'x', ANSWER_MAX_LINE + 100);
	assert_int_equal(answer_parse(action, buf, ANSWER_MAX_LINE + 100, &a), ANSWER_BAD);
	assert_int_equal(a.error, ANSWER_ERR_TOO_LONG);
	/* long but within the limit, not an answer */
	assert_int_equal(answer_parse(yesno, buf, ANSWER_MAX_LINE, &a), ANSWER_BAD);
	assert_int_equal(a.error, ANSWER_ERR_NOT_UNDERSTOOD);
	memset(buf, '7', ANSWER_MAX_LINE);
	assert_int_equal(answer_parse(action, buf, ANSWER_MAX_LINE, &a), ANSWER_BAD);
	assert_int_equal(a.error, ANSWER_ERR_NO_SUCH_CHOICE);
	free(buf);
}

static void bad_bytes(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t len;
	} bad[] = {
		{ "ja\0", 3 },            /* NUL after a good answer */
		{ "\0ja", 3 },
		{ "j\0a", 3 },
		{ "\xff", 1 },
		{ "ja\xc3", 3 },          /* truncated sequence */
		{ "\xc0\xaf", 2 },        /* overlong '/' */
		{ "\xe0\x80\xaf", 3 },    /* overlong */
		{ "\xed\xa0\x80", 3 },    /* surrogate */
		{ "\xf4\x90\x80\x80", 4 },/* past U+10FFFF */
		{ "\xf8\x88\x80\x80\x80", 5 },
		{ "\x80", 1 },            /* continuation without lead */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct answer a;
		assert_int_equal(answer_parse(yesno, bad[i].s, bad[i].len, &a), ANSWER_BAD);
		assert_int_equal(a.error, ANSWER_ERR_ENCODING);
	}
	/* valid UTF-8 that is no answer is just not understood */
	want_kind(yesno, "ja\xc3\xa9", ANSWER_BAD, ANSWER_ERR_NOT_UNDERSTOOD);
	want_kind(yesno, "\xf0\x9f\x98\x80", ANSWER_BAD, ANSWER_ERR_NOT_UNDERSTOOD);
	/* the length is what counts, not a NUL: "ja" of "jaxx" */
	struct answer a;
	assert_int_equal(answer_parse(yesno, "jaxx", 2, &a), ANSWER_VALUE);
	assert_int_equal(a.value, FV_TRUE);
	assert_int_equal(answer_parse(yesno, NULL, 0, &a), ANSWER_EMPTY);
}

/* Labels and texts in two languages, from a rule file whose wording is
 * the test's own (tests/data/answers.yaml, the same questions in short). */
static const char labelled_yaml[] =
	"opname: 1\nname: answers\nversion: '1'\nlanguages: [nl, en]\n"
	"parts: [{id: p, title: {nl: P, en: P}}]\n"
	"questions:\n"
	"  - id: who\n    type: choice\n    refs: [p]\n"
	"    text: {nl: 'Wie neemt op?', en: 'Who records?'}\n"
	"    choices:\n"
	"      - {id: citizen, text: {nl: Een inwoner, en: A resident}, label: {nl: inwoner, en: resident}}\n"
	"      - {id: employee, text: {nl: Een medewerker, en: An employee}, label: {nl: medewerker, en: staff}}\n"
	"  - id: told\n    type: bool\n    refs: [p]\n"
	"    text: {nl: 'Is het gemeld?', en: 'Was it announced?'}\n"
	"    labels:\n"
	"      true: {nl: gemeld, en: announced}\n"
	"      false: {nl: niet gemeld, en: not announced}\n"
	"      unknown: {nl: melding onbekend, en: announcement unknown}\n"
	"steps: [{id: s1, ref: p, text: {nl: S1, en: S1}}]\n"
	"unknown: {verdict: consult, reason: {nl: O, en: U}, steps: [s1]}\n"
	"rules:\n"
	"  - {id: N, when: {told: false}, verdict: not_allowed, refs: [p], reason: {nl: N, en: N}, steps: [s1]}\n"
	"  - {id: E, when: {who: employee}, verdict: allowed, refs: [p], reason: {nl: E, en: E}, steps: []}\n"
	"  - {id: Z, verdict: consult, refs: [p], reason: {nl: Z, en: Z}, steps: [s1]}\n";

static void labels_and_texts_are_answers(void **state)
{
	(void)state;
	struct ruleset *own = load_ok(labelled_yaml);
	const struct question *who = &own->questions[ruleset_find_fact(own, "who")];
	const struct question *told = &own->questions[ruleset_find_fact(own, "told")];
	/* a choice's label and text, in either language, any letter case */
	want_value(who, "inwoner", 0);
	want_value(who, "Inwoner", 0);
	want_value(who, "resident", 0);
	want_value(who, "een inwoner", 0);
	want_value(who, "A RESIDENT", 0);
	want_value(who, "medewerker", 1);
	want_value(who, "staff", 1);
	want_value(who, "an employee", 1);
	want_value(who, "employee", 1);
	want_kind(who, "inwoners", ANSWER_BAD, ANSWER_ERR_NOT_UNDERSTOOD);
	want_kind(who, "gemeld", ANSWER_BAD, ANSWER_ERR_NOT_UNDERSTOOD);
	/* a bool question's labels for each answer */
	want_value(told, "gemeld", FV_TRUE);
	want_value(told, "Not Announced", FV_FALSE);
	want_value(told, "niet   gemeld", FV_FALSE);
	want_value(told, "melding onbekend", FV_UNKNOWN);
	want_value(told, "announcement unknown", FV_UNKNOWN);
	want_kind(told, "inwoner", ANSWER_BAD, ANSWER_ERR_NOT_UNDERSTOOD);
	rules_free(own);
}

static void stop_words(void **state)
{
	(void)state;
	want_kind(yesno, "q", ANSWER_STOP, ANSWER_OK);
	want_kind(action, "Q", ANSWER_STOP, ANSWER_OK);
	want_kind(action, "exit", ANSWER_STOP, ANSWER_OK);
	want_kind(yesno, " EXIT \n", ANSWER_STOP, ANSWER_OK);
	want_kind(yesno, "qq", ANSWER_BAD, ANSWER_ERR_NOT_UNDERSTOOD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bool_spellings),
		cmocka_unit_test(bool_refuses_the_rest),
		cmocka_unit_test(commands),
		cmocka_unit_test(choices_by_number_id_and_text),
		cmocka_unit_test(choices_out_of_range),
		cmocka_unit_test(choices_take_no_unknown),
		cmocka_unit_test(long_lines),
		cmocka_unit_test(reserved_words),
		cmocka_unit_test(bad_bytes),
		cmocka_unit_test(labels_and_texts_are_answers),
		cmocka_unit_test(stop_words),
	};
	return cmocka_run_group_tests_name("answer", tests, setup, teardown);
}
