/* SPDX-License-Identifier: EUPL-1.2 */
/* Placeholders in texts (opname/text-expr.h):
 *
 *   text  := (char | '{{' | '}}' | '{' expr '}')*
 *   expr  := FACT (('+' | '-') term)*     terms only after a date fact
 *   term  := COUNT UNIT | NUMBER_FACT UNIT    UNIT: d, w, m or y
 *
 * Spaces may stand around each part. */
#include "opname/text-expr.h"

#include <string.h>

#include "opname/date.h"
#include "opname/fact.h"

#define MAX_TERMS 8

struct xterm {
	int sign;  /* 1 or -1 */
	int count; /* a constant count, or ... */
	int fact;  /* ... a number fact's value (or -1) */
	char unit;
};

struct expr {
	int fact;
	int nterms;
	struct xterm t[MAX_TERMS];
};

static const char *skip_spaces(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static bool id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-';
}

static int find_fact(const struct ruleset *rs, const char *p, size_t n)
{
	for (int f = 0; f < rs->nquestions; f++)
		if (strlen(rs->questions[f].id) == n && !memcmp(rs->questions[f].id, p, n))
			return f;
	return -1;
}

static bool is_unit(char c)
{
	return c == 'd' || c == 'w' || c == 'm' || c == 'y';
}

/* One term at p: 4w, or a number fact and a unit. */
static const char *parse_term(const struct ruleset *rs, const char *p, const char *end,
			      struct xterm *t, struct strbuf *err)
{
	const char *q = p;
	if (p < end && *p >= '0' && *p <= '9') {
		long n = 0;
		while (q < end && *q >= '0' && *q <= '9' && n < 100000)
			n = n * 10 + (*q++ - '0');
		if (q - p > 5 || q >= end || !is_unit(*q) || (q + 1 < end && id_char(q[1]))) {
			sb_addf(err, "'%.*s' is not a duration: write a count of at most 5 digits and d, w, m or y (4w)",
				(int)(strcspn(p, " +-}") < (size_t)(end - p) ? strcspn(p, " +-}") : (size_t)(end - p)), p);
			return NULL;
		}
		t->count = (int)n;
		t->fact = -1;
		t->unit = *q;
		return q + 1;
	}
	while (q < end && id_char(*q))
		q++;
	if (q == p) {
		sb_adds(err, "a '+' or '-' needs a duration (4w) or a number fact and a unit (days d) after it");
		return NULL;
	}
	int f = find_fact(rs, p, (size_t)(q - p));
	if (f < 0) {
		sb_addf(err, "unknown fact '%.*s'", (int)(q - p), p);
		return NULL;
	}
	const struct fact_ops *ops = fact_type_of(&rs->questions[f]);
	if (!ops->ranged || ops->dated) {
		sb_addf(err, "'%s' is a %s: only a number fact counts days, weeks, months or years",
			rs->questions[f].id, ops->name);
		return NULL;
	}
	const char *u = skip_spaces(q, end);
	if (u >= end || !is_unit(*u) || (u + 1 < end && id_char(u[1]))) {
		sb_addf(err, "the number '%s' needs a unit after it: d, w, m or y ('%s d')",
			rs->questions[f].id, rs->questions[f].id);
		return NULL;
	}
	t->count = 0;
	t->fact = f;
	t->unit = *u;
	return u + 1;
}

/* The expression between '{' and '}' (p to end). */
static int parse_expr(const struct ruleset *rs, const char *p, const char *end,
		      struct expr *e, struct strbuf *err)
{
	p = skip_spaces(p, end);
	const char *q = p;
	while (q < end && id_char(*q))
		q++;
	if (q == p) {
		sb_adds(err, "a placeholder holds a date or number fact, as in '{received + 4w}'; write '{{' for a '{'");
		return -1;
	}
	e->fact = find_fact(rs, p, (size_t)(q - p));
	e->nterms = 0;
	if (e->fact < 0) {
		sb_addf(err, "unknown fact '%.*s' in a placeholder", (int)(q - p), p);
		return -1;
	}
	const struct fact_ops *ops = fact_type_of(&rs->questions[e->fact]);
	if (!ops->ranged) {
		sb_addf(err, "'%s' is a %s: a text shows only a date or a number fact",
			rs->questions[e->fact].id, ops->name);
		return -1;
	}
	for (p = skip_spaces(q, end); p < end; p = skip_spaces(p, end)) {
		if (*p != '+' && *p != '-') {
			sb_addf(err, "unexpected '%c' in a placeholder: use FACT + 4w or FACT + NUMBER d", *p);
			return -1;
		}
		if (!ops->dated) {
			sb_addf(err, "'%s' is a number: only a date takes '+' or '-'",
				rs->questions[e->fact].id);
			return -1;
		}
		if (e->nterms == MAX_TERMS) {
			sb_addf(err, "a placeholder has at most %d durations", MAX_TERMS);
			return -1;
		}
		struct xterm *t = &e->t[e->nterms++];
		t->sign = *p == '+' ? 1 : -1;
		p = parse_term(rs, skip_spaces(p + 1, end), end, t, err);
		if (!p)
			return -1;
	}
	return 0;
}

