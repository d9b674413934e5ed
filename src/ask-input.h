/* SPDX-License-Identifier: EUPL-1.2 */
/* Where the interview's answers come from (ask-input.c), for cmd-ask.c: a
 * terminal, with libedit's line editing and a history of this interview's
 * answers, or a pipe or file, line by line, counting lines for messages. */
#ifndef OPNAME_ASK_INPUT_H
#define OPNAME_ASK_INPUT_H

#include <stdbool.h>
#include <stddef.h>

struct ask_input;

/* Read stdin; with 'edit', through libedit (stdin and stdout are a
 * terminal). */
struct ask_input *input_open(bool edit);
void input_close(struct ask_input *in);

/* Does the caller show the prompt (plain reading), or the line editor? */
bool input_edits(const struct ask_input *in);

enum input_got {
	INPUT_LINE,   /* a line: input_line() */
	INPUT_EOF,    /* end of input (Ctrl-D) */
	INPUT_ERROR,  /* a read error: errno */
	INPUT_REDRAW, /* continued after Ctrl-Z: show the question again */
};

/* Read one line; 'prompt' is what the editor shows before it (the caller
 * has written everything above it). What was typed before a redraw is
 * typed again at the next read. */
enum input_got input_read(struct ask_input *in, const char *prompt);

/* The last line read, without its newline; at most ANSWER_MAX_LINE + 1
 * bytes of it (enough to see that it is too long). */
const char *input_line(const struct ask_input *in, size_t *len);

/* The number of the last line read, from 1. */
long input_lineno(const struct ask_input *in);

/* Keep the last line in the history (Up recalls it). */
void input_remember(struct ask_input *in);

/* Read what is left, counting its lines up to 'cap' (then cap + 1); stops
 * early when nothing more comes for a moment (the writer still has the pipe
 * open). */
long input_rest(struct ask_input *in, long cap);

#endif
