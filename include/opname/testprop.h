/* SPDX-License-Identifier: EUPL-1.2 */
/* Properties in test files (docs/rules.md, "Properties"):
 *
 *   properties:
 *     - name: video is never allowed
 *       when: {media: video}
 *       expect: {verdict: not_allowed}
 *
 * checked over every path of the analysis that agrees with 'when'. */
#ifndef OPNAME_TESTPROP_H
#define OPNAME_TESTPROP_H

#include <stdbool.h>

#include "opname/testcase.h"

struct prop_result {
	const struct testfile *tf;
	const struct testcase *p;
	long paths;     /* the paths that agree with its 'when' */
	bool holds;
	char *counter;  /* where it fails: the answers of that path, or NULL */
	char *failure;  /* "FILE:LINE: property 'NAME': ...", or NULL */
};

/* Check every property of the nfiles test files on every path of the
 * analysis; the results, one per property in file order, in *out (free
 * them with testprops_release). Returns how many properties there are. */
int testprops_check(const struct ruleset *rs, const struct testfile *files, int nfiles,
		    struct prop_result **out);
void testprops_release(struct prop_result *r, int n);

#endif
