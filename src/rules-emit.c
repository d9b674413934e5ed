/* SPDX-License-Identifier: EUPL-1.2 */
/* The model as C source: how the built-in spelregels get into the binary
 * already loaded. Parsing 32 KB of YAML at every start was most of the time
 * of a 'decide' (5M instructions against 0.1M for the rest); the rule file
 * is still read by the same loader, once, when opname is built (rules2c.c).
 * Every initialiser names its fields: a field added to a struct of the model
 * cannot be filled with another's value by position. */
#include <stdio.h>

#include "opname/rules.h"
#include "opname/fact.h"

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
	fputs("{ .s = { ", f);
	for (int i = 0; i < nlangs; i++) {
		emit_str(f, t->s[i]);
		fputs(", ", f);
	}
	fputs("} }", f);
}

static void emit_pos(FILE *f, struct pos p)
{
	fprintf(f, "{ .line = %d, .col = %d }", p.line, p.col);
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
		fprintf(f, "{ .step = %d, .when = %d }, ", s[j].step, s[j].when);
	fputs(n ? "};\n" : "{ .step = 0 } };\n", f);
}

static void emit_questions(FILE *f, const struct ruleset *rs)
{
	for (int i = 0; i < rs->nquestions; i++) {
		const struct question *q = &rs->questions[i];
		emit_ints(f, "qrefs", i, q->refs, q->nrefs);
		fprintf(f, "static int32_t qstarts%d[] = { ", i);
		for (int j = 0; j < q->nstarts; j++)
			fprintf(f, "%ld, ", (long)q->starts[j]);
		fputs(q->nstarts ? "};\n" : "0 };\n", f);
		fprintf(f, "static uint32_t qmasks%d[] = { ", i);
		for (int j = 0; j < q->nmasks; j++)
			fprintf(f, "0x%lxu, ", (unsigned long)q->masks[j]);
		fprintf(f, "0 };\nstatic int32_t qclasses%d[] = { ", i);
		for (int j = 0; j < q->nclasses; j++)
			fprintf(f, "%ld, ", (long)q->classes[j]);
		fputs("0 };\n", f);
		fprintf(f, "static struct choice choices%d[] = {\n", i);
		for (int j = 0; j < q->nchoices; j++) {
			fputs("\t{ .id = ", f);
			emit_str(f, q->choices[j].id);
			fputs(", .text = ", f);
			emit_text(f, &q->choices[j].text, rs->nlangs);
			fputs(", .label = ", f);
			emit_text(f, &q->choices[j].label, rs->nlangs);
			fputs(", .pos = ", f);
			emit_pos(f, q->choices[j].pos);
			fputs(" },\n", f);
		}
		fputs(q->nchoices ? "};\n" : "\t{ .id = NULL }\n};\n", f);
	}
	fputs("static struct question questions[] = {\n", f);
	for (int i = 0; i < rs->nquestions; i++) {
		const struct question *q = &rs->questions[i];
		fputs("\t{ .id = ", f);
		emit_str(f, q->id);
		fprintf(f, ", .type = %s, .choices = choices%d, .nchoices = %d,\n\t  .text = ",
			fact_type_of(q)->enum_name, i, q->nchoices);
		emit_text(f, &q->text, rs->nlangs);
		fputs(",\n\t  .help = ", f);
		emit_text(f, &q->help, rs->nlangs);
		fputs(",\n\t  .labels = { ", f);
		for (int v = 0; v < 3; v++) {
			emit_text(f, &q->labels[v], rs->nlangs);
			fputs(", ", f);
		}
		fprintf(f, "},\n\t  .refs = qrefs%d, .nrefs = %d, .pos = ", i, q->nrefs);
		emit_pos(f, q->pos);
		fprintf(f, ",\n\t  .min = %ld, .max = %ld, .unit = ", (long)q->min, (long)q->max);
		emit_text(f, &q->unit, rs->nlangs);
		fprintf(f, ", .starts = qstarts%d, .nstarts = %d,\n\t  .masks = qmasks%d, .nmasks = %d, .classes = qclasses%d, .nclasses = %d },\n",
			i, q->nstarts, i, q->nmasks, i, q->nclasses);
	}
	fputs("};\n\n", f);
}

