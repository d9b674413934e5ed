/* SPDX-License-Identifier: EUPL-1.2 */
/* Diagnostics: located messages collected while reading a file, so that a
 * reader can keep going and report every problem, and only the top prints. */
#ifndef OPNAME_DIAG_H
#define OPNAME_DIAG_H

#include "opname/util.h"

#define DIAG_MAX 100 /* more than this and the rest are counted, not kept */

/* One kept message as a record: where, how bad, and its words (the
 * message part of its line of text, at text.buf + at, len bytes). */
struct diag_entry {
	int line, col; /* line 0: the whole file */
	int warning;
	size_t at, len;
};

struct diag {
	const char *file; /* prefix of every message */
	long long line_offset; /* added to every line (a document inside a stream) */
	int count;        /* problems found, kept or not */
	int warnings;     /* warnings found: not problems, so not in count */
	struct strbuf text; /* "FILE:LINE:COL: message\n" per kept problem */
	struct diag_entry *entries; /* the same, as records */
	int nentries, entrycap;
};

void diag_init(struct diag *d, const char *file);
void diag_release(struct diag *d);
void diag_clear(struct diag *d);
void diag_at(struct diag *d, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The same as a warning: "FILE:LINE:COL: warning: message". Counted in
 * d->warnings, not d->count: a warning does not make a file invalid. */
void diag_warn(struct diag *d, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The same as a note: "FILE:LINE:COL: note: message" (entry.warning 2),
 * counted neither as a problem nor as a warning. */
void diag_note(struct diag *d, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The first message (with its location), for one-line error records. */
const char *diag_first(const struct diag *d, struct strbuf *out);
/* Print every message to stderr as "opname: FILE:LINE:COL: message". */
void diag_print(const struct diag *d);

#endif
