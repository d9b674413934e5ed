/* SPDX-License-Identifier: EUPL-1.2 */
/* Cases from CSV (see opname/csv-input.h). The lines come from batch-input
 * in JSON Lines mode, which already reads in bounded memory, skips blank
 * lines, tells the line numbers and flushes before it waits; a row whose
 * quoted cell holds line breaks is joined from several of them (a blank
 * line inside such a cell is lost, which no fact value or id needs). */
#include "opname/csv-input.h"
#include "opname/safe-text.h"

#include <stdlib.h>
#include <string.h>

#include "opname/batch-input.h"

enum {
	MAX_CELLS = OPNAME_MAX_FACTS + 64, /* the facts, 'id', some empty columns */
	COL_NONE = -1,                     /* a column the header leaves unnamed */
	COL_ID = -2,
};

struct csv_cases {
	struct batch_input *in;
	const struct ruleset *rs;
	const char *name;
	size_t limit;
	char sep;
	bool header_read, done;
	int ncols, index;
	int col[MAX_CELLS]; /* fact index, COL_ID or COL_NONE */
	struct strbuf raw, work, err;
	char *cells[MAX_CELLS];
	int cols[MAX_CELLS];
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* One quoted cell from p (just past its opening quote), unquoted in place
 * at w. Returns the end of the cell (past the closing quote), or NULL when
 * the quote is not closed. */
static char *unquote(char *p, char **w)
{
	for (;; p++) {
		if (!*p)
			return NULL;
		if (*p == '"') {
			if (p[1] != '"')
				return p + 1;
			p++;
		}
		*(*w)++ = *p;
	}
}

static char *trim_end(char *start, char *end)
{
	while (end > start && is_blank(end[-1]))
		end--;
	return end;
}

int csv_split(char *row, char sep, char **cells, int *cols, int max,
	      struct strbuf *err)
{
	int n = 0;
	char *p = row;
	for (;;) {
		int col = (int)(p - row) + 1;
		while (is_blank(*p))
			p++;
		char *start = p, *w = p, *end;
		if (*p == '"') {
			if (!(p = unquote(p + 1, &w))) {
				sb_addf(err, "%d: a quote that is not closed", col);
				return -1;
			}
			end = w;
			while (is_blank(*p))
				p++;
			if (*p && *p != sep) {
				sb_addf(err, "%d: text after a closing quote: quote the whole cell, and double a quote inside it (\"\")",
					(int)(p - row) + 1);
				return -1;
			}
		} else {
			while (*p && *p != sep)
				p++;
			end = trim_end(start, p);
		}
		if (n == max) {
			sb_addf(err, "%d: more than %d cells", col, max);
			return -1;
		}
		char next = *p;
		*end = '\0';
		cells[n] = start;
		cols[n++] = col;
		if (!next)
			return n;
		p++;
	}
}

char csv_guess_sep(const char *header)
{
	int commas = 0, semicolons = 0;
	bool quoted = false;
	for (const char *p = header; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted)
			commas += *p == ',', semicolons += *p == ';';
	}
	return semicolons > commas ? ';' : ',';
}

struct csv_cases *csv_cases_open(const char *path, const char *name,
				 const struct ruleset *rs, size_t limit)
{
	struct batch_input *bi = batch_input_open(path, BATCH_JSONL, limit);
	if (!bi)
		return NULL;
	struct csv_cases *in = xmalloc(sizeof *in);
	memset(in, 0, sizeof *in);
	in->in = bi;
	in->rs = rs;
	in->name = name;
	in->limit = limit;
	return in;
}

void csv_cases_on_wait(struct csv_cases *in, void (*fn)(void *), void *arg)
{
	batch_input_on_wait(in->in, fn, arg);
}

int csv_cases_line(const struct csv_cases *in)
{
	return batch_input_line(in->in);
}

void csv_cases_close(struct csv_cases *in)
{
	if (!in)
		return;
	batch_input_close(in->in);
	sb_release(&in->raw);
	sb_release(&in->work);
	sb_release(&in->err);
	free(in);
}

/* Does the row end inside a quoted cell (so the next line continues it)? */
static bool quote_open(const char *s, char sep)
{
	bool at_start = true, quoted = false;
	for (; *s; s++) {
		if (quoted) {
			if (*s == '"' && s[1] == '"')
				s++;
			else if (*s == '"')
				quoted = false;
		} else if (at_start && *s == '"') {
			quoted = true;
			at_start = false;
		} else if (*s == sep) {
			at_start = true;
		} else if (!is_blank(*s)) {
			at_start = false;
		}
	}
	return quoted;
}

static void strip_line_end(struct strbuf *sb)
{
	while (sb->len && (sb->buf[sb->len - 1] == '\n' || sb->buf[sb->len - 1] == '\r'))
		sb->buf[--sb->len] = '\0';
}

/* The next row's text in in->raw: 1, 0 at the end, -1 on a read error; a
 * row too large gives 1 with the message in in->err. */
static int read_row(struct csv_cases *in, int *line)
{
	struct batch_record rec;
	int r;
	sb_reset(&in->raw);
	sb_reset(&in->err);
	bool first = true;
	while ((r = batch_input_next(in->in, &rec)) == 1) {
		if (first)
			*line = rec.line;
		if (rec.too_large || in->raw.len + rec.len > in->limit) {
			sb_addf(&in->err, "%s:%d: a row of more than %zu bytes", in->name,
				*line, in->limit);
			return 1;
		}
		const char *t = rec.text;
		if (first && rec.index == 1 && !strncmp(t, "\xef\xbb\xbf", 3))
			t += 3; /* the byte order mark spreadsheets write */
		if (!first)
			sb_addc(&in->raw, '\n');
		sb_add(&in->raw, t, rec.len - (size_t)(t - rec.text));
		strip_line_end(&in->raw);
		first = false;
		if (!quote_open(in->raw.buf, in->sep ? in->sep : csv_guess_sep(in->raw.buf)))
			return 1;
	}
	if (r < 0)
		return -1;
	return first ? 0 : 1; /* a quote still open at the end: csv_split says so */
}

