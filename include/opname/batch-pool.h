/* SPDX-License-Identifier: EUPL-1.2 */
/* 'batch -j N': records decided by N threads, given back in input order.
 *
 * The reading thread adds records (copied); the pool gathers them in
 * chunks, each decided and rendered by whichever thread is free, and
 * hands finished records to 'done' in the order they were added, from the
 * adding thread, never from a worker. At most a fixed number of chunks is
 * in flight, so memory stays flat however long the input. */
#ifndef OPNAME_BATCH_POOL_H
#define OPNAME_BATCH_POOL_H

#include <stdbool.h>

#include "opname/batch-decide.h"

struct batch_pool;

/* A finished record: its slot and, unless 'deferred', its rendered text.
 * A deferred record is decided but not rendered: its caller still has to
 * choose its id (the first case of a file, see cmd-batch.c). */
typedef void batch_done_fn(void *arg, struct slot *s, const char *text,
			   size_t len, bool deferred);

/* NULL when the threads cannot be started. The writer is copied (each
 * thread renders with a memo of its own). */
struct batch_pool *batch_pool_new(int threads, const struct ruleset *rs,
				  const struct batch_writer *w,
				  batch_done_fn *done, void *arg);

/* Add one record of input 'name' (which must live until the next drain).
 * May wait for earlier records, and give them to 'done' meanwhile. */
void batch_pool_add(struct batch_pool *p, const char *name,
		    const struct batch_record *rec, bool deferred);

/* Wait for every record added and give each to 'done'. */
void batch_pool_drain(struct batch_pool *p);

void batch_pool_free(struct batch_pool *p);

/* -j 0: the number of processors online. */
int batch_pool_cores(void);

#endif