static void emit_rules(FILE *f, const struct ruleset *rs)
{
	static const char *const kinds[] = { "COND_TRUE", "COND_ALL", "COND_ANY",
					     "COND_NOT", "COND_TEST" };
	fputs("static struct cond conds[] = {\n", f);
	for (int i = 0; i < rs->nconds; i++) {
		const struct cond *c = &rs->conds[i];
		fprintf(f, "\t{ .kind = %s, .nkids = %d, .size = %d, .fact = %d, .accept = 0x%llxULL, .pos = ",
			kinds[c->kind], c->nkids, c->size, c->fact, (unsigned long long)c->accept);
		emit_pos(f, c->pos);
		fprintf(f, ", .op = (enum cmp)%d, .value = %ld, .ref = %d, .shift = %d, .shift_unit = %d, .form = (enum cond_form)%d },\n",
			(int)c->op, (long)c->value, c->ref, c->shift, (int)c->shift_unit, (int)c->form);
	}
	fputs(rs->nconds ? "};\n\n" : "\t{ .kind = COND_TRUE, .size = 1, .fact = -1, .ref = -1 }\n};\n\n", f);
	for (int i = 0; i < rs->nrules; i++) {
		emit_ints(f, "rrefs", i, rs->rules[i].refs, rs->rules[i].nrefs);
		emit_ints(f, "rrefwhen", i, rs->rules[i].ref_when, rs->rules[i].nrefs);
		emit_steps(f, "rsteps", i, rs->rules[i].steps, rs->rules[i].nsteps);
	}
	fputs("static struct rule rules[] = {\n", f);
	for (int i = 0; i < rs->nrules; i++) {
		const struct rule *r = &rs->rules[i];
		fputs("\t{ .id = ", f);
		emit_str(f, r->id);
		fprintf(f, ", .when = %d, .verdict = (enum verdict)%d /* %s */,\n\t  .reason = ",
			r->when, (int)r->verdict, verdict_id(rs, r->verdict));
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

/* A file's own outcomes; the defaults are verdict_defaults, in the core. */
static void emit_verdicts(FILE *f, const struct ruleset *rs)
{
	if (!rs->declares_verdicts)
		return;
	fputs("static struct verdict_def verdicts[] = {\n", f);
	for (int i = 0; i < rs->nverdicts; i++) {
		const struct verdict_def *d = &rs->verdicts[i];
		fputs("\t{ .id = ", f);
		emit_str(f, d->id);
		fputs(", .text = ", f);
		emit_text(f, &d->text, rs->nlangs);
		fprintf(f, ", .status = %d, .colour = (enum colour)%d, .pos = ", d->status,
			(int)d->colour);
		emit_pos(f, d->pos);
		fputs(" },\n", f);
	}
	fputs("};\n\n", f);
}

void rules_emit_c(FILE *f, const struct ruleset *rs, const char *symbol)
{
	fprintf(f, "/* Made by rules2c from %s: do not edit. */\n", rs->file);
	fputs("#include <stddef.h>\n#include \"opname/model.h\"\n\n", f);
	fputs("static struct part parts[] = {\n", f);
	for (int i = 0; i < rs->nparts; i++) {
		fputs("\t{ .id = ", f);
		emit_str(f, rs->parts[i].id);
		fputs(", .title = ", f);
		emit_text(f, &rs->parts[i].title, rs->nlangs);
		fputs(", .pos = ", f);
		emit_pos(f, rs->parts[i].pos);
		fputs(" },\n", f);
	}
	fputs("};\n\n", f);
	emit_questions(f, rs);
	fputs("static struct step steps[] = {\n", f);
	for (int i = 0; i < rs->nsteps; i++) {
		fputs("\t{ .id = ", f);
		emit_str(f, rs->steps[i].id);
		fprintf(f, ", .part = %d, .text = ", rs->steps[i].part);
		emit_text(f, &rs->steps[i].text, rs->nlangs);
		fputs(", .pos = ", f);
		emit_pos(f, rs->steps[i].pos);
		fputs(" },\n", f);
	}
	fputs("};\n\n", f);
	emit_verdicts(f, rs);
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
	fputs(",\n\t.source_label = ", f);
	emit_text(f, &rs->source_label, rs->nlangs);
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
	if (rs->declares_verdicts)
		fprintf(f, "\t.verdicts = verdicts, .nverdicts = %d, .declares_verdicts = true,\n",
			rs->nverdicts);
	else /* the defaults: the same object, so a default stays recognisable */
		fputs("\t.verdicts = (struct verdict_def *)verdict_defaults, .nverdicts = 3,\n", f);
	fprintf(f, "\t.unknown = { .verdict = (enum verdict)%d /* %s */, .reason = ",
		(int)rs->unknown.verdict, verdict_id(rs, rs->unknown.verdict));
	emit_text(f, &rs->unknown.reason, rs->nlangs);
	fprintf(f, ", .steps = unknown_steps0, .nsteps = %d },\n\t.arena = NULL,\n};\n",
		rs->unknown.nsteps);
}
