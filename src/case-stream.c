/* SPDX-License-Identifier: EUPL-1.2 */
/* batch's case reader (see case.h): libyaml's events straight into the
 * case, with no tree, no node and no copy of a scalar but the id.
 *
 * It reads only the common case, and reads it to exactly what ytree_read
 * and case_from_tree would make of it. Anything else -- a parse error, an
 * anchor, alias or tag, a duplicate or unknown key, a limit reached, a
 * value a fact does not take, a set's value, a mapping or sequence as a
 * fact's value --
 * makes it give up ("the tree decides"), and case_read_batch reads the
 * record again with the tree reader, which then says what is wrong, in
 * the same words and at the same place as for every other command. Giving
 * up too often only costs time; accepting what the tree reader refuses
 * would be a bug: tests/unit/test_case_stream.c and the fuzzer
 * tests/fuzz/fuzz_case.c hold the two readers to the same result. */
#include "opname/case.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "opname/util.h"

enum role {
	R_ANY,       /* free-form: 'meta', the rest of 'outcome'; checked only */
	R_ROOT,      /* the case's mapping */
	R_FACTS,     /* fact: value */
	R_OUTCOME,   /* 'outcome', a mapping */
	R_RULES,     /* outcome's 'rules_file', a mapping */
	R_ID,        /* the value of 'id' */
	R_FACT,      /* the value of one fact */
	R_VERDICT,   /* outcome's 'verdict' */
	R_VERSION,   /* outcome's rules_file 'version' */
};

/* Keys kept per free-form mapping to find a duplicate by; a larger one is
 * left to the tree reader, as is deeper nesting than a case's limit. */
enum { ANY_KEYS = 16, MAX_FRAMES = 64 };

struct sframe {
	enum role role;
	bool map;
	int kids;         /* keys and values so far */
	enum role value;  /* a mapping's: the role of the value that comes next */
	int fact;         /* R_FACTS: the fact of that value */
	unsigned seen;    /* R_ROOT: the keys seen, a bit by their length */
	uint32_t keys[ANY_KEYS]; /* other mappings: the keys' hashes */
};

/* Values already parsed, by fact and text: most cases spell their values
 * the same few ways, and a hit costs a hash and a compare where the fact
 * type's parse costs a scan of its words. Only for the types whose value
 * is the text's alone (bool and choice: 'yes_no' or 'listed'); the parse
 * is still the fact table's, called on a miss. Fact ids the same way, in
 * front of the rule set's own hash (ruleset_find_fact). Direct-mapped. */
enum { CACHE_SLOTS = 256, CACHE_TEXT = 14, KEY_SLOTS = 64, KEY_TEXT = 29 };
struct cached {
	int16_t fact; /* -1: empty */
	uint8_t len;
	char text[CACHE_TEXT];
	fact_value v;
};
struct cached_key {
	int16_t fact; /* -1: empty */
	uint8_t len;
	char text[KEY_TEXT];
};

struct case_stream {
	const struct ruleset *rs;
	struct arena *a;
	struct case_file *c;
	const struct ylimits *lim;
	int depth;
	bool root_done;
	bool escapes; /* the record has a backslash: a scalar may hold a NUL */
	uint64_t seen_fact[(OPNAME_MAX_FACTS + 63) / 64];
	struct sframe f[MAX_FRAMES];
	struct cached cache[CACHE_SLOTS];
	struct cached_key keys[KEY_SLOTS];
};

/* A hash of a short text from its first and last bytes and its length:
 * cheap where a loop over every byte is not, and good enough for a cache
 * whose hits are checked byte for byte. */
static inline uint32_t quick_hash(const char *s, size_t len)
{
	uint64_t a = 0, b = 0;
	if (len >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + len - 8, 8);
	} else if (len >= 4) {
		uint32_t x, y;
		memcpy(&x, s, 4);
		memcpy(&y, s + len - 4, 4);
		a = x;
		b = y;
	} else if (len) {
		a = (unsigned char)s[0] | (unsigned)(unsigned char)s[len / 2] << 8 |
		    (unsigned)(unsigned char)s[len - 1] << 16;
	}
	uint64_t h = a * 0x9e3779b97f4a7c15u ^ (b + len) * 0xc2b2ae3d27d4eb4fu;
	return (uint32_t)(h >> 32);
}

struct case_stream *case_stream_new(const struct ruleset *rs)
{
	struct case_stream *st = xmalloc(sizeof *st);
	st->rs = rs;
	for (int i = 0; i < CACHE_SLOTS; i++)
		st->cache[i].fact = -1;
	for (int i = 0; i < KEY_SLOTS; i++)
		st->keys[i].fact = -1;
	return st;
}

