/* SPDX-License-Identifier: EUPL-1.2 */
/* opname graph: the decision logic as a diagram, drawn from the path
 * analysis: questions as nodes, answers on the edges, outcomes as coloured
 * leaves. The analysis merges identical subtrees, so each outcome and each
 * shared tail of questions is drawn once. */
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "opname/fact.h"
#include "opname/analysis.h"

enum format { FORMAT_DOT, FORMAT_MERMAID };

/* The answers on the edges; the rest of the frame comes from ui(). */
static const char *const answer_words[3][2] = {
	{ "ja", "yes" }, { "nee", "no" }, { "weet niet", "don't know" },
};

struct graph_colour {
	const char *fill, *stroke;
};
static const struct graph_colour colours[] = {
	[COLOUR_GREEN] = { "#c8e6c9", "#2e7d32" },
	[COLOUR_RED] = { "#ffcdd2", "#c62828" },
	[COLOUR_AMBER] = { "#ffe0b2", "#ef6c00" },
	[COLOUR_GREY] = { "#e0e0e0", "#616161" },
};

struct graph {
	struct ctx *ctx;
	const struct analysis *an;
	enum format format;
	int *order; /* node index -> number in drawing order, or -1 */
	int *nodes; /* drawing order -> node index */
	int count;
	struct strbuf out;
};

static const struct graph_colour *colour_of(const struct graph *g, enum verdict v)
{
	return &colours[verdict_def(g->an->rs, v)->colour];
}

/* Word-wrap at 'width' bytes; lines are joined with '\n'. */
static void wrap(struct strbuf *sb, const char *text, int width)
{
	int col = 0;
	while (*text) {
		size_t word = strcspn(text, " ");
		if (col && col + 1 + (int)word > width) {
			sb_addc(sb, '\n');
			col = 0;
		} else if (col) {
			sb_addc(sb, ' ');
			col++;
		}
		sb_add(sb, text, word);
		col += (int)word;
		text += word;
		text += strspn(text, " ");
	}
}

/* A label, quoted and escaped for the output format, '\n' as a line break. */
static void quoted(struct graph *g, const char *s)
{
	struct strbuf *sb = &g->out;
	sb_addc(sb, '"');
	for (; *s; s++) {
		if (*s == '\n')
			sb_adds(sb, g->format == FORMAT_DOT ? "\\n" : "<br/>");
		else if (g->format == FORMAT_DOT && (*s == '"' || *s == '\\'))
			sb_addf(sb, "\\%c", *s);
		else if (g->format == FORMAT_MERMAID && strchr("\"#<>|&`", *s))
			sb_addf(sb, "#%d;", (unsigned char)*s);
		else
			sb_addc(sb, *s);
	}
	sb_addc(sb, '"');
}

static void number(struct graph *g, int node)
{
	if (g->order[node] >= 0)
		return;
	g->order[node] = g->count;
	g->nodes[g->count++] = node;
	const struct anode *n = &g->an->nodes[node];
	for (int i = 0; i < n->nkids; i++)
		number(g, n->kids[i]);
}

static void question_label(struct graph *g, const struct anode *n, struct strbuf *sb)
{
	const struct question *q = &g->an->rs->questions[n->fact];
	sb_adds(sb, q->id);
	sb_addc(sb, '\n');
	wrap(sb, text_get(&q->text, g->ctx->lang), 32);
}

/* "Wat nu: a, b" on a line of its own, if there are steps. */
static void step_line(struct strbuf *sb, const struct ruleset *rs, const char *head,
		      const uint16_t *steps, int n)
{
	if (!n)
		return;
	struct strbuf line = STRBUF_INIT;
	sb_addf(&line, "%s:", head);
	for (int i = 0; i < n; i++)
		sb_addf(&line, "%s %s", i ? "," : "", rs->steps[steps[i]].id);
	sb_addc(sb, '\n');
	wrap(sb, line.buf, 32);
	sb_release(&line);
}

static void leaf_label(struct graph *g, const struct anode *n, struct strbuf *sb)
{
	const struct ruleset *rs = g->an->rs;
	enum ui_lang ul = g->ctx->ui;
	struct strbuf line = STRBUF_INIT;
	sb_adds(sb, verdict_word(rs, n->verdict, g->ctx->lang, ul));
	if (n->rule < 0) {
		sb_addc(sb, '\n');
		wrap(sb, ui(ul, MSG_NO_RULE_REASON), 32);
		return;
	}
	const struct rule *r = &rs->rules[n->rule];
	sb_addf(&line, "%s %s%s%s; %s:", ui(ul, MSG_RULE), r->id,
		n->by_unknown ? ": " : "", n->by_unknown ? ui(ul, MSG_TRI_UNKNOWN) : "",
		source_label(rs, g->ctx->lang, ul));
	for (int i = 0; i < r->nrefs; i++)
		sb_addf(&line, "%s %s", i ? "," : "", rs->parts[r->refs[i]].id);
	sb_addc(sb, '\n');
	wrap(sb, line.buf, 32);
	step_line(sb, rs, ui(ul, MSG_NEXT_STEPS), n->steps, n->nsteps);
	/* the steps analysed apart (docs/rules.md, "Steps analysed apart") */
	step_line(sb, rs, ui(ul, MSG_NEXT_STEPS_IF), n->pending, n->npending);
	sb_release(&line);
}

