/* SPDX-License-Identifier: EUPL-1.2 */
/* A batch record decided (see the header): the work 'batch' does per case,
 * the same whether one thread does it or several. */
#include "opname/batch-decide.h"

#include <stdlib.h>
#include <string.h>

#include "opname/case.h"

int decider_init(struct decider *dc, const struct ruleset *rs, bool replay)
{
	memset(dc, 0, sizeof *dc);
	dc->rs = rs;
	dc->replay = replay;
	dc->arena = arena_new();
	dc->reader = ytree_reader_new();
	dc->stream = case_stream_new(rs);
	diag_init(&dc->d, "");
	return dc->reader ? 0 : -1;
}

void decider_release(struct decider *dc)
{
	diag_release(&dc->d);
	arena_free(dc->arena);
	ytree_reader_free(dc->reader);
	case_stream_free(dc->stream);
}

void add_name_number(struct strbuf *sb, const char *name, long long n)
{
	char digits[24];
	int i = sizeof digits;
	unsigned long long u = (unsigned long long)n;
	do
		digits[--i] = (char)('0' + u % 10);
	while ((u /= 10) && i > 0);
	sb_adds(sb, name);
	sb_addc(sb, ':');
	sb_add(sb, digits + i, sizeof digits - (size_t)i);
}

void slot_clear(struct slot *s)
{
	sb_reset(&s->id);
	sb_reset(&s->source);
	sb_reset(&s->error);
	s->own_id = s->failed = s->has_outcome = s->has_previous = false;
	free(s->version);
	s->version = NULL;
}

void slot_release(struct slot *s)
{
	slot_clear(s);
	sb_release(&s->id);
	sb_release(&s->source);
	sb_release(&s->error);
}

/* The first diagnostic, "FILE:LINE:COL: message", as the record's error. */
static void first_problem(struct slot *s, const struct diag *d)
{
	const char *t = d->text.buf ? d->text.buf : "";
	const char *nl = strchr(t, '\n');
	sb_add(&s->error, t, nl ? (size_t)(nl - t) : strlen(t));
}

void decide_record(struct decider *dc, struct slot *s, const char *name,
		   const struct batch_record *rec)
{
	slot_clear(s);
	add_name_number(&s->source, name, rec->first_line);
	if (rec->too_large) {
		s->failed = true;
		sb_addf(&s->error, "%s:%lld: a case of %zu bytes: the limit is %zu bytes",
			name, rec->first_line, rec->len, ylimits_case.size);
		return;
	}
	struct case_file c;
	arena_reset(dc->arena);
	diag_clear(&dc->d);
	dc->d.file = name;
	dc->d.line_offset = rec->line - 1;
	ytree_reader_json(dc->reader, rec->json);
	s->failed = case_read_batch(dc->stream, dc->reader, rec->text, rec->len,
				    dc->arena, &c, &dc->d) < 0;
	if (c.id) {
		s->own_id = true;
		sb_adds(&s->id, c.id);
	}
	if (s->failed) {
		first_problem(s, &dc->d);
		return;
	}
	engine_decide(dc->rs, c.facts, &s->o, NULL);
	s->has_outcome = c.has_outcome;
	s->has_previous = c.has_previous_verdict;
	s->previous = c.previous_verdict;
	if (dc->replay && c.previous_version)
		s->version = xstrdup(c.previous_version);
}

void slot_render(struct slot *s, const char *name, long long n,
		 const struct batch_writer *w, struct strbuf *out)
{
	if (!s->own_id) {
		sb_reset(&s->id);
		if (n)
			add_name_number(&s->id, name, n);
		else
			sb_adds(&s->id, name);
	}
	struct batch_result r = {
		.id = s->id.buf,
		.source = s->source.buf,
		.error = s->failed ? s->error.buf : NULL,
		.o = &s->o,
		.has_outcome = s->has_outcome,
		.has_previous = s->has_previous,
		.previous = s->previous,
	};
	batch_out_record(out, w, &r);
}
