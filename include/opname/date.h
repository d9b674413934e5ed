/* SPDX-License-Identifier: EUPL-1.2 */
/* Dates and durations of the rule language (see src/date.c). */
#ifndef OPNAME_DATE_H
#define OPNAME_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "opname/util.h"

#define DATE_MIN_YEAR 1900
#define DATE_MAX 2958463 /* 9999-12-31, in days since 1900-01-01 */

/* A duration as written: 4w, 16y, 30d, 6m. */
struct duration {
	int count;
	char unit; /* 'd', 'w', 'm' or 'y'; 0: none */
};

/* YYYY-MM-DD from 1900-01-01 to 9999-12-31, as days since 1900-01-01:
 * 0, or -1 when it is not such a date. */
int date_parse(const char *s, int32_t *out);
void date_put(int32_t days, struct strbuf *out);
/* The year, month (1-12) and day of the month of a date. */
void date_civil(int32_t days, int *y, int *m, int *d);
/* "4w": 0, or -1. At most 5 digits. */
int duration_parse(const char *s, struct duration *out);
/* days plus (sign 1) or minus (sign -1) the duration, kept in range. */
int32_t date_shift(int32_t days, const struct duration *by, int sign);

#endif
