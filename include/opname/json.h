/* SPDX-License-Identifier: EUPL-1.2 */
/* The one JSON writer: objects, arrays, keys and scalars, with the commas,
 * the layout and the escaping in one place (jq's lesson). Every JSON the
 * tool writes goes through it. Members go on one line separated by ", "
 * with ": " after a key; a container opened with JSON_LINES puts each of
 * its members on a line of its own, indented two spaces a level. */
#ifndef OPNAME_JSON_H
#define OPNAME_JSON_H

#include <stdbool.h>
#include <stdint.h>

#include "opname/util.h"

/* As deep as ytree.c reads (its MAX_DEPTH): a document read back as JSON
 * (ynode_json) always fits. */
enum { JSON_MAX_DEPTH = 64 };
enum json_layout { JSON_INLINE, JSON_LINES };

struct json {
	struct strbuf *sb;
	int depth;
	bool after_key;
	uint64_t any;   /* bit d-1: the container at depth d has a member */
	uint64_t lines; /* bit d-1: it is JSON_LINES */
	char close[JSON_MAX_DEPTH + 1];
};

/* A writer appending one JSON value (and what it holds) to sb. */
void json_init(struct json *j, struct strbuf *sb);
/* A writer of members only, for an object that is opened and closed
 * elsewhere (a memo of them, taken in with json_raw). */
void json_init_members(struct json *j, struct strbuf *sb);

void json_object(struct json *j, enum json_layout layout);
void json_array(struct json *j, enum json_layout layout);
void json_end(struct json *j);

void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s); /* NULL: null */
void json_int(struct json *j, long long v);
void json_real(struct json *j, double v);        /* "%.1f" */
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* A value, or members, that this writer rendered before (a memo). */
void json_raw(struct json *j, const char *text, size_t len);

/* A key and its value. */
void json_kstring(struct json *j, const char *key, const char *s);
void json_kint(struct json *j, const char *key, long long v);
void json_kbool(struct json *j, const char *key, bool v);

/* The escaper itself: s as a JSON string, quoted; always valid UTF-8 (a
 * byte that is not becomes U+FFFD). For text that is not JSON output but
 * takes the same quoting (YAML double-quoted scalars). */
void json_str(struct strbuf *sb, const char *s);

#endif
