/* SPDX-License-Identifier: EUPL-1.2 */
#include "opname/ytree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "opname/json.h"
#include "opname/output.h"
#include "opname/yparser.h"

const struct ylimits ylimits_rules = {
	.depth = 64, .scalar = 65536, .entries = 4096, .size = 4u << 20,
};

const struct ylimits ylimits_case = {
	.depth = 32, .scalar = 65536, .entries = 1024, .size = 1u << 20,
};

/* An open mapping or sequence; its kids wait on the shared pending stack. */
struct frame {
	struct ynode *node;
	size_t first; /* index of its first kid in 'pending' */
	bool hashed;  /* its keys are in the keyset of its depth */
};

/* The keys of one large open mapping, hashed, so that finding a duplicate
 * costs the same however many keys came before (a scan of all of them made
 * a 1 024-key mapping a million comparisons). Slots hold an index into
 * 'pending' plus one; 0 is empty. A mapping starts hashing at HASH_FROM
 * keys: below that a scan is cheaper than clearing a table. */
struct keyset {
	size_t *slot;
	size_t cap, n;
};
enum { HASH_FROM = 16, MAX_DEPTH = 64 };

struct builder {
	const char *buf;
	struct arena *arena;
	const struct ylimits *lim;
	struct diag *d;
	struct frame *frames;
	int nframes;
	struct keyset sets[MAX_DEPTH + 1]; /* one per depth, reused */
	struct ynode **pending;
	size_t npending, cap;
	struct ynode *root;
	const char *syntax; /* what a parse error calls the input: "YAML" */
	bool one_line;      /* a JSON line: every position is on it */
	size_t len;
};

static void push_pending(struct builder *b, struct ynode *n)
{
	if (b->npending == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->pending = xrealloc(b->pending, b->cap * sizeof *b->pending);
	}
	b->pending[b->npending++] = n;
}

static struct pos mark_pos(yaml_mark_t m)
{
	return (struct pos){ (int)m.line + 1, (int)m.column + 1 };
}

static size_t key_hash(const struct ynode *k)
{
	size_t h = 14695981039346656037u; /* FNV-1a */
	for (size_t i = 0; i < k->len; i++)
		h = (h ^ (unsigned char)k->str[i]) * 1099511628211u;
	return h;
}

static bool same_key(const struct ynode *a, const struct ynode *b)
{
	return a->len == b->len && !memcmp(a->str, b->str, a->len);
}

static void keyset_put(struct keyset *ks, struct ynode **pending, size_t index)
{
	size_t mask = ks->cap - 1, i = key_hash(pending[index]) & mask;
	while (ks->slot[i])
		i = (i + 1) & mask;
	ks->slot[i] = index + 1;
	ks->n++;
}

/* Rebuild with room for twice the keys: the frame's keys are its even kids. */
static void keyset_fill(struct keyset *ks, struct builder *b, const struct frame *f)
{
	size_t keys = (b->npending - f->first + 1) / 2, cap = 64;
	while (cap < 4 * keys)
		cap *= 2;
	if (cap > ks->cap) {
		free(ks->slot);
		ks->slot = xmalloc(cap * sizeof *ks->slot);
		ks->cap = cap;
	}
	memset(ks->slot, 0, ks->cap * sizeof *ks->slot);
	ks->n = 0;
	for (size_t i = f->first; i < b->npending; i += 2)
		keyset_put(ks, b->pending, i);
}

/* The earlier key equal to n in the open mapping f, or NULL. */
static const struct ynode *earlier_key(struct builder *b, struct frame *f,
				       const struct ynode *n)
{
	if (!f->hashed) {
		for (size_t i = f->first; i < b->npending; i += 2)
			if (same_key(b->pending[i], n))
				return b->pending[i];
		return NULL;
	}
	struct keyset *ks = &b->sets[b->nframes - 1];
	size_t mask = ks->cap - 1;
	for (size_t i = key_hash(n) & mask; ks->slot[i]; i = (i + 1) & mask)
		if (same_key(b->pending[ks->slot[i] - 1], n))
			return b->pending[ks->slot[i] - 1];
	return NULL;
}

/* After a key is pushed: hash the mapping's keys once it is large. */
static void note_key(struct builder *b, struct frame *f)
{
	struct keyset *ks = &b->sets[b->nframes - 1];
	size_t keys = (b->npending - f->first + 1) / 2;
	if (!f->hashed && keys >= HASH_FROM) {
		f->hashed = true;
		keyset_fill(ks, b, f);
	} else if (f->hashed && 2 * (ks->n + 1) > ks->cap) {
		keyset_fill(ks, b, f);
	} else if (f->hashed) {
		keyset_put(ks, b->pending, b->npending - 1);
	}
}

