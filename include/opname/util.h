/* SPDX-License-Identifier: EUPL-1.2 */
/* Memory and strings: the few helpers every other file leans on. */
#ifndef OPNAME_UTIL_H
#define OPNAME_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

/* Allocation failure calls util_out_of_memory, which must not return: the
 * command line prints and exits with status 70 (EX_SOFTWARE), the
 * embedding API longjmps back to its caller with OPNAME_ENOMEM; unset, it
 * aborts. Callers stay simple: no allocation returns NULL. */
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
/* Room for extra more bytes and the NUL. The common cases are inline:
 * batch writes a million records piece by piece; sb_grow_to grows. */
void sb_grow_to(struct strbuf *sb, size_t extra);
static inline void sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->cap - sb->len <= extra)
		sb_grow_to(sb, extra);
}
static inline void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}
static inline void sb_addc(struct strbuf *sb, char c)
{
	sb_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}
/* Item i of n of a list for people, "a, b or c": the word (len bytes)
 * after the separator its place needs. */
void sb_add_or_list(struct strbuf *sb, int i, int n, const char *word, size_t len);
void sb_adds(struct strbuf *sb, const char *s);
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


/* The UTF-8 sequence at s (n bytes left): its length (1 to 4) and code
 * point, or 0 when it is not valid UTF-8 (overlong, a surrogate, past
 * U+10FFFF, cut short). utf8_valid is this over the whole text. */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
