/* SPDX-License-Identifier: EUPL-1.2 */
/* Text from outside (case values and ids, file names, keys, answers) made
 * safe for a terminal: the one place that decides what a control
 * character looks like in opname's messages and text output. */
#ifndef OPNAME_SAFE_TEXT_H
#define OPNAME_SAFE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "opname/util.h"

enum {
	SAFE_KEEP_LINES = 1, /* newlines and tabs stay (a text of many lines) */
	SAFE_ONE_LINE = 2,   /* newlines, CR and tabs become spaces (a record) */
};

/* Append s[0..n): valid, printable UTF-8 as it is; every C0 control (but
 * what 'flags' keeps), DEL, C1 control (U+0080..U+009F, which terminals
 * read as ESC-sequences too) and the line and paragraph separators shown
 * escaped (\x1b, \u009b, \u2028); each byte of invalid UTF-8 as \xNN. */
void sb_add_safe(struct strbuf *sb, const char *s, size_t n, unsigned flags);
void sb_adds_safe(struct strbuf *sb, const char *s, unsigned flags);

/* Does sb_add_safe leave s as it is? */
bool text_is_safe(const char *s, unsigned flags);

/* The UTF-8 sequence at s (n bytes left): its length (1 to 4) and code
 * point, or 0 when it is not valid UTF-8 (overlong, a surrogate, past
 * U+10FFFF, cut short). */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Strict UTF-8 (as utf8_decode has it) and no NUL byte, which would cut
 * the text short anywhere else. */
bool utf8_valid(const char *s, size_t len);

#endif
