/* SPDX-License-Identifier: EUPL-1.2 */
/* The files of a directory, for 'batch DIR', 'test DIR' and the fuzz
 * corpus replay: one lister, so that all three agree on what they read. */
#ifndef OPNAME_DIR_LIST_H
#define OPNAME_DIR_LIST_H

#include <stdbool.h>

enum dir_kind { DIR_KIND_REGULAR, DIR_KIND_DIR, DIR_KIND_OTHER };

struct dir_entry {
	char *path;         /* DIR/NAME */
	enum dir_kind kind; /* of what a symlink points to; REGULAR also when
			     * that cannot be known, so that opening says why */
	const char *what;   /* DIR_KIND_OTHER: "a FIFO", "a device", ... */
};

/* The entries of dir whose names 'want' takes (all but hidden ones when
 * want is NULL), in name order (strcmp: the same in every locale). Returns
 * how many, or -1 with errno set when dir cannot be read. */
int dir_list(const char *dir, bool (*want)(const char *name),
	     struct dir_entry **entries);

void dir_list_free(struct dir_entry *entries, int n);

/* Whether name ends in one of the extensions (".yaml"), in any letter case,
 * with something before it, and is not hidden. */
bool name_has_ext(const char *name, const char *const *exts, int nexts);

#endif