static void draw_node(struct graph *g, int at)
{
	const struct anode *n = &g->an->nodes[g->nodes[at]];
	struct strbuf label = STRBUF_INIT;
	char id[24];
	snprintf(id, sizeof id, "%c%d", n->fact >= 0 ? 'q' : 'v', at);
	if (n->fact >= 0)
		question_label(g, n, &label);
	else
		leaf_label(g, n, &label);
	if (g->format == FORMAT_DOT) {
		sb_addf(&g->out, "  %s [", id);
		if (n->fact < 0)
			sb_addf(&g->out, "style=\"rounded,filled\", fillcolor=\"%s\", color=\"%s\", ",
				colour_of(g, n->verdict)->fill, colour_of(g, n->verdict)->stroke);
		sb_adds(&g->out, "label=");
		quoted(g, label.buf);
		sb_adds(&g->out, "];\n");
	} else {
		sb_addf(&g->out, "  %s%s", id, n->fact >= 0 ? "[" : "([");
		quoted(g, label.buf);
		sb_adds(&g->out, n->fact >= 0 ? "]\n" : "])\n");
		if (n->fact < 0)
			sb_addf(&g->out, "  class %s %s\n", id, verdict_id(g->an->rs, n->verdict));
	}
	sb_release(&label);
}

/* One edge per distinct child, labelled with every answer that leads there. */
static void draw_edges(struct graph *g, int at)
{
	const struct anode *n = &g->an->nodes[g->nodes[at]];
	const struct question *q = n->fact >= 0 ? &g->an->rs->questions[n->fact] : NULL;
	const fact_value *vals = n->vals; /* the answer of each child */
	struct strbuf label = STRBUF_INIT;
	for (int i = 0; i < n->nkids; i++) {
		int j;
		for (j = 0; j < i && n->kids[j] != n->kids[i]; j++)
			;
		if (j < i)
			continue; /* drawn with the first answer that leads there */
		sb_reset(&label);
		for (j = i; j < n->nkids; j++) {
			if (n->kids[j] != n->kids[i])
				continue;
			if (label.len)
				sb_adds(&label, fact_type_of(q)->listed ? ",\n" : ", ");
			const struct text *t = fact_value_text(q, vals[j]);
			if (t)
				wrap(&label, text_get(t, g->ctx->lang), 24);
			else if (fact_type_of(q)->yes_no || vals[j] == FV_UNKNOWN)
				sb_adds(&label, answer_words[vals[j] == FV_UNKNOWN ? 2 : j][g->ctx->ui]);
			else
				fact_value_range(&label, q, vals[j]);
		}
		int to = g->order[n->kids[i]];
		const char *kind = g->an->nodes[n->kids[i]].fact >= 0 ? "q" : "v";
		if (g->format == FORMAT_DOT) {
			sb_addf(&g->out, "  q%d -> %s%d [label=", at, kind, to);
			quoted(g, label.buf);
			sb_adds(&g->out, "];\n");
		} else {
			sb_addf(&g->out, "  q%d -->|", at);
			quoted(g, label.buf);
			sb_addf(&g->out, "| %s%d\n", kind, to);
		}
	}
	sb_release(&label);
}

static void draw(struct graph *g)
{
	const struct ruleset *rs = g->an->rs;
	struct strbuf title = STRBUF_INIT;
	sb_addf(&title, "%s %s", rs->name, rs->version);
	if (rs->title.s[0]) /* Mermaid's title is one line */
		sb_addf(&title, "%s%s", g->format == FORMAT_DOT ? "\n" : ": ",
			text_get(&rs->title, g->ctx->lang));
	if (g->format == FORMAT_DOT) {
		sb_addf(&g->out, "digraph \"%s\" {\n", rs->name);
		sb_adds(&g->out, "  graph [fontname=\"Helvetica\", labelloc=t, label=");
		quoted(g, title.buf);
		sb_adds(&g->out, "];\n"
			"  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n"
			"  edge [fontname=\"Helvetica\", fontsize=9];\n");
	} else {
		sb_adds(&g->out, "---\ntitle: ");
		quoted(g, title.buf);
		sb_adds(&g->out, "\n---\nflowchart TD\n");
		for (int k = 0; k <= rs->nverdicts; k++) {
			enum verdict v = verdict_nth(rs, k);
			sb_addf(&g->out, "  classDef %s fill:%s,stroke:%s,color:#000\n",
				verdict_id(rs, v), colour_of(g, v)->fill, colour_of(g, v)->stroke);
		}
	}
	sb_release(&title);
	for (int i = 0; i < g->count; i++)
		draw_node(g, i);
	for (int i = 0; i < g->count; i++)
		draw_edges(g, i);
	if (g->format == FORMAT_DOT)
		sb_adds(&g->out, "}\n");
}

int run_graph(struct ctx *ctx, const struct cmd_args *a)
{
	enum format format = args_choice(a, OPT_FORMAT) ? FORMAT_MERMAID : FORMAT_DOT;
	int status;
	struct analysis an;
	analysis_run(&an, ctx->rs, 0);
	if (an.truncated) {
		struct diag d;
		diag_init(&d, ctx->rs->file);
		analysis_limit_problem(&an, &d);
		diag_print(&d);
		diag_release(&d);
		analysis_release(&an);
		return fail(EX_DATAERR, "%s: nothing drawn: the analysis stops at its limit",
			    ctx->rs->file);
	}
	struct graph g = { .ctx = ctx, .an = &an, .format = format };
	g.order = xmalloc((size_t)an.nnodes * sizeof *g.order);
	g.nodes = xmalloc((size_t)an.nnodes * sizeof *g.nodes);
	memset(g.order, -1, (size_t)an.nnodes * sizeof *g.order);
	number(&g, an.root);
	draw(&g);
	status = write_stdout(g.out.buf, g.out.len);
	sb_release(&g.out);
	free(g.order);
	free(g.nodes);
	analysis_release(&an);
	return status;
}
