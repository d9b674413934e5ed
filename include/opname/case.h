/* SPDX-License-Identifier: EUPL-1.2 */
/* Case files: the facts of one case (opname(1), CASE FILES).
 *
 * A case is a mapping with 'facts' (fact id -> value), and optionally 'id',
 * 'meta' (free-form, ignored) and 'outcome' (written by 'ask --save', read
 * back by 'batch --replay'). */
#ifndef OPNAME_CASE_H
#define OPNAME_CASE_H

#include <stdbool.h>
#include <stddef.h>

#include "opname/diag.h"
#include "opname/fact.h"
#include "opname/model.h"
#include "opname/ytree.h"

struct case_file {
	const char *id; /* NULL when the file gives none */
	fact_value facts[OPNAME_MAX_FACTS];
	/* from 'outcome', if present */
	bool has_outcome;
	bool has_previous_verdict;
	enum verdict previous_verdict;
	const char *previous_version; /* rule-file version it was decided with */
};

/* Read a case from one YAML/JSON document. Returns 0, or -1 with every
 * problem in d. Strings live in the arena. */
int case_read(const struct ruleset *rs, const char *buf, size_t len,
	      struct arena *a, struct case_file *c, struct diag *d);

/* The same with a reader kept for many cases (batch; ytree.h). */
int case_read_with(struct ytree_reader *r, const struct ruleset *rs,
		   const char *buf, size_t len, struct arena *a,
		   struct case_file *c, struct diag *d);

/* batch's reader (case-stream.c): the common case read straight from the
 * parser's events, with no tree, by a reader kept for many cases of one
 * rule set. CASE_READ: c holds what case_read_with would give; CASE_TREE:
 * the record is one for the tree reader (a problem, or a shape the stream
 * does not read), and c is to be read again. case_read_batch is
 * case_read_with, by the stream where it can: the same case, or the same
 * diagnostics. */
enum { CASE_READ, CASE_TREE };
struct case_stream;
struct case_stream *case_stream_new(const struct ruleset *rs);
void case_stream_free(struct case_stream *st);
int case_stream_read(struct case_stream *st, struct ytree_reader *r,
		     const char *buf, size_t len, struct arena *a,
		     struct case_file *c);
int case_read_batch(struct case_stream *st, struct ytree_reader *r,
		    const char *buf, size_t len, struct arena *a,
		    struct case_file *c, struct diag *d);

/* The same, from a parsed tree (for callers that hold one already). */
int case_from_tree(const struct ruleset *rs, const struct ynode *root,
		   struct arena *a, struct case_file *c, struct diag *d);

void case_init(const struct ruleset *rs, struct case_file *c);

/* "FACT=VALUE" as given to --set. Returns 0, or -1 with a message in err. */
int case_set(const struct ruleset *rs, struct case_file *c, const char *assign,
	     struct strbuf *err);

/* A message for a fact id that does not exist, with the likely typo. */
void unknown_fact_message(const struct ruleset *rs, const char *id,
			  struct strbuf *out);
/* A message for a value fact q does not take, with the likely typo. */
void bad_value_message(const struct question *q, const char *value,
		       struct strbuf *out);

#endif
