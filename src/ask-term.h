/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview's terminal (ask-term.c), for cmd-ask.c and ask-input.c:
 * its settings kept from the start and put back on every way out, the
 * signals that end, stop or resize it. */
#ifndef OPNAME_ASK_TERM_H
#define OPNAME_ASK_TERM_H

#include <stdbool.h>

/* Keep stdin's terminal settings (when it is one) and catch SIGINT (exit
 * 130), SIGTERM, SIGHUP and SIGQUIT (their own status), each after putting
 * the settings back; Ctrl-Z puts them back before stopping. SIGCONT and
 * SIGWINCH interrupt a read (no SA_RESTART), to be taken below. */
void term_start(void);

/* Put the terminal's settings back as term_start found them. */
void term_restore(void);

/* Since the last call: did the process continue after a stop (SIGCONT)?
 * did the window change size (SIGWINCH)? */
bool term_continued(void);
bool term_resized(void);

#endif
