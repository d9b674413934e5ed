/* SPDX-License-Identifier: EUPL-1.2 */
/* Test files: cases with the outcome they must get (docs/rules.md, "Tests").
 *
 *   rules: spelregels          # optional: the rule file's name, checked
 *   tests:
 *     - name: evidence is allowed
 *       facts: {action: evidence}
 *       expect: {verdict: allowed, rule: E1, next_steps: [court_decides]}
 *
 * Every expectation but 'verdict' is optional; what is given must match
 * exactly, lists in order. */
#ifndef OPNAME_TESTCASE_H
#define OPNAME_TESTCASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "opname/diag.h"
#include "opname/engine.h"
#include "opname/model.h"

/* An expected list of ids (facts or steps); 'given' is false when the test
 * leaves it out, and then anything matches. */
struct idlist {
	bool given;
	int n;
	uint16_t *ids;
};

struct testcase {
	const char *name;
	int line;
	fact_value facts[OPNAME_MAX_FACTS];
	enum verdict verdict;
	bool rule_given;
	int rule; /* -1: expected none (null) */
	struct idlist next_steps, refs, facts_used, missing, unknown;
};

struct testfile {
	const char *file; /* as named in messages */
	struct testcase *tests;
	int ntests;
	/* properties (docs/rules.md, "Properties"): a testcase each, its
	 * 'when' in facts, expecting only verdict and rule (testprop.h) */
	struct testcase *props;
	int nprops;
	struct arena *arena;
};

/* Read a test file for rule set rs. Returns 0, or -1 with every problem in
 * d (then tf holds nothing to run). */
int testfile_read(const struct ruleset *rs, const char *buf, size_t len,
		  const char *file, struct testfile *tf, struct diag *d);
void testfile_release(struct testfile *tf);

/* Run one test: decide its facts into *o, and for each expectation that does
 * not hold append "FILE:LINE: test 'NAME': WHAT: expected X, got Y\n" to
 * report. Returns the number of expectations that failed. */
int testcase_run(const struct ruleset *rs, const struct testfile *tf,
		 const struct testcase *t, struct outcome *o,
		 struct strbuf *report);

#endif
