/* SPDX-License-Identifier: EUPL-1.2 */
/* Writing the case file of an interview (see opname/case-save.h). */
#include "opname/case-save.h"

#include <stdio.h>
#include <string.h>

#include "opname/fact.h"
#include "opname/output.h"
#include "opname/version.h"
#include "opname/safe-text.h"

/* Strings go out as YAML double-quoted scalars. A JSON string is one, so
 * the one JSON string writer serves: a choice id like "no" stays a string. */
static void value_yaml(struct strbuf *sb, const struct question *q,
		       fact_value v)
{
	if (fact_type_of(q)->multi && v >= 0) { /* a set: a flow list of ids */
		fact_value_json(sb, q, v);
		return;
	}
	struct strbuf id = STRBUF_INIT;
	fact_value_put(&id, q, v);
	if (fact_type_of(q)->listed && v >= 0)
		json_str(sb, id.buf);
	else
		sb_adds(sb, id.buf);
	sb_release(&id);
}

static void iso8601(char *buf, size_t size, time_t t)
{
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(buf, size, "1970-01-01T00:00:00Z");
}

void case_save_yaml(struct strbuf *sb, const struct ruleset *rs,
		    const struct saved_case *c)
{
	const struct outcome *o = c->outcome;
	char when[32];
	iso8601(when, sizeof when, c->decided_at);

	sb_adds(sb, "# Written by 'opname ask'; 'opname decide FILE' decides it again.\n");
	sb_adds(sb, "id: ");
	json_str(sb, c->id);
	sb_adds(sb, c->nfacts ? "\nfacts:\n" : "\nfacts: {}\n");
	for (int i = 0; i < c->nfacts; i++) {
		const struct question *q = &rs->questions[c->order[i]];
		sb_addf(sb, "  %s: ", q->id);
		value_yaml(sb, q, c->facts[c->order[i]]);
		sb_addc(sb, '\n');
	}
	if (c->meta)
		sb_addf(sb, "meta: %s\n", c->meta);
	sb_addf(sb, "outcome:\n  verdict: %s\n  rule: ", verdict_id(rs, o->verdict));
	if (o->rule >= 0)
		json_str(sb, rs->rules[o->rule].id);
	else
		sb_adds(sb, "null");
	sb_adds(sb, "\n  next_steps: [");
	for (int i = 0; i < o->nsteps; i++) {
		if (i)
			sb_adds(sb, ", ");
		json_str(sb, rs->steps[o->steps[i]].id);
	}
	sb_adds(sb, "]\n  rules_file:\n    name: ");
	json_str(sb, rs->name);
	sb_adds(sb, "\n    version: ");
	json_str(sb, rs->version);
	sb_adds(sb, "\n    sha256: ");
	json_str(sb, rs->sha256);
	sb_adds(sb, "\n  opname_version: ");
	json_str(sb, opname_version_text);
	sb_adds(sb, "\n  decided_at: ");
	json_str(sb, when);
	sb_addc(sb, '\n');
}

void case_save_default_id(const char *path, char *buf, size_t size)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	static const char *const exts[] = { ".yaml", ".yml" };
	for (int i = 0; i < 2; i++) {
		size_t e = strlen(exts[i]);
		if (n > e && !strcmp(base + n - e, exts[i])) {
			n -= e;
			break;
		}
	}
	if (n == 0) {
		base = "ask";
		n = 3;
	}
	/* An id is text, and must read back as written: a byte of the name
	 * that is not UTF-8 becomes U+FFFD, and a cut falls between
	 * characters. */
	const unsigned char *p = (const unsigned char *)base;
	size_t out = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = utf8_decode(p + i, n - i, &cp);
		const char *piece = len ? base + i : "\xef\xbf\xbd";
		size_t plen = len ? (size_t)len : 3;
		if (out + plen >= size)
			break;
		memcpy(buf + out, piece, plen);
		out += plen;
		i += len ? (size_t)len : 1;
	}
	buf[out] = '\0';
}
