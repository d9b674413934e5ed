/* SPDX-License-Identifier: EUPL-1.2 */
/* Properties (opname/testprop.h): each path of the analysis is a class of
 * cases; a path agrees with a property's 'when' when every fact 'when'
 * gives is either not asked on the path (so its value changes nothing) or
 * asked with a value of the same class (the same answer; a number or date
 * in the same interval), and the path's answers with 'when''s values put
 * in, decided again, still take the path (a date compared with another
 * date may take them down another: then they are that path's case). The
 * verdict and rule of those answers must be those expected. */
#include "opname/testprop.h"

#include <stdlib.h>
#include <string.h>

#include "opname/analysis.h"
#include "opname/fact.h"
#include "opname/util.h"

struct props {
	const struct ruleset *rs;
	struct prop_result *r;
	int n;
};

static bool agrees(const struct ruleset *rs, const struct testcase *p,
		   const fact_value *facts, fact_value *with)
{
	memcpy(with, facts, (size_t)rs->nquestions * sizeof *with);
	for (int f = 0; f < rs->nquestions; f++) {
		fact_value w = p->facts[f];
		if (w == FV_MISSING || facts[f] == FV_MISSING)
			continue;
		const struct question *q = &rs->questions[f];
		if (fact_value_class(q, w) != fact_value_class(q, facts[f]))
			return false;
		with[f] = w;
	}
	return true;
}

static void check_one(struct props *ps, struct prop_result *r, const fact_value *facts,
		      const struct outcome *o)
{
	const struct ruleset *rs = ps->rs;
	fact_value with[OPNAME_MAX_FACTS];
	if (!agrees(rs, r->p, facts, with))
		return;
	struct outcome got;
	analysis_outcome_of(rs, with, &got);
	if (got.nused != o->nused || memcmp(got.used, o->used, (size_t)o->nused * sizeof *o->used) ||
	    got.verdict != o->verdict || got.rule != o->rule || got.by_unknown != o->by_unknown)
		return; /* a date comparison takes these answers elsewhere */
	r->paths++;
	bool verdict_ok = got.verdict == r->p->verdict;
	bool rule_ok = !r->p->rule_given || got.rule == r->p->rule;
	if (!r->holds || (verdict_ok && rule_ok))
		return;
	r->holds = false;
	struct strbuf path = STRBUF_INIT, msg = STRBUF_INIT;
	for (int f = 0; f < rs->nquestions; f++)
		if (facts[f] == FV_MISSING)
			with[f] = FV_MISSING; /* only the answers the path asks */
	analysis_path_text(rs, with, &path);
	sb_addf(&msg, "%s:%d: property '%s': ", r->tf->file, r->p->line, r->p->name);
	if (!verdict_ok)
		sb_addf(&msg, "verdict: expected %s, got %s", verdict_id(rs, r->p->verdict),
			verdict_id(rs, got.verdict));
	else
		sb_addf(&msg, "rule: expected %s, got %s",
			r->p->rule >= 0 ? rs->rules[r->p->rule].id : "none",
			got.rule >= 0 ? rs->rules[got.rule].id : "none");
	sb_addf(&msg, ", for the answers %s", path.buf);
	r->counter = path.buf;
	r->failure = msg.buf;
}

static void on_path(void *arg, const fact_value *facts, const struct outcome *o)
{
	struct props *ps = arg;
	for (int i = 0; i < ps->n; i++)
		check_one(ps, &ps->r[i], facts, o);
}

static char *message(const struct prop_result *r, const char *what)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "%s:%d: property '%s': %s", r->tf->file, r->p->line, r->p->name, what);
	return sb.buf;
}

int testprops_check(const struct ruleset *rs, const struct testfile *files, int nfiles,
		    struct prop_result **out)
{
	struct props ps = { rs, NULL, 0 };
	for (int f = 0; f < nfiles; f++)
		ps.n += files[f].nprops;
	*out = NULL;
	if (!ps.n)
		return 0;
	ps.r = xmalloc((size_t)ps.n * sizeof *ps.r);
	for (int f = 0, k = 0; f < nfiles; f++)
		for (int i = 0; i < files[f].nprops; i++, k++)
			ps.r[k] = (struct prop_result){ .tf = &files[f], .p = &files[f].props[i],
							.holds = true };
	struct analysis an;
	analysis_run_visit(&an, rs, 0, on_path, &ps);
	for (int i = 0; i < ps.n; i++) {
		struct prop_result *r = &ps.r[i];
		if (an.truncated && r->holds) {
			r->holds = false;
			r->failure = message(r, "not shown: the analysis stops at its limit (see opname check)");
		} else if (!r->paths) {
			r->holds = false;
			r->failure = message(r, "no path of answers agrees with its 'when'");
		}
	}
	analysis_release(&an);
	*out = ps.r;
	return ps.n;
}

void testprops_release(struct prop_result *r, int n)
{
	for (int i = 0; r && i < n; i++) {
		free(r[i].counter);
		free(r[i].failure);
	}
	free(r);
}
