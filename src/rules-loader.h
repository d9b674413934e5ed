/* SPDX-License-Identifier: EUPL-1.2 */
/* Shared by the two halves of the rule loader: rules-load.c (the file's
 * sections) and rules-cond.c (conditions). Not a public interface. */
#ifndef OPNAME_RULES_LOADER_H
#define OPNAME_RULES_LOADER_H

#include <stdbool.h>

#include "opname/diag.h"
#include "opname/model.h"
#include "opname/ytree.h"

struct loader {
	struct ruleset *rs;
	struct diag *d;
	struct arena *a;
	struct cond *conds; /* grown here, copied into the arena at the end */
	int nconds, condcap;
};

#define AT(n) (n)->pos.line, (n)->pos.col

/* Report a node of the wrong kind; true when it is of 'kind'. */
bool want(struct loader *l, const struct ynode *n, enum ynode_kind kind,
	  const char *what);

/* Report keys outside 'allowed' (with the nearest for a typo) and required
 * keys (those marked with a leading '!') that are absent. */
void check_keys(struct loader *l, const struct ynode *map, const char *what,
		const char *const *allowed);

/* A scalar with no control character (the version); an id of 1 to 64
 * letters, digits, '_' or '-'; a text in every language of the file, with
 * no control character but newlines and tabs. NULL (or an empty text) and
 * a message when not. */
const char *get_scalar(struct loader *l, const struct ynode *n, const char *what);
const char *get_id(struct loader *l, const struct ynode *n, const char *what);
void get_text(struct loader *l, const struct ynode *n, const char *what,
	      struct text *t);

/* A condition: its root node's index in the loader's condition array. */
int cond_load(struct loader *l, const struct ynode *n);
int cond_new(struct loader *l, enum cond_kind kind, const struct ynode *n);

#endif
