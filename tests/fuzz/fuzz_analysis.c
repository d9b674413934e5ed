/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzz target: the path analysis (check, graph, test --coverage) on every
 * rule file the loader accepts, with a work limit of its own, checking what
 * must hold, not only that nothing crashes:
 *   - the work stays within the limit (give or take one decide);
 *   - every path ends with the outcome a whole decide of its answers gives
 *     (the walk resumes evaluation part-way: this is what makes that exact);
 *   - the counts add up, and check's report runs.
 * Built with libFuzzer by 'make fuzz', and without it by 'make fuzz-replay'
 * (replay.c feeds it the corpus). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "opname/analysis.h"
#include "opname/engine.h"
#include "opname/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_PATHS = 20000, MAX_WORK = 2000000 };

struct seen {
	const struct ruleset *rs;
	long paths;
};

static bool same_list(const uint16_t *a, int na, const uint16_t *b, int nb)
{
	return na == nb && !memcmp(a, b, (size_t)na * sizeof *a);
}

static void on_path(void *arg, const fact_value *facts, const struct outcome *o)
{
	struct seen *s = arg;
	struct outcome whole;
	engine_decide(s->rs, facts, &whole, NULL);
	s->paths++;
	if (o->missing >= 0 || o->verdict != whole.verdict || o->rule != whole.rule ||
	    o->by_unknown != whole.by_unknown ||
	    !same_list(o->steps, o->nsteps, whole.steps, whole.nsteps) ||
	    !same_list(o->used, o->nused, whole.used, whole.nused) ||
	    !same_list(o->unknown, o->nunknown, whole.unknown, whole.nunknown) ||
	    !same_list(o->refs, o->nrefs, whole.refs, whole.nrefs) ||
	    o->ref_unread != whole.ref_unread)
		abort();
	/* the path's answers are exactly the facts read */
	int given = 0;
	for (int f = 0; f < s->rs->nquestions; f++)
		given += facts[f] != FV_MISSING;
	if (given != whole.nused)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	diag_init(&d, "fuzz.yaml");
	struct ruleset *rs = rules_load((const char *)data, size, "fuzz.yaml", &d);
	if (rs) {
		struct analysis an;
		struct seen s = { rs, 0 };
		analysis_run_limited(&an, rs, MAX_PATHS, MAX_WORK, on_path, &s);
		if (an.work > MAX_WORK + rs->nconds + 1)
			abort();
		if ((an.over_work && !an.truncated) ||
		    (an.truncated && !an.over_work && an.npaths != MAX_PATHS))
			abort();
		long sum = 0;
		for (int v = 0; v <= VERDICT_INCOMPLETE; v++)
			sum += an.verdicts[v];
		if (sum != an.npaths || s.paths != an.npaths)
			abort();
		if (!an.truncated && (an.root < 0 || an.root >= an.nnodes))
			abort();
		struct diag report;
		diag_init(&report, "fuzz.yaml");
		int problems = analysis_problems(&an, &report);
		if ((problems > 0) != (report.count > 0))
			abort();
		diag_release(&report);
		analysis_release(&an);
	}
	rules_free(rs);
	diag_release(&d);
	return 0;
}
