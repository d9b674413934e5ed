/* SPDX-License-Identifier: EUPL-1.2 */
/* 'check' is exact for dates compared with dates (docs/rules.md, "Dates"):
 * on random small rule files of two or three dates, constants and
 * comparisons with durations, the paths the analysis follows, as the engine
 * tells them apart (each date's interval, each comparison's side, the
 * outcome), are exactly those a brute force over a grid of real dates
 * reaches. */
#include "helpers.h"

#include "opname/analysis.h"
#include "opname/date.h"
#include "opname/fact.h"

static uint64_t rng = 0x243f6a8885a308d3ull;

static unsigned pick(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdull;
}

/* ---- the random files ---- */

#define MAX_DATES 3

struct gen {
	int ndates;
	int32_t consts[16];
	int nconsts;
	struct duration durs[8]; /* signed by 'sign' */
	int sign[8];
	int ndurs;
};

static int32_t random_day(void)
{
	int32_t d;
	char s[16];
	unsigned r = pick(10);
	if (r == 0) /* near the first day */
		return (int32_t)pick(400);
	if (r == 1) /* near the last */
		return DATE_MAX - (int32_t)pick(400);
	snprintf(s, sizeof s, "%04u-%02u-%02u", 1995 + pick(40), 1 + pick(12), 1 + pick(31));
	if (date_parse(s, &d) < 0)
		snprintf(s, sizeof s, "%04u-%02u-28", 1995 + pick(40), 1 + pick(12));
	date_parse(s, &d);
	return d;
}

static void put_day(struct strbuf *sb, int32_t d)
{
	date_put(d, sb);
}

static const char *const date_ops[] = { "before", "after", "on", "not_on", "on_or_before",
					"on_or_after" };

static void atom(struct strbuf *sb, struct gen *g)
{
	int f = (int)pick((unsigned)g->ndates);
	const char *op = date_ops[pick(6)];
	if (g->ndates > 1 && pick(2)) {
		int o = (int)pick((unsigned)g->ndates - 1);
		o += o >= f;
		sb_addf(sb, "{d%d: {%s: {date: d%d", f, op, o);
		if (pick(4)) {
			static const char units[] = "dwmy";
			static const unsigned most[] = { 40, 10, 24, 20 };
			int u = (int)pick(4);
			int k = 1 + (int)pick(most[u]);
			int sign = pick(2) ? 1 : -1;
			sb_addf(sb, ", %s: %d%c", sign > 0 ? "plus" : "minus", k, units[u]);
			if (g->ndurs < 8) {
				g->durs[g->ndurs] = (struct duration){ k, units[u] };
				g->sign[g->ndurs++] = sign;
			}
		}
		sb_adds(sb, "}}}");
		return;
	}
	int32_t d = g->nconsts && pick(3) == 0 ? g->consts[pick((unsigned)g->nconsts)]
					       : random_day();
	if (g->nconsts < 16)
		g->consts[g->nconsts++] = d;
	sb_addf(sb, "{d%d: {%s: ", f, op);
	put_day(sb, d);
	sb_adds(sb, "}}");
}

static const char *const verdicts[] = { "allowed", "not_allowed", "consult" };

static struct ruleset *random_file(struct gen *g, int ndates, struct strbuf *sb)
{
	memset(g, 0, sizeof *g);
	g->ndates = ndates;
	sb_adds(sb, "opname: 1\nname: t\nversion: '1'\nlanguages: [en]\n"
		    "parts: [{id: p, title: {en: P}}]\nquestions:\n");
	for (int i = 0; i < ndates; i++)
		sb_addf(sb, "  - {id: d%d, type: date, refs: [p], text: {en: D%d?}}\n", i, i);
	sb_adds(sb, "steps: [{id: s, ref: p, text: {en: S}}]\n"
		    "unknown: {verdict: consult, reason: {en: U}, steps: [s]}\nrules:\n");
	int nrules = 2 + (int)pick(4);
	for (int r = 0; r < nrules; r++) {
		sb_addf(sb, "  - {id: R%d, when: ", r);
		int n = 1 + (int)pick(ndates == 3 ? 3 : 2);
		if (n == 1) {
			atom(sb, g);
		} else {
			sb_adds(sb, pick(4) ? "{all: [" : "{any: [");
			for (int i = 0; i < n; i++) {
				sb_adds(sb, i ? ", " : "");
				atom(sb, g);
			}
			sb_adds(sb, "]}");
		}
		sb_addf(sb, ", verdict: %s, refs: [p], reason: {en: r}, steps: []}\n",
			verdicts[pick(3)]);
	}
	sb_adds(sb, "  - {id: Z, verdict: allowed, refs: [p], reason: {en: z}, steps: []}\n");
	return load_ok(sb->buf);
}

