/* SPDX-License-Identifier: EUPL-1.2 */
/* The case file of an interview ('opname ask --save'): the answers given
 * and the outcome, in the case-file format of opname(1) (CASE FILES), so
 * that 'decide' and 'batch --replay' can read it back. */
#ifndef OPNAME_CASE_SAVE_H
#define OPNAME_CASE_SAVE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "opname/engine.h"
#include "opname/model.h"
#include "opname/util.h"

struct saved_case {
	const char *id;
	const fact_value *facts;  /* indexed by fact */
	const uint16_t *order;    /* the facts to write, in the order asked */
	int nfacts;
	const char *meta;         /* JSON to keep as 'meta', or NULL */
	const struct outcome *outcome;
	time_t decided_at;
};

/* The document, appended to sb. Every value is written so that case_read
 * gives back exactly these facts. */
void case_save_yaml(struct strbuf *sb, const struct ruleset *rs,
		    const struct saved_case *c);

/* The case id a saved file gets by default: its name without directory
 * and .yaml/.yml, as UTF-8 (a byte that is not becomes U+FFFD). Written
 * into buf (size > 0), cut between characters if it must be. */
void case_save_default_id(const char *path, char *buf, size_t size);

/* Write the document atomically with mode 0600; without 'force', refuse to
 * replace an existing file. Returns 0, or -1 with a message in err. */
int case_save(const char *path, bool force, const struct ruleset *rs,
	      const struct saved_case *c, struct strbuf *err);

#endif
