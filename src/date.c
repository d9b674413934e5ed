/* SPDX-License-Identifier: EUPL-1.2 */
/* Dates for the rule language (docs/rules.md, "Dates"): a date is the
 * number of days since 1900-01-01, so that it orders and compares like a
 * number, and the intervals its tests' constants cut work as for numbers. */
#include "opname/date.h"

#include <stdio.h>
#include <string.h>

/* Howard Hinnant's days_from_civil, moved to 1900-01-01 = 0. */
static int32_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468 + 25567);
}

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
	z += 719468 - 25567;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

static bool digits(const char *s, int n, int *out)
{
	*out = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*out = *out * 10 + (s[i] - '0');
	}
	return true;
}

int date_parse(const char *s, int32_t *out)
{
	int y, m, d;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) ||
	    !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
		return -1;
	if (y < DATE_MIN_YEAR || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return -1;
	*out = days_from_civil(y, m, d);
	return 0;
}

void date_civil(int32_t days, int *y, int *m, int *d)
{
	civil_from_days(days, y, m, d);
}

void date_put(int32_t days, struct strbuf *out)
{
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	sb_addf(out, "%04d-%02d-%02d", y, m, d);
}

int duration_parse(const char *s, struct duration *out)
{
	size_t n = strlen(s);
	if (n < 2 || n > 6)
		return -1;
	int v;
	if (!digits(s, (int)n - 1, &v))
		return -1;
	char u = s[n - 1];
	if (u != 'd' && u != 'w' && u != 'm' && u != 'y')
		return -1;
	out->count = v;
	out->unit = u;
	return 0;
}

/* Months and years keep the day of the month, or the month's last day
 * when it has none (31 January + 1m is 28 or 29 February). */
int32_t date_shift(int32_t days, const struct duration *by, int sign)
{
	if (by->unit == 'd' || by->unit == 'w') {
		long long r = days + (long long)sign * by->count * (by->unit == 'w' ? 7 : 1);
		return r < 0 ? 0 : r > DATE_MAX ? DATE_MAX : (int32_t)r;
	}
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	long long months = (long long)y * 12 + (m - 1) +
			   (long long)sign * by->count * (by->unit == 'y' ? 12 : 1);
	if (months < (long long)DATE_MIN_YEAR * 12)
		return 0;
	if (months > 9999LL * 12 + 11)
		return DATE_MAX;
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	return days_from_civil(y, m, d);
}
