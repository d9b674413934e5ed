/* SPDX-License-Identifier: EUPL-1.2 */
/* The one temporary name a file being written may have on disk, removed if
 * a signal ends the process; and a way to hold every terminating signal off
 * while a file is put into place. */
#ifndef OPNAME_TEMP_GUARD_H
#define OPNAME_TEMP_GUARD_H

#include <signal.h>

/* Remove 'name' (in the directory open as dirfd) if a signal ends the
 * process before temp_guard_clear(). The name is copied: the handler never
 * reads memory the caller may free. Installs the handlers on first use;
 * a signal ignored or caught by someone else (a sanitizer) is left so. */
void temp_guard_set(int dirfd, const char *name);
void temp_guard_clear(void);

/* Block (and later restore) every signal whose default is to end the
 * process, so that a rename, or a whole --save, is not cut in half. */
void temp_guard_block(sigset_t *old);
void temp_guard_unblock(const sigset_t *old);

#endif