void case_stream_free(struct case_stream *st)
{
	free(st);
}

/* One fact's value, from the cache or the fact type's parse. */
static bool parse_value(struct case_stream *st, int fact, const char *s, size_t len)
{
	const struct question *q = &st->rs->questions[fact];
	fact_value *v = &st->c->facts[fact];
	uint32_t h = quick_hash(s, len) ^ (uint32_t)fact * 0x9e3779b1u;
	struct cached *e = &st->cache[h % CACHE_SLOTS];
	if (e->fact == fact && e->len == len && !memcmp(e->text, s, len)) {
		*v = e->v;
		return true;
	}
	/* A set is a list, or unknown: read_set's in case-load.c (a hit in the
	 * cache is never a set's: only bool and choice values are kept). */
	const struct fact_ops *t = fact_type_of(q);
	if (t->multi || fact_value_parse(q, s, v) < 0)
		return false;
	if ((t->listed || t->yes_no) && len <= CACHE_TEXT) {
		e->fact = (int16_t)fact;
		e->len = (uint8_t)len;
		memcpy(e->text, s, len);
		e->v = *v;
	}
	return true;
}

/* A fact id's index, or -1. */
static int find_fact(struct case_stream *st, const char *s, size_t len)
{
	struct cached_key *e = &st->keys[quick_hash(s, len) % KEY_SLOTS];
	if (e->fact >= 0 && e->len == len && !memcmp(e->text, s, len))
		return e->fact;
	int fact = ruleset_find_fact(st->rs, s);
	if (fact >= 0 && len <= KEY_TEXT) {
		e->fact = (int16_t)fact;
		e->len = (uint8_t)len;
		memcpy(e->text, s, len);
	}
	return fact;
}

static bool is_key(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	return len == n && !memcmp(s, word, n);
}

/* A key of the open mapping f: the role of its value, or -1 to give up. */
static int on_key(struct case_stream *st, struct sframe *f, const char *s, size_t len)
{
	if (f->role == R_ROOT) {
		/* id, facts, meta, outcome: told apart by their lengths */
		static const char *const names[8] = {
			[2] = "id", [4] = "meta", [5] = "facts", [7] = "outcome",
		};
		static const enum role roles[8] = {
			[2] = R_ID, [4] = R_ANY, [5] = R_FACTS, [7] = R_OUTCOME,
		};
		if (len >= 8 || !names[len] || memcmp(s, names[len], len))
			return -1; /* an unknown key */
		if (f->seen & (1u << len))
			return -1; /* a duplicate key */
		f->seen |= 1u << len;
		return (int)roles[len];
	}
	if (f->role == R_FACTS) {
		int fact = find_fact(st, s, len);
		if (fact < 0)
			return -1;
		uint64_t bit = (uint64_t)1 << (fact % 64);
		if (st->seen_fact[fact / 64] & bit)
			return -1;
		st->seen_fact[fact / 64] |= bit;
		f->fact = fact;
		return R_FACT;
	}
	int n = f->kids / 2;
	if (n >= ANY_KEYS)
		return -1;
	uint32_t h = quick_hash(s, len);
	for (int i = 0; i < n; i++)
		if (f->keys[i] == h)
			return -1; /* a duplicate, or (rarely) the same hash */
	f->keys[n] = h;
	if (f->role == R_OUTCOME && is_key(s, len, "verdict"))
		return R_VERDICT;
	if (f->role == R_OUTCOME && is_key(s, len, "rules_file"))
		return R_RULES;
	if (f->role == R_RULES && is_key(s, len, "version"))
		return R_VERSION;
	return R_ANY;
}

/* The role of the node that comes next in the open frame f (NULL for the
 * root): a key (-2), an item of a sequence (R_ANY) or a mapping's value.
 * Counts it as the frame's kid; -1 to give up (a limit). A mapping cannot
 * reach the limit of entries here: its keys are unique facts, the four
 * keys of a case, or at most ANY_KEYS. */
static int next_role(struct case_stream *st, struct sframe *f)
{
	if (!f)
		return st->root_done ? -1 : R_ROOT;
	if (!f->map)
		return f->kids++ >= st->lim->entries ? -1 : R_ANY;
	return f->kids++ % 2 == 0 ? -2 : (int)f->value;
}

