/* SPDX-License-Identifier: EUPL-1.2 */
/* Diagnostics to stderr: the command line's; the core only collects them
 * (diag.c). */
#include <stdio.h>
#include <string.h>

#include "opname/diag.h"
#include "opname/safe-text.h"

void diag_print(const struct diag *d)
{
	/* Each line escaped (safe-text.h): it quotes the input. */
	struct strbuf line = STRBUF_INIT;
	const char *p = d->text.buf;
	while (p && *p) {
		const char *nl = strchr(p, '\n');
		sb_reset(&line);
		sb_adds(&line, "opname: ");
		sb_add_safe(&line, p, (size_t)(nl - p), 0);
		sb_addc(&line, '\n');
		fputs(line.buf, stderr);
		p = nl + 1;
	}
	if (d->count + d->warnings > DIAG_MAX) {
		sb_reset(&line);
		sb_adds_safe(&line, d->file, 0);
		fprintf(stderr, "opname: %s: %d more messages not shown\n", line.buf,
			d->count + d->warnings - DIAG_MAX);
	}
	sb_release(&line);
}
