/* SPDX-License-Identifier: EUPL-1.2 */
#include "opname/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opname/safe-text.h"

void diag_init(struct diag *d, const char *file)
{
	memset(d, 0, sizeof *d);
	d->file = file;
}

void diag_release(struct diag *d)
{
	sb_release(&d->text);
	free(d->entries);
	d->entries = NULL;
	d->nentries = d->entrycap = 0;
}

void diag_clear(struct diag *d)
{
	d->count = d->warnings = 0;
	d->nentries = 0;
	sb_reset(&d->text);
}

void diag_add(struct diag *d, enum diag_level level, int line, int col, const char *fmt,
	      ...)
{
	static const char *const words[] = { "", "warning: ", "note: " };
	int seen = d->count + d->warnings;
	if (level == DIAG_ERROR)
		d->count++;
	else if (level == DIAG_WARNING)
		d->warnings++;
	if (level != DIAG_NOTE && seen >= DIAG_MAX)
		return;
	if (line > 0)
		sb_addf(&d->text, "%s:%lld:%d: %s", d->file, line + d->line_offset,
			col, words[level]);
	else
		sb_addf(&d->text, "%s: %s", d->file, words[level]);
	if (d->nentries == d->entrycap) {
		d->entrycap = d->entrycap ? 2 * d->entrycap : 8;
		d->entries = xrealloc(d->entries, (size_t)d->entrycap * sizeof *d->entries);
	}
	struct diag_entry *e = &d->entries[d->nentries++];
	e->line = line > 0 ? (int)(line + d->line_offset) : 0;
	e->col = line > 0 ? col : 0;
	e->warning = (int)level;
	e->at = d->text.len;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&d->text, fmt, ap);
	va_end(ap);
	e->len = d->text.len - e->at;
	sb_addc(&d->text, '\n');
}

const char *diag_first(const struct diag *d, struct strbuf *out)
{
	sb_reset(out);
	if (!d->text.len)
		return "";
	const char *nl = strchr(d->text.buf, '\n');
	sb_add(out, d->text.buf, (size_t)(nl - d->text.buf));
	return out->buf;
}
