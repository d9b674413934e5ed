/* SPDX-License-Identifier: EUPL-1.2 */
/* Files opname writes (ask --save, batch -o), done as a Unix user expects of
 * the name given:
 *
 * - a regular file, or a name that does not exist yet, is written to a
 *   temporary in its directory (with no name at all where the file system
 *   has O_TMPFILE), synced, and put in place by one rename, the directory
 *   synced after it: a crash, a full disk or a signal never leaves half a
 *   file under the user's name, nor a temporary beside it;
 * - a symbolic link is followed, and its target replaced that way;
 * - a device, a FIFO, or a descriptor named through /proc or /dev/fd
 *   (/dev/stdout) is opened and written straight through, never replaced.
 *
 * Everything that can be known to fail (no name, a directory, a name too
 * long, no permission, an existing file without force) is refused by
 * atomic_check before any input is read. */
#ifndef OPNAME_ATOMIC_FILE_H
#define OPNAME_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "opname/util.h"

enum atomic_kind {
	ATOMIC_REPLACE, /* temporary, then rename over 'target' */
	ATOMIC_THROUGH, /* opened and written in place */
};

struct atomic_file {
	enum atomic_kind kind;
	char *path;   /* the name the user gave, for messages */
	char *target; /* REPLACE: the name replaced (a symlink's target) */
	char *base;   /* its last component, inside dirfd */
	int dirfd;    /* REPLACE: its directory; -1 when closed */
	bool append;  /* THROUGH a descriptor: add, do not truncate */
	bool anon;    /* REPLACE: the temporary is an O_TMPFILE, no name */
	char tmp[256]; /* REPLACE without O_TMPFILE: the temporary's name */
	FILE *f;      /* write here */
	bool force;   /* replace an existing file */
};

/* Can 'path' be written (with 'force', replaced)? Creates and opens
 * nothing. Returns 0; -2 when the name itself is wrong (empty, a directory,
 * an existing file without force); -1 when the system refuses (no such
 * directory, no permission, a name too long); with a message in err. */
int atomic_check(const char *path, bool force, struct strbuf *err);

/* atomic_check, then open: the temporary with 'mode' (e.g. 0600), or the
 * device or FIFO itself (which may wait for a reader). Returns 0, or -1
 * with err set (-2 as atomic_check). */
int atomic_open(struct atomic_file *af, const char *path, mode_t mode,
		bool force, struct strbuf *err);

/* Flush, sync and move into place (REPLACE) or close (THROUGH). Returns 0,
 * or -1 with err set; the temporary is gone either way. */
int atomic_commit(struct atomic_file *af, struct strbuf *err);

/* Give up: remove the temporary. Safe to call after a failed commit. */
void atomic_abort(struct atomic_file *af);

#endif
