/* SPDX-License-Identifier: EUPL-1.2 */
/* Path analysis (see opname/analysis.h): the interview simulated on every
 * path of answers, folded into a merged decision diagram and counts. */
#include "analysis-private.h"

#include <stdlib.h>
#include <string.h>

#include "opname/fact.h"
#include "opname/output.h"
#include "opname/text-expr.h"
#include "opname/util.h"


static uint64_t node_hash(const struct anode *n)
{
	uint64_t h = mix(0, (uint64_t)(n->fact + 1));
	if (n->fact >= 0) {
		for (int i = 0; i < n->nkids; i++)
			h = mix(h, (uint64_t)n->kids[i]);
		return h;
	}
	h = mix(h, (uint64_t)n->verdict);
	h = mix(h, (uint64_t)(n->rule + 1));
	h = mix(h, n->by_unknown);
	for (int i = 0; i < n->nsteps; i++)
		h = mix(h, n->steps[i]);
	for (int i = 0; i < n->npending; i++)
		h = mix(h, n->pending[i] + 0x10000u);
	return mix(h, (uint64_t)n->nsteps);
}

static bool node_equal(const struct anode *a, const struct anode *b)
{
	if (a->fact != b->fact)
		return false;
	if (a->fact >= 0)
		return a->nkids == b->nkids &&
		       !memcmp(a->kids, b->kids, (size_t)a->nkids * sizeof *a->kids) &&
		       !memcmp(a->vals, b->vals, (size_t)a->nkids * sizeof *a->vals);
	return a->verdict == b->verdict && a->rule == b->rule &&
	       a->by_unknown == b->by_unknown && a->nsteps == b->nsteps &&
	       !memcmp(a->steps, b->steps, (size_t)a->nsteps * sizeof *a->steps) &&
	       a->npending == b->npending &&
	       !memcmp(a->pending, b->pending, (size_t)a->npending * sizeof *a->pending);
}

static void table_grow(struct analysis *an)
{
	struct analysis_private *p = an->priv;
	size_t cap = p->cap ? 2 * p->cap : 1024;
	int *table = zalloc(cap * sizeof *table);
	for (int i = 0; i < an->nnodes; i++) {
		size_t at = node_hash(&an->nodes[i]) & (cap - 1);
		while (table[at])
			at = (at + 1) & (cap - 1);
		table[at] = i + 1;
	}
	free(p->table);
	p->table = table;
	p->cap = cap;
}

/* The index of a node equal to *n, adding it (with copies of its arrays). */
static int intern(struct analysis *an, const struct anode *n)
{
	struct analysis_private *p = an->priv;
	if ((size_t)an->nnodes * 2 >= p->cap)
		table_grow(an);
	size_t at = node_hash(n) & (p->cap - 1);
	for (; p->table[at]; at = (at + 1) & (p->cap - 1))
		if (node_equal(&an->nodes[p->table[at] - 1], n))
			return p->table[at] - 1;
	if (an->nnodes == p->nodecap) {
		p->nodecap = p->nodecap ? 2 * p->nodecap : 256;
		an->nodes = xrealloc(an->nodes, (size_t)p->nodecap * sizeof *an->nodes);
	}
	struct anode *copy = &an->nodes[an->nnodes];
	*copy = *n;
	if (n->nkids) {
		copy->kids = arena_alloc(p->arena, (size_t)n->nkids * sizeof *n->kids);
		memcpy(copy->kids, n->kids, (size_t)n->nkids * sizeof *n->kids);
		copy->vals = arena_alloc(p->arena, (size_t)n->nkids * sizeof *n->vals);
		memcpy(copy->vals, n->vals, (size_t)n->nkids * sizeof *n->vals);
	}
	if (n->nsteps) {
		copy->steps = arena_alloc(p->arena, (size_t)n->nsteps * sizeof *n->steps);
		memcpy(copy->steps, n->steps, (size_t)n->nsteps * sizeof *n->steps);
	}
	if (n->npending) {
		copy->pending = arena_alloc(p->arena, (size_t)n->npending * sizeof *n->pending);
		memcpy(copy->pending, n->pending, (size_t)n->npending * sizeof *n->pending);
	}
	p->table[at] = an->nnodes + 1;
	return an->nnodes++;
}

