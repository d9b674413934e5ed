/* SPDX-License-Identifier: EUPL-1.2 */
#include "opname/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void (*util_out_of_memory)(void);

/* What running out of memory does is the caller's to say: the command line
 * prints and exits (main.c), the embedding API returns to its caller
 * (api.c). The core itself neither prints nor exits. */
static void out_of_memory(void)
{
	if (util_out_of_memory)
		util_out_of_memory(); /* does not return */
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

/* ---- arena ---- */

struct block {
	struct block *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct block *head;
};

enum { BLOCK_SIZE = 64 * 1024 };

static struct block *block_new(size_t min)
{
	size_t size = min > BLOCK_SIZE ? min : BLOCK_SIZE;
	struct block *b = xmalloc(sizeof *b + size);
	b->next = NULL;
	b->used = 0;
	b->size = size;
	return b;
}

struct arena *arena_new(void)
{
	struct arena *a = xmalloc(sizeof *a);
	a->head = block_new(0);
	return a;
}

void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (a->head->size - a->head->used < n) {
		struct block *b = block_new(n);
		b->next = a->head;
		a->head = b;
	}
	void *p = a->head->data + a->head->used;
	a->head->used += n;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void arena_reset(struct arena *a)
{
	/* Keep the oldest block (the list's tail): it is the standard size. */
	while (a->head->next) {
		struct block *b = a->head;
		a->head = b->next;
		free(b);
	}
	a->head->used = 0;
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	while (a->head) {
		struct block *b = a->head;
		a->head = b->next;
		free(b);
	}
	free(a);
}

/* ---- strbuf ---- */

void sb_grow_to(struct strbuf *sb, size_t extra)
{
	if (sb->cap - sb->len > extra)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap - sb->len <= extra)
		cap *= 2;
	sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	sb_grow(sb, 64);
	int n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	if (n >= 0 && (size_t)n >= sb->cap - sb->len) {
		sb_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap2);
	}
	va_end(ap2);
	if (n > 0)
		sb->len += (size_t)n;
}

void sb_add_or_list(struct strbuf *sb, int i, int n, const char *word, size_t len)
{
	if (i > 0)
		sb_adds(sb, i + 1 < n ? ", " : " or ");
	sb_add(sb, word, len);
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void sb_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

/* ---- words ---- */

int str_ieq(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

int edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return 1000; /* ids are short; a long word is no typo */
	int d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

/* A typo is a slip of a key or two, not a different word: the longer the
 * words, the more slips still count as one. */
static int likely_typo(const char *word, const char *cand, int d)
{
	size_t a = strlen(word), b = strlen(cand);
	size_t lo = a < b ? a : b, hi = a < b ? b : a;
	if (d <= 1)
		return hi >= 2;
	if (d == 2)
		return lo >= 5;
	return d == 3 && lo >= 9;
}

const char *nearest_word(const char *word, const char *const *cands, int n)
{
	const char *best = NULL;
	int bestd = 1000;
	for (int i = 0; i < n; i++) {
		int d = edit_distance(word, cands[i]);
		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	return best && likely_typo(word, best, bestd) ? best : NULL;
}