/* Split in->raw into in->cells; 0, or -1 with the message in in->err. */
static int split_row(struct csv_cases *in, int line, int *n)
{
	if (in->err.len)
		return -1;
	if (!utf8_valid(in->raw.buf, in->raw.len)) {
		sb_addf(&in->err, "%s:%d: invalid text: the input must be UTF-8 without NUL bytes",
			in->name, line);
		return -1;
	}
	sb_reset(&in->work);
	sb_add(&in->work, in->raw.buf, in->raw.len);
	struct strbuf msg = STRBUF_INIT;
	*n = csv_split(in->work.buf, in->sep, in->cells, in->cols, MAX_CELLS, &msg);
	if (*n < 0)
		sb_addf(&in->err, "%s:%d:%s", in->name, line, msg.buf);
	sb_release(&msg);
	return *n < 0 ? -1 : 0;
}

static void header_error(struct csv_cases *in, int line, int i, const char *what)
{
	sb_addf(&in->err, "%s:%d:%d: the header row: %s", in->name, line,
		in->cols[i], what);
}

/* The header row: which column holds which fact. 0, or -1 with in->err. */
static int read_header(struct csv_cases *in, int line)
{
	in->sep = csv_guess_sep(in->raw.buf);
	int n;
	if (split_row(in, line, &n) < 0)
		return -1;
	bool seen[OPNAME_MAX_FACTS] = { false }, id_seen = false;
	struct strbuf msg = STRBUF_INIT;
	for (int i = 0; i < n && !in->err.len; i++) {
		const char *h = in->cells[i];
		int f = *h ? ruleset_find_fact(in->rs, h) : COL_NONE;
		if (!strcmp(h, "id")) {
			f = COL_ID;
			if (id_seen)
				header_error(in, line, i, "'id' twice");
			id_seen = true;
		} else if (*h && f < 0) {
			unknown_fact_message(in->rs, h, &msg);
			header_error(in, line, i, msg.buf);
		} else if (f >= 0 && seen[f]) {
			sb_addf(&msg, "'%s' twice", h);
			header_error(in, line, i, msg.buf);
		} else if (f >= 0) {
			seen[f] = true;
		}
		in->col[i] = f;
	}
	sb_release(&msg);
	in->ncols = n;
	return in->err.len ? -1 : 0;
}

static bool all_empty(char *const *cells, int n)
{
	for (int i = 0; i < n; i++)
		if (*cells[i])
			return false;
	return true;
}

/* The cells of a row as a case; 0, or -1 with the first problem in err. */
static int read_cells(struct csv_cases *in, int line, int n, struct case_file *c)
{
	if (n != in->ncols) {
		sb_addf(&in->err, "%s:%d: %d cell%s, but the header has %d (a '%c' too many or too few?)",
			in->name, line, n, n == 1 ? "" : "s", in->ncols, in->sep);
		return -1;
	}
	for (int i = 0; i < n; i++) /* first: a bad row's record keeps its id */
		if (in->col[i] == COL_ID && *in->cells[i])
			c->id = in->cells[i];
	struct strbuf msg = STRBUF_INIT;
	for (int i = 0; i < n && !msg.len; i++) {
		const char *v = in->cells[i];
		int f = in->col[i];
		if (!*v || f == COL_ID)
			continue;
		if (f == COL_NONE)
			sb_addf(&msg, "'%s' is in a column the header does not name", v);
		else if (fact_value_parse(&in->rs->questions[f], v, &c->facts[f]) < 0)
			bad_value_message(&in->rs->questions[f], v, &msg);
		if (msg.len)
			sb_addf(&in->err, "%s:%d:%d: %s", in->name, line, in->cols[i], msg.buf);
	}
	sb_release(&msg);
	return in->err.len ? -1 : 0;
}

static int give_error(struct csv_cases *in, int line, struct csv_row *row)
{
	row->line = line;
	row->index = ++in->index;
	row->error = in->err.buf;
	return 1;
}

int csv_cases_next(struct csv_cases *in, struct case_file *c,
		   struct csv_row *row)
{
	case_init(in->rs, c);
	row->error = NULL;
	int line = 1, r, n;
	if (in->done)
		return 0;
	if (!in->header_read) {
		in->header_read = true;
		if ((r = read_row(in, &line)) <= 0) {
			if (r < 0)
				return -1;
			in->done = true;
			sb_addf(&in->err, "%s:1: no header row: expected one of 'id' and fact ids",
				in->name);
			return give_error(in, 1, row);
		}
		if (read_header(in, line) < 0) {
			in->done = true;
			return give_error(in, line, row);
		}
	}
	for (;;) {
		if ((r = read_row(in, &line)) <= 0)
			return r;
		if (split_row(in, line, &n) < 0)
			return give_error(in, line, row);
		if (all_empty(in->cells, n))
			continue; /* ';;;;': a spreadsheet's empty row */
		if (read_cells(in, line, n, c) < 0)
			return give_error(in, line, row);
		row->line = line;
		row->index = ++in->index;
		return 1;
	}
}
