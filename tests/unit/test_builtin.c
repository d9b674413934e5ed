/* SPDX-License-Identifier: EUPL-1.2 */
/* The built-in model (made by rules2c at build time) is exactly what the
 * loader makes of rules/spelregels.yaml at run time, field by field. */
#include "helpers.h"

static void same_text(const struct text *a, const struct text *b, int n)
{
	for (int i = 0; i < n; i++) {
		if (!a->s[i] || !b->s[i])
			assert_ptr_equal(a->s[i], b->s[i]);
		else
			assert_string_equal(a->s[i], b->s[i]);
	}
}

static void same_pos(struct pos a, struct pos b)
{
	assert_int_equal(a.line, b.line);
	assert_int_equal(a.col, b.col);
}

static void same_ints(const int *a, int na, const int *b, int nb)
{
	assert_int_equal(na, nb);
	for (int i = 0; i < na; i++)
		assert_int_equal(a[i], b[i]);
}

static void same_steps(const struct rule_step *a, int na,
		       const struct rule_step *b, int nb)
{
	assert_int_equal(na, nb);
	for (int i = 0; i < na; i++) {
		assert_int_equal(a[i].step, b[i].step);
		assert_int_equal(a[i].when, b[i].when);
	}
}

static void model_equals_a_fresh_load(void **state)
{
	(void)state;
	size_t len;
	const char *text = rules_builtin_text(&len);
	struct diag d;
	diag_init(&d, "spelregels.yaml (built in)");
	struct ruleset *a = rules_load(text, len, "spelregels.yaml (built in)", &d);
	struct ruleset *b = rules_builtin();
	assert_non_null(a);
	assert_non_null(b);
	int n = a->nlangs;

	assert_string_equal(a->file, b->file);
	assert_string_equal(a->name, b->name);
	assert_string_equal(a->version, b->version);
	assert_string_equal(a->sha256, b->sha256); /* the hash of the bytes */
	assert_int_equal(a->nlangs, b->nlangs);
	for (int i = 0; i < n; i++)
		assert_string_equal(a->langs[i], b->langs[i]);
	same_text(&a->title, &b->title, n);
	same_text(&a->source, &b->source, n);
	same_text(&a->source_label, &b->source_label, n);

	assert_int_equal(a->nparts, b->nparts);
	for (int i = 0; i < a->nparts; i++) {
		assert_string_equal(a->parts[i].id, b->parts[i].id);
		same_text(&a->parts[i].title, &b->parts[i].title, n);
		same_pos(a->parts[i].pos, b->parts[i].pos);
	}
	assert_int_equal(a->nquestions, b->nquestions);
	for (int i = 0; i < a->nquestions; i++) {
		const struct question *x = &a->questions[i], *y = &b->questions[i];
		assert_string_equal(x->id, y->id);
		assert_int_equal(x->type, y->type);
		assert_int_equal(x->nchoices, y->nchoices);
		for (int j = 0; j < x->nchoices; j++) {
			assert_string_equal(x->choices[j].id, y->choices[j].id);
			same_text(&x->choices[j].text, &y->choices[j].text, n);
			same_text(&x->choices[j].label, &y->choices[j].label, n);
			same_pos(x->choices[j].pos, y->choices[j].pos);
		}
		same_text(&x->text, &y->text, n);
		same_text(&x->help, &y->help, n);
		for (int v = 0; v < 3; v++)
			same_text(&x->labels[v], &y->labels[v], n);
		same_ints(x->refs, x->nrefs, y->refs, y->nrefs);
		same_pos(x->pos, y->pos);
		assert_int_equal(x->min, y->min);
		assert_int_equal(x->max, y->max);
		same_text(&x->unit, &y->unit, n);
		assert_int_equal(x->nstarts, y->nstarts);
		for (int j = 0; j < x->nstarts; j++)
			assert_int_equal(x->starts[j], y->starts[j]);
	}
	assert_int_equal(a->nsteps, b->nsteps);
	for (int i = 0; i < a->nsteps; i++) {
		assert_string_equal(a->steps[i].id, b->steps[i].id);
		assert_int_equal(a->steps[i].part, b->steps[i].part);
		same_text(&a->steps[i].text, &b->steps[i].text, n);
		same_pos(a->steps[i].pos, b->steps[i].pos);
	}
	assert_int_equal(a->nconds, b->nconds);
	for (int i = 0; i < a->nconds; i++) {
		const struct cond *x = &a->conds[i], *y = &b->conds[i];
		assert_int_equal(x->kind, y->kind);
		assert_int_equal(x->nkids, y->nkids);
		assert_int_equal(x->size, y->size);
		assert_int_equal(x->fact, y->fact);
		assert_true(x->accept == y->accept);
		same_pos(x->pos, y->pos);
		assert_int_equal(x->op, y->op);
		assert_int_equal(x->value, y->value);
		assert_int_equal(x->ref, y->ref);
		assert_int_equal(x->shift, y->shift);
		assert_int_equal(x->shift_unit, y->shift_unit);
	}
	assert_int_equal(a->nrules, b->nrules);
	for (int i = 0; i < a->nrules; i++) {
		const struct rule *x = &a->rules[i], *y = &b->rules[i];
		assert_string_equal(x->id, y->id);
		assert_int_equal(x->when, y->when);
		assert_int_equal(x->verdict, y->verdict);
		same_text(&x->reason, &y->reason, n);
		same_ints(x->refs, x->nrefs, y->refs, y->nrefs);
		same_ints(x->ref_when, x->nrefs, y->ref_when, y->nrefs);
		same_steps(x->steps, x->nsteps, y->steps, y->nsteps);
		same_pos(x->pos, y->pos);
	}
	assert_int_equal(a->nverdicts, b->nverdicts);
	assert_int_equal(a->declares_verdicts, b->declares_verdicts);
	for (int i = 0; i < a->nverdicts; i++) {
		const struct verdict_def *x = &a->verdicts[i], *y = &b->verdicts[i];
		assert_string_equal(x->id, y->id);
		same_text(&x->text, &y->text, n);
		assert_int_equal(x->status, y->status);
		assert_int_equal(x->colour, y->colour);
		same_pos(x->pos, y->pos);
	}
	assert_int_equal(a->unknown.verdict, b->unknown.verdict);
	same_text(&a->unknown.reason, &b->unknown.reason, n);
	same_steps(a->unknown.steps, a->unknown.nsteps, b->unknown.steps, b->unknown.nsteps);
	assert_int_equal(a->nterms, b->nterms);
	for (int i = 0; i < a->nterms; i++) {
		const struct term *x = &a->terms[i], *y = &b->terms[i];
		assert_string_equal(x->id, y->id);
		same_text(&x->term, &y->term, n);
		same_text(&x->words, &y->words, n);
		same_text(&x->text, &y->text, n);
		same_pos(x->pos, y->pos);
	}
	assert_int_equal(a->plain.max_words, b->plain.max_words);
	assert_int_equal(a->plain.mean_words, b->plain.mean_words);
	same_pos(a->plain.pos, b->plain.pos);

	rules_free(a);
	rules_free(b); /* a no-op for the built-in model */
	diag_release(&d);
}

