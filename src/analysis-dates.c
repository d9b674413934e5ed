/* SPDX-License-Identifier: EUPL-1.2 */
/* Dates compared with dates in the path analysis (docs/rules.md, "Dates"):
 * the few of a date's critical days that reach every path. */
#include "analysis-private.h"

#include "opname/engine.h"
#include "opname/fact.h"

/* A dry walk: the paths below the current answers as the engine tells them
 * apart (each fact's side, fact_value_side, and the outcome), one hash a
 * path, counting nothing. */
struct dry {
	uint64_t *v;
	size_t n, cap;
	long budget; /* leaves left */
	uint64_t unique;
	bool stop;
};

static void dry_push(struct dry *d, uint64_t h)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 64;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	d->v[d->n++] = h;
}

static bool reads_a_date(const struct ruleset *rs, int node)
{
	uint8_t used[OPNAME_MAX_FACTS] = { 0 };
	steps_facts_of(rs, node, used);
	for (int f = 0; f < rs->nquestions; f++)
		if (used[f] && fact_type_of(&rs->questions[f])->dated)
			return true;
	return false;
}

static uint64_t outcome_hash(const struct ruleset *rs, const uint8_t *apart,
			     const struct outcome *o, const uint16_t *pending, int npending,
			     struct dry *d)
{
	uint64_t h = mix(mix(mix(3, (uint64_t)o->verdict), (uint64_t)(o->rule + 1)), o->by_unknown);
	for (int i = 0; i < o->nsteps; i++)
		h = mix(h, o->steps[i]);
	h = mix(h, 0x100000u + (uint64_t)o->nrefs);
	for (int i = 0; i < o->nrefs; i++)
		h = mix(h, o->refs[i]);
	h = mix(h, (uint64_t)(o->ref_unread + 2));
	for (int i = 0; i < npending; i++) {
		h = mix(h, 0x10000u + pending[i]);
		/* its branches, walked at the leaf, may turn on the dates:
		 * a path not merged with any other */
		if (reads_a_date(rs, steps_pending_when(rs, apart, o, pending[i])))
			h = mix(h, ++d->unique);
	}
	return h;
}

fact_value *dates_wide(struct analysis *an, int f, int *n, bool *over)
{
	fact_value *vals = xmalloc((FACT_WIDE_MAX + 1) * sizeof *vals);
	*n = fact_values_wide(an->rs, f, an->priv->facts, vals, over);
	if (*over)
		an->over_dates = f;
	return vals;
}

static void dry_walk(struct analysis *an, int first, uint64_t prefix, struct dry *d)
{
	struct analysis_private *p = an->priv;
	const struct ruleset *rs = an->rs;
	struct outcome *o = xmalloc(sizeof *o);
	uint16_t pending[OPNAME_MAX_STEPS];
	int npending;
	engine_decide_apart(rs, p->facts, first, p->order, p->depth, p->apart, o, pending,
			    &npending, &an->work);
	int f = o->missing;
	int resume = o->missing_rule;
	if (f < 0 && npending == 1) {
		engine_cond(rs, p->facts, steps_pending_when(rs, p->apart, o, pending[0]), &f, &an->work);
		resume = o->rule;
	}
	if (++an->work > an->max_work) {
		an->over_work = true;
		an->work_rule = o->rule >= 0 ? o->rule : first;
		d->stop = true;
	} else if (f < 0) {
		if (--d->budget < 0)
			d->stop = true;
		else
			dry_push(d, mix(prefix, outcome_hash(rs, p->apart, o, pending, npending, d)));
	} else {
		bool over;
		int n;
		fact_value *vals = dates_wide(an, f, &n, &over);
		d->stop |= over;
		p->order[p->depth++] = (uint16_t)f;
		for (int i = 0; i < n && !d->stop; i++) {
			uint64_t side = fact_value_side(rs, f, p->facts, vals[i]);
			p->facts[f] = vals[i];
			dry_walk(an, resume, mix(mix(prefix, (uint64_t)f + 1), side), d);
		}
		p->depth--;
		p->facts[f] = FV_MISSING;
		free(vals);
	}
	free(o);
}

static int by_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static bool has_u64(const struct dry *d, uint64_t h)
{
	return bsearch(&h, d->v, d->n, sizeof h, by_u64) != NULL;
}

/* Of date f's wide values (unknown last), the fewest that still reach
 * every path the others reach: fact_values_at's values (the first nold
 * of vals, unknown last), and another only if what the engine tells of it
 * (its side) or a path below it is not that of a value kept already, the
 * values that reach most paths tried first. Into vals, in
 * order; returns how many, or -1 at a limit. */
int dates_choose(struct analysis *an, int f, int resume, const fact_value *wide,
			int nw, fact_value *vals, int nold)
{
	struct analysis_private *p = an->priv;
	const struct ruleset *rs = an->rs;
	int nv = nw - 1;
	struct dry *sets = zalloc((size_t)nv * sizeof *sets);
	uint64_t *side = xmalloc((size_t)nv * sizeof *side);
	int *by_size = xmalloc((size_t)nv * sizeof *by_size);
	bool *kept = zalloc((size_t)nv * sizeof *kept);
	long budget = an->max_paths;
	bool stop = false;
	for (int i = 0; i < nv && !stop; i++) {
		side[i] = fact_value_side(rs, f, p->facts, wide[i]);
		p->facts[f] = wide[i];
		sets[i].budget = budget;
		dry_walk(an, resume, 0, &sets[i]);
		budget = sets[i].budget;
		stop = sets[i].stop;
		qsort(sets[i].v, sets[i].n, sizeof *sets[i].v, by_u64);
		by_size[i] = i;
	}
	p->facts[f] = FV_MISSING;
	int n = 0;
	if (stop) {
		an->truncated = true;
		n = -1;
	}
	/* most paths first; a stable insertion sort keeps the earlier day */
	for (int i = 1; i < nv && n >= 0; i++) {
		int x = by_size[i], j = i;
		for (; j > 0 && sets[by_size[j - 1]].n < sets[x].n; j--)
			by_size[j] = by_size[j - 1];
		by_size[j] = x;
	}
	/* the values fact_values_at gives are kept, so that a file whose
	 * dates it followed exactly keeps its paths */
	for (int i = 0; i < nv; i++)
		for (int j = 0; j < nold - 1; j++)
			kept[i] |= wide[i] == vals[j];
	for (int k = 0; k < nv && n >= 0; k++) {
		int i = by_size[k];
		bool new_path = false;
		if (kept[i])
			continue;
		for (size_t e = 0; e < sets[i].n && !new_path; e++) {
			bool seen = false;
			for (int j = 0; j < nv && !seen; j++)
				seen = kept[j] && side[j] == side[i] && has_u64(&sets[j], sets[i].v[e]);
			new_path = !seen;
		}
		bool side_seen = false;
		for (int j = 0; j < nv; j++)
			side_seen |= kept[j] && side[j] == side[i];
		kept[i] = new_path || !side_seen;
	}
	for (int i = 0; i < nv && n >= 0; i++) {
		if (!kept[i])
			continue;
		if (n == OPNAME_MAX_VALUES - 1) {
			an->truncated = true;
			an->over_dates = f;
			n = -1;
			break;
		}
		vals[n++] = wide[i];
	}
	if (n >= 0)
		vals[n++] = FV_UNKNOWN;
	for (int i = 0; i < nv; i++)
		free(sets[i].v);
	free(sets);
	free(side);
	free(by_size);
	free(kept);
	return n;
}

