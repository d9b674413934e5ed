/* SPDX-License-Identifier: EUPL-1.2 */
/* The model as C source: how the built-in spelregels get into the binary
 * already loaded. Parsing 32 KB of YAML at every start was most of the time
 * of a 'decide' (5M instructions against 0.1M for the rest); the rule file
 * is still read by the same loader, once, when opname is built (rules2c.c). */
#include <stdio.h>

#include "opname/rules.h"

static void emit_str(FILE *f, const char *s)
{
	if (!s) {
		fputs("NULL", f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\' || c == '?') /* '?': no trigraphs */
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\%03o", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void emit_text(FILE *f, const struct text *t, int nlangs)
{
	fputs("{ { ", f);
	for (int i = 0; i < nlangs; i++) {
		emit_str(f, t->s[i]);
		fputs(", ", f);
	}
	fputs("} }", f);
}

static void emit_pos(FILE *f, struct pos p)
{
	fprintf(f, "{ %d, %d }", p.line, p.col);
}

static void emit_ints(FILE *f, const char *name, int i, const int *v, int n)
{
	fprintf(f, "static int %s%d[] = { ", name, i);
	for (int j = 0; j < n; j++)
		fprintf(f, "%d, ", v[j]);
	fputs(n ? "};\n" : "0 };\n", f);
}

static void emit_steps(FILE *f, const char *name, int i,
		       const struct rule_step *s, int n)
{
	fprintf(f, "static struct rule_step %s%d[] = { ", name, i);
	for (int j = 0; j < n; j++)
		fprintf(f, "{ %d, %d }, ", s[j].step, s[j].when);
	fputs(n ? "};\n" : "{ 0, 0 } };\n", f);
}

static void emit_questions(FILE *f, const struct ruleset *rs)
{
	for (int i = 0; i < rs->nquestions; i++) {
		const struct question *q = &rs->questions[i];
		emit_ints(f, "qrefs", i, q->refs, q->nrefs);
		fprintf(f, "static struct choice choices%d[] = {\n", i);
		for (int j = 0; j < q->nchoices; j++) {
			fputs("\t{ ", f);
			emit_str(f, q->choices[j].id);
			fputs(", ", f);
			emit_text(f, &q->choices[j].text, rs->nlangs);
			fputs(", ", f);
			emit_text(f, &q->choices[j].label, rs->nlangs);
			fputs(", ", f);
			emit_pos(f, q->choices[j].pos);
			fputs(" },\n", f);
		}
		fputs(q->nchoices ? "};\n" : "\t{ NULL, { { NULL } }, { { NULL } }, { 0, 0 } }\n};\n", f);
	}
	fputs("static struct question questions[] = {\n", f);
	for (int i = 0; i < rs->nquestions; i++) {
		const struct question *q = &rs->questions[i];
		fputs("\t{ ", f);
		emit_str(f, q->id);
		fprintf(f, ", %s, choices%d, %d,\n\t  ",
			q->type == FACT_BOOL ? "FACT_BOOL" : "FACT_CHOICE", i, q->nchoices);
		emit_text(f, &q->text, rs->nlangs);
		fputs(",\n\t  ", f);
		emit_text(f, &q->help, rs->nlangs);
		fputs(",\n\t  { ", f);
		for (int v = 0; v < 3; v++) {
			emit_text(f, &q->labels[v], rs->nlangs);
			fputs(", ", f);
		}
		fprintf(f, "},\n\t  qrefs%d, %d, ", i, q->nrefs);
		emit_pos(f, q->pos);
		fputs(" },\n", f);
	}
	fputs("};\n\n", f);
}

static void emit_rules(FILE *f, const struct ruleset *rs)
{
	static const char *const kinds[] = { "COND_TRUE", "COND_ALL", "COND_ANY",
					     "COND_NOT", "COND_TEST" };
	static const char *const verdicts[] = { "VERDICT_ALLOWED", "VERDICT_NOT_ALLOWED",
						"VERDICT_CONSULT", "VERDICT_INCOMPLETE" };
	fputs("static struct cond conds[] = {\n", f);
	for (int i = 0; i < rs->nconds; i++) {
		const struct cond *c = &rs->conds[i];
		fprintf(f, "\t{ %s, %d, %d, %d, 0x%llxULL, ", kinds[c->kind], c->nkids,
			c->size, c->fact, (unsigned long long)c->accept);
		emit_pos(f, c->pos);
		fputs(" },\n", f);
	}
	fputs(rs->nconds ? "};\n\n" : "\t{ COND_TRUE, 0, 1, -1, 0, { 0, 0 } }\n};\n\n", f);
	for (int i = 0; i < rs->nrules; i++) {
		emit_ints(f, "rrefs", i, rs->rules[i].refs, rs->rules[i].nrefs);
		emit_ints(f, "rrefwhen", i, rs->rules[i].ref_when, rs->rules[i].nrefs);
		emit_steps(f, "rsteps", i, rs->rules[i].steps, rs->rules[i].nsteps);
	}
	/* Designated initializers: a field added to struct rule cannot be
	 * filled with another's value by position. */
	fputs("static struct rule rules[] = {\n", f);
	for (int i = 0; i < rs->nrules; i++) {
		const struct rule *r = &rs->rules[i];
		fputs("\t{ .id = ", f);
		emit_str(f, r->id);
		fprintf(f, ", .when = %d, .verdict = %s,\n\t  .reason = ", r->when,
			verdicts[r->verdict]);
		emit_text(f, &r->reason, rs->nlangs);
		fprintf(f, ",\n\t  .refs = rrefs%d, .ref_when = rrefwhen%d, .nrefs = %d,"
			   " .steps = rsteps%d, .nsteps = %d, .pos = ", i, i, r->nrefs, i,
			r->nsteps);
		emit_pos(f, r->pos);
		fputs(" },\n", f);
	}
	fputs("};\n", f);
	emit_steps(f, "unknown_steps", 0, rs->unknown.steps, rs->unknown.nsteps);
	fputc('\n', f);
}

void rules_emit_c(FILE *f, const struct ruleset *rs, const char *symbol)
{
	fprintf(f, "/* Made by rules2c from %s: do not edit. */\n", rs->file);
	fputs("#include <stddef.h>\n#include \"opname/model.h\"\n\n", f);
	fputs("static struct part parts[] = {\n", f);
	for (int i = 0; i < rs->nparts; i++) {
		fputs("\t{ ", f);
		emit_str(f, rs->parts[i].id);
		fputs(", ", f);
		emit_text(f, &rs->parts[i].title, rs->nlangs);
		fputs(", ", f);
		emit_pos(f, rs->parts[i].pos);
		fputs(" },\n", f);
	}
	fputs("};\n\n", f);
	emit_questions(f, rs);
	fputs("static struct step steps[] = {\n", f);
	for (int i = 0; i < rs->nsteps; i++) {
		fputs("\t{ ", f);
		emit_str(f, rs->steps[i].id);
		fprintf(f, ", %d, ", rs->steps[i].part);
		emit_text(f, &rs->steps[i].text, rs->nlangs);
		fputs(", ", f);
		emit_pos(f, rs->steps[i].pos);
		fputs(" },\n", f);
	}
	fputs("};\n\n", f);
	emit_rules(f, rs);
	fputs("static struct term terms[] = {\n", f);
	for (int i = 0; i < rs->nterms; i++) {
		const struct term *t = &rs->terms[i];
		fputs("\t{ .id = ", f);
		emit_str(f, t->id);
		fputs(", .term = ", f);
		emit_text(f, &t->term, rs->nlangs);
		fputs(",\n\t  .words = ", f);
		emit_text(f, &t->words, rs->nlangs);
		fputs(",\n\t  .text = ", f);
		emit_text(f, &t->text, rs->nlangs);
		fputs(", .pos = ", f);
		emit_pos(f, t->pos);
		fputs(" },\n", f);
	}
	fputs(rs->nterms ? "};\n\n" : "\t{ .id = NULL }\n};\n\n", f);

	fprintf(f, "extern struct ruleset %s;\nstruct ruleset %s = {\n\t.file = ", symbol, symbol);
	emit_str(f, rs->file);
	fputs(",\n\t.name = ", f);
	emit_str(f, rs->name);
	fputs(",\n\t.version = ", f);
	emit_str(f, rs->version);
	fputs(",\n\t.sha256 = ", f);
	emit_str(f, rs->sha256);
	fputs(",\n\t.langs = { ", f);
	for (int i = 0; i < rs->nlangs; i++) {
		emit_str(f, rs->langs[i]);
		fputs(", ", f);
	}
	fprintf(f, "},\n\t.nlangs = %d,\n\t.title = ", rs->nlangs);
	emit_text(f, &rs->title, rs->nlangs);
	fputs(",\n\t.source = ", f);
	emit_text(f, &rs->source, rs->nlangs);
	fprintf(f, ",\n\t.parts = parts, .nparts = %d,\n"
		   "\t.questions = questions, .nquestions = %d,\n"
		   "\t.steps = steps, .nsteps = %d,\n"
		   "\t.rules = rules, .nrules = %d,\n"
		   "\t.conds = conds, .nconds = %d,\n"
		   "\t.terms = terms, .nterms = %d,\n"
		   "\t.plain = { .max_words = %d, .mean_words = %d, .pos = ",
		rs->nparts, rs->nquestions, rs->nsteps, rs->nrules, rs->nconds,
		rs->nterms, rs->plain.max_words, rs->plain.mean_words);
	emit_pos(f, rs->plain.pos);
	fputs(" },\n", f);
	fprintf(f, "\t.unknown = { %s, ", rs->unknown.verdict == VERDICT_ALLOWED ? "VERDICT_ALLOWED"
		: rs->unknown.verdict == VERDICT_NOT_ALLOWED ? "VERDICT_NOT_ALLOWED" : "VERDICT_CONSULT");
	emit_text(f, &rs->unknown.reason, rs->nlangs);
	fprintf(f, ", unknown_steps0, %d },\n\t.arena = NULL,\n};\n", rs->unknown.nsteps);
}
