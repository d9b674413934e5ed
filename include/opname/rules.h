/* SPDX-License-Identifier: EUPL-1.2 */
/* Loading a rule file into the model (see docs/rules.md for the language). */
#ifndef OPNAME_RULES_H
#define OPNAME_RULES_H

#include <stddef.h>
#include <stdio.h>

#include "opname/diag.h"
#include "opname/model.h"

/* Load from bytes; 'file' names them in diagnostics. Returns NULL, with every
 * problem found in d, when the file is not a valid rule file. */
struct ruleset *rules_load(const char *buf, size_t len, const char *file,
			   struct diag *d);

/* The same without computing the SHA-256 (rs->sha256 is left empty): for
 * the built-in file, whose hash is computed when the binary is built. */
struct ruleset *rules_parse(const char *buf, size_t len, const char *file,
			    struct diag *d);

/* Load a file from disk; NULL with d->count == 0 means it could not be read
 * (errno is set). */
struct ruleset *rules_load_file(const char *path, struct diag *d);

/* The spelregels, built into the binary already loaded (rules2c.c). */
struct ruleset *rules_builtin(void);
const char *rules_builtin_text(size_t *len);
const char *rules_builtin_tests(size_t *len);
#define RULES_BUILTIN_NAME "spelregels.yaml (built in)"

void rules_free(struct ruleset *rs);

/* Write the model as C source defining 'struct ruleset SYMBOL'. */
void rules_emit_c(FILE *f, const struct ruleset *rs, const char *symbol);

/* Read a whole file (or stdin for "-") into a malloc'ed buffer, refusing more
 * than 'limit' bytes. Returns NULL with errno set (EFBIG past the limit). */
char *read_file(const char *path, size_t limit, size_t *len);

#endif
