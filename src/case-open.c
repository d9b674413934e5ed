/* SPDX-License-Identifier: EUPL-1.2 */
/* A case file for a command (see command.h): read, parsed, its problems
 * reported. decide reads its CASEFILE so, and ask --from its case. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "opname/case.h"
#include "opname/rules.h"

static bool blank(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!strchr(" \t\r\n", buf[i]))
			return false;
	return true;
}

int case_open(const struct ruleset *rs, const char *path, bool implicit,
	      struct arena *a, struct case_file *c, const struct ynode **root)
{
	size_t len;
	if (root)
		*root = NULL;
	/* One byte past the limit, so that the reader reports the size. */
	char *buf = read_file(path, ylimits_case.size + 1, &len);
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	if (!buf) {
		if (errno == EFBIG)
			return fail(EX_DATAERR, "%s: larger than the limit of %zu bytes for a case",
				    name, ylimits_case.size);
		return fail(EX_NOINPUT, "%s: cannot read: %s", name, strerror(errno));
	}
	if (implicit && blank(buf, len)) {
		free(buf);
		return 0;
	}
	struct diag d;
	diag_init(&d, name);
	bool empty;
	int rc = -1;
	case_init(rs, c);
	struct ynode *tree = ytree_parse(a, buf, len, &ylimits_case, &d, &empty);
	if (empty)
		diag_at(&d, 1, 1, "an empty case: expected a mapping with 'facts'");
	else if (tree)
		rc = case_from_tree(rs, tree, a, c, &d);
	free(buf);
	if (rc < 0)
		diag_print(&d);
	else if (root)
		*root = tree;
	diag_release(&d);
	return rc < 0 ? EX_DATAERR : 0;
}
