/* SPDX-License-Identifier: EUPL-1.2 */
/* Where rule files come from: a path or stdin (the copy built in is
 * rules-builtin.c's, outside the core). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opname/rules.h"
#include "opname/util.h"

char *read_file(const char *path, size_t limit, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f)
		return NULL;
	size_t cap = 64 * 1024, n = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n > limit) {
			free(buf);
			if (f != stdin)
				fclose(f);
			errno = EFBIG;
			return NULL;
		}
		if (got == 0)
			break;
		if (n == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
	}
	int err = ferror(f) ? errno : 0;
	if (f != stdin)
		fclose(f);
	if (err) {
		free(buf);
		errno = err;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

struct ruleset *rules_load_file(const char *path, struct diag *d)
{
	size_t len;
	/* One byte past the limit, so that the loader reports an oversize file. */
	char *buf = read_file(path, (4u << 20) + 1, &len);
	if (!buf) {
		if (errno == EFBIG)
			diag_at(d, 0, 0, "larger than the limit of 4 MiB for a rule file");
		return NULL;
	}
	struct ruleset *rs = rules_load(buf, len, path, d);
	free(buf);
	return rs;
}