int analysis_values(const struct question *q, fact_value *vals)
{
	return fact_values(q, vals);
}

/* Which of the deciding rule's refs this path cites, and whether a ref's
 * condition needed a fact the path never asked. */
static void count_refs(struct analysis *an, const struct outcome *o)
{
	const struct rule *r = &an->rs->rules[o->rule];
	for (int i = 0, j = 0; i < r->nrefs && j < o->nrefs; i++)
		if (r->refs[i] == o->refs[j]) {
			an->ref_cited[an->ref_base[o->rule] + i]++;
			j++;
		}
	if (o->ref_unread >= 0 && !o->by_unknown && an->unread_rule < 0) {
		an->unread_rule = o->rule;
		an->unread_fact = o->ref_unread;
		for (int i = 0; i < r->nrefs; i++) {
			bool cited = false;
			for (int j = 0; j < o->nrefs; j++)
				cited |= o->refs[j] == r->refs[i];
			if (!cited && r->ref_when && r->ref_when[i] >= 0)
				an->unread_ref = i;
		}
	}
}

/* Choices whose subtrees differ here are told apart. */
void analysis_mark_apart(struct analysis *an, int fact, const uint64_t *kids, int n)
{
	uint64_t *row = an->apart + (size_t)fact * 64;
	for (int c = 0; c < n; c++)
		for (int d = 0; d < n; d++)
			if (kids[c] != kids[d])
				row[c] |= (uint64_t)1 << d;
}

/* ---- texts that show facts (docs/rules.md, "Dates and numbers in texts") ---- */

static const char *site_text(const struct ruleset *rs, const struct text_site *s)
{
	if (s->kind == 's')
		return text_get(&rs->steps[s->index].text, s->lang);
	if (s->kind == 'r')
		return text_get(&rs->rules[s->index].reason, s->lang);
	return text_get(&rs->unknown.reason, s->lang);
}

/* The texts of kind and index this path shows: each must find the facts
 * it shows known; the first path where one does not is kept. */
void analysis_check_texts(struct analysis *an, char kind, int index)
{
	const struct ruleset *rs = an->rs;
	for (int i = 0; i < rs->ntext_sites; i++) {
		const struct text_site *s = &rs->text_sites[i];
		if (s->kind != kind || s->index != index || an->text_fact[i] >= 0)
			continue;
		int f = text_expr_unknown(rs, site_text(rs, s), an->priv->facts);
		if (f < 0)
			continue;
		an->text_fact[i] = f;
		memcpy(an->text_paths + (size_t)i * (size_t)rs->nquestions, an->priv->facts,
		       (size_t)rs->nquestions * sizeof(fact_value));
	}
}

static void check_outcome_texts(struct analysis *an, const struct outcome *o)
{
	if (!an->rs->ntext_sites || o->verdict == VERDICT_INCOMPLETE)
		return;
	analysis_check_texts(an, o->by_unknown ? 'u' : 'r', o->by_unknown ? 0 : o->rule);
	for (int i = 0; i < o->nsteps; i++)
		analysis_check_texts(an, 's', o->steps[i]);
}

/* A path ends: count what it shows and intern its leaf. */
static int leaf(struct analysis *an, const struct outcome *o)
{
	const struct ruleset *rs = an->rs;
	an->npaths++;
	an->verdicts[o->verdict]++;
	if (o->rule >= 0 && !o->by_unknown)
		an->rule_decides[o->rule]++;
	if (o->by_unknown) {
		an->rule_unknown[o->rule]++;
		an->by_unknown++;
	}
	int tried = o->rule >= 0 ? o->rule : rs->nrules - 1;
	if (tried > an->last_tried)
		an->last_tried = tried;
	for (int i = 0; i < o->nsteps; i++)
		an->step_given[o->steps[i]]++;
	if (o->rule >= 0)
		count_refs(an, o);
	if (o->verdict == VERDICT_INCOMPLETE) {
		an->no_verdict++;
		if (an->nexamples < ANALYSIS_MAX_EXAMPLES) {
			memcpy(an->examples + (size_t)an->nexamples * (size_t)rs->nquestions,
			       an->priv->facts, (size_t)rs->nquestions * sizeof(fact_value));
			an->nexamples++;
		}
	}
	struct anode n = {
		.fact = -1,
		.verdict = o->verdict,
		.rule = o->rule,
		.by_unknown = o->by_unknown,
		.nsteps = o->nsteps,
		.steps = (uint16_t *)o->steps,
		.npending = an->priv->npending,
		.pending = an->priv->pending,
	};
	return intern(an, &n);
}

