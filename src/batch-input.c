/* SPDX-License-Identifier: EUPL-1.2 */
/* Batch input: records out of a stream, one line at a time (see the header
 * for where records end). The input is read in 64 KiB chunks; a line is
 * classified by its first bytes and copied into the record being gathered,
 * in pieces when it is longer than a chunk. */
#include "opname/batch-input.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "opname/util.h"

enum { CHUNK = 64 * 1024 };

enum line_kind { LINE_OTHER, LINE_DOC_START, LINE_DOC_END };

struct batch_input {
	int fd;
	bool own_fd, regular, eof, failed;
	enum batch_format fmt;
	size_t limit;
	void (*on_wait)(void *);
	void *wait_arg;

	char *buf; /* the chunk: unread bytes are [pos, end) */
	size_t pos, end;
	bool exotic;       /* the chunk may hold CR, NEL, LS or PS line breaks */
	bool want_more;    /* the chunk ends in what may be the start of a break */
	long long line;    /* number of the line at pos */
	size_t skip;       /* bytes of the current line to ignore (a BOM) */
	size_t last_break; /* length of the line break that ended the record */
	bool mid_line;     /* pos is inside a line already classified */
	bool blank_so_far; /* that line has shown only blanks yet */
	enum line_kind kind;

	/* the record being gathered */
	struct strbuf text;
	size_t size;
	long long rec_line, rec_first, index;
	bool started, explicit_start, content, too_large, given;
};

enum batch_format batch_format_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (dot && (!strcasecmp(dot, ".jsonl") || !strcasecmp(dot, ".ndjson")))
		return BATCH_JSONL;
	return BATCH_YAML;
}

/* Open path (or take stdin for "-"); only a regular file when 'regular'. */
static struct batch_input *open_input(const char *path, enum batch_format fmt,
				      size_t limit, bool regular)
{
	bool is_stdin = !strcmp(path, "-");
	/* O_NONBLOCK: opening a FIFO that turned up in a directory must not
	 * wait for a writer; it is refused just below. */
	int fd = is_stdin ? STDIN_FILENO
		 : open(path, O_RDONLY | O_CLOEXEC | (regular ? O_NONBLOCK : 0));
	if (fd < 0)
		return NULL;
	struct stat st;
	int e = 0;
	if (fstat(fd, &st) < 0)
		e = errno;
	else if (S_ISDIR(st.st_mode))
		e = EISDIR;
	else if (regular && !S_ISREG(st.st_mode))
		e = EINVAL;
	else if (regular && fcntl(fd, F_SETFL, 0) < 0)
		e = errno;
	if (e) {
		if (!is_stdin)
			close(fd);
		errno = e;
		return NULL;
	}
	struct batch_input *in = xmalloc(sizeof *in);
	memset(in, 0, sizeof *in);
	in->fd = fd;
	in->own_fd = !is_stdin;
	in->regular = S_ISREG(st.st_mode);
	in->fmt = fmt;
	in->limit = limit;
	in->buf = xmalloc(CHUNK);
	in->line = 1;
	return in;
}

struct batch_input *batch_input_open(const char *path, enum batch_format fmt,
				     size_t limit)
{
	return open_input(path, fmt, limit, false);
}

struct batch_input *batch_input_open_regular(const char *path,
					     enum batch_format fmt, size_t limit)
{
	return open_input(path, fmt, limit, true);
}

void batch_input_on_wait(struct batch_input *in, void (*fn)(void *), void *arg)
{
	in->on_wait = fn;
	in->wait_arg = arg;
}

bool batch_input_is_file(const struct batch_input *in)
{
	return in->regular;
}

long long batch_input_line(const struct batch_input *in)
{
	return in->line;
}

void batch_input_close(struct batch_input *in)
{
	if (!in)
		return;
	if (in->own_fd)
		close(in->fd);
	sb_release(&in->text);
	free(in->buf);
	free(in);
}

/* Does the chunk hold a line break other than LF and CR LF (or what may be
 * the start of one, at its end)? Without, lines are found with memchr. */
static bool has_exotic_breaks(const char *b, size_t n)
{
	const char *end = b + n, *q;
	for (q = b; (q = memchr(q, '\r', (size_t)(end - q))); q++)
		if (q + 1 == end || q[1] != '\n')
			return true;
	for (q = b; (q = memchr(q, 0xc2, (size_t)(end - q))); q++)
		if (q + 1 == end || (unsigned char)q[1] == 0x85)
			return true;
	for (q = b; (q = memchr(q, 0xe2, (size_t)(end - q))); q++)
		if (end - q < 3 || ((unsigned char)q[1] == 0x80 &&
				    ((unsigned char)q[2] == 0xa8 || (unsigned char)q[2] == 0xa9)))
			return true;
	return false;
}

