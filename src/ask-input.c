/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview's answers, from a terminal or a pipe (see ask-input.h):
 * on a terminal through the line editor (ask-edit.c), elsewhere line by
 * line with read(2). */
#include "ask-input.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ask-edit.h"
#include "opname/answer.h"
#include "opname/util.h"

struct ask_input {
	struct ask_edit *ed; /* NULL: plain reading */
	char line[ANSWER_MAX_LINE + 2];
	size_t len;
	long lineno;
	char buf[64 * 1024]; /* plain reading: read, not yet taken */
	size_t pos, end;
};

struct ask_input *input_open(bool edit)
{
	struct ask_input *in = xmalloc(sizeof *in);
	memset(in, 0, sizeof *in);
	if (edit)
		in->ed = edit_open();
	return in;
}

void input_close(struct ask_input *in)
{
	if (!in)
		return;
	edit_close(in->ed);
	free(in);
}

bool input_edits(const struct ask_input *in)
{
	return in->ed != NULL;
}

static void keep(struct ask_input *in, const char *s, size_t n)
{
	if (n && s[n - 1] == '\n')
		n--;
	in->len = n > ANSWER_MAX_LINE + 1 ? ANSWER_MAX_LINE + 1 : n;
	memcpy(in->line, s, in->len);
	in->line[in->len] = '\0';
}

/* The next byte of a pipe or file: 1, 0 at its end, -1 on an error; with
 * 'wait_ms' >= 0, 0 too when nothing comes within that time. stdin is read
 * with read(2) into the input's own buffer (not stdio's), so that what is
 * already there is known: input_rest must not wait for a writer that keeps
 * its end of the pipe open until it has seen the verdict. */
static int next_byte(struct ask_input *in, char *c, int wait_ms)
{
	while (in->pos == in->end) {
		if (wait_ms >= 0) {
			struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
			int r = poll(&p, 1, wait_ms);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				return 0;
		}
		ssize_t n = read(STDIN_FILENO, in->buf, sizeof in->buf);
		if (n < 0 && errno == EINTR)
			continue; /* a resize or a stop: go on reading */
		if (n <= 0)
			return n < 0 ? -1 : 0;
		in->pos = 0;
		in->end = (size_t)n;
	}
	*c = in->buf[in->pos++];
	return 1;
}

/* One line of a pipe or file, keeping at most ANSWER_MAX_LINE + 1 bytes
 * and dropping the rest, so that an endless line costs no memory. */
static enum input_got plain_read(struct ask_input *in, int wait_ms)
{
	char c;
	int r;
	bool any = false;
	in->len = 0;
	while ((r = next_byte(in, &c, wait_ms)) == 1) {
		any = true;
		if (c == '\n')
			break;
		if (in->len <= ANSWER_MAX_LINE)
			in->line[in->len++] = c;
	}
	in->line[in->len] = '\0';
	if (!any)
		return r < 0 ? INPUT_ERROR : INPUT_EOF;
	in->lineno++;
	return INPUT_LINE;
}

enum input_got input_read(struct ask_input *in, const char *prompt)
{
	if (!in->ed)
		return plain_read(in, -1);
	const char *line;
	size_t len;
	enum input_got got = edit_read(in->ed, prompt, &line, &len);
	if (got == INPUT_LINE) {
		keep(in, line, len);
		in->lineno++;
	}
	return got;
}

const char *input_line(const struct ask_input *in, size_t *len)
{
	*len = in->len;
	return in->line;
}

long input_lineno(const struct ask_input *in)
{
	return in->lineno;
}

void input_remember(struct ask_input *in)
{
	if (in->ed && in->len && in->len <= ANSWER_MAX_LINE)
		edit_remember(in->ed, in->line);
}

long input_rest(struct ask_input *in, long cap)
{
	long n = 0;
	while (n <= cap && plain_read(in, 200) == INPUT_LINE)
		n++;
	return n;
}