/* Walk s: literal text to lit (if not NULL), each placeholder to fn. */
typedef int expr_fn(void *arg, const struct expr *e);

static int walk_text(const struct ruleset *rs, const char *s, struct strbuf *lit,
		     expr_fn *fn, void *arg, struct strbuf *err)
{
	for (const char *p = s; *p; p++) {
		if ((*p == '{' && p[1] == '{') || (*p == '}' && p[1] == '}')) {
			if (lit)
				sb_addc(lit, *p);
			p++;
			continue;
		}
		if (*p == '}') {
			if (err)
				sb_adds(err, "a '}' with no '{' before it: write '}}' for a '}'");
			return -1;
		}
		if (*p != '{') {
			if (lit)
				sb_addc(lit, *p);
			continue;
		}
		const char *end = strchr(p + 1, '}');
		const char *open = strchr(p + 1, '{');
		if (!end || (open && open < end)) {
			if (err)
				sb_adds(err, "a '{' with no '}' after it: write '{{' for a '{'");
			return -1;
		}
		struct expr e;
		struct strbuf scratch = STRBUF_INIT;
		int r = parse_expr(rs, p + 1, end, &e, err ? err : &scratch);
		sb_release(&scratch);
		if (r < 0)
			return -1;
		if (fn(arg, &e) < 0)
			return -1;
		p = end;
	}
	return 0;
}

static int note_needs(void *arg, const struct expr *e)
{
	uint8_t *needs = arg;
	needs[e->fact] = 1;
	for (int i = 0; i < e->nterms; i++)
		if (e->t[i].fact >= 0)
			needs[e->t[i].fact] = 1;
	return 0;
}

int text_expr_check(const struct ruleset *rs, const char *s, uint8_t *needs,
		    struct strbuf *err)
{
	return walk_text(rs, s, NULL, note_needs, needs, err);
}

int text_expr_unknown(const struct ruleset *rs, const char *s, const fact_value *facts)
{
	uint8_t needs[OPNAME_MAX_FACTS] = { 0 };
	if (!strchr(s, '{') || walk_text(rs, s, NULL, note_needs, needs, NULL) < 0)
		return -1;
	for (int f = 0; f < rs->nquestions; f++)
		if (needs[f] && (facts[f] == FV_MISSING || facts[f] == FV_UNKNOWN))
			return f;
	return -1;
}

struct render {
	struct strbuf *out;
	const struct ruleset *rs;
	const struct outcome *o;
	int lang;
	bool iso;
};

static fact_value shown(const struct render *r, int f)
{
	for (int i = 0; r->o && i < r->rs->ntext_facts; i++)
		if (r->rs->text_facts[i] == f)
			return r->o->shown[i];
	return FV_MISSING;
}

static void put_date(const struct render *r, int32_t days)
{
	static const char *const nl[] = { "januari", "februari", "maart", "april", "mei", "juni", "juli",
					  "augustus", "september", "oktober", "november", "december" };
	static const char *const en[] = { "January", "February", "March", "April", "May", "June", "July",
					  "August", "September", "October", "November", "December" };
	const char *code = r->rs->langs[r->lang];
	int y, m, d;
	date_civil(days, &y, &m, &d);
	if (!r->iso && !strcmp(code, "nl"))
		sb_addf(r->out, "%d %s %d", d, nl[m - 1], y);
	else if (!r->iso && !strcmp(code, "en"))
		sb_addf(r->out, "%d %s %d", d, en[m - 1], y);
	else
		date_put(days, r->out);
}

static int render_expr(void *arg, const struct expr *e)
{
	const struct render *r = arg;
	fact_value v = shown(r, e->fact);
	if (v < 0) {
		sb_addc(r->out, '?');
		return 0;
	}
	if (!fact_type_of(&r->rs->questions[e->fact])->dated) {
		sb_addf(r->out, "%ld", (long)v);
		return 0;
	}
	for (int i = 0; i < e->nterms; i++) {
		struct duration by = { e->t[i].count, e->t[i].unit };
		if (e->t[i].fact >= 0) {
			fact_value n = shown(r, e->t[i].fact);
			if (n < 0) {
				sb_addc(r->out, '?');
				return 0;
			}
			by.count = n;
		}
		v = date_shift(v, &by, e->t[i].sign);
	}
	put_date(r, v);
	return 0;
}

void text_render(struct strbuf *out, const struct ruleset *rs, const char *s,
		 const struct outcome *o, int lang, bool iso)
{
	if (!strchr(s, '{') && !strchr(s, '}')) {
		sb_adds(out, s);
		return;
	}
	if (lang < 0 || lang >= rs->nlangs)
		lang = 0; /* as text_get falls back */
	struct render r = { out, rs, o, lang, iso };
	size_t len = out->len;
	if (walk_text(rs, s, out, render_expr, &r, NULL) < 0) {
		out->len = len; /* the loader refuses such a text: show it as written */
		if (out->buf)
			out->buf[len] = 0;
		sb_adds(out, s);
	}
}
