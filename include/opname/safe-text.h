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

#endif
