/* SPDX-License-Identifier: EUPL-1.2 */
/* Cases from a spreadsheet: CSV with a header row (batch --input csv).
 *
 * The header names the columns: 'id' (optional) and fact ids, in any
 * order. Each row after it is one case; a cell holds a fact's value as a
 * case file would ('unknown', the bool spellings, a choice id), and an
 * empty cell leaves the fact out. What spreadsheets write is accepted: a
 * UTF-8 byte order mark, CRLF or LF line ends, ',' or ';' between cells
 * (whichever the header uses), cells in double quotes ("" for a quote,
 * line breaks inside), spaces around a cell. Blank rows, and rows of only
 * separators, are no case.
 *
 * A bad row (a value a fact does not take, too many or too few cells,
 * invalid UTF-8) is given as a row with an error, and the next row is
 * read as usual. A bad header is given as one row with an error, and ends
 * the input: without it no row can be read. Lines are read by batch-input
 * (one record per line, in bounded memory), so a row larger than the case
 * limit is an error row too, and costs no more memory than a small one. */
#ifndef OPNAME_CSV_INPUT_H
#define OPNAME_CSV_INPUT_H

#include <stdbool.h>

#include "opname/case.h"
#include "opname/model.h"
#include "opname/util.h"

struct csv_row {
	int line;          /* where the row starts, from 1 */
	int index;         /* the Nth case of this input, from 1 */
	const char *error; /* "NAME:LINE:COL: ..." for a bad row, else NULL */
};

struct csv_cases;

/* Open 'path' (or stdin for "-"), named 'name' in messages. Returns NULL
 * with errno set when it cannot be opened. */
struct csv_cases *csv_cases_open(const char *path, const char *name,
				 const struct ruleset *rs, size_t limit);

/* See batch_input_on_wait. */
void csv_cases_on_wait(struct csv_cases *in, void (*fn)(void *), void *arg);

/* The next case into c (strings valid until the next call): 1 when a row
 * is given (check row->error), 0 at the end, -1 on a read error (errno). */
int csv_cases_next(struct csv_cases *in, struct case_file *c,
		   struct csv_row *row);

/* The line being read: where a read error happened. */
int csv_cases_line(const struct csv_cases *in);

void csv_cases_close(struct csv_cases *in);

/* Split one CSV row into cells, in place: for tests and for the reader.
 * Returns the number of cells (at most max), or -1 with a message in err
 * for a quote that is not closed or text after a closing quote. cells[i]
 * and cols[i] (the 1-based column of each cell's start) are filled. */
int csv_split(char *row, char sep, char **cells, int *cols, int max,
	      struct strbuf *err);

/* The separator a header row uses: ';' when it has more of them outside
 * quotes than ',', else ','. */
char csv_guess_sep(const char *header);

#endif
