/* SPDX-License-Identifier: EUPL-1.2 */
/* One batch record decided: read, checked, decided and rendered, with
 * everything it needs of its own (arena, parser, diagnostics), so that
 * 'batch -j' can run several deciders side by side (batch-pool.h). */
#ifndef OPNAME_BATCH_DECIDE_H
#define OPNAME_BATCH_DECIDE_H

#include <stdbool.h>

#include "opname/batch-input.h"
#include "opname/batch-output.h"
#include "opname/diag.h"
#include "opname/engine.h"
#include "opname/util.h"

/* One case's result, with copies of its strings. */
struct slot {
	struct strbuf id, source, error;
	bool own_id, failed;
	struct outcome o;
	bool has_outcome, has_previous;
	enum verdict previous;
	char *version; /* the saved outcome's rule-file version, or NULL */
};

struct decider {
	const struct ruleset *rs;
	bool replay;
	struct arena *arena; /* the case's tree, reset per case */
	struct ytree_reader *reader;
	struct case_stream *stream; /* the reader of the common case */
	struct diag d;
};

/* 0, or -1 when out of memory. */
int decider_init(struct decider *dc, const struct ruleset *rs, bool replay);
void decider_release(struct decider *dc);

/* Read, check and decide one record of input 'name' into s. */
void decide_record(struct decider *dc, struct slot *s, const char *name,
		   const struct batch_record *rec);

void slot_clear(struct slot *s);
void slot_release(struct slot *s);

/* Give the slot its id when the case has none: "NAME", or "NAME:N" when
 * the input holds several cases (n == 0 for the only one); then render
 * its record. */
void slot_render(struct slot *s, const char *name, long long n,
		 const struct batch_writer *w, struct strbuf *out);

/* "NAME:N", without printf's cost: it is paid twice per case. */
void add_name_number(struct strbuf *sb, const char *name, long long n);

#endif
