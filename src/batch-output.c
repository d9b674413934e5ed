/* SPDX-License-Identifier: EUPL-1.2 */
/* Batch records: JSON Lines (the default), CSV and one line of text. */
#include "opname/batch-output.h"

#include <stdlib.h>
#include <string.h>

#include "opname/safe-text.h"

int batch_out_format_parse(const char *name, enum batch_out_format *f)
{
	if (!strcmp(name, "jsonl") || !strcmp(name, "json"))
		*f = BATCH_OUT_JSONL;
	else if (!strcmp(name, "csv"))
		*f = BATCH_OUT_CSV;
	else if (!strcmp(name, "text"))
		*f = BATCH_OUT_TEXT;
	else
		return -1;
	return 0;
}

static bool changed(const struct batch_result *r)
{
	return r->previous != r->o->verdict;
}

/* ---- JSON Lines ---- */

/* A memo of rendered outcomes. A batch has few distinct outcomes (one per
 * path through the rules, give or take facts), but each renders to some
 * 1.5 KB of escaped text: rendering it once and copying it after is most of
 * the time output takes. The memo keeps the members outcome_json_rest
 * writes (all but the id, which comes first); the members and their order
 * remain out-json.c's. */
enum { MEMO_SIZE = 256 };

struct memo_entry {
	uint32_t hash;
	struct strbuf key;
	struct strbuf json; /* the members after the id */
};

struct batch_memo {
	int n;
	struct strbuf key;
	struct memo_entry e[MEMO_SIZE];
};

/* Everything of an outcome that outcome_json shows. */
static void memo_key(struct strbuf *k, const struct ruleset *rs, const struct outcome *o)
{
	uint16_t head[] = { (uint16_t)o->verdict, (uint16_t)(o->rule + 1),
			    o->by_unknown, (uint16_t)(o->missing + 1),
			    (uint16_t)o->nused, (uint16_t)o->nunknown,
			    (uint16_t)o->nsteps, (uint16_t)o->nrefs };
	sb_reset(k);
	sb_add(k, (const char *)head, sizeof head);
	sb_add(k, (const char *)o->used, (size_t)o->nused * sizeof *o->used);
	sb_add(k, (const char *)o->unknown, (size_t)o->nunknown * sizeof *o->unknown);
	sb_add(k, (const char *)o->steps, (size_t)o->nsteps * sizeof *o->steps);
	/* a conditional ref is cited by the value of a fact, not by which
	 * facts were read: two cases alike in all else can cite differently */
	sb_add(k, (const char *)o->refs, (size_t)o->nrefs * sizeof *o->refs);
	/* the values the texts show (text-expr.h) */
	sb_add(k, (const char *)o->shown, (size_t)rs->ntext_facts * sizeof *o->shown);
}

/* Eight bytes at a time (the key is made of uint16_t), mixed as in
 * analysis.c: the key is built and hashed for every record. */
