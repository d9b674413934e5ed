/* SPDX-License-Identifier: EUPL-1.2 */
/* The one JSON writer (see opname/json.h). */
#include "opname/json.h"

#include <string.h>

#include "opname/safe-text.h"

/* Code points escaped although JSON allows them raw: DEL and the C1
 * controls (terminals act on them), the line and paragraph separators and
 * U+FEFF, U+FFFE, U+FFFF (YAML, which reads our saved cases, does not take
 * them raw, and a NEL there is a line break). */
static bool escape_anyway(uint32_t cp)
{
	return cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0xfeff || cp == 0xfffe || cp == 0xffff;
}

static void add_u(struct strbuf *sb, uint32_t cp)
{
	static const char hex[] = "0123456789abcdef";
	char u[6] = { '\\', 'u', hex[cp >> 12 & 15], hex[cp >> 8 & 15],
		      hex[cp >> 4 & 15], hex[cp & 15] };
	sb_add(sb, u, 6);
}

/* The bytes that go out as they are: printable ASCII but '"' and '\\'. The
 * NUL that ends the string is not one, so one scan finds both. */
static const unsigned char plain[256] = {
	[0x20 ... 0x21] = 1, [0x23 ... 0x5b] = 1, [0x5d ... 0x7e] = 1, /* not " or \\ */
};

/* Always valid UTF-8: a byte that is not (a file name's) becomes U+FFFD. */
void json_str(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	sb_addc(sb, '"');
	for (;;) {
		const unsigned char *run = p;
		while (plain[*p])
			p++;
		sb_add(sb, (const char *)run, (size_t)(p - run));
		if (!*p)
			break;
		uint32_t cp = *p;
		int len = *p < 0x80 ? 1 : utf8_decode(p, strnlen((const char *)p, 4), &cp);
		if (len > 1 && !escape_anyway(cp)) {
			sb_add(sb, (const char *)p, (size_t)len);
			p += len;
			continue;
		}
		switch (len ? cp : 0xfffd) {
		case '"': sb_add(sb, "\\\"", 2); break;
		case '\\': sb_add(sb, "\\\\", 2); break;
		case '\n': sb_add(sb, "\\n", 2); break;
		case '\t': sb_add(sb, "\\t", 2); break;
		case '\r': sb_add(sb, "\\r", 2); break;
		default: add_u(sb, len ? cp : 0xfffd);
		}
		p += len ? len : 1;
	}
	sb_addc(sb, '"');
}

void json_init(struct json *j, struct strbuf *sb)
{
	*j = (struct json){ .sb = sb };
}

void json_init_members(struct json *j, struct strbuf *sb)
{
	*j = (struct json){ .sb = sb, .depth = 1, .close = { 0, '}' } };
}

/* Two spaces for each JSON_LINES container open (bits of closed ones are
 * cleared). */
static int indent(const struct json *j)
{
	return 2 * __builtin_popcountll(j->lines);
}

/* What goes before a key or a value: nothing after a key, else a comma
 * after an earlier member, and a line break in a JSON_LINES container. */
static void before(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (!j->depth)
		return;
	uint64_t bit = 1ull << (j->depth - 1);
	bool lines = j->lines & bit;
	if (j->any & bit)
		sb_add(j->sb, lines ? ",\n" : ", ", 2);
	else if (lines)
		sb_addc(j->sb, '\n');
	if (lines)
		sb_addf(j->sb, "%*s", indent(j), "");
	j->any |= bit;
}

static void open_container(struct json *j, char open, char close, enum json_layout layout)
{
	before(j);
	sb_addc(j->sb, open);
	if (j->depth < JSON_MAX_DEPTH) {
		j->depth++;
		uint64_t bit = 1ull << (j->depth - 1);
		j->any &= ~bit;
		if (layout == JSON_LINES)
			j->lines |= bit;
		else
			j->lines &= ~bit;
		j->close[j->depth] = close;
	}
}

void json_object(struct json *j, enum json_layout layout)
{
	open_container(j, '{', '}', layout);
}

void json_array(struct json *j, enum json_layout layout)
{
	open_container(j, '[', ']', layout);
}

void json_end(struct json *j)
{
	if (!j->depth)
		return;
	uint64_t bit = 1ull << (j->depth - 1);
	char close = j->close[j->depth];
	bool newline = (j->lines & bit) && (j->any & bit);
	j->lines &= ~bit;
	j->any &= ~bit;
	j->depth--;
	if (newline)
		sb_addf(j->sb, "\n%*s", indent(j), "");
	sb_addc(j->sb, close);
}

void json_key(struct json *j, const char *key)
{
	before(j);
	json_str(j->sb, key);
	sb_add(j->sb, ": ", 2);
	j->after_key = true;
}

void json_string(struct json *j, const char *s)
{
	before(j);
	if (s)
		json_str(j->sb, s);
	else
		sb_add(j->sb, "null", 4);
}

void json_int(struct json *j, long long v)
{
	before(j);
	sb_addf(j->sb, "%lld", v);
}

void json_real(struct json *j, double v)
{
	before(j);
	sb_addf(j->sb, "%.1f", v);
}

void json_bool(struct json *j, bool v)
{
	before(j);
	sb_adds(j->sb, v ? "true" : "false");
}

void json_null(struct json *j)
{
	before(j);
	sb_add(j->sb, "null", 4);
}

void json_raw(struct json *j, const char *text, size_t len)
{
	before(j);
	sb_add(j->sb, text, len);
}

void json_kstring(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void json_kint(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	json_int(j, v);
}

void json_kbool(struct json *j, const char *key, bool v)
{
	json_key(j, key);
	json_bool(j, v);
}