/* Place a finished node: as the root, or as the next kid of the open frame. */
static bool attach(struct builder *b, struct ynode *n)
{
	if (!b->nframes) {
		b->root = n;
		return true;
	}
	struct frame *f = &b->frames[b->nframes - 1];
	size_t have = b->npending - f->first;
	if (f->node->kind == YNODE_MAP && have % 2 == 0) {
		/* n is a key */
		if (n->kind != YNODE_SCALAR) {
			diag_at(b->d, n->pos.line, n->pos.col,
				"a mapping key must be a scalar, not a %s",
				ynode_kind_name(n));
			return false;
		}
		const struct ynode *k = earlier_key(b, f, n);
		if (k) {
			diag_at(b->d, n->pos.line, n->pos.col,
				"duplicate key '%s' (first at line %lld)",
				n->str, k->pos.line + b->d->line_offset);
			return false;
		}
	}
	int entries = (int)(f->node->kind == YNODE_MAP ? have / 2 : have);
	if (entries >= b->lim->entries) {
		diag_at(b->d, n->pos.line, n->pos.col,
			"more than %d entries in one %s", b->lim->entries,
			ynode_kind_name(f->node));
		return false;
	}
	push_pending(b, n);
	if (f->node->kind == YNODE_MAP && have % 2 == 0)
		note_key(b, f);
	return true;
}

static struct ynode *new_node(struct builder *b, enum ynode_kind kind,
			      yaml_mark_t m)
{
	struct ynode *n = arena_alloc(b->arena, sizeof *n);
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->pos = mark_pos(m);
	return n;
}

static bool refuse_anchor_tag(struct builder *b, yaml_mark_t m,
			      const yaml_char_t *anchor, const yaml_char_t *tag,
			      int implicit)
{
	struct pos p = mark_pos(m);
	if (anchor) {
		diag_at(b->d, p.line, p.col,
			"anchors (&%s) are not allowed: write the value out",
			(const char *)anchor);
		return false;
	}
	if (tag && !implicit) {
		diag_at(b->d, p.line, p.col,
			"tags (%s) are not allowed: write a plain value",
			(const char *)tag);
		return false;
	}
	return true;
}

static bool on_scalar(struct builder *b, yaml_event_t *e)
{
	if (!refuse_anchor_tag(b, e->start_mark, e->data.scalar.anchor,
			       e->data.scalar.tag,
			       e->data.scalar.plain_implicit ||
				       e->data.scalar.quoted_implicit))
		return false;
	struct ynode *n = new_node(b, YNODE_SCALAR, e->start_mark);
	size_t len = e->data.scalar.length;
	const char *v = (const char *)e->data.scalar.value;
	if (len > b->lim->scalar) {
		diag_at(b->d, n->pos.line, n->pos.col,
			"a scalar of %zu bytes: the limit is %zu", len,
			b->lim->scalar);
		return false;
	}
	if (memchr(v, '\0', len)) {
		diag_at(b->d, n->pos.line, n->pos.col,
			"a NUL character in a value is not allowed");
		return false;
	}
	n->str = arena_strndup(b->arena, v, len);
	n->len = len;
	n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	return attach(b, n);
}

static bool on_open(struct builder *b, yaml_event_t *e, enum ynode_kind kind)
{
	const yaml_char_t *anchor, *tag;
	int implicit;
	if (kind == YNODE_MAP) {
		anchor = e->data.mapping_start.anchor;
		tag = e->data.mapping_start.tag;
		implicit = e->data.mapping_start.implicit;
	} else {
		anchor = e->data.sequence_start.anchor;
		tag = e->data.sequence_start.tag;
		implicit = e->data.sequence_start.implicit;
	}
	if (!refuse_anchor_tag(b, e->start_mark, anchor, tag, implicit))
		return false;
	struct ynode *n = new_node(b, kind, e->start_mark);
	if (b->nframes >= b->lim->depth) {
		diag_at(b->d, n->pos.line, n->pos.col,
			"nesting deeper than %d levels", b->lim->depth);
		return false;
	}
	b->frames[b->nframes++] = (struct frame){ n, b->npending, false };
	return true;
}

static bool on_close(struct builder *b)
{
	struct frame f = b->frames[--b->nframes];
	size_t n = b->npending - f.first;
	f.node->nkids = (int)n;
	f.node->kids = arena_alloc(b->arena, n * sizeof *f.node->kids);
	if (n) /* an empty {} or [] before any scalar: 'pending' is still NULL */
		memcpy(f.node->kids, b->pending + f.first, n * sizeof *f.node->kids);
	b->npending = f.first;
	return attach(b, f.node);
}