/* ---- what the engine tells apart ---- */

/* The outcome, and of the facts it used their classes and the sides of
 * the comparisons between them. */
static uint64_t signature(const struct ruleset *rs, const fact_value *facts,
			  const struct outcome *o)
{
	fact_value used[OPNAME_MAX_FACTS];
	facts_clear(used, OPNAME_MAX_FACTS);
	uint64_t h = mix(mix(mix(1, (uint64_t)o->verdict), (uint64_t)(o->rule + 1)), o->by_unknown);
	for (int i = 0; i < o->nused; i++) {
		int f = o->used[i];
		used[f] = facts[f];
		h = mix(mix(h, (uint64_t)f), (uint64_t)(uint32_t)fact_value_class(&rs->questions[f],
									     facts[f]));
	}
	for (int i = 0; i < rs->nconds; i++) {
		const struct cond *c = &rs->conds[i];
		if (c->kind != COND_TEST || c->ref < 0)
			continue;
		if (used[c->fact] >= 0 && used[c->ref] >= 0)
			h = mix(h, (uint64_t)(2 * i + cond_compare(c, used[c->fact], used[c->ref])));
	}
	return h;
}

struct sigs {
	uint64_t *v;
	size_t n, cap;
};

static void sig_add(struct sigs *s, uint64_t h)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		assert_non_null(s->v);
	}
	s->v[s->n++] = h;
}

static int by_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static void sig_tidy(struct sigs *s)
{
	qsort(s->v, s->n, sizeof *s->v, by_u64);
	size_t u = 0;
	for (size_t i = 0; i < s->n; i++)
		if (u == 0 || s->v[i] != s->v[u - 1])
			s->v[u++] = s->v[i];
	s->n = u;
}

static bool sig_has(const struct sigs *s, uint64_t h)
{
	return bsearch(&h, s->v, s->n, sizeof h, by_u64) != NULL;
}

struct visit {
	const struct ruleset *rs;
	struct sigs sigs;
	long bad; /* paths whose own dates do not decide as the path says */
};

static void on_path(void *arg, const fact_value *facts, const struct outcome *o)
{
	struct visit *v = arg;
	struct outcome again;
	/* a path's dates are real dates: deciding them again gives it */
	engine_decide(v->rs, facts, &again, NULL);
	if (again.verdict != o->verdict || again.rule != o->rule || again.nused != o->nused)
		v->bad++;
	sig_add(&v->sigs, signature(v->rs, facts, o));
}

/* ---- the grid ---- */

struct grid {
	int32_t *v;
	int n, cap;
};

static void grid_add(struct grid *g, long long d)
{
	if (d < 0 || d > DATE_MAX)
		return;
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 256;
		g->v = realloc(g->v, (size_t)g->cap * sizeof *g->v);
		assert_non_null(g->v);
	}
	g->v[g->n++] = (int32_t)d;
}

static int by_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* Every constant, and every constant and far end shifted by up to 'hops'
 * of the file's durations either way, each with the days either side; and
 * days far from all of them. */
static void make_grid(const struct gen *g, int hops, struct grid *out)
{
	struct grid base = { 0 };
	for (int i = 0; i < g->nconsts; i++)
		grid_add(&base, g->consts[i]);
	grid_add(&base, 0);
	grid_add(&base, DATE_MAX);
	for (int h = 0; h < hops; h++) {
		int n = base.n;
		for (int i = 0; i < n; i++)
			for (int k = 0; k < g->ndurs; k++) {
				grid_add(&base, date_shift(base.v[i], &g->durs[k], 1));
				grid_add(&base, date_shift(base.v[i], &g->durs[k], -1));
			}
	}
	for (int i = 0; i < base.n; i++)
		for (int dd = -1; dd <= 1; dd++)
			grid_add(out, (long long)base.v[i] + dd);
	for (int i = 0; i < 4; i++)
		grid_add(out, random_day());
	grid_add(out, 36524);  /* 2000-01-01 */
	grid_add(out, 1500000); /* in the 5000s */
	qsort(out->v, (size_t)out->n, sizeof *out->v, by_i32);
	int u = 0;
	for (int i = 0; i < out->n; i++)
		if (u == 0 || out->v[i] != out->v[u - 1])
			out->v[u++] = out->v[i];
	out->n = u;
	free(base.v);
}

