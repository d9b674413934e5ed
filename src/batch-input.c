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
	long long line;    /* number of the line at pos */
	bool at_start;     /* nothing read yet: a byte order mark may come */
	size_t skip;       /* bytes of the current line to ignore (the BOM) */
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
	in->at_start = true;
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
	return 0;
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
	rec->text = in->too_large ? NULL : in->text.buf ? in->text.buf : "";
	rec->len = in->size;
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
	if (n > 3 && p[3] != ' ' && p[3] != '\t' && p[3] != '\r' && p[3] != '\n')
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

/* At the start of a line: make sure its first four bytes (or all of it) are
 * in the chunk, so that a document marker can be recognised. */
static int need_line_start(struct batch_input *in)
{
	/* The first line may start with a UTF-8 byte order mark: three bytes
	 * more, to be skipped when looking for a marker (ytree skips it too). */
	size_t want = in->at_start ? 7 : 4;
	while (!in->eof && in->end - in->pos < want &&
	       !memchr(in->buf + in->pos, '\n', in->end - in->pos))
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
	const char *start = in->buf + in->pos, *end = in->buf + in->end;
	const char *q = start;
	while (end - q >= 4) {
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
			const char *p = in->buf + in->pos;
			size_t avail = in->end - in->pos;
			in->skip = 0;
			if (in->at_start && avail >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
				in->skip = 3;
			in->at_start = false;
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
			in->blank_so_far = kind == LINE_OTHER;
			in->mid_line = true;
		}
		if (in->pos == in->end) {
			if (fill(in) < 0)
				return -1;
			if (in->pos == in->end)
				break; /* a last line without a newline */
		}
		const char *p = in->buf + in->pos;
		const char *nl = memchr(p, '\n', in->end - in->pos);
		size_t n = nl ? (size_t)(nl - p) + 1 : in->end - in->pos;
		note_content(in, p, n);
		append(in, p, n);
		in->pos += n;
		in->skip = 0;
		if (!nl)
			continue;
		in->mid_line = false;
		in->line++;
		bool ends = in->fmt == BATCH_JSONL || in->kind == LINE_DOC_END;
		if (!ends)
			continue;
		if (record_is_document(in))
			return give(in, rec);
		record_reset(in); /* a blank line, or '...' after no document */
	}
	if (in->failed)
		return -1;
	in->mid_line = false;
	/* An input without a single document still gives one record, so that
	 * an empty YAML file is reported rather than silently skipped. */
	if (record_is_document(in) || (in->fmt == BATCH_YAML && in->index == 0))
		return give(in, rec);
	return 0;
}
