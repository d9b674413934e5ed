/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview's line editor (ask-edit.c), for ask-input.c: libedit on
 * a terminal, or nothing in a build without it (OPNAME_NO_EDIT, as for
 * 'make static', where no libedit for musl exists). */
#ifndef OPNAME_ASK_EDIT_H
#define OPNAME_ASK_EDIT_H

#include <stddef.h>

#include "ask-input.h"

struct ask_edit;

/* The editor on stdin and stdout, or NULL when there is none. */
struct ask_edit *edit_open(void);
void edit_close(struct ask_edit *ed);

/* Show 'prompt' and read one line, editing it; INPUT_LINE with the line
 * (its newline included, valid until the next read) in *line and *len.
 * What was typed before an INPUT_REDRAW is typed again at the next read. */
enum input_got edit_read(struct ask_edit *ed, const char *prompt,
			 const char **line, size_t *len);

/* Keep 'line' in the history (Up recalls it). */
void edit_remember(struct ask_edit *ed, const char *line);

#endif