/* Read more, keeping the unread bytes. Returns 0, or -1 on a read error. */
static int fill(struct batch_input *in)
{
	if (in->pos > 0) {
		memmove(in->buf, in->buf + in->pos, in->end - in->pos);
		in->end -= in->pos;
		in->pos = 0;
	}
	if (in->on_wait && !in->regular) {
		struct pollfd p = { .fd = in->fd, .events = POLLIN };
		if (poll(&p, 1, 0) == 0)
			in->on_wait(in->wait_arg);
	}
	ssize_t n;
	do
		n = read(in->fd, in->buf + in->end, CHUNK - in->end);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		in->failed = in->eof = true;
		return -1;
	}
	if (n == 0)
		in->eof = true;
	in->end += (size_t)n;
	in->exotic = has_exotic_breaks(in->buf, in->end);
	return 0;
}

/* The line breaks libyaml knows: LF, CR LF, CR, NEL (U+0085), LS (U+2028)
 * and PS (U+2029). Returns the first break in [p, end) and its length in
 * *len, or NULL; then *safe is how far [p, end) surely holds none (before
 * a break's first bytes that the next read may complete, at the end). In a
 * chunk of LF and CR LF only, a CR LF is found as its LF. */
static const char *find_break(const struct batch_input *in, const char *p,
			      const char *end, size_t *len, const char **safe)
{
	*safe = end;
	if (!in->exotic) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		*len = 1;
		return nl;
	}
	for (const char *q = p; q < end; q++) {
		unsigned char c = (unsigned char)*q;
		size_t left = (size_t)(end - q);
		if (c == '\n') {
			*len = 1;
			return q;
		}
		if (c != '\r' && c != 0xc2 && c != 0xe2)
			continue;
		size_t need = c == 0xe2 ? 3 : 2;
		if (left < need && !in->eof) {
			*safe = q; /* CR, or the start of NEL, LS or PS: read on */
			return NULL;
		}
		if (c == '\r') {
			*len = left >= 2 && q[1] == '\n' ? 2 : 1;
			return q;
		}
		if (c == 0xc2 && left >= 2 && (unsigned char)q[1] == 0x85) {
			*len = 2;
			return q;
		}
		if (c == 0xe2 && left >= 3 && (unsigned char)q[1] == 0x80 &&
		    ((unsigned char)q[2] == 0xa8 || (unsigned char)q[2] == 0xa9)) {
			*len = 3;
			return q;
		}
	}
	return NULL;
}

/* What may follow a marker: a blank or a line break. */
static bool is_break_or_blank(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	if (u[0] == ' ' || u[0] == '\t' || u[0] == '\r' || u[0] == '\n')
		return true;
	if (n >= 2 && u[0] == 0xc2 && u[1] == 0x85)
		return true;
	return n >= 3 && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9);
}

static void record_reset(struct batch_input *in)
{
	sb_reset(&in->text);
	in->size = 0;
	in->rec_line = in->rec_first = 0;
	in->started = in->explicit_start = in->content = in->too_large = false;
	in->given = false;
}

static bool record_is_document(const struct batch_input *in)
{
	return in->explicit_start || in->content || in->too_large;
}

static int give(struct batch_input *in, struct batch_record *rec)
{
	/* A JSON line ends before its line break: a message about its end is
	 * then about its own line, not the next. */
	if (in->fmt == BATCH_JSONL && !in->too_large && in->last_break) {
		size_t cut = in->last_break;
		if (cut == 1 && in->text.len >= 2 && in->text.buf[in->text.len - 2] == '\r')
			cut = 2; /* CR LF, found as LF */
		in->size -= cut;
		in->text.len -= cut;
		in->text.buf[in->text.len] = '\0';
	}
	in->last_break = 0;
	rec->text = in->too_large ? NULL : in->text.buf ? in->text.buf : "";
	rec->len = in->size;
	rec->json = in->fmt == BATCH_JSONL;
	rec->line = in->started ? in->rec_line : 1;
	rec->first_line = in->rec_first ? in->rec_first : rec->line;
	rec->index = ++in->index;
	rec->too_large = in->too_large;
	in->given = true;
	return 1;
}

static enum line_kind classify(const struct batch_input *in, const char *p,
			       size_t n)
{
	if (in->fmt != BATCH_YAML || n < 3)
		return LINE_OTHER;
	if (n > 3 && !is_break_or_blank(p + 3, n - 3))
		return LINE_OTHER;
	if (!memcmp(p, "---", 3))
		return LINE_DOC_START;
	if (!memcmp(p, "...", 3))
		return LINE_DOC_END;
	return LINE_OTHER;
}

/* Does this piece of the current line show it to be content? Blank lines,
 * comments and (before any content) directives are not. */
