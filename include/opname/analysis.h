/* SPDX-License-Identifier: EUPL-1.2 */
/* Path analysis: every path of answers the interview can take.
 *
 * The engine is lazy and pure, so the interview can be simulated: start with
 * every fact missing, decide, and where evaluation stops at a missing fact,
 * branch on each of its values (every choice; true, false and unknown for a
 * bool). Where it does not stop, the path ends in an outcome: a leaf. This is
 * exhaustive by construction: it asks exactly the questions 'ask' would.
 *
 * The tree is kept as a merged decision diagram: identical leaves (same
 * verdict, rule and next steps) and identical subtrees share one node, so
 * that 'graph' can draw it and 'check' can tell which answers ever matter.
 * Beside it, counts: which rules decide, which questions are asked, which
 * steps are given, and the paths that end with no verdict. */
#ifndef OPNAME_ANALYSIS_H
#define OPNAME_ANALYSIS_H

#include <stdbool.h>
#include <stdint.h>

#include "opname/diag.h"
#include "opname/engine.h"
#include "opname/model.h"

/* Past this many paths the analysis stops and says so (docs/rules.md). */
#define ANALYSIS_MAX_PATHS 1000000L

/* Past this much work (condition nodes evaluated, plus one per node of the
 * tree) the analysis stops too, at the rule it was evaluating: a rule file
 * within every loader limit is checked, or refused, in seconds
 * (docs/rules.md). */
#define ANALYSIS_MAX_WORK 500000000L

/* Paths with no verdict that are kept, with their answers, for messages. */
#define ANALYSIS_MAX_EXAMPLES 10

/* A node of the decision diagram: a question, or a leaf (fact == -1). */
struct anode {
	int fact;      /* the question asked here, or -1 for a leaf */
	int nkids;     /* question: one kid per value, in analysis_values order */
	int *kids;     /* indices into analysis.nodes */
	fact_value *vals; /* question: the value of each kid (a date's depend on the path) */
	/* leaf */
	enum verdict verdict;
	int rule;        /* the deciding rule, or -1 when no rule holds */
	bool by_unknown; /* the 'unknown' section decided */
	int nsteps;
	uint16_t *steps;
	/* conditional steps analysed apart: given or not by facts this path
	 * has not asked (docs/rules.md, "Steps analysed apart") */
	int npending;
	uint16_t *pending;
};

struct analysis {
	const struct ruleset *rs;
	long max_paths;
	long npaths;    /* leaves of the (unmerged) tree */
	long step_branches; /* branches of the step conditions analysed apart */
	bool truncated; /* stopped at a limit: the counts below are partial */
	long work, max_work; /* see ANALYSIS_MAX_WORK */
	bool over_work;      /* the limit reached was max_work ... */
	int work_rule;       /* ... while evaluating this rule */
	/* the limit reached was the critical days of this date (docs/rules.md,
	 * "Dates"), or -1 */
	int over_dates;
	long verdicts[OPNAME_MAX_OUTCOMES];

	long *rule_decides; /* per rule: paths it decides with its own verdict */
	long *rule_unknown; /* per rule: paths where it was unknown (consult) */
	int last_tried;     /* highest rule index any path evaluates */
	long by_unknown;    /* paths the 'unknown' section decides */
	long *fact_asked;   /* per question: question nodes of the tree */
	long *step_given;   /* per step: paths (and step branches) that give it */
	/* per rule and ref: paths that cite it, at ref_base[rule] + the ref's
	 * place in the rule's refs */
	int *ref_base;
	long *ref_cited;
	/* a path where a ref's condition tested a fact the path had not read */
	int unread_rule, unread_ref, unread_fact; /* -1 when none */
	/* per question and choice: bit d of apart[q * 64 + c] is set when
	 * choices c and d ever lead to different subtrees */
	uint64_t *apart;

	long no_verdict;   /* paths where no rule holds */
	int nexamples;
	fact_value *examples; /* nexamples rows of rs->nquestions answers */

	/* per text site (rs->text_sites): a fact it shows that a path showing
	 * it does not know, or -1; and that path's answers */
	int *text_fact;
	fact_value *text_paths;

	struct anode *nodes; /* the merged decision diagram */
	int nnodes;
	int root;

	struct analysis_private *priv;
};

/* Walk every path. max_paths <= 0 means ANALYSIS_MAX_PATHS. */
void analysis_run(struct analysis *an, const struct ruleset *rs,
		  long max_paths);

/* The same, calling on_path at the end of each path with its answers (the
 * facts not asked are FV_MISSING) and its outcome (for test coverage). */
typedef void analysis_path_fn(void *arg, const fact_value *facts,
			      const struct outcome *o);
void analysis_run_visit(struct analysis *an, const struct ruleset *rs,
			long max_paths, analysis_path_fn *on_path, void *arg);
/* The same with a work limit of one's own (<= 0: ANALYSIS_MAX_WORK), for
 * the fuzzer, which cannot wait seconds per input. */
void analysis_run_limited(struct analysis *an, const struct ruleset *rs,
			  long max_paths, long max_work, analysis_path_fn *on_path,
			  void *arg);
void analysis_release(struct analysis *an);

/* The values a question branches on: every choice, or true, false, unknown. */
int analysis_values(const struct question *q, fact_value *vals);

/* When the analysis stopped at a limit, say which, located (the rule it
 * was evaluating, for the work limit); returns 1, else 0. */
int analysis_limit_problem(const struct analysis *an, struct diag *d);

/* Report every problem the analysis found, each located in the rule file:
 * unreachable rules, questions never asked, choices that never change the
 * outcome, steps never given, paths with no verdict, conditions that can
 * never hold. Returns the number of problems. */
int analysis_problems(const struct analysis *an, struct diag *d);

/* The outcome at the leaf of the tree the answers in facts lead to: the
 * interview simulated as the analysis does it, so the facts only a step
 * analysed apart needs are not on the path (its used[]) (test coverage). */
void analysis_outcome_of(const struct ruleset *rs, const fact_value *facts,
			 struct outcome *o);

/* "action=record, media=audio, participant=unknown": the answers of a path. */
void analysis_path_text(const struct ruleset *rs, const fact_value *facts,
			struct strbuf *out);

#endif
