/* SPDX-License-Identifier: EUPL-1.2 */
/* Shared by the two halves of the rule loader: rules-load.c (the file's
 * sections) and rules-cond.c (conditions). Not a public interface. */
#ifndef OPNAME_RULES_LOADER_H
#define OPNAME_RULES_LOADER_H

#include <stdbool.h>

#include "opname/diag.h"
#include "opname/model.h"
#include "opname/ytree.h"

/* A named condition while the file loads (rules-define.c). */
struct define_slot {
	const char *id;
	const struct ynode *when;
	struct pos pos;
	int state;
	bool used;
};

struct loader {
	struct ruleset *rs;
	struct diag *d;
	struct arena *a;
	struct cond *conds; /* grown here, copied into the arena at the end */
	int nconds, condcap;
	struct define_slot *defines;
	int ndefines;
	int *loading; /* the definitions being loaded, innermost last */
	int nloading;
	bool bad_type[OPNAME_MAX_FACTS]; /* a question whose type is unknown */
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
/* One entry of a list of things with ids ('what': "part", "rule"): a
 * mapping with the keys 'keys' and an id, not the id of one of the 'count'
 * entries before it (structs of 'size' bytes, the id at byte 'at'; none
 * when 'before' is NULL). The id, or NULL after a located message. */
const char *entry_id(struct loader *l, const struct ynode *n, const char *what,
		     const char *const *keys, const void *before, int count, size_t size,
		     size_t at);
#define ENTRY_ID(l, n, what, keys, array, count)                      \
	entry_id(l, n, what, keys, array, count, sizeof *(array), \
		 offsetof(__typeof__(*(array)), id))

/* A value that is one item or a list of them (choices in a test): the
 * items, and how many; an empty list is reported with 'empty'. *val must
 * live as long as the items are used (it is the one item). */
int one_or_list(struct loader *l, const struct ynode *const *val,
		const struct ynode *const **items, const char *empty);

/* The sequence under 'key' of 'root', at most 'max' long, or NULL. */
const struct ynode *get_list(struct loader *l, const struct ynode *root,
			     const char *key, int max);

/* The file's outcomes (rules-outcomes.c), before the rules that name them. */
void load_outcomes(struct loader *l, const struct ynode *root);
/* A rule's or the unknown section's verdict: one of the file's outcomes. */
bool get_verdict(struct loader *l, const struct ynode *n, enum verdict *v);

/* Named conditions: read 'define' (after the questions, before anything
 * with a condition); load one use, true if 'key' names one; report those
 * nothing used. */
void load_defines(struct loader *l, const struct ynode *root);
bool define_entry(struct loader *l, const struct ynode *key,
		  const struct ynode *val, int *node);
void defines_unused(struct loader *l);

/* Numbers (rules-number.c): a question's min, max and unit; a test of a
 * number ('N' or '{gt: N}'); and, once every condition is loaded, the
 * intervals each number's constants cut, with each test's accept set. */
void load_range(struct loader *l, const struct ynode *n, struct question *q);
void number_test(struct loader *l, const struct ynode *val, struct cond *c);
void number_intervals(struct loader *l);

/* Sets (rules-set.c): a test of a set ({contains: C}, {any_of: [...]},
 * {none_of: [...]}); and, once every condition is loaded, the classes of
 * sets each set's tests tell apart, which 'check' branches on. */
void set_test(struct loader *l, const struct ynode *val, struct cond *c);
void set_classes(struct loader *l);

/* Placeholders in reasons and step texts (rules-texts.c): each checked,
 * and the facts they show put in rs->text_facts. */
void load_text_facts(struct loader *l, const struct ynode *root);

/* The findings marked as intended (rules-intended.c), after everything
 * they name is loaded. */
void load_intended(struct loader *l, const struct ynode *root);

/* A condition: its root node's index in the loader's condition array. */
int cond_load(struct loader *l, const struct ynode *n);
int cond_new(struct loader *l, enum cond_kind kind, const struct ynode *n);

#endif
