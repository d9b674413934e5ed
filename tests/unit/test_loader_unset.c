/* SPDX-License-Identifier: EUPL-1.2 */
/* What a rule file leaves out is zero in the model, never whatever was in
 * the arena before. Found by 'make valgrind': a choice without a 'label'
 * left choice.label uninitialised, and 'ask' read it. */
#include "helpers.h"

#include <stdlib.h>

/* Under ASan (the second pass of 'make check'), fill every new allocation,
 * not only its first 4 KiB, with 0xbe: a field the loader forgets is then
 * never zero by luck. A plain build may pass by luck; valgrind does not. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "max_malloc_fill_size=1048576";
}

static const char rules[] =
	"opname: 1\nname: t\nversion: '1'\nlanguages: [en]\n"
	"parts: [{id: p, title: {en: P}}]\n"
	"questions:\n"
	"  - id: k\n    type: choice\n    refs: [p]\n    text: {en: K?}\n"
	"    choices:\n"
	"      - {id: x, text: {en: X}, label: {en: ex}}\n"
	"      - {id: y, text: {en: Y}}\n"
	"  - id: b\n    type: bool\n    refs: [p]\n    text: {en: B?}\n"
	"steps: [{id: s, ref: p, text: {en: S}}]\n"
	"unknown: {verdict: consult, reason: {en: U}, steps: []}\n"
	"rules:\n"
	"  - {id: R, verdict: allowed, refs: [p], reason: {en: R}, steps: [s]}\n";

static void test_choice_without_label(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(rules);
	const struct question *k = &rs->questions[ruleset_find_fact(rs, "k")];
	assert_int_equal(k->nchoices, 2);
	assert_string_equal(k->choices[0].label.s[0], "ex");
	for (int lang = 0; lang < OPNAME_MAX_LANGS; lang++)
		assert_null(k->choices[1].label.s[lang]);
	const struct question *b = &rs->questions[ruleset_find_fact(rs, "b")];
	for (int v = 0; v < 3; v++)
		assert_null(b->labels[v].s[0]);
	assert_null(b->help.s[0]);
	rules_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_choice_without_label),
	};
	return cmocka_run_group_tests_name("loader_unset", tests, NULL, NULL);
}
