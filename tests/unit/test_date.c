/* SPDX-License-Identifier: EUPL-1.2 */
/* Dates and durations: YYYY-MM-DD both ways over the whole range, leap
 * years, and months that lack the day (31 January + 1m). */
#include "helpers.h"

#include "opname/date.h"

static void parse_and_put_agree(void **state)
{
	(void)state;
	int32_t d, back;
	struct strbuf sb = STRBUF_INIT;
	assert_int_equal(date_parse("1900-01-01", &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(date_parse("9999-12-31", &d), 0);
	assert_int_equal(d, DATE_MAX);
	for (int32_t x = 0; x <= DATE_MAX; x += 89) {
		sb_reset(&sb);
		date_put(x, &sb);
		assert_int_equal(date_parse(sb.buf, &back), 0);
		assert_int_equal(back, x);
	}
	sb_release(&sb);
}

static void bad_dates(void **state)
{
	(void)state;
	int32_t d;
	const char *bad[] = { "2023-02-29", "1899-12-31", "2022-13-01", "2022-00-10",
			      "2022-04-31", "2022-5-01", "22-05-01", "2022/05/01",
			      "2022-05-01x", "", "today" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(date_parse(bad[i], &d), -1);
	assert_int_equal(date_parse("2024-02-29", &d), 0); /* a leap year */
	assert_int_equal(date_parse("2000-02-29", &d), 0);
	assert_int_equal(date_parse("1900-02-29", &d), -1); /* not one */
}

static const char *shifted(const char *from, const char *by, int sign)
{
	static char out[16];
	int32_t d;
	struct duration u;
	assert_int_equal(date_parse(from, &d), 0);
	assert_int_equal(duration_parse(by, &u), 0);
	struct strbuf sb = STRBUF_INIT;
	date_put(date_shift(d, &u, sign), &sb);
	snprintf(out, sizeof out, "%s", sb.buf);
	sb_release(&sb);
	return out;
}

static void durations(void **state)
{
	(void)state;
	assert_string_equal(shifted("2022-05-01", "4w", 1), "2022-05-29");
	assert_string_equal(shifted("2022-05-01", "30d", -1), "2022-04-01");
	assert_string_equal(shifted("2007-01-31", "1m", 1), "2007-02-28");
	assert_string_equal(shifted("2008-01-31", "1m", 1), "2008-02-29");
	assert_string_equal(shifted("2008-02-29", "16y", 1), "2024-02-29");
	assert_string_equal(shifted("2008-02-29", "1y", 1), "2009-02-28");
	assert_string_equal(shifted("2022-03-31", "1m", -1), "2022-02-28");
	assert_string_equal(shifted("9999-12-01", "2m", 1), "9999-12-31"); /* kept in range */
	struct duration u;
	assert_int_equal(duration_parse("4x", &u), -1);
	assert_int_equal(duration_parse("w", &u), -1);
	assert_int_equal(duration_parse("123456d", &u), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_and_put_agree),
		cmocka_unit_test(bad_dates),
		cmocka_unit_test(durations),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
