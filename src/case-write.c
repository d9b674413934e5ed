/* SPDX-License-Identifier: EUPL-1.2 */
/* ask --save's file: the document of case-save.c, written as atomic-file.c
 * writes any output, with every terminating signal held off while it is
 * written. The core makes the document; putting it in a file is the
 * command line's. */
#include <signal.h>
#include <stdio.h>

#include "opname/atomic-file.h"
#include "opname/case-save.h"
#include "opname/temp-guard.h"

int case_save(const char *path, bool force, const struct ruleset *rs,
	      const struct saved_case *c, struct strbuf *err)
{
	struct atomic_file af;
	struct strbuf doc = STRBUF_INIT;
	case_save_yaml(&doc, rs, c);
	/* Opening may wait (a FIFO's reader): Ctrl-C still works there. From
	 * the first byte to the rename, every signal waits instead. */
	int r = atomic_open(&af, path, 0600, force, err);
	if (r == 0) {
		sigset_t old;
		temp_guard_block(&old);
		/* A short write shows up in atomic_commit's flush and check. */
		fwrite(doc.buf, 1, doc.len, af.f);
		r = atomic_commit(&af, err);
		temp_guard_unblock(&old);
	}
	sb_release(&doc);
	return r < 0 ? -1 : 0;
}