/* A path ends. */
static int path_end(struct analysis *an)
{
	struct analysis_private *p = an->priv;
	if (an->npaths + an->step_branches >= an->max_paths) {
		an->truncated = true;
		return -1;
	}
	if (p->on_path)
		p->on_path(p->on_path_arg, p->facts, &p->scratch);
	check_outcome_texts(an, &p->scratch);
	if (!steps_walk_pending(an, &p->scratch))
		return -1;
	return leaf(an, &p->scratch);
}

/* The subtree below the current answers; -1 once a limit is reached.
 * Evaluation resumes at 'first', the rule that stopped at the fact just
 * answered: the rules before it were false without reading that fact, so
 * they are false still, and are not evaluated again at every node. */
static int walk(struct analysis *an, int first)
{
	struct analysis_private *p = an->priv;
	const struct ruleset *rs = an->rs;
	/* the path's answers are the facts read so far, in the order asked */
	engine_decide_apart(rs, p->facts, first, p->order, p->depth, p->apart,
			    &p->scratch, p->pending, &p->npending, &an->work);
	an->work++; /* a node costs something even when no condition is read */
	if (an->work > an->max_work) {
		an->truncated = an->over_work = true;
		an->work_rule = p->scratch.missing_rule >= 0 ? p->scratch.missing_rule
			      : p->scratch.rule >= 0 ? p->scratch.rule : first;
		return -1;
	}
	int f = p->scratch.missing;
	int resume = p->scratch.missing_rule;
	if (f < 0 && p->npending == 1) {
		/* one step apart: its branches add up to as many paths in the
		 * tree, where 'graph' draws them, as apart */
		engine_cond(rs, p->facts, steps_pending_when(rs, p->apart, &p->scratch, p->pending[0]),
			    &f, &an->work);
		resume = p->scratch.rule;
	}
	if (f < 0)
		return path_end(an);
	const struct question *q = &rs->questions[f];
	fact_value vals[OPNAME_MAX_VALUES];
	int kids[OPNAME_MAX_VALUES];
	/* a date's values depend on the dates it is compared with: where
	 * one is not known yet, the days that keep every later comparison
	 * free to go either way it can (docs/rules.md, "Dates") */
	int n = fact_values_at(rs, f, p->facts, vals);
	p->order[p->depth++] = (uint16_t)f;
	if (fact_type_of(q)->dated) {
		bool over;
		int nw;
		fact_value *wide = dates_wide(an, f, &nw, &over);
		if (over)
			an->truncated = true;
		else if (nw != n || memcmp(wide, vals, (size_t)n * sizeof *vals))
			n = dates_choose(an, f, resume, wide, nw, vals, n);
		free(wide);
		if (over || n < 0) {
			p->depth--;
			return -1;
		}
	}
	an->fact_asked[f]++;
	bool stopped = false;
	for (int i = 0; i < n && !stopped; i++) {
		p->facts[f] = vals[i];
		kids[i] = walk(an, resume);
		stopped = kids[i] < 0;
	}
	p->depth--;
	p->facts[f] = FV_MISSING;
	if (stopped)
		return -1;
	if (fact_type_of(q)->listed) {
		uint64_t ids[OPNAME_MAX_VALUES];
		for (int i = 0; i < n; i++)
			ids[i] = (uint64_t)kids[i];
		analysis_mark_apart(an, f, ids, n);
	}
	struct anode node = { .fact = f, .nkids = n, .kids = kids, .vals = vals, .rule = -1 };
	return intern(an, &node);
}

void analysis_run(struct analysis *an, const struct ruleset *rs,
		  long max_paths)
{
	analysis_run_visit(an, rs, max_paths, NULL, NULL);
}

void analysis_run_visit(struct analysis *an, const struct ruleset *rs,
			long max_paths, analysis_path_fn *on_path, void *arg)
{
	analysis_run_limited(an, rs, max_paths, 0, on_path, arg);
}

