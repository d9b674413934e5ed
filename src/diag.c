#include "opname/diag.h"

#include <stdio.h>
#include <string.h>

void diag_init(struct diag *d, const char *file)
{
	memset(d, 0, sizeof *d);
	d->file = file;
}

void diag_release(struct diag *d)
{
	sb_release(&d->text);
}

void diag_clear(struct diag *d)
{
	d->count = 0;
	sb_reset(&d->text);
}

void diag_at(struct diag *d, int line, int col, const char *fmt, ...)
{
	if (d->count++ >= DIAG_MAX)
		return;
	va_list ap;
	va_start(ap, fmt);
	if (line > 0)
		sb_addf(&d->text, "%s:%lld:%d: ", d->file, line + d->line_offset,
			col);
	else
		sb_addf(&d->text, "%s: ", d->file);
	sb_vaddf(&d->text, fmt, ap);
	sb_addc(&d->text, '\n');
	va_end(ap);
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

void diag_print(const struct diag *d)
{
	const char *p = d->text.buf;
	while (p && *p) {
		const char *nl = strchr(p, '\n');
		fprintf(stderr, "opname: %.*s\n", (int)(nl - p), p);
		p = nl + 1;
	}
	if (d->count > DIAG_MAX)
		fprintf(stderr, "opname: %s: %d more problems not shown\n",
			d->file, d->count - DIAG_MAX);
}
