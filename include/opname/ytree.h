/* SPDX-License-Identifier: EUPL-1.2 */
/* A YAML document as a small tree with a position on every node.
 *
 * Both rule files and case files are read through this one reader, so the
 * safety rules hold everywhere: anchors, aliases and tags are refused,
 * duplicate keys are errors, keys are scalars, and depth, scalar length,
 * entries and input size are bounded. The tree lives in an arena. */
#ifndef OPNAME_YTREE_H
#define OPNAME_YTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "opname/diag.h"
#include "opname/model.h"
#include "opname/util.h"

enum ynode_kind { YNODE_SCALAR, YNODE_MAP, YNODE_SEQ };

struct ynode {
	enum ynode_kind kind;
	bool plain; /* a scalar written without quotes or block style */
	struct pos pos;
	const char *str; /* scalar: the value, NUL-terminated */
	size_t len;
	struct ynode **kids; /* seq: items; map: key, value, key, value, ... */
	int nkids;
};

struct ylimits {
	int depth;      /* nested mappings and sequences */
	size_t scalar;  /* bytes in one scalar */
	int entries;    /* items in a sequence, pairs in a mapping */
	size_t size;    /* bytes of input */
};

extern const struct ylimits ylimits_rules;
extern const struct ylimits ylimits_case;

/* Parse one document. Returns its root, or NULL: then either the input holds
 * no document (*empty is set; no diagnostic) or the problems are in d. */
struct ynode *ytree_parse(struct arena *a, const char *buf, size_t len,
			  const struct ylimits *lim, struct diag *d,
			  bool *empty);

/* Many documents in a row (batch): one libyaml parser and the builder's
 * scratch space, kept from one to the next (yparser.h). NULL when out of
 * memory. ytree_read is ytree_parse with them. */
struct ytree_reader;
struct ytree_reader *ytree_reader_new(void);
void ytree_reader_free(struct ytree_reader *r);
/* The documents that follow are JSON Lines records, each one line: a parse
 * error then says "invalid JSON", not "invalid YAML", and is on that line. */
void ytree_reader_json(struct ytree_reader *r, bool json);
struct ynode *ytree_read(struct ytree_reader *r, struct arena *a,
			 const char *buf, size_t len, const struct ylimits *lim,
			 struct diag *d, bool *empty);

/* For a reader of events of its own (case-stream.c): the reader's parser,
 * reset and set to read buf (past a byte order mark, which moves buf and
 * len), exactly as ytree_read starts. */
struct yaml_parser_s; /* yaml_parser_t, without <yaml.h> for every includer */
struct yaml_parser_s *ytree_reader_start(struct ytree_reader *r, const char **buf,
					 size_t *len);

/* A mapping's value for 'key', or NULL. */
const struct ynode *ymap_get(const struct ynode *map, const char *key);

/* Report every key of a mapping that is not one of 'keys', with the likely
 * typo or else the keys there are. Returns how many were reported. */
int ymap_unknown_keys(const struct ynode *map, const char *what,
		      const char *const *keys, int nkeys, struct diag *d);

/* A null scalar: empty, '~' or 'null' written plain. */
bool ynode_is_null(const struct ynode *n);
bool yscalar_is_null(const char *s, size_t len, bool plain);

const char *ynode_kind_name(const struct ynode *n);

/* A tree as JSON (also YAML, in flow style), to copy free-form data such
 * as a case's 'meta': plain scalars that JSON reads alike (numbers, true,
 * false, null) as they are, every other scalar as a string. */
struct json;
void ynode_json(struct json *j, const struct ynode *n);

#endif
