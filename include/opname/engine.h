/* SPDX-License-Identifier: EUPL-1.2 */
/* The engine: decides one case against a rule set. Pure: no I/O, no
 * allocation; 'ask', 'decide', 'batch', 'check' and 'test' all share it.
 *
 * Evaluation is lazy and three-valued (docs/rules.md, "Three values"): rules
 * are tried in order, facts read only when a condition needs them. When a
 * needed fact is missing, evaluation stops with VERDICT_INCOMPLETE and names
 * it: that is the question an interview asks next. */
#ifndef OPNAME_ENGINE_H
#define OPNAME_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "opname/model.h"

enum tri { TRI_FALSE, TRI_TRUE, TRI_UNKNOWN, TRI_NOT_EVALUATED };

struct outcome {
	enum verdict verdict;
	int rule;          /* deciding rule (also for an unknown consult); -1 if none */
	bool by_unknown;   /* decided by the rule file's 'unknown' section */
	int missing;       /* the fact evaluation stopped at, or -1 */
	int missing_rule;  /* the rule whose evaluation needed it, or -1 */
	int nused;
	uint16_t used[OPNAME_MAX_FACTS];    /* facts read, in order */
	int nunknown;
	uint16_t unknown[OPNAME_MAX_FACTS]; /* unknown facts that made it unknown */
	int nsteps;
	uint16_t steps[OPNAME_MAX_STEPS];   /* next steps, in the rule's order */
	int nrefs;
	uint16_t refs[OPNAME_MAX_PARTS];    /* parts cited on this path */
	/* A ref condition that tested a fact the path had not read (so it was
	 * not cited), or -1; 'check' reports it. */
	int ref_unread;
	/* The values of rs->text_facts, for the texts that show them. */
	fact_value shown[OPNAME_MAX_TEXT_FACTS];
};

/* Optional: records what each condition node evaluated to (for --explain and
 * for coverage). 'node' has room for ruleset.nconds entries. 'tried' is the
 * number of rules whose condition was evaluated. */
struct trace {
	enum tri *node;
	int tried;
};

void engine_decide(const struct ruleset *rs, const fact_value *facts,
		   struct outcome *out, struct trace *trace);

/* The same from rule 'first' on, as if every rule before it were false,
 * with the facts in read[] (nread of them, in order) read already; adds
 * the condition nodes evaluated to *work. The path analysis resumes this
 * way where evaluation stopped: the rules before the one that stopped were
 * false and read no missing fact, so no answer changes them, and the facts
 * they read are the path's answers so far: the outcome is a whole decide's. */
void engine_decide_from(const struct ruleset *rs, const fact_value *facts,
			int first, const uint16_t *read, int nread,
			struct outcome *out, long *work);

/* The same for the path analysis's steps apart (docs/rules.md, "Steps
 * analysed apart"): a step whose condition node n has apart[n] set and
 * stops at a missing fact is left pending rather than stopping the
 * decision: not given, what its condition read forgotten, and its index
 * (into rs->steps) put in pending[], *npending of them. */
void engine_decide_apart(const struct ruleset *rs, const fact_value *facts,
			 int first, const uint16_t *read, int nread,
			 const uint8_t *apart, struct outcome *out,
			 uint16_t *pending, int *npending, long *work);

/* One condition node, three-valued: TRI_TRUE, TRI_FALSE, TRI_UNKNOWN, or
 * TRI_NOT_EVALUATED when it stops at a missing fact, put in *missing
 * (else -1). Adds the nodes evaluated to *work (if not NULL). */
int engine_cond(const struct ruleset *rs, const fact_value *facts, int node,
		int *missing, long *work);

/* The facts a case starts from: all missing. */
void facts_clear(fact_value *facts, int n);

const char *tri_name(enum tri t);

#endif