/* libyaml puts the end of the input on a line of its own, after the last;
 * in a one-line input (a JSON line) that is its end. */
static void clamp_to_line(const struct builder *b, yaml_mark_t *m)
{
	if (!b->one_line || m->line == 0)
		return;
	size_t col = 0;
	for (size_t i = 0; i < b->len; i++)
		col += ((unsigned char)b->buf[i] & 0xc0) != 0x80;
	m->line = 0;
	m->column = col;
}

static void parser_problem(struct builder *b, yaml_parser_t *p)
{
	yaml_mark_t m = p->problem_mark;
	clamp_to_line(b, &m);
	clamp_to_line(b, &p->context_mark);
	if (p->error == YAML_READER_ERROR) {
		/* The reader reports a byte offset, not a line: count them,
		 * with YAML's line breaks (LF, CRLF, and a CR alone). */
		int line = 1, col = 1;
		for (size_t i = 0; i < p->problem_offset; i++) {
			if (b->buf[i] == '\r' && i + 1 < p->problem_offset &&
			    b->buf[i + 1] == '\n')
				continue; /* CRLF: the LF counts */
			if (b->buf[i] == '\n' || b->buf[i] == '\r') {
				line++;
				col = 1;
			} else if (((unsigned char)b->buf[i] & 0xc0) != 0x80) {
				col++;
			}
		}
		diag_at(b->d, line, col, "invalid text: %s (the input must be UTF-8 without NUL bytes)",
			p->problem);
		return;
	}
	if (p->context)
		diag_at(b->d, (int)m.line + 1, (int)m.column + 1,
			"invalid %s: %s %s (line %lld)", b->syntax, p->problem, p->context,
			(long long)p->context_mark.line + 1 + b->d->line_offset);
	else
		diag_at(b->d, (int)m.line + 1, (int)m.column + 1,
			"invalid %s: %s", b->syntax, p->problem ? p->problem : "error");
}

struct ytree_reader {
	yaml_parser_t p;
	bool used; /* p has parsed: reset it before the next document */
	bool json; /* the input is JSON: parse errors say so */
	struct ynode **pending;
	size_t cap;
};

static int reader_init(struct ytree_reader *r)
{
	memset(r, 0, sizeof *r);
	return yparser_init(&r->p);
}

static void reader_release(struct ytree_reader *r)
{
	yparser_free(&r->p);
	free(r->pending);
}

struct ytree_reader *ytree_reader_new(void)
{
	struct ytree_reader *r = xmalloc(sizeof *r);
	if (reader_init(r) < 0) {
		free(r);
		return NULL;
	}
	return r;
}

void ytree_reader_json(struct ytree_reader *r, bool json)
{
	r->json = json;
}

void ytree_reader_free(struct ytree_reader *r)
{
	if (!r)
		return;
	reader_release(r);
	free(r);
}

struct yaml_parser_s *ytree_reader_start(struct ytree_reader *r, const char **buf,
					 size_t *len)
{
	/* With the encoding fixed to UTF-8, libyaml no longer skips a byte
	 * order mark itself, and would read it as part of the first key. */
	if (*len >= 3 && !memcmp(*buf, "\xef\xbb\xbf", 3)) {
		*buf += 3;
		*len -= 3;
	}
	if (r->used)
		yparser_reset(&r->p);
	r->used = true;
	yaml_parser_set_encoding(&r->p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&r->p, (const unsigned char *)*buf, *len);
	return &r->p;
}

/* Every event of one document into the builder; false at a problem. */
static bool build(struct builder *b, yaml_parser_t *p)
{
	bool ok = true;
	int docs = 0;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(p, &e)) {
			parser_problem(b, p);
			return false;
		}
		switch (e.type) {
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&e);
			return ok;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				struct pos pp = mark_pos(e.start_mark);
				diag_at(b->d, pp.line, pp.col,
					"a second document: expected exactly one");
				ok = false;
			}
			break;
		case YAML_ALIAS_EVENT: {
			struct pos pp = mark_pos(e.start_mark);
			diag_at(b->d, pp.line, pp.col,
				"aliases (*%s) are not allowed: write the value out",
				(const char *)e.data.alias.anchor);
			ok = false;
			break;
		}
		case YAML_SCALAR_EVENT:
			ok = on_scalar(b, &e);
			break;
		case YAML_MAPPING_START_EVENT:
			ok = on_open(b, &e, YNODE_MAP);
			break;
		case YAML_SEQUENCE_START_EVENT:
			ok = on_open(b, &e, YNODE_SEQ);
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			ok = on_close(b);
			break;
		default:
			break;
		}
		yaml_event_delete(&e);
		if (!ok)
			return false;
	}
}