static void brute(const struct ruleset *rs, const struct grid *gr, int ndates, int at,
		  fact_value *facts, struct sigs *out)
{
	if (at == ndates) {
		struct outcome o;
		engine_decide(rs, facts, &o, NULL);
		sig_add(out, signature(rs, facts, &o));
		return;
	}
	for (int i = -1; i < gr->n; i++) {
		facts[at] = i < 0 ? FV_UNKNOWN : gr->v[i];
		brute(rs, gr, ndates, at + 1, facts, out);
	}
}

/* One random file: returns false, having said why, if the analysis misses
 * a path the grid reaches, or (with 'equal') follows one it does not. */
static bool one_file(int ndates, int hops, bool equal, long *paths, long *points)
{
	struct gen g;
	struct strbuf sb = STRBUF_INIT;
	struct ruleset *rs = random_file(&g, ndates, &sb);
	struct visit v = { .rs = rs };
	struct analysis an;
	analysis_run_visit(&an, rs, 0, on_path, &v);
	if (an.truncated)
		print_error("truncated (work %d):\n%s", an.over_work, sb.buf);
	assert_false(an.truncated);
	assert_int_equal(v.bad, 0);
	*paths += an.npaths;
	sig_tidy(&v.sigs);

	struct grid gr = { 0 };
	make_grid(&g, hops, &gr);
	*points += gr.n;
	struct sigs b = { 0 };
	fact_value facts[OPNAME_MAX_FACTS];
	facts_clear(facts, OPNAME_MAX_FACTS);
	brute(rs, &gr, ndates, 0, facts, &b);
	sig_tidy(&b);

	bool ok = true;
	for (size_t i = 0; i < b.n && ok; i++)
		if (!sig_has(&v.sigs, b.v[i])) {
			print_error("check misses a path the grid reaches, in:\n%s", sb.buf);
			ok = false;
		}
	for (size_t i = 0; equal && i < v.sigs.n && ok; i++)
		if (!sig_has(&b, v.sigs.v[i])) {
			print_error("check follows a path the grid does not reach, in:\n%s", sb.buf);
			ok = false;
		}
	free(gr.v);
	free(b.v);
	free(v.sigs.v);
	analysis_release(&an);
	rules_free(rs);
	sb_release(&sb);
	return ok;
}

#define TWO_DATE_FILES 200
#define THREE_DATE_FILES 40

/* Two dates: a grid of every constant shifted by up to two durations, and
 * the days either side: the sets are equal. */
static void two_dates_exact(void **state)
{
	(void)state;
	long paths = 0, points = 0;
	int failed = 0;
	for (int i = 0; i < TWO_DATE_FILES; i++)
		failed += !one_file(2, 2, true, &paths, &points);
	print_message("two dates: %d files, %ld paths, %ld grid days a date on average\n",
		      TWO_DATE_FILES, paths, points / TWO_DATE_FILES);
	assert_int_equal(failed, 0);
}

/* Three dates: the grid takes one duration from each point (a bigger
 * one is too slow), so it may reach less than the analysis; every path it
 * reaches the analysis follows, and every path the analysis follows is
 * its own dates' path. */
static void three_dates_complete(void **state)
{
	(void)state;
	long paths = 0, points = 0;
	int failed = 0;
	for (int i = 0; i < THREE_DATE_FILES; i++)
		failed += !one_file(3, 1, false, &paths, &points);
	print_message("three dates: %d files, %ld paths, %ld grid days a date on average\n",
		      THREE_DATE_FILES, paths, points / THREE_DATE_FILES);
	assert_int_equal(failed, 0);
}