static bool on_scalar(struct case_stream *st, const yaml_event_t *e)
{
	if (e->data.scalar.anchor || e->data.scalar.tag)
		return false;
	const char *s = (const char *)e->data.scalar.value;
	size_t len = e->data.scalar.length;
	if (len > st->lim->scalar)
		return false;
	/* A NUL can only come of an escape ("\0", "\u0000"): libyaml refuses
	 * one in the input itself. */
	if (st->escapes && e->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
	    memchr(s, '\0', len))
		return false;
	struct sframe *f = st->depth ? &st->f[st->depth - 1] : NULL;
	int role = next_role(st, f);
	if (role == -1)
		return false;
	if (role == -2) {
		role = on_key(st, f, s, len);
		f->value = (enum role)role;
		return role >= 0;
	}
	bool null = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && len <= 4 &&
		    yscalar_is_null(s, len, true);
	struct case_file *c = st->c;
	if (role == R_FACT) /* null: not given, as if the key were absent */
		return null || parse_value(st, f->fact, s, len);
	if (role == R_ANY || role == R_OUTCOME || role == R_RULES)
		return true; /* an outcome that is no mapping is ignored, as read_outcome does */
	if (role == R_ID) {
		if (null)
			return false;
		c->id = arena_strndup(st->a, s, len);
		return true;
	}
	if (role == R_FACTS)
		return null; /* 'facts:' with nothing: no facts */
	if (role == R_VERDICT) {
		if (verdict_parse(st->rs, s, &c->previous_verdict) == 0)
			c->has_previous_verdict = true;
		return true;
	}
	if (role == R_VERSION) {
		c->previous_version = arena_strndup(st->a, s, len);
		return true;
	}
	return false; /* R_ROOT: "---" and nothing after it, or a case that is a scalar */
}

/* A mapping or a sequence opens. */
static inline bool on_open(struct case_stream *st, bool map,
			   const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor || tag || st->depth >= st->lim->depth || st->depth >= MAX_FRAMES)
		return false;
	int role = next_role(st, st->depth ? &st->f[st->depth - 1] : NULL);
	if (role == -1 || role == -2) /* a limit, or a key that is not a scalar */
		return false;
	switch ((enum role)role) {
	case R_ROOT:
	case R_FACTS:
		if (!map)
			return false;
		break;
	case R_ID:
	case R_FACT: /* a mapping or a sequence as a fact's value (a set's
		      * list): the tree reader's to take or to refuse */
		return false;
	case R_OUTCOME:
	case R_RULES:
		if (!map)
			role = R_ANY;
		else if (role == R_OUTCOME)
			st->c->has_outcome = true;
		break;
	default:
		role = R_ANY;
	}
	struct sframe *f = &st->f[st->depth++];
	f->role = (enum role)role;
	f->map = map;
	f->kids = 0;
	f->seen = 0;
	return true;
}

static bool on_close(struct case_stream *st)
{
	if (--st->depth == 0)
		st->root_done = true;
	return true;
}

int case_stream_read(struct case_stream *st, struct ytree_reader *r,
		     const char *buf, size_t len, struct arena *a,
		     struct case_file *c)
{
	case_init(st->rs, c);
	if (len > ylimits_case.size || memchr(buf, '\0', len))
		return CASE_TREE;
	st->a = a;
	st->c = c;
	st->lim = &ylimits_case;
	st->depth = 0;
	st->root_done = false;
	st->escapes = memchr(buf, '\\', len) != NULL;
	memset(st->seen_fact, 0, sizeof st->seen_fact);
	yaml_parser_t *p = ytree_reader_start(r, &buf, &len);
	int docs = 0;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(p, &e))
			return CASE_TREE;
		bool ok;
		yaml_event_type_t type = e.type;
		if (type == YAML_SCALAR_EVENT) {
			ok = on_scalar(st, &e);
		} else if (type == YAML_MAPPING_START_EVENT) {
			ok = on_open(st, true, e.data.mapping_start.anchor,
				     e.data.mapping_start.tag);
		} else if (type == YAML_MAPPING_END_EVENT || type == YAML_SEQUENCE_END_EVENT) {
			ok = on_close(st);
		} else if (type == YAML_SEQUENCE_START_EVENT) {
			ok = on_open(st, false, e.data.sequence_start.anchor,
				     e.data.sequence_start.tag);
		} else if (type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&e);
			return st->root_done ? CASE_READ : CASE_TREE;
		} else if (type == YAML_DOCUMENT_START_EVENT) {
			ok = ++docs == 1;
		} else {
			ok = type != YAML_ALIAS_EVENT;
		}
		yaml_event_delete(&e);
		if (!ok)
			return CASE_TREE;
	}
}

int case_read_batch(struct case_stream *st, struct ytree_reader *r,
		    const char *buf, size_t len, struct arena *a,
		    struct case_file *c, struct diag *d)
{
	if (case_stream_read(st, r, buf, len, a, c) == CASE_READ)
		return 0;
	return case_read_with(r, st->rs, buf, len, a, c, d);
}
