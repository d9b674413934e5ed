/* SPDX-License-Identifier: EUPL-1.2 */
/* The JSON of outcomes and diagnostics, on the one writer (json.c). */
#include <string.h>

#include "opname/diag.h"
#include "opname/json.h"
#include "opname/output.h"
#include "opname/safe-text.h"
#include "opname/version.h"

static void fact_list(struct json *j, const char *key, const struct ruleset *rs,
		      const uint16_t *facts, int n)
{
	json_key(j, key);
	json_array(j, JSON_INLINE);
	for (int i = 0; i < n; i++)
		json_string(j, rs->questions[facts[i]].id);
	json_end(j);
}

void rules_file_json(struct json *j, const struct ruleset *rs)
{
	json_key(j, "rules_file");
	json_object(j, JSON_INLINE);
	json_kstring(j, "name", rs->name);
	json_kstring(j, "version", rs->version);
	json_kstring(j, "sha256", rs->sha256);
	json_end(j);
}

void outcome_json_rest(struct json *j, const struct ruleset *rs, const struct outcome *o,
		       int lang, enum ui_lang ul)
{
	json_kstring(j, "verdict", verdict_id(rs, o->verdict));
	json_kstring(j, "rule", o->rule >= 0 ? rs->rules[o->rule].id : NULL);
	struct strbuf text = STRBUF_INIT; /* placeholders filled in, dates ISO */
	outcome_reason_put(&text, rs, o, lang, ul, true);
	json_kstring(j, "reason", text.buf ? text.buf : "");
	json_key(j, "refs");
	json_array(j, JSON_INLINE);
	for (int i = 0; i < o->nrefs; i++)
		json_string(j, rs->parts[o->refs[i]].id);
	json_end(j);
	json_key(j, "next_steps");
	json_array(j, JSON_INLINE);
	for (int i = 0; i < o->nsteps; i++) {
		const struct step *s = &rs->steps[o->steps[i]];
		json_object(j, JSON_INLINE);
		json_kstring(j, "id", s->id);
		json_kstring(j, "ref", s->part >= 0 ? rs->parts[s->part].id : "");
		sb_reset(&text);
		step_text_put(&text, rs, o, o->steps[i], lang, true);
		json_kstring(j, "text", text.buf ? text.buf : "");
		json_end(j);
	}
	json_end(j);
	sb_release(&text);
	fact_list(j, "facts_used", rs, o->used, o->nused);
	uint16_t missing = (uint16_t)o->missing;
	fact_list(j, "missing", rs, &missing, o->missing >= 0);
	fact_list(j, "unknown", rs, o->unknown, o->nunknown);
	rules_file_json(j, rs);
	json_kstring(j, "opname_version", opname_version_text);
}

void outcome_json(struct json *j, const struct ruleset *rs, const char *id,
		  const struct outcome *o, int lang, enum ui_lang ul)
{
	json_kstring(j, "id", id);
	outcome_json_rest(j, rs, o, lang, ul);
}

void diag_json(struct json *j, const struct diag *d)
{
	json_array(j, JSON_LINES);
	for (int i = 0; i < d->nentries; i++) {
		const struct diag_entry *e = &d->entries[i];
		struct strbuf m = STRBUF_INIT;
		sb_add(&m, d->text.buf + e->at, e->len);
		json_object(j, JSON_INLINE);
		json_kstring(j, "file", d->file);
		json_key(j, "line");
		if (e->line)
			json_int(j, e->line);
		else
			json_null(j);
		json_key(j, "column");
		if (e->line)
			json_int(j, e->col);
		else
			json_null(j);
		json_kstring(j, "severity", e->warning == 2 ? "note" : e->warning ? "warning" : "error");
		json_kstring(j, "message", m.buf);
		json_end(j);
		sb_release(&m);
	}
	json_end(j);
}
