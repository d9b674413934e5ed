/* SPDX-License-Identifier: EUPL-1.2 */
/* Path analysis (see opname/analysis.h): the interview simulated on every
 * path of answers, folded into a merged decision diagram and counts. */
#include "opname/analysis.h"

#include <stdlib.h>
#include <string.h>

#include "opname/output.h"
#include "opname/util.h"

/* The diagram's nodes are interned: a table from node contents to index, so
 * that a subtree met twice is stored (and drawn) once. */
struct analysis_private {
	int *table; /* node index + 1, or 0 for an empty slot */
	size_t cap;
	int nodecap;
	struct arena *arena; /* kids and steps arrays */
	fact_value *facts;   /* the current path's answers */
	uint16_t order[OPNAME_MAX_FACTS]; /* and the order they were asked in */
	int depth;
	analysis_path_fn *on_path;
	void *on_path_arg;
	struct outcome scratch;
};

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdull;
}

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
	return mix(h, (uint64_t)n->nsteps);
}

static bool node_equal(const struct anode *a, const struct anode *b)
{
	if (a->fact != b->fact)
		return false;
	if (a->fact >= 0)
		return a->nkids == b->nkids &&
		       !memcmp(a->kids, b->kids, (size_t)a->nkids * sizeof *a->kids);
	return a->verdict == b->verdict && a->rule == b->rule &&
	       a->by_unknown == b->by_unknown && a->nsteps == b->nsteps &&
	       !memcmp(a->steps, b->steps, (size_t)a->nsteps * sizeof *a->steps);
}

static void *zalloc(size_t n)
{
	return memset(xmalloc(n), 0, n);
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
	}
	if (n->nsteps) {
		copy->steps = arena_alloc(p->arena, (size_t)n->nsteps * sizeof *n->steps);
		memcpy(copy->steps, n->steps, (size_t)n->nsteps * sizeof *n->steps);
	}
	p->table[at] = an->nnodes + 1;
	return an->nnodes++;
}

int analysis_values(const struct question *q, fact_value *vals)
{
	if (q->type == FACT_BOOL) {
		vals[0] = FV_TRUE;
		vals[1] = FV_FALSE;
		vals[2] = FV_UNKNOWN;
		return 3;
	}
	for (int i = 0; i < q->nchoices; i++)
		vals[i] = (fact_value)i;
	return q->nchoices;
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
	};
	return intern(an, &n);
}

/* Choices whose subtrees differ here are told apart. */
static void mark_apart(struct analysis *an, int fact, const int *kids, int n)
{
	uint64_t *row = an->apart + (size_t)fact * 64;
	for (int c = 0; c < n; c++)
		for (int d = 0; d < n; d++)
			if (kids[c] != kids[d])
				row[c] |= (uint64_t)1 << d;
}

/* A path ends. */
static int path_end(struct analysis *an)
{
	struct analysis_private *p = an->priv;
	if (an->npaths >= an->max_paths) {
		an->truncated = true;
		return -1;
	}
	if (p->on_path)
		p->on_path(p->on_path_arg, p->facts, &p->scratch);
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
	engine_decide_from(rs, p->facts, first, p->order, p->depth, &p->scratch,
			   &an->work);
	an->work++; /* a node costs something even when no condition is read */
	if (an->work > an->max_work) {
		an->truncated = an->over_work = true;
		an->work_rule = p->scratch.missing_rule >= 0 ? p->scratch.missing_rule
			      : p->scratch.rule >= 0 ? p->scratch.rule : first;
		return -1;
	}
	int f = p->scratch.missing;
	if (f < 0)
		return path_end(an);
	int resume = p->scratch.missing_rule;
	const struct question *q = &rs->questions[f];
	fact_value vals[OPNAME_MAX_CHOICES];
	int kids[OPNAME_MAX_CHOICES];
	int n = analysis_values(q, vals);
	an->fact_asked[f]++;
	p->order[p->depth++] = (uint16_t)f;
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
	if (q->type == FACT_CHOICE)
		mark_apart(an, f, kids, n);
	struct anode node = { .fact = f, .nkids = n, .kids = kids, .rule = -1 };
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
	free(an->nodes);
	if (an->priv) {
		arena_free(an->priv->arena);
		free(an->priv->facts);
		free(an->priv->table);
		free(an->priv);
	}
	memset(an, 0, sizeof *an);
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
		sb_addf(out, "%s%s=%s", first ? "" : ", ", q->id,
			v == FV_UNKNOWN ? "unknown" :
			q->type == FACT_BOOL ? (v == FV_TRUE ? "true" : "false") :
			q->choices[v].id);
		first = 0;
	}
	if (first)
		sb_adds(out, "(no answers)");
}
