/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview's line editor (see ask-edit.h).
 *
 * libedit reads each line on a terminal: editing, and a history that holds
 * only this interview's answers (no history file, no ~/.editrc, so nothing
 * is read or written outside what the user named). libedit's own signal
 * handling is off (EL_SIGNAL 0): it would pass a signal on to the whole
 * process group; ask-term.c restores the terminal instead. Characters come
 * through get_char, so that a read interrupted by SIGCONT or SIGWINCH is
 * seen here rather than taken as an error. */
#include "ask-edit.h"

#ifndef OPNAME_NO_EDIT

#include <errno.h>
#include <histedit.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "ask-term.h"
#include "opname/answer.h"
#include "opname/util.h"

struct ask_edit {
	EditLine *el;
	History *hist;
	const char *prompt;
	bool redraw;  /* get_char ended a read for SIGCONT */
	mbstate_t mb;
	char pending[ANSWER_MAX_LINE + 1]; /* typed before a redraw */
};

static struct ask_edit *client(EditLine *el)
{
	void *ed = NULL;
	el_get(el, EL_CLIENTDATA, &ed);
	return ed;
}

static char *prompt_of(EditLine *el)
{
	return (char *)client(el)->prompt;
}

/* One character from the terminal, decoded in the locale's encoding. */
static int get_char(EditLine *el, wchar_t *wc)
{
	struct ask_edit *ed = client(el);
	for (;;) {
		/* a stop and continue while not reading counts too */
		if (term_continued()) {
			ed->redraw = true;
			errno = EINTR;
			return -1;
		}
		char c;
		ssize_t n = read(STDIN_FILENO, &c, 1);
		if (n == 1) {
			size_t r = mbrtowc(wc, &c, 1, &ed->mb);
			if (r == (size_t)-2)
				continue; /* more bytes of this character */
			if (r == (size_t)-1) {
				memset(&ed->mb, 0, sizeof ed->mb);
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

struct ask_edit *edit_open(void)
{
	struct ask_edit *ed = xmalloc(sizeof *ed);
	memset(ed, 0, sizeof *ed);
	ed->el = el_init("opname", stdin, stdout, stderr);
	ed->hist = history_init();
	if (!ed->el || !ed->hist) {
		edit_close(ed);
		return NULL; /* no editor: the line as the terminal gives it */
	}
	HistEvent ev;
	history(ed->hist, &ev, H_SETSIZE, 100);
	history(ed->hist, &ev, H_SETUNIQUE, 1);
	el_set(ed->el, EL_EDITOR, "emacs");
	el_set(ed->el, EL_SIGNAL, 0);
	el_set(ed->el, EL_CLIENTDATA, ed);
	el_set(ed->el, EL_PROMPT, prompt_of);
	el_set(ed->el, EL_GETCFN, get_char);
	el_set(ed->el, EL_HIST, history, ed->hist);
	return ed;
}

void edit_close(struct ask_edit *ed)
{
	if (!ed)
		return;
	if (ed->el)
		el_end(ed->el);
	if (ed->hist)
		history_end(ed->hist);
	free(ed);
}

/* What was typed before Ctrl-Z, to type again: printable text only (the
 * editor's buffer ends at lastchar, not at a NUL). */
static void keep_pending(struct ask_edit *ed, const LineInfo *li)
{
	size_t n = 0;
	for (const char *s = li ? li->buffer : ""; li && s < li->lastchar &&
	     n < ANSWER_MAX_LINE; s++)
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			ed->pending[n++] = *s;
	ed->pending[n] = '\0';
}

enum input_got edit_read(struct ask_edit *ed, const char *prompt,
			 const char **line, size_t *len)
{
	ed->prompt = prompt;
	ed->redraw = false;
	if (*ed->pending) {
		el_push(ed->el, ed->pending);
		ed->pending[0] = '\0';
	}
	int count = 0;
	const char *l = el_gets(ed->el, &count);
	if (ed->redraw) {
		keep_pending(ed, el_line(ed->el));
		return INPUT_REDRAW;
	}
	if (!l || count <= 0)
		return count < 0 ? INPUT_ERROR : INPUT_EOF;
	*line = l;
	*len = (size_t)count;
	return INPUT_LINE;
}

void edit_remember(struct ask_edit *ed, const char *line)
{
	HistEvent ev;
	history(ed->hist, &ev, H_ENTER, line);
}

#else /* OPNAME_NO_EDIT: the terminal's own line editing, no history */

struct ask_edit *edit_open(void)
{
	return NULL;
}

void edit_close(struct ask_edit *ed)
{
	(void)ed;
}

enum input_got edit_read(struct ask_edit *ed, const char *prompt,
			 const char **line, size_t *len)
{
	(void)ed, (void)prompt, (void)line, (void)len;
	return INPUT_ERROR; /* never called: edit_open gave no editor */
}

void edit_remember(struct ask_edit *ed, const char *line)
{
	(void)ed, (void)line;
}

#endif
