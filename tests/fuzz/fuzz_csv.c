/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzz target: CSV input (csv-input.c): the cell splitter on the input as
 * one row, with either separator, and the whole reader (header, rows,
 * quoted line breaks, the size limit) on the input as a file, against the
 * built-in spelregels. What the reader promises is checked for every row:
 * cases are numbered 1, 2, ... in order, their lines only go forward, and
 * a bad row's message names the file. The file is a temporary of this
 * process, rewritten for each input and removed at exit. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opname/csv-input.h"
#include "opname/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

static void remove_path(void)
{
	unlink(path);
}

static void split_as_one_row(const uint8_t *data, size_t size, char sep)
{
	char *row = xmalloc(size + 1), *cells[64];
	int cols[64];
	struct strbuf err = STRBUF_INIT;
	memcpy(row, data, size);
	row[size] = '\0';
	int n = csv_split(row, sep, cells, cols, 64, &err);
	if (n < 0 ? !err.len : n == 0 || n > 64)
		abort();
	for (int i = 1; i < n; i++)
		if (cols[i] <= cols[i - 1])
			abort();
	sb_release(&err);
	free(row);
}

static void write_file(const uint8_t *data, size_t size)
{
	if (!path[0]) {
		strcpy(path, "/tmp/fuzz_csv.XXXXXX");
		int fd = mkstemp(path);
		if (fd < 0)
			abort();
		close(fd);
		atexit(remove_path);
	}
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	split_as_one_row(data, size, ',');
	split_as_one_row(data, size, ';');
	write_file(data, size);
	struct csv_cases *in = csv_cases_open(path, "f.csv", rules_builtin(), 4096);
	if (!in)
		abort();
	struct case_file c;
	struct csv_row row;
	int r, n = 0, line = 0;
	while ((r = csv_cases_next(in, &c, &row)) == 1) {
		if (row.index != ++n || row.line < line)
			abort();
		if (row.error && strncmp(row.error, "f.csv:", 6))
			abort();
		line = row.line;
	}
	if (r != 0)
		abort();
	csv_cases_close(in);
	return 0;
}
