/* See opname/safe-text.h. */
#include "opname/safe-text.h"

#include <stdio.h>
#include <string.h>

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	       cp == 0x2028 || cp == 0x2029;
}

/* What a control becomes: itself (kept), a space, or an escape. */
static void add_control(struct strbuf *sb, uint32_t cp, unsigned flags)
{
	bool line = cp == '\n' || cp == '\t' || cp == '\r';
	if ((flags & SAFE_KEEP_LINES) && (cp == '\n' || cp == '\t')) {
		sb_addc(sb, (char)cp);
	} else if ((flags & SAFE_ONE_LINE) && line) {
		sb_addc(sb, ' ');
	} else {
		char esc[8];
		snprintf(esc, sizeof esc, cp < 0x80 ? "\\x%02x" : "\\u%04x", (unsigned)cp);
		sb_adds(sb, esc);
	}
}

void sb_add_safe(struct strbuf *sb, const char *s, size_t n, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t run = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		if (p[i] >= 0x20 && p[i] < 0x7f) { /* the common case */
			i++;
			continue;
		}
		int len = utf8_decode(p + i, n - i, &cp);
		if (len && !is_control(cp)) {
			i += (size_t)len;
			continue;
		}
		sb_add(sb, s + run, i - run);
		if (len) {
			add_control(sb, cp, flags);
			i += (size_t)len;
		} else {
			char esc[8];
			snprintf(esc, sizeof esc, "\\x%02x", p[i]);
			sb_adds(sb, esc);
			i++;
		}
		run = i;
	}
	sb_add(sb, s + run, n - run);
}

void sb_adds_safe(struct strbuf *sb, const char *s, unsigned flags)
{
	sb_add_safe(sb, s, strlen(s), flags);
}

bool text_is_safe(const char *s, unsigned flags)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds_safe(&sb, s, flags);
	bool same = !strcmp(sb.buf ? sb.buf : "", s);
	sb_release(&sb);
	return same;
}
