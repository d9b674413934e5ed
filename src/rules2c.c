/* SPDX-License-Identifier: EUPL-1.2 */
/* rules2c: a build tool, not part of opname. Loads a rule file with the
 * same loader and writes it out as C (rules-emit.c), so that the built-in
 * rules need no parsing at run time. A rule file the loader refuses fails
 * the build, with the loader's messages.
 *
 * usage: rules2c RULEFILE NAME SYMBOL > out.c */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opname/rules.h"

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: rules2c RULEFILE NAME SYMBOL\n", stderr);
		return 64;
	}
	size_t len;
	char *buf = read_file(argv[1], 4u << 20, &len);
	if (!buf) {
		fprintf(stderr, "rules2c: %s: %s\n", argv[1], strerror(errno));
		return 66;
	}
	struct diag d;
	diag_init(&d, argv[1]);
	struct ruleset *rs = rules_load(buf, len, argv[2], &d);
	if (!rs) {
		diag_print(&d);
		return 65;
	}
	rules_emit_c(stdout, rs, argv[3]);
	rules_free(rs);
	diag_release(&d);
	free(buf);
	return fflush(stdout) || ferror(stdout) ? 74 : 0;
}
