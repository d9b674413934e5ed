/* SPDX-License-Identifier: EUPL-1.2 */
/* Memory and strings: the few helpers every other file leans on. */
#ifndef OPNAME_UTIL_H
#define OPNAME_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Allocation failure ends the process with status 70 (EX_SOFTWARE): there is
 * no sensible way to decide a case without memory, and callers stay simple.
 * Unless util_out_of_memory is set: then it is called, and must not return
 * (the embedding API longjmps back to its caller with OPNAME_ENOMEM). */
extern void (*util_out_of_memory)(void);
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* An arena: many small allocations freed at once. arena_reset keeps the
 * first block, so a loop that resets per case reuses the same memory. */
struct arena;
struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

/* A growable string (git's strbuf, in small). buf is always NUL-terminated. */
struct strbuf {
	char *buf;
	size_t len, cap;
};
#define STRBUF_INIT { NULL, 0, 0 }
void sb_grow(struct strbuf *sb, size_t extra);
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void sb_reset(struct strbuf *sb);
void sb_release(struct strbuf *sb);

/* Edit distance (with transpositions), for "did you mean" suggestions. */
int edit_distance(const char *a, const char *b);
/* The candidate nearest to 'word', or NULL when none is close enough to be
 * a likely typo. */
const char *nearest_word(const char *word, const char *const *cands, int n);

int str_ieq(const char *a, const char *b); /* ASCII case-insensitive equality */


#endif
