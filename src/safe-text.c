/* SPDX-License-Identifier: EUPL-1.2 */
/* See opname/safe-text.h. */
#include "opname/safe-text.h"

#include <stdio.h>
#include <string.h>

int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	int len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
	if (!len || c > 0xf4 || (size_t)len > n)
		return 0;
	uint32_t v = c & (0x7f >> len);
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3f);
	}
	static const uint32_t least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (v < least[len] || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

bool utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	for (size_t i = 0; i < n;) {
		int len = utf8_decode(p + i, n - i, &cp);
		if (!len || cp == 0)
			return false;
		i += (size_t)len;
	}
	return true;
}

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