static void note_content(struct batch_input *in, const char *p, size_t n)
{
	if (!in->blank_so_far)
		return;
	for (size_t i = in->skip; i < n; i++) {
		char c = p[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			continue;
		in->blank_so_far = false;
		if (in->fmt == BATCH_YAML &&
		    (c == '#' || (c == '%' && !in->content && !in->explicit_start)))
			return;
		in->content = true;
		if (!in->rec_first)
			in->rec_first = in->line;
		return;
	}
}

static void append(struct batch_input *in, const char *p, size_t n)
{
	in->size += n;
	if (in->too_large)
		return;
	if (in->size > in->limit) {
		in->too_large = true;
		sb_reset(&in->text);
		return;
	}
	sb_add(&in->text, p, n);
}

/* At the start of a line: make sure its first bytes (a byte order mark,
 * a marker and a line break of up to three bytes), or all of it, are in
 * the chunk, so that a document marker can be recognised. */
static int need_line_start(struct batch_input *in)
{
	size_t len;
	const char *safe;
	while (!in->eof && in->end - in->pos < 9 &&
	       !find_break(in, in->buf + in->pos, in->buf + in->end, &len, &safe))
		if (fill(in) < 0)
			return -1;
	return 0;
}

/* The common case of a YAML record that already has content: its lines
 * need only a look at their first bytes for a marker, so whole runs of them
 * are found with memchr and copied in one piece. Stops before a line that
 * may be a marker, or that is not all in the chunk; the careful path in
 * batch_input_next takes it from there. */
static void copy_plain_lines(struct batch_input *in)
{
	if (in->exotic)
		return; /* the careful path knows every kind of line break */
	const char *start = in->buf + in->pos, *end = in->buf + in->end;
	const char *q = start;
	while (end - q >= 4) {
		if (q[0] == '\xef') /* a byte order mark, perhaps before a marker */
			break;
		if ((q[0] == '-' || q[0] == '.') && classify(in, q, (size_t)(end - q)) != LINE_OTHER)
			break;
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		if (!nl)
			break;
		q = nl + 1;
		in->line++;
	}
	append(in, start, (size_t)(q - start));
	in->pos += (size_t)(q - start);
}

/* At the start of a line: classify it, and see whether it starts the next
 * record (1, the record is given) or goes on with this one (0). */
static int line_start(struct batch_input *in, struct batch_record *rec)
{
	const char *p = in->buf + in->pos;
	size_t avail = in->end - in->pos;
	/* A byte order mark may start any line: where files were joined
	 * ('cat a.yaml b.yaml'); libyaml skips it at a line's start too. */
	in->skip = avail >= 3 && !memcmp(p, "\xef\xbb\xbf", 3) ? 3 : 0;
	enum line_kind kind = classify(in, p + in->skip, avail - in->skip);
	if (kind == LINE_DOC_START && record_is_document(in))
		return give(in, rec); /* the line starts the next one */
	if (!in->started) {
		in->started = true;
		in->rec_line = in->line;
	}
	if (kind == LINE_DOC_START) {
		in->explicit_start = true;
		if (!in->rec_first)
			in->rec_first = in->line;
	}
	in->kind = kind;
	/* What follows a '---' on its line may be content ('--- {id: a}') */
	in->blank_so_far = kind != LINE_DOC_END;
	if (kind == LINE_DOC_START)
		in->skip += 3;
	in->mid_line = true;
	return 0;
}

int batch_input_next(struct batch_input *in, struct batch_record *rec)
{
	if (in->given)
		record_reset(in);
	for (;;) {
		if (!in->mid_line && in->content && in->fmt == BATCH_YAML)
			copy_plain_lines(in);
		if (!in->mid_line) {
			if (need_line_start(in) < 0)
				return -1;
			if (in->pos == in->end)
				break; /* the end of the input */
			if (line_start(in, rec))
				return 1;
		}
		if (in->pos == in->end || in->want_more) {
			in->want_more = false;
			if (fill(in) < 0)
				return -1;
			if (in->pos == in->end)
				break; /* a last line without a line break */
		}
		const char *p = in->buf + in->pos, *end = in->buf + in->end, *safe;
		size_t blen;
		const char *br = find_break(in, p, end, &blen, &safe);
		size_t n = br ? (size_t)(br - p) + blen : (size_t)(safe - p);
		in->want_more = !br && safe < end;
		note_content(in, p, br ? (size_t)(br - p) : n);
		append(in, p, n);
		in->pos += n;
		in->skip = 0;
		if (!br)
			continue;
		in->mid_line = false;
		in->line++;
		in->last_break = blen;
		bool ends = in->fmt == BATCH_JSONL || in->kind == LINE_DOC_END;
		if (!ends)
			continue;
		if (record_is_document(in))
			return give(in, rec);
		record_reset(in); /* a blank line, or '...' after no document */
	}
	if (in->failed)
		return -1;
	/* a last line '...' without a line break closes its document too */
	bool closed = in->mid_line && in->kind == LINE_DOC_END;
	in->mid_line = false;
	in->last_break = 0;
	/* An input of no document is no case; nor is a '---' at its end with
	 * nothing after it (cat'ed files that each end with one). */
	if (in->content || in->too_large || (closed && record_is_document(in)))
		return give(in, rec);
	return 0;
}
