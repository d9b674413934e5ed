/* SPDX-License-Identifier: EUPL-1.2 */
/* CSV input: cells split as RFC 4180 has them (and as spreadsheets write
 * them), the separator guessed from the header, and rows read as cases,
 * bad ones as errors, from a file. */
#include <unistd.h>

#include "helpers.h"
#include "opname/csv-input.h"

static const struct ruleset *rs;

static void split_ok(const char *row, char sep, int n, const char *const *want)
{
	char buf[256], *cells[8];
	int cols[8];
	struct strbuf err = STRBUF_INIT;
	strcpy(buf, row);
	int got = csv_split(buf, sep, cells, cols, 8, &err);
	if (got < 0)
		fail_msg("%s: %s", row, err.buf);
	assert_int_equal(got, n);
	for (int i = 0; i < n; i++)
		assert_string_equal(cells[i], want[i]);
	sb_release(&err);
}

static void split_bad(const char *row, char sep, const char *msg)
{
	char buf[256], *cells[8];
	int cols[8];
	struct strbuf err = STRBUF_INIT;
	strcpy(buf, row);
	assert_int_equal(csv_split(buf, sep, cells, cols, 8, &err), -1);
	assert_non_null(strstr(err.buf, msg));
	sb_release(&err);
}

static void splits_cells(void **state)
{
	(void)state;
	split_ok("a,b,c", ',', 3, (const char *const[]){ "a", "b", "c" });
	split_ok("a;b,c", ';', 2, (const char *const[]){ "a", "b,c" });
	split_ok(",,", ',', 3, (const char *const[]){ "", "", "" });
	split_ok("", ',', 1, (const char *const[]){ "" });
	split_ok(" a , b\t", ',', 2, (const char *const[]){ "a", "b" });
	split_ok("\"x,y\",\"say \"\"hi\"\"\"", ',', 2,
		 (const char *const[]){ "x,y", "say \"hi\"" });
	split_ok("\"two\nlines\";\"\"", ';', 2, (const char *const[]){ "two\nlines", "" });
	split_ok("  \"q\"  ,z", ',', 2, (const char *const[]){ "q", "z" });
	split_ok("a\"b,c", ',', 2, (const char *const[]){ "a\"b", "c" });
	split_bad("\"open,b", ',', "1: a quote that is not closed");
	split_bad("a,\"q\"x", ',', "6: text after a closing quote");
	split_bad("1,2,3,4,5,6,7,8,9", ',', "more than 8 cells");
}

static void columns_are_where_cells_start(void **state)
{
	(void)state;
	char buf[] = "id;record; video";
	char *cells[4];
	int cols[4];
	struct strbuf err = STRBUF_INIT;
	assert_int_equal(csv_split(buf, ';', cells, cols, 4, &err), 3);
	assert_int_equal(cols[0], 1);
	assert_int_equal(cols[1], 4);
	assert_int_equal(cols[2], 11);
	sb_release(&err);
}

static void guesses_the_separator(void **state)
{
	(void)state;
	assert_int_equal(csv_guess_sep("id,action,media"), ',');
	assert_int_equal(csv_guess_sep("id;action;media"), ';');
	assert_int_equal(csv_guess_sep("\"a,b,c\";x;y"), ';');
	assert_int_equal(csv_guess_sep("id"), ',');
}


