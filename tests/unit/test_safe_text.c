/* SPDX-License-Identifier: EUPL-1.2 */
/* Text from outside made safe: for a terminal (every control and invalid
 * byte escaped), for JSON (always valid UTF-8, and what YAML would not
 * take raw escaped), and for a spreadsheet (no cell starts a formula). */
#include "helpers.h"

#include "opname/batch-output.h"
#include "opname/output.h"
#include "opname/safe-text.h"

static void safe(const char *in, unsigned flags, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds_safe(&sb, in, flags);
	assert_string_equal(sb.buf ? sb.buf : "", want);
	assert_int_equal(text_is_safe(in, flags), !strcmp(in, want));
	sb_release(&sb);
}

static void terminal_text(void **state)
{
	(void)state;
	safe("plain text, é and ß", 0, "plain text, é and ß");
	safe("", 0, "");
	safe("\033]52;c;aGk=\007", 0, "\\x1b]52;c;aGk=\\x07");  /* the clipboard */
	safe("\033[2J", 0, "\\x1b[2J");
	safe("a\x7f" "b", 0, "a\\x7fb");                 /* DEL */
	safe("c\xc2\x9b" "31m", 0, "c\\u009b31m");       /* CSI as one C1 */
	safe("nel\xc2\x85", 0, "nel\\u0085");
	safe("ls\xe2\x80\xa8ps\xe2\x80\xa9", 0, "ls\\u2028ps\\u2029");
	safe("bad\xff\xfe", 0, "bad\\xff\\xfe");          /* not UTF-8 */
	safe("over\xc0\xaf", 0, "over\\xc0\\xaf");        /* overlong */
	safe("sur\xed\xa0\x80", 0, "sur\\xed\\xa0\\x80"); /* a surrogate */
	safe("cut\xe2\x82", 0, "cut\\xe2\\x82");
	safe("two\nlines\tand\r", 0, "two\\x0alines\\x09and\\x0d");
	safe("two\nlines\tand\r", SAFE_KEEP_LINES, "two\nlines\tand\\x0d");
	safe("two\nlines\tand\r", SAFE_ONE_LINE, "two lines and ");
	safe("one\033line", SAFE_ONE_LINE, "one\\x1bline");
}

static void utf8(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(utf8_decode((const unsigned char *)"\xe2\x82\xac", 3, &cp), 3);
	assert_int_equal(cp, 0x20ac);
	assert_int_equal(utf8_decode((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(utf8_decode((const unsigned char *)"\xe0\x80\x80", 3, &cp), 0);
	assert_true(utf8_valid("caf\xc3\xa9", 5));
	assert_false(utf8_valid("caf\xc3(", 5));
}

static void json(const char *in, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	json_str(&sb, in);
	assert_string_equal(sb.buf, want);
	assert_true(utf8_valid(sb.buf, sb.len));
	sb_release(&sb);
}

static void json_is_valid_utf8(void **state)
{
	(void)state;
	json("plain", "\"plain\"");
	json("q\"b\\", "\"q\\\"b\\\\\"");
	json("\x01\n\t\r", "\"\\u0001\\n\\t\\r\"");
	json("caf\xc3\xa9 \xe2\x82\xac", "\"caf\xc3\xa9 \xe2\x82\xac\"");
	json("a\xff" "b", "\"a\\ufffdb\"");
	json("del\x7f c1\xc2\x9b nel\xc2\x85", "\"del\\u007f c1\\u009b nel\\u0085\"");
	json("\xe2\x80\xa8\xe2\x80\xa9\xef\xbb\xbf\xef\xbf\xbe\xef\xbf\xbf",
	     "\"\\u2028\\u2029\\ufeff\\ufffe\\uffff\"");
}

static void csv(const char *in, bool raw, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	csv_cell(&sb, in, ',', raw);
	assert_string_equal(sb.buf ? sb.buf : "", want);
	sb_release(&sb);
}

static void csv_no_formulas(void **state)
{
	(void)state;
	csv("=HYPERLINK(\"http://x\")", false, "\"'=HYPERLINK(\"\"http://x\"\")\"");
	csv("+cmd|' /C calc'!A0", false, "'+cmd|' /C calc'!A0");
	csv("-2+3", false, "'-2+3");
	csv("@SUM(A1)", false, "'@SUM(A1)");
	csv("\tx", false, "'\tx");
	csv("\rx", false, "\"'\rx\"");
	csv("a=b", false, "a=b");
	csv("", false, "");
	csv("=1+1", true, "=1+1");
	csv("=a,b", true, "\"=a,b\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(terminal_text),
		cmocka_unit_test(utf8),
		cmocka_unit_test(json_is_valid_utf8),
		cmocka_unit_test(csv_no_formulas),
	};
	return cmocka_run_group_tests_name("safe_text", tests, NULL, NULL);
}