static uint32_t memo_hash(const struct strbuf *k)
{
	uint64_t h = k->len;
	size_t i = 0;
	for (; i + 8 <= k->len; i += 8) {
		uint64_t w;
		memcpy(&w, k->buf + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 29;
	}
	uint64_t w = 0;
	memcpy(&w, k->buf + i, k->len - i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	return (uint32_t)(h ^ h >> 32);
}

/* The entry for this outcome, rendering it the first time; NULL when the
 * memo is full or cannot be used. */
static struct memo_entry *memo_find(const struct batch_writer *w,
				    struct batch_memo *m, const struct outcome *o)
{
	memo_key(&m->key, w->rs, o);
	uint32_t h = memo_hash(&m->key);
	size_t i = h % MEMO_SIZE;
	for (int probe = 0; probe < MEMO_SIZE; probe++, i = (i + 1) % MEMO_SIZE) {
		struct memo_entry *e = &m->e[i];
		if (!e->key.len)
			break;
		if (e->hash == h && e->key.len == m->key.len &&
		    !memcmp(e->key.buf, m->key.buf, m->key.len))
			return e;
	}
	if (m->n >= MEMO_SIZE * 3 / 4)
		return NULL;
	struct memo_entry *e = &m->e[i];
	struct json j;
	json_init_members(&j, &e->json);
	outcome_json_rest(&j, w->rs, o, w->lang, w->ui);
	e->hash = h;
	sb_add(&e->key, m->key.buf, m->key.len);
	m->n++;
	return e;
}

static void outcome_json_memo(struct json *j, const struct batch_writer *w,
			      const char *id, const struct outcome *o)
{
	struct memo_entry *e = w->memo ? memo_find(w, w->memo, o) : NULL;
	if (!e) {
		outcome_json(j, w->rs, id, o, w->lang, w->ui);
		return;
	}
	json_kstring(j, "id", id);
	json_raw(j, e->json.buf, e->json.len);
}

void batch_writer_init(struct batch_writer *w)
{
	w->memo = xmalloc(sizeof *w->memo);
	memset(w->memo, 0, sizeof *w->memo);
}

void batch_writer_release(struct batch_writer *w)
{
	if (!w->memo)
		return;
	for (int i = 0; i < MEMO_SIZE; i++) {
		sb_release(&w->memo->e[i].key);
		sb_release(&w->memo->e[i].json);
	}
	sb_release(&w->memo->key);
	free(w->memo);
	w->memo = NULL;
}

static void jsonl_record(struct strbuf *sb, const struct batch_writer *w,
			 const struct batch_result *r)
{
	struct json j;
	json_init(&j, sb);
	json_object(&j, JSON_INLINE);
	if (r->error) {
		json_kstring(&j, "id", r->id);
		json_kstring(&j, "source", r->source);
		json_kstring(&j, "verdict", "error");
		json_kstring(&j, "error", r->error);
	} else {
		outcome_json_memo(&j, w, r->id, r->o);
		json_kstring(&j, "source", r->source);
		if (w->replay && r->has_outcome) {
			/* a saved outcome without a readable verdict: nothing to compare */
			json_kstring(&j, "previous_verdict",
				     r->has_previous ? verdict_id(w->rs, r->previous) : NULL);
			json_key(&j, "changed");
			if (r->has_previous)
				json_bool(&j, changed(r));
			else
				json_null(&j);
		}
	}
	json_end(&j);
	sb_addc(sb, '\n');
}

/* ---- CSV ---- */

static char sep_of(const struct batch_writer *w)
{
	return w->csv_sep ? w->csv_sep : ',';
}

/* The separator, n times. */
static void seps(struct strbuf *sb, const struct batch_writer *w, int n)
{
	while (n-- > 0)
		sb_addc(sb, sep_of(w));
}

void csv_field(struct strbuf *sb, const char *s, char sep)
{
	const char special[] = { sep, '"', '\r', '\n', '\0' };
	if (!strpbrk(s, special)) {
		sb_adds(sb, s);
		return;
	}
	sb_addc(sb, '"');
	for (; *s; s++) {
		if (*s == '"')
			sb_addc(sb, '"');
		sb_addc(sb, *s);
	}
	sb_addc(sb, '"');
}

/* A cell a spreadsheet would take for a formula (=, +, -, @, and TAB or CR,
 * which some strip first) gets a single quote before it, as OWASP's "CSV
 * Injection" advises: shown as text, the quote hidden. Unless raw. */
void csv_cell(struct strbuf *sb, const char *s, char sep, bool raw)
{
	if (!raw && *s && strchr("=+-@\t\r", *s)) {
		struct strbuf q = STRBUF_INIT;
		sb_addc(&q, '\'');
		sb_adds(&q, s);
		csv_field(sb, q.buf, sep);
		sb_release(&q);
		return;
	}
	csv_field(sb, s, sep);
}

/* Fact or step ids joined with ';' (ids hold no ';', ',' or quotes), in
 * quotes when ';' is also the separator. */
static void id_list(struct strbuf *sb, const struct batch_writer *w,
		    const uint16_t *v, int n, bool steps)
{
	bool quote = n > 1 && sep_of(w) == ';';
	if (quote)
		sb_addc(sb, '"');
	for (int i = 0; i < n; i++) {
		if (i)
			sb_addc(sb, ';');
		sb_adds(sb, steps ? w->rs->steps[v[i]].id : w->rs->questions[v[i]].id);
	}
	if (quote)
		sb_addc(sb, '"');
}

static void csv_record(struct strbuf *sb, const struct batch_writer *w,
		       const struct batch_result *r)
{
	char sep = sep_of(w);
	csv_cell(sb, r->id, sep, w->csv_raw);
	if (r->error) {
		seps(sb, w, 1);
		sb_adds(sb, "error");
		seps(sb, w, 5);
		csv_cell(sb, r->error, sep, w->csv_raw);
		seps(sb, w, w->replay ? 2 : 0);
		sb_adds(sb, "\r\n");
		return;
	}
	const struct outcome *o = r->o;
	seps(sb, w, 1);
	sb_adds(sb, verdict_id(w->rs, o->verdict));
	seps(sb, w, 1);
	if (o->rule >= 0)
		csv_cell(sb, w->rs->rules[o->rule].id, sep, w->csv_raw);
	seps(sb, w, 1);
	id_list(sb, w, o->steps, o->nsteps, true);
	seps(sb, w, 1);
	uint16_t missing = (uint16_t)o->missing;
	id_list(sb, w, &missing, o->missing >= 0, false);
	seps(sb, w, 1);
	id_list(sb, w, o->unknown, o->nunknown, false);
	seps(sb, w, 1); /* no error */
	if (w->replay) {
		seps(sb, w, 1);
		if (r->has_outcome && r->has_previous) {
			sb_adds(sb, verdict_id(w->rs, r->previous));
			seps(sb, w, 1);
			sb_adds(sb, changed(r) ? "true" : "false");
		} else {
			seps(sb, w, 1);
		}
	}
	sb_adds(sb, "\r\n");
}

/* ---- text ---- */

/* One line per case: a line break in an id shows as a space, any other
 * control escaped (safe-text.h). */
static void text_one_line(struct strbuf *sb, const char *s)
{
	sb_adds_safe(sb, s, SAFE_ONE_LINE);
}

static void text_list(struct strbuf *sb, const char *label,
		      const struct ruleset *rs, const uint16_t *v, int n,
		      bool steps)
{
	if (!n)
		return;
	sb_addf(sb, "; %s: ", label);
	for (int i = 0; i < n; i++)
		sb_addf(sb, "%s%s", i ? ", " : "",
			steps ? rs->steps[v[i]].id : rs->questions[v[i]].id);
}

static void text_record(struct strbuf *sb, const struct batch_writer *w,
			const struct batch_result *r)
{
	const struct style *st = w->style ? w->style : &style_plain;
	text_one_line(sb, r->id);
	if (r->error) {
		sb_addf(sb, ": %s%serror%s: ", st->bold, st->red, st->reset);
		text_one_line(sb, r->error);
		sb_addc(sb, '\n');
		return;
	}
	const struct outcome *o = r->o;
	sb_addf(sb, ": %s%s%s%s", st->bold, verdict_colour(st, w->rs, o->verdict),
		verdict_id(w->rs, o->verdict), st->reset);
	if (o->rule >= 0)
		sb_addf(sb, " (rule %s)", w->rs->rules[o->rule].id);
	text_list(sb, "next steps", w->rs, o->steps, o->nsteps, true);
	uint16_t missing = (uint16_t)o->missing;
	text_list(sb, "missing", w->rs, &missing, o->missing >= 0, false);
	text_list(sb, "unknown", w->rs, o->unknown, o->nunknown, false);
	if (w->replay && r->has_outcome && r->has_previous)
		sb_addf(sb, "; previously %s%s", verdict_id(w->rs, r->previous),
			changed(r) ? " (changed)" : "");
	sb_addc(sb, '\n');
}

void batch_out_header(struct strbuf *sb, const struct batch_writer *w)
{
	static const char *const names[] = { "id", "verdict", "rule", "next_steps",
		"missing", "unknown", "error", "previous_verdict", "changed" };
	if (w->format != BATCH_OUT_CSV)
		return;
	if (w->csv_bom)
		sb_adds(sb, "\xef\xbb\xbf");
	for (int i = 0; i < (w->replay ? 9 : 7); i++) {
		seps(sb, w, i > 0);
		sb_adds(sb, names[i]);
	}
	sb_adds(sb, "\r\n");
}

void batch_out_record(struct strbuf *sb, const struct batch_writer *w,
		      const struct batch_result *r)
{
	switch (w->format) {
	case BATCH_OUT_JSONL:
		jsonl_record(sb, w, r);
		break;
	case BATCH_OUT_CSV:
		csv_record(sb, w, r);
		break;
	case BATCH_OUT_TEXT:
		text_record(sb, w, r);
		break;
	}
}
