/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview's answers, from a terminal or a pipe (see ask-input.h).
 *
 * On a terminal libedit reads each line: editing, and a history that holds
 * only this interview's answers (no history file, no ~/.editrc, so nothing
 * is read or written outside what the user named). libedit's own signal
 * handling is off (EL_SIGNAL 0): it would pass a signal on to the whole
 * process group; ask-term.c restores the terminal instead. Characters come
 * through get_char, so that a read interrupted by SIGCONT or SIGWINCH is
 * seen here rather than taken as an error. */
#include "ask-input.h"

#include <errno.h>
#include <histedit.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "ask-term.h"
#include "opname/answer.h"
#include "opname/util.h"

struct ask_input {
	EditLine *el; /* NULL: plain reading */
	History *hist;
	const char *prompt;
	bool redraw;  /* get_char ended a read for SIGCONT */
	mbstate_t mb;
	char line[ANSWER_MAX_LINE + 2];
	size_t len;
	char pending[ANSWER_MAX_LINE + 1]; /* typed before a redraw */
	long lineno;
	char buf[64 * 1024]; /* plain reading: read, not yet taken */
	size_t pos, end;
};

static struct ask_input *client(EditLine *el)
{
	void *in = NULL;
	el_get(el, EL_CLIENTDATA, &in);
	return in;
}

static char *prompt_of(EditLine *el)
{
	return (char *)client(el)->prompt;
}

/* One character from the terminal, decoded in the locale's encoding. */
static int get_char(EditLine *el, wchar_t *wc)
{
	struct ask_input *in = client(el);
	for (;;) {
		/* a stop and continue while not reading counts too */
		if (term_continued()) {
			in->redraw = true;
			errno = EINTR;
			return -1;
		}
		char c;
		ssize_t n = read(STDIN_FILENO, &c, 1);
		if (n == 1) {
			size_t r = mbrtowc(wc, &c, 1, &in->mb);
			if (r == (size_t)-2)
				continue; /* more bytes of this character */
			if (r == (size_t)-1) {
				memset(&in->mb, 0, sizeof in->mb);
				*wc = L'?';
			}
			return 1;
		}
		if (n == 0)
			return 0;
		if (errno != EINTR)
			return -1;
		if (term_resized())
			el_resize(el);
	}
}

struct ask_input *input_open(bool edit)
{
	struct ask_input *in = xmalloc(sizeof *in);
	memset(in, 0, sizeof *in);
	if (!edit)
		return in;
	in->el = el_init("opname", stdin, stdout, stderr);
	in->hist = history_init();
	if (!in->el || !in->hist) {
		if (in->el)
			el_end(in->el);
		if (in->hist)
			history_end(in->hist);
		in->el = NULL;
		in->hist = NULL;
		return in; /* no editor: the line as the terminal gives it */
	}
	HistEvent ev;
	history(in->hist, &ev, H_SETSIZE, 100);
	history(in->hist, &ev, H_SETUNIQUE, 1);
	el_set(in->el, EL_EDITOR, "emacs");
	el_set(in->el, EL_SIGNAL, 0);
	el_set(in->el, EL_CLIENTDATA, in);
	el_set(in->el, EL_PROMPT, prompt_of);
	el_set(in->el, EL_GETCFN, get_char);
	el_set(in->el, EL_HIST, history, in->hist);
	return in;
}

void input_close(struct ask_input *in)
{
	if (!in)
		return;
	if (in->el)
		el_end(in->el);
	if (in->hist)
		history_end(in->hist);
	free(in);
}

bool input_edits(const struct ask_input *in)
{
	return in->el != NULL;
}

static void keep(struct ask_input *in, const char *s, size_t n)
{
	if (n && s[n - 1] == '\n')
		n--;
	in->len = n > ANSWER_MAX_LINE + 1 ? ANSWER_MAX_LINE + 1 : n;
	memcpy(in->line, s, in->len);
	in->line[in->len] = '\0';
}

/* What was typed before Ctrl-Z, to type again: printable text only (the
 * editor's buffer ends at lastchar, not at a NUL). */
static void keep_pending(struct ask_input *in, const LineInfo *li)
{
	size_t n = 0;
	for (const char *s = li ? li->buffer : ""; li && s < li->lastchar &&
	     n < ANSWER_MAX_LINE; s++)
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			in->pending[n++] = *s;
	in->pending[n] = '\0';
}

static enum input_got edit_read(struct ask_input *in, const char *prompt)
{
	in->prompt = prompt;
	in->redraw = false;
	if (*in->pending) {
		el_push(in->el, in->pending);
		in->pending[0] = '\0';
	}
	int count = 0;
	const char *l = el_gets(in->el, &count);
	if (in->redraw) {
		keep_pending(in, el_line(in->el));
		return INPUT_REDRAW;
	}
	if (!l || count <= 0)
		return count < 0 ? INPUT_ERROR : INPUT_EOF;
	keep(in, l, (size_t)count);
	in->lineno++;
	return INPUT_LINE;
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
	return in->el ? edit_read(in, prompt) : plain_read(in, -1);
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
	HistEvent ev;
	if (in->hist && in->len && in->len <= ANSWER_MAX_LINE)
		history(in->hist, &ev, H_ENTER, in->line);
}

long input_rest(struct ask_input *in, long cap)
{
	long n = 0;
	while (n <= cap && plain_read(in, 200) == INPUT_LINE)
		n++;
	return n;
}
