/* SPDX-License-Identifier: EUPL-1.2 */
/* Text folded to a terminal's width (see opname/output.h): the interview's
 * screens and every text output on a terminal. */
#include <string.h>

#include "opname/output.h"

/* Columns a run of bytes takes: one per UTF-8 character, none for the
 * colour codes (ESC [ ... m) of struct style. */
static int columns(const char *s, size_t n)
{
	int cols = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\033') {
			while (i < n && s[i] != 'm')
				i++;
			continue;
		}
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			cols++;
	}
	return cols;
}

/* The indent that folded lines get: the line's leading spaces, plus its
 * list marker ("1. ", "2) ", "- ") when it has one. */
static size_t hang(const char *line, size_t n)
{
	size_t i = 0;
	while (i < n && line[i] == ' ')
		i++;
	size_t m = i;
	while (m < n && line[m] >= '0' && line[m] <= '9')
		m++;
	if (m > i && m + 1 < n && (line[m] == '.' || line[m] == ')') && line[m + 1] == ' ')
		return m + 2;
	if (i + 1 < n && line[i] == '-' && line[i + 1] == ' ')
		return i + 2;
	return i;
}

static void wrap_line(struct strbuf *out, const char *line, size_t n, int width)
{
	size_t indent = hang(line, n);
	if (indent * 2 > (size_t)width)
		indent = 0;
	size_t start = 0; /* of what is still to place */
	for (int first = 1; start < n; first = 0) {
		int room = width - (first ? 0 : (int)indent);
		/* as many words as fit in 'room'; at least one */
		size_t cut = start;
		while (cut < n) {
			size_t next = cut;
			while (next < n && line[next] == ' ')
				next++;
			while (next < n && line[next] != ' ')
				next++;
			if (cut > start && columns(line + start, next - start) > room)
				break;
			cut = next;
		}
		if (!first)
			sb_addf(out, "%*s", (int)indent, "");
		sb_add(out, line + start, cut - start);
		sb_addc(out, '\n');
		start = cut;
		while (start < n && line[start] == ' ')
			start++;
	}
}

void text_fold(struct strbuf *out, const char *text, int width)
{
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		if (width <= 0 || columns(text, n) <= width) {
			sb_add(out, text, n);
			sb_addc(out, '\n');
		} else {
			wrap_line(out, text, n, width);
		}
		text += n + (nl != NULL);
	}
}