struct ynode *ytree_read(struct ytree_reader *r, struct arena *a,
			 const char *buf, size_t len, const struct ylimits *lim,
			 struct diag *d, bool *empty)
{
	*empty = false;
	if (len > lim->size) {
		diag_at(d, 0, 0, "%zu bytes: the limit is %zu", len, lim->size);
		return NULL;
	}
	struct frame frames[MAX_DEPTH + 1];
	if (lim->depth > MAX_DEPTH)
		return NULL; /* frames[] is sized for the largest limit */
	yaml_parser_t *p = ytree_reader_start(r, &buf, &len);
	struct builder b = { .buf = buf, .arena = a, .lim = lim, .d = d, .frames = frames,
			     .pending = r->pending, .cap = r->cap,
			     .syntax = r->json ? "JSON" : "YAML", .one_line = r->json,
			     .len = len };
	bool ok = build(&b, p);
	r->pending = b.pending;
	r->cap = b.cap;
	for (int i = 0; i <= MAX_DEPTH; i++) /* only large mappings have one */
		free(b.sets[i].slot);
	if (!ok)
		return NULL;
	if (!b.root)
		*empty = true;
	return b.root;
}

struct ynode *ytree_parse(struct arena *a, const char *buf, size_t len,
			  const struct ylimits *lim, struct diag *d, bool *empty)
{
	struct ytree_reader r;
	*empty = false;
	if (reader_init(&r) < 0) {
		diag_at(d, 0, 0, "out of memory");
		return NULL;
	}
	struct ynode *root = ytree_read(&r, a, buf, len, lim, d, empty);
	reader_release(&r);
	return root;
}

const struct ynode *ymap_get(const struct ynode *map, const char *key)
{
	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (int i = 0; i + 1 < map->nkids; i += 2)
		if (!strcmp(map->kids[i]->str, key))
			return map->kids[i + 1];
	return NULL;
}

int ymap_unknown_keys(const struct ynode *map, const char *what,
		      const char *const *keys, int nkeys, struct diag *d)
{
	int found = 0;
	for (int i = 0; i < map->nkids; i += 2) {
		const struct ynode *k = map->kids[i];
		int j;
		for (j = 0; j < nkeys && strcmp(k->str, keys[j]); j++)
			;
		if (j < nkeys)
			continue;
		found++;
		const char *near = nearest_word(k->str, keys, nkeys);
		if (near) {
			diag_at(d, k->pos.line, k->pos.col,
				"unknown key '%s' in %s (did you mean '%s'?)", k->str,
				what, near);
			continue;
		}
		struct strbuf all = STRBUF_INIT;
		for (j = 0; j < nkeys; j++)
			sb_addf(&all, "%s%s", j ? ", " : "", keys[j]);
		diag_at(d, k->pos.line, k->pos.col, "unknown key '%s' in %s; keys are: %s",
			k->str, what, all.buf);
		sb_release(&all);
	}
	return found;
}

bool ynode_is_null(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && yscalar_is_null(n->str, n->len, n->plain);
}

bool yscalar_is_null(const char *s, size_t len, bool plain)
{
	if (!plain)
		return false;
	switch (len) { /* by length first: it runs for every value of a case */
	case 0:
		return true;
	case 1:
		return s[0] == '~';
	case 4:
		return !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL");
	default:
		return false;
	}
}

const char *ynode_kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case YNODE_MAP:
		return "mapping";
	case YNODE_SEQ:
		return "sequence";
	default:
		return "scalar";
	}
}

/* A plain scalar JSON would read as the same value. */
static bool json_literal(const struct ynode *n)
{
	const char *s = n->str;
	if (!n->plain || !*s)
		return false;
	if (!strcmp(s, "true") || !strcmp(s, "false") || !strcmp(s, "null"))
		return true;
	if (*s == '-')
		s++;
	if (*s == '0' ? (s[1] >= '0' && s[1] <= '9') : !(*s >= '1' && *s <= '9'))
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.') {
		if (!(*++s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

void ynode_json(struct json *j, const struct ynode *n)
{
	if (n->kind == YNODE_SCALAR) {
		if (json_literal(n))
			json_raw(j, n->str, strlen(n->str));
		else if (ynode_is_null(n))
			json_null(j);
		else
			json_string(j, n->str);
		return;
	}
	bool map = n->kind == YNODE_MAP;
	if (map)
		json_object(j, JSON_INLINE);
	else
		json_array(j, JSON_INLINE);
	for (int i = 0; i < n->nkids; i += map ? 2 : 1) {
		if (map)
			json_key(j, n->kids[i]->str);
		ynode_json(j, n->kids[i + map]);
	}
	json_end(j);
}
