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

static void __attribute__((format(printf, 5, 0)))
add(struct diag *d, int line, int col, const char *level, const char *fmt, va_list ap)
{
	if (line > 0)
		sb_addf(&d->text, "%s:%lld:%d: %s", d->file, line + d->line_offset,
			col, level);
	else
		sb_addf(&d->text, "%s: %s", d->file, level);
	if (d->nentries == d->entrycap) {
		d->entrycap = d->entrycap ? 2 * d->entrycap : 8;
		d->entries = xrealloc(d->entries, (size_t)d->entrycap * sizeof *d->entries);
	}
	struct diag_entry *e = &d->entries[d->nentries++];
	e->line = line > 0 ? (int)(line + d->line_offset) : 0;
	e->col = line > 0 ? col : 0;
	e->warning = *level != '\0';
	e->at = d->text.len;
	sb_vaddf(&d->text, fmt, ap);
	e->len = d->text.len - e->at;
	sb_addc(&d->text, '\n');
}

void diag_at(struct diag *d, int line, int col, const char *fmt, ...)
{
	if (d->count++ + d->warnings >= DIAG_MAX)
		return;
	va_list ap;
	va_start(ap, fmt);
	add(d, line, col, "", fmt, ap);
	va_end(ap);
}

void diag_warn(struct diag *d, int line, int col, const char *fmt, ...)
{
	if (d->count + d->warnings++ >= DIAG_MAX)
		return;
	va_list ap;
	va_start(ap, fmt);
	add(d, line, col, "warning: ", fmt, ap);
	va_end(ap);
}

void diag_note(struct diag *d, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, line, col, "note: ", fmt, ap);
	va_end(ap);
	d->entries[d->nentries - 1].warning = 2;
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
