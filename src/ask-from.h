/* SPDX-License-Identifier: EUPL-1.2 */
/* 'opname ask --from CASEFILE' (ask-from.c), for cmd-ask.c: the case an
 * interview starts from, a saved incomplete interview or one prepared by
 * someone else. */
#ifndef OPNAME_ASK_FROM_H
#define OPNAME_ASK_FROM_H

#include "opname/case.h"
#include "opname/util.h"

struct ask_from {
	const char *path;
	struct arena *a;
	struct case_file c;    /* its facts and id */
	struct strbuf meta;    /* its 'meta' as JSON; empty when none */
};

/* Read the case file; 0, or an exit status after the messages. */
int ask_from_load(const struct ruleset *rs, const char *path, struct ask_from *from);
void ask_from_release(struct ask_from *from);

#endif
