/* SPDX-License-Identifier: EUPL-1.2 */
/* The one JSON writer (jq's lesson: escape in exactly one place). */
#include <string.h>

#include "opname/diag.h"
#include "opname/output.h"
#include "opname/safe-text.h"
#include "opname/version.h"

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

/* Always valid UTF-8: a byte that is not (a file name's) becomes U+FFFD. */
void json_str(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s);
	const unsigned char *p = (const unsigned char *)s;
	sb_grow(sb, n + 2);
	sb_addc(sb, '"');
	size_t run = 0, i = 0;
	while (i < n) {
		unsigned char c = p[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			i++;
			continue;
		}
		uint32_t cp = c;
		int len = c < 0x80 ? 1 : utf8_decode(p + i, n - i, &cp);
		if (len > 1 && !escape_anyway(cp)) {
			i += (size_t)len;
			continue;
		}
		sb_add(sb, s + run, i - run);
		switch (len ? cp : 0xfffd) {
		case '"': sb_add(sb, "\\\"", 2); break;
		case '\\': sb_add(sb, "\\\\", 2); break;
		case '\n': sb_add(sb, "\\n", 2); break;
		case '\t': sb_add(sb, "\\t", 2); break;
		case '\r': sb_add(sb, "\\r", 2); break;
		default: add_u(sb, len ? cp : 0xfffd);
		}
		i += len ? (size_t)len : 1;
		run = i;
	}
	sb_add(sb, s + run, n - run);
	sb_addc(sb, '"');
}

static void fact_list(struct strbuf *sb, const struct ruleset *rs,
		      const uint16_t *facts, int n)
{
	sb_addc(sb, '[');
	for (int i = 0; i < n; i++) {
		if (i)
			sb_add(sb, ", ", 2);
		json_str(sb, rs->questions[facts[i]].id);
	}
	sb_addc(sb, ']');
}

void outcome_json_fields(struct strbuf *sb, const struct ruleset *rs,
			 const char *id, const struct outcome *o, int lang,
			 enum ui_lang ul)
{
	const struct rule *r = o->rule >= 0 ? &rs->rules[o->rule] : NULL;
	sb_adds(sb, "\"id\": ");
	json_str(sb, id);
	sb_adds(sb, ", \"verdict\": ");
	json_str(sb, verdict_id(rs, o->verdict));
	sb_adds(sb, ", \"rule\": ");
	if (r)
		json_str(sb, r->id);
	else
		sb_adds(sb, "null");
	sb_adds(sb, ", \"reason\": ");
	struct strbuf text = STRBUF_INIT; /* placeholders filled in, dates ISO */
	outcome_reason_put(&text, rs, o, lang, ul, true);
	json_str(sb, text.buf ? text.buf : "");
	sb_adds(sb, ", \"refs\": [");
	for (int i = 0; i < o->nrefs; i++) {
		if (i)
			sb_add(sb, ", ", 2);
		json_str(sb, rs->parts[o->refs[i]].id);
	}
	sb_adds(sb, "], \"next_steps\": [");
	for (int i = 0; i < o->nsteps; i++) {
		const struct step *s = &rs->steps[o->steps[i]];
		sb_adds(sb, i ? ", {\"id\": " : "{\"id\": ");
		json_str(sb, s->id);
		sb_adds(sb, ", \"ref\": ");
		json_str(sb, s->part >= 0 ? rs->parts[s->part].id : "");
		sb_adds(sb, ", \"text\": ");
		sb_reset(&text);
		step_text_put(&text, rs, o, o->steps[i], lang, true);
		json_str(sb, text.buf ? text.buf : "");
		sb_addc(sb, '}');
	}
	sb_release(&text);
	sb_adds(sb, "], \"facts_used\": ");
	fact_list(sb, rs, o->used, o->nused);
	sb_adds(sb, ", \"missing\": ");
	uint16_t missing = (uint16_t)o->missing;
	fact_list(sb, rs, &missing, o->missing >= 0);
	sb_adds(sb, ", \"unknown\": ");
	fact_list(sb, rs, o->unknown, o->nunknown);
	sb_adds(sb, ", \"rules_file\": {\"name\": ");
	json_str(sb, rs->name);
	sb_adds(sb, ", \"version\": ");
	json_str(sb, rs->version);
	sb_adds(sb, ", \"sha256\": ");
	json_str(sb, rs->sha256);
	sb_adds(sb, "}, \"opname_version\": ");
	json_str(sb, opname_version_text);
}

void diag_json(struct strbuf *sb, const struct diag *d)
{
	sb_addc(sb, '[');
	for (int i = 0; i < d->nentries; i++) {
		const struct diag_entry *e = &d->entries[i];
		struct strbuf m = STRBUF_INIT;
		sb_add(&m, d->text.buf + e->at, e->len);
		sb_adds(sb, i ? ",\n  {\"file\": " : "\n  {\"file\": ");
		json_str(sb, d->file);
		if (e->line)
			sb_addf(sb, ", \"line\": %d, \"column\": %d", e->line, e->col);
		else
			sb_adds(sb, ", \"line\": null, \"column\": null");
		sb_adds(sb, e->warning == 2 ? ", \"severity\": \"note\", \"message\": "
			    : e->warning ? ", \"severity\": \"warning\", \"message\": "
					 : ", \"severity\": \"error\", \"message\": ");
		json_str(sb, m.buf);
		sb_addc(sb, '}');
		sb_release(&m);
	}
	sb_adds(sb, d->nentries ? "\n]" : "]");
}
