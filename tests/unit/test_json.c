/* SPDX-License-Identifier: EUPL-1.2 */
/* The JSON writer: commas, keys, nesting, the two layouts, members for an
 * object opened elsewhere, and the one escaper under every string. */
#include "helpers.h"

static void inline_nesting(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct json j;
	json_init(&j, &sb);
	json_object(&j, JSON_INLINE);
	json_kstring(&j, "a", "x\"y");
	json_key(&j, "b");
	json_array(&j, JSON_INLINE);
	json_int(&j, -3);
	json_bool(&j, true);
	json_null(&j);
	json_string(&j, NULL);
	json_object(&j, JSON_INLINE);
	json_end(&j);
	json_array(&j, JSON_INLINE);
	json_end(&j);
	json_end(&j);
	json_key(&j, "c");
	json_real(&j, 50.0);
	json_kbool(&j, "d", false);
	json_kint(&j, "e", 1234567890123LL);
	json_end(&j);
	assert_string_equal(sb.buf, "{\"a\": \"x\\\"y\", \"b\": [-3, true, null, null, {}, []], "
				    "\"c\": 50.0, \"d\": false, \"e\": 1234567890123}");
	sb_release(&sb);
}

static void lines_layout(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct json j;
	json_init(&j, &sb);
	json_object(&j, JSON_INLINE);
	json_key(&j, "list");
	json_array(&j, JSON_LINES);
	json_object(&j, JSON_INLINE);
	json_kint(&j, "n", 1);
	json_end(&j);
	json_object(&j, JSON_INLINE);
	json_kint(&j, "n", 2);
	json_end(&j);
	json_end(&j);
	json_key(&j, "empty");
	json_array(&j, JSON_LINES);
	json_end(&j);
	json_end(&j);
	assert_string_equal(sb.buf, "{\"list\": [\n  {\"n\": 1},\n  {\"n\": 2}\n], \"empty\": []}");

	/* nested JSON_LINES containers indent a level each */
	sb_reset(&sb);
	json_init(&j, &sb);
	json_object(&j, JSON_LINES);
	json_key(&j, "t");
	json_array(&j, JSON_LINES);
	json_int(&j, 1);
	json_end(&j);
	json_kint(&j, "p", 0);
	json_end(&j);
	assert_string_equal(sb.buf, "{\n  \"t\": [\n    1\n  ],\n  \"p\": 0\n}");
	sb_release(&sb);
}

static void members_and_raw(void **state)
{
	(void)state;
	struct strbuf memo = STRBUF_INIT, sb = STRBUF_INIT;
	struct json j;
	json_init_members(&j, &memo);
	json_kstring(&j, "x", "1");
	json_kint(&j, "y", 2);
	assert_string_equal(memo.buf, "\"x\": \"1\", \"y\": 2");

	json_init(&j, &sb);
	json_object(&j, JSON_INLINE);
	json_kstring(&j, "id", "a");
	json_raw(&j, memo.buf, memo.len);
	json_kstring(&j, "z", "3");
	json_end(&j);
	assert_string_equal(sb.buf, "{\"id\": \"a\", \"x\": \"1\", \"y\": 2, \"z\": \"3\"}");
	sb_release(&memo);
	sb_release(&sb);
}

/* Keys and strings go through the escaper: controls, bad UTF-8. */
static void escaped_everywhere(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct json j;
	json_init(&j, &sb);
	json_object(&j, JSON_INLINE);
	json_kstring(&j, "k\n", "\xff\x01");
	json_end(&j);
	assert_string_equal(sb.buf, "{\"k\\n\": \"\\ufffd\\u0001\"}");
	sb_release(&sb);
}

/* As deep as the YAML reader reads, and back out. */
static void deep(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct json j;
	json_init(&j, &sb);
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		json_array(&j, i % 2 ? JSON_LINES : JSON_INLINE);
	json_int(&j, 7);
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		json_end(&j);
	assert_int_equal(j.depth, 0);
	int open = 0, close = 0;
	for (size_t i = 0; i < sb.len; i++) {
		open += sb.buf[i] == '[';
		close += sb.buf[i] == ']';
	}
	assert_int_equal(open, JSON_MAX_DEPTH);
	assert_int_equal(close, JSON_MAX_DEPTH);
	assert_non_null(strstr(sb.buf, "7"));
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(inline_nesting),
		cmocka_unit_test(lines_layout),
		cmocka_unit_test(members_and_raw),
		cmocka_unit_test(escaped_everywhere),
		cmocka_unit_test(deep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
