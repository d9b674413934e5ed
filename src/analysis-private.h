/* SPDX-License-Identifier: EUPL-1.2 */
/* What the three files of the path analysis share: analysis.c (the walk
 * and the diagram), analysis-steps.c (steps analysed apart) and
 * analysis-dates.c (dates compared with dates). Not a public header. */
#ifndef OPNAME_ANALYSIS_PRIVATE_H
#define OPNAME_ANALYSIS_PRIVATE_H

#include <stdlib.h>
#include <string.h>

#include "opname/analysis.h"
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
	uint8_t *apart; /* per condition node: a step condition analysed apart */
	uint16_t pending[OPNAME_MAX_STEPS]; /* the leaf's steps analysed apart */
	int npending;
};

static inline uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdull;
}

static inline void *zalloc(size_t n)
{
	return memset(xmalloc(n), 0, n);
}

/* analysis.c */
void analysis_mark_apart(struct analysis *an, int fact, const uint64_t *kids, int n);
void analysis_check_texts(struct analysis *an, char kind, int index);

/* analysis-steps.c: the facts a condition reads (set[f] = 1); which step
 * conditions are analysed apart (per condition node); the condition of a
 * pending step of o; and the walk of the leaf's pending steps (false at a
 * limit). */
void steps_facts_of(const struct ruleset *rs, int node, uint8_t *set);
uint8_t *steps_apart(const struct ruleset *rs);
int steps_pending_when(const struct ruleset *rs, const uint8_t *apart,
		       const struct outcome *o, int step);
bool steps_walk_pending(struct analysis *an, const struct outcome *o);

/* analysis-dates.c: date f's wide values (fact_values_wide) in a new
 * array, *n of them; at their limit *over, and an->over_dates is f. */
fact_value *dates_wide(struct analysis *an, int f, int *n, bool *over);
/* And of date f's wide values, those that reach every path
 * (see there); -1 at a limit. */
int dates_choose(struct analysis *an, int f, int resume, const fact_value *wide, int nw,
		 fact_value *vals, int nold);

#endif