static struct csv_cases *open_text(const char *text)
{
	strcpy(temp_path, "/tmp/test_csv_input.XXXXXX");
	int fd = mkstemp(temp_path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	struct csv_cases *in = csv_cases_open(temp_path, "t.csv", rs, 4096);
	assert_non_null(in);
	return in;
}

/* A Dutch spreadsheet's export: BOM, ';', CRLF, an empty row, a bad row. */
static void reads_rows_as_cases(void **state)
{
	(void)state;
	struct csv_cases *in = open_text("\xef\xbb\xbf" "media;id;action;participant\r\n"
					 "video;c1;record;\r\n"
					 ";;;\r\n"
					 "audio;\"c;2\";RECORD;Nee\r\n"
					 "vidio;c3;record;ja\r\n"
					 "audio;;record;unknown\r\n");
	struct case_file c;
	struct csv_row row;
	int media = ruleset_find_fact(rs, "media"), action = ruleset_find_fact(rs, "action"),
	    part = ruleset_find_fact(rs, "participant");
	assert_int_equal(csv_cases_next(in, &c, &row), 1);
	assert_null(row.error);
	assert_int_equal(row.line, 2);
	assert_int_equal(row.index, 1);
	assert_string_equal(c.id, "c1");
	assert_int_equal(c.facts[media], 1); /* video, the second choice */
	assert_int_equal(c.facts[action], 0);
	assert_int_equal(c.facts[part], FV_MISSING);

	assert_int_equal(csv_cases_next(in, &c, &row), 1);
	assert_null(row.error);
	assert_int_equal(row.line, 4);
	assert_int_equal(row.index, 2);
	assert_string_equal(c.id, "c;2");
	assert_int_equal(c.facts[part], FV_FALSE);

	assert_int_equal(csv_cases_next(in, &c, &row), 1);
	assert_non_null(row.error);
	assert_string_equal(row.error, "t.csv:5:1: 'vidio' is not a value of 'media' (did you mean 'video'?): use audio or video");
	assert_string_equal(c.id, "c3");

	assert_int_equal(csv_cases_next(in, &c, &row), 1);
	assert_null(row.error);
	assert_null(c.id);
	assert_int_equal(c.facts[part], FV_UNKNOWN);
	assert_int_equal(csv_cases_next(in, &c, &row), 0);
	csv_cases_close(in);
}

static void expect_one_error(const char *text, const char *msg, int more)
{
	struct csv_cases *in = open_text(text);
	struct case_file c;
	struct csv_row row;
	assert_int_equal(csv_cases_next(in, &c, &row), 1);
	assert_non_null(row.error);
	if (!strstr(row.error, msg))
		fail_msg("'%s' lacks '%s'", row.error, msg);
	assert_int_equal(csv_cases_next(in, &c, &row), more);
	csv_cases_close(in);
	remove_temp(NULL);
}

static void bad_headers_and_rows(void **state)
{
	(void)state;
	expect_one_error("", "t.csv:1: no header row", 0);
	expect_one_error("id,acton\nx,record\n", "t.csv:1:4: the header row: unknown fact 'acton' (did you mean 'action'?)", 0);
	expect_one_error("action,action\n", "t.csv:1:8: the header row: 'action' twice", 0);
	expect_one_error("id,id\n", "'id' twice", 0);
	expect_one_error("id,action\nx\ny,edit\n", "t.csv:2: 1 cell, but the header has 2 (a ',' too many or too few?)", 1);
	expect_one_error("id,action\nx,edit,more\n", "3 cells, but the header has 2", 0);
	expect_one_error("id,action,\nx,edit,what\n", "t.csv:2:8: 'what' is in a column the header does not name", 0);
	expect_one_error("id,action\nx,\"edit\n", "t.csv:2:3: a quote that is not closed", 0);
	expect_one_error("id,action\n\xff,edit\n", "t.csv:2: invalid text", 0);
	struct strbuf big = STRBUF_INIT;
	sb_adds(&big, "id,action\n");
	for (int i = 0; i < 5000; i++)
		sb_addc(&big, 'x');
	sb_adds(&big, ",edit\ny,edit\n");
	expect_one_error(big.buf, "t.csv:2: a row of more than 4096 bytes", 1);
	sb_release(&big);
}

/* A quoted cell over two lines is one row; the next row's line is right. */
static void quoted_line_breaks(void **state)
{
	(void)state;
	struct csv_cases *in = open_text("id,action\n\"a\nb\",edit\nc,share\n");
	struct case_file c;
	struct csv_row row;
	assert_int_equal(csv_cases_next(in, &c, &row), 1);
	assert_null(row.error);
	assert_string_equal(c.id, "a\nb");
	assert_int_equal(row.line, 2);
	assert_int_equal(csv_cases_next(in, &c, &row), 1);
	assert_string_equal(c.id, "c");
	assert_int_equal(row.line, 4);
	assert_int_equal(row.index, 2);
	csv_cases_close(in);
}

int main(void)
{
	rs = rules_builtin();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(splits_cells),
		cmocka_unit_test(columns_are_where_cells_start),
		cmocka_unit_test(guesses_the_separator),
		cmocka_unit_test_teardown(reads_rows_as_cases, remove_temp),
		cmocka_unit_test_teardown(bad_headers_and_rows, remove_temp),
		cmocka_unit_test_teardown(quoted_line_breaks, remove_temp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
