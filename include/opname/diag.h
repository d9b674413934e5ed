/* SPDX-License-Identifier: EUPL-1.2 */
/* Diagnostics: located messages collected while reading a file, so that a
 * reader can keep going and report every problem, and only the top prints. */
#ifndef OPNAME_DIAG_H
#define OPNAME_DIAG_H

#include "opname/util.h"

#define DIAG_MAX 100 /* more than this and the rest are counted, not kept */

/* One kept message as a record: where, how bad, and its words (the
 * message part of its line of text, at text.buf + at, len bytes). */
enum diag_level { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag_entry {
	int line, col; /* line 0: the whole file */
	int warning;   /* its enum diag_level */
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
/* A message at LINE:COL of the file (line 0: of the whole file):
 * "FILE:LINE:COL: message" for an error, counted in d->count; with
 * "warning: " for a warning, counted in d->warnings (a warning does not
 * make a file invalid); with "note: " for a note, counted in neither. Past
 * DIAG_MAX errors and warnings they are counted but not kept. */
void diag_add(struct diag *d, enum diag_level level, int line, int col, const char *fmt,
	      ...) __attribute__((format(printf, 5, 6)));
/* diag_at(d, line, col, fmt, ...), diag_warn and diag_note: one level each
 * (the line and column may come as one AT(node)). */
#define diag_at(d, ...) diag_add(d, DIAG_ERROR, __VA_ARGS__)
#define diag_warn(d, ...) diag_add(d, DIAG_WARNING, __VA_ARGS__)
#define diag_note(d, ...) diag_add(d, DIAG_NOTE, __VA_ARGS__)
/* The first message (with its location), for one-line error records. */
const char *diag_first(const struct diag *d, struct strbuf *out);
/* Print every message to stderr as "opname: FILE:LINE:COL: message". */
void diag_print(const struct diag *d);

#endif