/* The emitter escapes what C needs escaped: quotes, backslashes, control
 * characters, and '?' (no trigraphs). */
static void emitter_escapes(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(
		"opname: 1\nname: t\nversion: \"a\\\"b\\\\c?" "?=\"\nlanguages: [en]\n"
		"parts: [{id: p, title: {en: P}}]\n"
		"questions: [{id: a, type: bool, refs: [p], text: {en: A?}}]\n"
		"steps: [{id: s, ref: p, text: {en: S}}]\n"
		"unknown: {verdict: consult, reason: {en: U}, steps: []}\n"
		"rules: [{id: R, verdict: allowed, refs: [p], reason: {en: \"r\\t\"}, steps: [s]}]\n");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	rules_emit_c(f, rs, "m");
	fclose(f);
	assert_non_null(strstr(buf, ".version = \"a\\\"b\\\\c\\?\\?=\""));
	assert_non_null(strstr(buf, "\"r\\011\"")); /* a tab, in a text */
	assert_non_null(strstr(buf, "struct ruleset m = {"));
	assert_non_null(strstr(buf, ".verdicts = (struct verdict_def *)verdict_defaults, .nverdicts = 3"));
	free(buf);
	rules_free(rs);
}

/* A file's own outcomes are emitted by name, field by field. */
static void emitter_writes_declared_outcomes(void **state)
{
	(void)state;
	struct ruleset *rs = load_ok(
		"opname: 1\nname: t\nversion: '1'\nlanguages: [en]\n"
		"outcomes: [{id: must, text: {en: MUST}, exit: 5, colour: red}]\n"
		"parts: [{id: p, title: {en: P}}]\n"
		"questions: [{id: a, type: bool, refs: [p], text: {en: A?}}]\n"
		"steps: [{id: s, ref: p, text: {en: S}}]\n"
		"unknown: {verdict: must, reason: {en: U}, steps: []}\n"
		"rules: [{id: R, verdict: must, refs: [p], reason: {en: r}, steps: [s]}]\n");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	rules_emit_c(f, rs, "m");
	fclose(f);
	assert_non_null(strstr(buf, "{ .id = \"must\", .text = { .s = { \"MUST\", } }, .status = 5,"
				    " .colour = (enum colour)1, .pos = { .line = 5, .col = 12 } }"));
	assert_non_null(strstr(buf, ".verdicts = verdicts, .nverdicts = 1, .declares_verdicts = true"));
	assert_non_null(strstr(buf, ".verdict = (enum verdict)0 /* must */"));
	free(buf);
	rules_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(model_equals_a_fresh_load),
		cmocka_unit_test(emitter_escapes),
		cmocka_unit_test(emitter_writes_declared_outcomes),
	};
	return cmocka_run_group_tests_name("builtin", tests, NULL, NULL);
}
