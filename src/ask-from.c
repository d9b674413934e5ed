/* SPDX-License-Identifier: EUPL-1.2 */
/* The case an interview starts from (see ask-from.h). */
#include "ask-from.h"

#include <string.h>

#include "command.h"
#include "opname/json.h"

int ask_from_load(const struct ruleset *rs, const char *path, struct ask_from *from)
{
	memset(from, 0, sizeof *from);
	from->path = path;
	from->a = arena_new();
	const struct ynode *root;
	int status = case_open(rs, path, false, from->a, &from->c, &root);
	const struct ynode *meta = status ? NULL : ymap_get(root, "meta");
	if (meta && !ynode_is_null(meta)) {
		struct json j;
		json_init(&j, &from->meta);
		ynode_json(&j, meta);
	}
	return status;
}

void ask_from_release(struct ask_from *from)
{
	arena_free(from->a);
	sb_release(&from->meta);
}