static const char *const TWO =
	"opname: 1\nname: t\nversion: '1'\nlanguages: [en]\n"
	"parts: [{id: p, title: {en: P}}]\nquestions:\n"
	"  - {id: consent_date, type: date, refs: [p], text: {en: C?}}\n"
	"  - {id: birth_date, type: date, refs: [p], text: {en: B?}}\n"
	"steps: [{id: s, ref: p, text: {en: S}}]\n"
	"unknown: {verdict: consult, reason: {en: U}, steps: [s]}\nrules:\n";

static int problems(const char *rules, struct analysis *an, char **text)
{
	char buf[16384];
	snprintf(buf, sizeof buf, "%s%s", TWO, rules);
	struct ruleset *rs = load_ok(buf);
	struct diag d;
	diag_init(&d, "t.yaml");
	analysis_run(an, rs, 0);
	int n = analysis_problems(an, &d);
	free(d.entries);
	*text = d.text.buf ? d.text.buf : calloc(1, 1);
	if (n)
		print_message("%s", *text);
	analysis_release(an);
	rules_free(rs);
	return n;
}

/* The two cases of the gap: birth_date asked first (by 'unknown') at
 * 1900-01-01, the start of its one interval, where consent_date minus 16
 * years has no day before it; and consent_date asked first at the start
 * of its interval before 2018-05-25, where the birth dates from 2030 are
 * never before it plus 16 years, though a consent from 2014 has them.
 * Every rule is reachable, and a comparison with a date contradicts no
 * constant of the date it tests. */
static void the_first_date_is_not_one_day(void **state)
{
	(void)state;
	struct analysis an;
	char *text;
	assert_int_equal(problems(
		"  - {id: R0, when: {birth_date: unknown}, verdict: consult,"
		" refs: [p], reason: {en: r}, steps: []}\n"
		"  - {id: R1, when: {consent_date: {before: {date: birth_date, minus: 16y}}},"
		" verdict: not_allowed, refs: [p], reason: {en: r}, steps: []}\n"
		"  - {id: R2, verdict: allowed, refs: [p], reason: {en: r}, steps: []}\n",
		&an, &text), 0);
	free(text);
	assert_int_equal(problems(
		"  - {id: R0, when: {consent_date: unknown}, verdict: consult,"
		" refs: [p], reason: {en: r}, steps: []}\n"
		"  - {id: R1, when: {all: [{birth_date: {on_or_after: 2030-01-01}},"
		" {birth_date: {before: {date: consent_date, plus: 16y}}},"
		" {consent_date: {before: 2018-05-25}}]},"
		" verdict: not_allowed, refs: [p], reason: {en: r}, steps: []}\n"
		"  - {id: R2, verdict: allowed, refs: [p], reason: {en: r}, steps: []}\n",
		&an, &text), 0);
	free(text);
}

/* A date cut into 63 intervals, each of which a comparison with another
 * date, with a constant in each, splits again: more than 64 days lead
 * apart, and check says where it stops. */
static void too_many_critical_days(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "  - {id: R0, when: {consent_date: {before: {date: birth_date}}},"
		     " verdict: not_allowed, refs: [p], reason: {en: r}, steps: []}\n");
	for (int i = 0; i < 31; i++)
		sb_addf(&sb, "  - {id: C%d, when: {consent_date: %d-01-01}, verdict: consult,"
			     " refs: [p], reason: {en: r}, steps: []}\n"
			     "  - {id: B%d, when: {birth_date: %d-06-01}, verdict: consult,"
			     " refs: [p], reason: {en: r}, steps: []}\n",
			i, 1950 + 2 * i, i, 1950 + 2 * i);
	sb_adds(&sb, "  - {id: R2, when: {birth_date: {before: {date: consent_date, minus: 1y}}},"
		     " verdict: allowed, refs: [p], reason: {en: r}, steps: []}\n"
		     "  - {id: R3, verdict: allowed, refs: [p], reason: {en: r}, steps: []}\n");
	struct analysis an;
	char *text;
	assert_int_equal(problems(sb.buf, &an, &text), 1);
	assert_non_null(strstr(text, "t.yaml:7:5: the analysis stops at date 'consent_date': its comparisons with dates not yet known give more than 1024 days to follow, or 64 that lead apart"));
	free(text);
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_first_date_is_not_one_day),
		cmocka_unit_test(too_many_critical_days),
		cmocka_unit_test(two_dates_exact),
		cmocka_unit_test(three_dates_complete),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
