/* SPDX-License-Identifier: EUPL-1.2 */
/* Files opname writes (ask --save, batch -o): written to a temporary file in
 * the same directory, synced and renamed into place, so that a crash, a full
 * disk or an interrupt never leaves half a file under the user's name. */
#ifndef OPNAME_ATOMIC_FILE_H
#define OPNAME_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "opname/util.h"

struct atomic_file {
	char *path;  /* the name the user gave */
	char *tmp;   /* the temporary beside it */
	FILE *f;     /* write here */
	bool force;  /* replace an existing file */
};

/* Create the temporary with 'mode' (e.g. 0600). Refuses, before writing
 * anything, when 'path' exists and !force. Returns 0, or -1 with err set. */
int atomic_open(struct atomic_file *af, const char *path, mode_t mode,
		bool force, struct strbuf *err);

/* Flush, fsync and move into place. Returns 0, or -1 with err set (the
 * temporary is removed either way). */
int atomic_commit(struct atomic_file *af, struct strbuf *err);

/* Give up: remove the temporary. Safe to call after a failed commit. */
void atomic_abort(struct atomic_file *af);

#endif
