/* SPDX-License-Identifier: EUPL-1.2 */
/* The pool of 'batch -j N' (see the header).
 *
 * Chunks of records go round a ring: the adding thread fills one, hands it
 * over (READY), a worker takes it, decides and renders every record in it
 * (DONE), and the adding thread gives its records to 'done' and fills it
 * again. Chunks are handed over, taken and given back in ring order, so
 * the order of the records never changes; only the one mutex guards the
 * states and counters, and a chunk's contents belong to one thread at a
 * time. */
#include "opname/batch-pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	CHUNK_RECORDS = 128,         /* records per chunk: enough to make a hand-over cheap */
	CHUNK_BYTES = 256 * 1024,    /* ... or this much input, whichever comes first */
	CHUNKS_PER_THREAD = 3,       /* chunks in the ring, per worker */
};

enum chunk_state { CHUNK_FREE, CHUNK_READY, CHUNK_TAKEN, CHUNK_DONE };

struct item {
	struct batch_record rec; /* its text is at 'at' in the chunk's text */
	size_t at;
	const char *name;
	bool deferred;
	struct slot slot;
	size_t out_end; /* its rendered record ends here in the chunk's out */
};

struct chunk {
	enum chunk_state state;
	int n;
	struct item items[CHUNK_RECORDS];
	struct strbuf text, out;
};

struct worker {
	struct batch_pool *pool;
	pthread_t thread;
	struct decider dc;
	struct batch_writer w;
	bool started;
};

struct batch_pool {
	pthread_mutex_t lock;
	pthread_cond_t work, done_cond;
	bool quit;
	struct chunk *ring;
	long long nring, head, fill, take; /* head <= take <= fill, in chunks */
	struct worker *workers;
	int nworkers;
	batch_done_fn *done;
	void *arg;
};

int batch_pool_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static struct chunk *at(struct batch_pool *p, long long i)
{
	return &p->ring[i % p->nring];
}

static void run_chunk(struct worker *wk, struct chunk *c)
{
	sb_reset(&c->out);
	for (int i = 0; i < c->n; i++) {
		struct item *it = &c->items[i];
		if (!it->rec.too_large)
			it->rec.text = c->text.buf + it->at;
		decide_record(&wk->dc, &it->slot, it->name, &it->rec);
		if (!it->deferred)
			slot_render(&it->slot, it->name, it->rec.index, &wk->w, &c->out);
		it->out_end = c->out.len;
	}
}

static void *work(void *arg)
{
	struct worker *wk = arg;
	struct batch_pool *p = wk->pool;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->quit && p->take == p->fill)
			pthread_cond_wait(&p->work, &p->lock);
		if (p->take == p->fill)
			break; /* quit, and nothing left */
		struct chunk *c = at(p, p->take++);
		c->state = CHUNK_TAKEN;
		pthread_mutex_unlock(&p->lock);
		run_chunk(wk, c);
		pthread_mutex_lock(&p->lock);
		c->state = CHUNK_DONE;
		pthread_cond_broadcast(&p->done_cond);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Give the oldest chunk's records to 'done', waiting for it if need be. */
static void give_oldest(struct batch_pool *p)
{
	struct chunk *c = at(p, p->head);
	pthread_mutex_lock(&p->lock);
	while (c->state != CHUNK_DONE)
		pthread_cond_wait(&p->done_cond, &p->lock);
	pthread_mutex_unlock(&p->lock);
	size_t start = 0;
	for (int i = 0; i < c->n; i++) {
		struct item *it = &c->items[i];
		p->done(p->arg, &it->slot, c->out.buf + start, it->out_end - start,
			it->deferred);
		start = it->out_end;
	}
	c->n = 0;
	sb_reset(&c->text);
	c->state = CHUNK_FREE;
	p->head++;
}

static void hand_over(struct batch_pool *p)
{
	pthread_mutex_lock(&p->lock);
	at(p, p->fill)->state = CHUNK_READY;
	p->fill++;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->lock);
}

void batch_pool_add(struct batch_pool *p, const char *name,
		    const struct batch_record *rec, bool deferred)
{
	if (p->fill - p->head == p->nring)
		give_oldest(p); /* the ring is full: make room */
	struct chunk *c = at(p, p->fill);
	struct item *it = &c->items[c->n++];
	it->rec = *rec;
	it->rec.text = NULL;
	it->at = c->text.len;
	if (!rec->too_large) {
		sb_add(&c->text, rec->text, rec->len);
		sb_addc(&c->text, '\0'); /* records are NUL-terminated */
	}
	it->name = name;
	it->deferred = deferred;
	if (c->n == CHUNK_RECORDS || c->text.len >= CHUNK_BYTES)
		hand_over(p);
}

void batch_pool_drain(struct batch_pool *p)
{
	/* a full ring's next chunk is its oldest, not one being filled */
	if (p->fill - p->head < p->nring && at(p, p->fill)->n)
		hand_over(p);
	while (p->head < p->fill)
		give_oldest(p);
}

struct batch_pool *batch_pool_new(int threads, const struct ruleset *rs,
				  const struct batch_writer *w,
				  batch_done_fn *done, void *arg)
{
	struct batch_pool *p = xmalloc(sizeof *p);
	memset(p, 0, sizeof *p);
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done_cond, NULL);
	p->done = done;
	p->arg = arg;
	p->nring = (long long)threads * CHUNKS_PER_THREAD;
	p->ring = xmalloc((size_t)p->nring * sizeof *p->ring);
	memset(p->ring, 0, (size_t)p->nring * sizeof *p->ring);
	p->workers = xmalloc((size_t)threads * sizeof *p->workers);
	memset(p->workers, 0, (size_t)threads * sizeof *p->workers);
	for (int i = 0; i < threads; i++) {
		struct worker *wk = &p->workers[i];
		wk->pool = p;
		wk->w = *w;
		batch_writer_init(&wk->w);
		p->nworkers++;
		if (decider_init(&wk->dc, rs, w->replay) < 0 ||
		    pthread_create(&wk->thread, NULL, work, wk) != 0) {
			batch_pool_free(p);
			return NULL;
		}
		wk->started = true;
	}
	return p;
}

void batch_pool_free(struct batch_pool *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->quit = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (int i = 0; i < p->nworkers; i++) {
		struct worker *wk = &p->workers[i];
		if (wk->started)
			pthread_join(wk->thread, NULL);
		decider_release(&wk->dc);
		batch_writer_release(&wk->w);
	}
	for (long long i = 0; i < p->nring; i++) {
		struct chunk *c = &p->ring[i];
		for (int j = 0; j < CHUNK_RECORDS; j++)
			slot_release(&c->items[j].slot);
		sb_release(&c->text);
		sb_release(&c->out);
	}
	free(p->workers);
	free(p->ring);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done_cond);
	pthread_mutex_destroy(&p->lock);
	free(p);
}
