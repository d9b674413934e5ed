/* SPDX-License-Identifier: EUPL-1.2 */
/* Lookups that do not grow with the rule file, built once after loading:
 * fact ids by hash, and which rules a case's value of a rule's leading test
 * already makes false (so the engine can pass over them at once).
 *
 * A rule's leading test is its 'when' when that is one test, or the first
 * part of an 'all'. Consecutive rules that lead with the same fact form a
 * run; for a known value of that fact, each rule of a run knows the next
 * rule in the run whose leading test accepts the value. */
#ifndef OPNAME_RULE_INDEX_H
#define OPNAME_RULE_INDEX_H

#include "opname/model.h"

/* Give rs its index (in arena a, or allocated once when a is NULL). */
void rule_index_build(struct ruleset *rs, struct arena *a);

/* The fact's index, or -1: rs->index's hash of the ids. */
int rule_index_fact(const struct rule_index *ix, const struct ruleset *rs,
		    const char *id);

/* The first rule from r on that the leading tests do not prove false for
 * these facts (r itself, or the end of its run when none accepts). When it
 * is not r, *fact is the fact those tests read. */
int rule_index_next(const struct rule_index *ix, int r, const fact_value *facts,
		    int *fact);

#endif