void analysis_run_limited(struct analysis *an, const struct ruleset *rs,
			  long max_paths, long max_work, analysis_path_fn *on_path,
			  void *arg)
{
	memset(an, 0, sizeof *an);
	an->rs = rs;
	an->max_paths = max_paths > 0 ? max_paths : ANALYSIS_MAX_PATHS;
	an->max_work = max_work > 0 ? max_work : ANALYSIS_MAX_WORK;
	an->work_rule = -1;
	an->over_dates = -1;
	an->last_tried = -1;
	an->rule_decides = zalloc(((size_t)rs->nrules + 1) * sizeof(long));
	an->rule_unknown = zalloc(((size_t)rs->nrules + 1) * sizeof(long));
	an->fact_asked = zalloc(((size_t)rs->nquestions + 1) * sizeof(long));
	an->step_given = zalloc(((size_t)rs->nsteps + 1) * sizeof(long));
	an->ref_base = zalloc(((size_t)rs->nrules + 1) * sizeof(int));
	for (int r = 0; r < rs->nrules; r++)
		an->ref_base[r + 1] = an->ref_base[r] + rs->rules[r].nrefs;
	an->ref_cited = zalloc(((size_t)an->ref_base[rs->nrules] + 1) * sizeof(long));
	an->unread_rule = an->unread_ref = an->unread_fact = -1;
	an->apart = zalloc(((size_t)rs->nquestions * 64 + 1) * sizeof(uint64_t));
	an->examples = zalloc(((size_t)ANALYSIS_MAX_EXAMPLES * (size_t)rs->nquestions + 1) *
			      sizeof(fact_value));
	an->priv = zalloc(sizeof *an->priv);
	an->priv->arena = arena_new();
	an->priv->on_path = on_path;
	an->priv->on_path_arg = arg;
	an->priv->facts = xmalloc(OPNAME_MAX_FACTS * sizeof(fact_value));
	facts_clear(an->priv->facts, OPNAME_MAX_FACTS);
	an->priv->apart = steps_apart(rs);
	an->text_fact = xmalloc(((size_t)rs->ntext_sites + 1) * sizeof(int));
	for (int i = 0; i < rs->ntext_sites; i++)
		an->text_fact[i] = -1;
	an->text_paths = zalloc(((size_t)rs->ntext_sites * (size_t)rs->nquestions + 1) *
				sizeof(fact_value));
	an->root = walk(an, 0);
}

void analysis_release(struct analysis *an)
{
	free(an->rule_decides);
	free(an->rule_unknown);
	free(an->fact_asked);
	free(an->step_given);
	free(an->ref_base);
	free(an->ref_cited);
	free(an->apart);
	free(an->examples);
	free(an->text_fact);
	free(an->text_paths);
	free(an->nodes);
	if (an->priv) {
		arena_free(an->priv->arena);
		free(an->priv->facts);
		free(an->priv->table);
		free(an->priv->apart);
		free(an->priv);
	}
	memset(an, 0, sizeof *an);
}

void analysis_outcome_of(const struct ruleset *rs, const fact_value *facts,
			 struct outcome *o)
{
	uint8_t *apart = steps_apart(rs);
	fact_value known[OPNAME_MAX_FACTS];
	uint16_t pending[OPNAME_MAX_STEPS];
	int npending;
	facts_clear(known, OPNAME_MAX_FACTS);
	for (;;) {
		engine_decide_apart(rs, known, 0, NULL, 0, apart, o, pending, &npending, NULL);
		int f = o->missing;
		if (f < 0 && npending == 1)
			engine_cond(rs, known, steps_pending_when(rs, apart, o, pending[0]), &f, NULL);
		if (f < 0 || facts[f] == FV_MISSING || known[f] != FV_MISSING)
			break;
		known[f] = facts[f];
	}
	free(apart);
}

void analysis_path_text(const struct ruleset *rs, const fact_value *facts,
			struct strbuf *out)
{
	int first = 1;
	for (int f = 0; f < rs->nquestions; f++) {
		const struct question *q = &rs->questions[f];
		fact_value v = facts[f];
		if (v == FV_MISSING)
			continue;
		sb_addf(out, "%s%s=", first ? "" : ", ", q->id);
		fact_value_range(out, q, v); /* a number: the interval it stands for */
		first = 0;
	}
	if (first)
		sb_adds(out, "(no answers)");
}
