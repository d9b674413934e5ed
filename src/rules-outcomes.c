/* SPDX-License-Identifier: EUPL-1.2 */
/* The loader's 'outcomes' section: what a rule can decide, its words, its
 * exit status and its colour (docs/rules.md, "outcomes"). A file without
 * the section has allowed, not_allowed and consult, as before it existed. */
#include <stdlib.h>
#include <string.h>

#include "opname/util.h"
#include "rules-loader.h"

/* Statuses a file may give: 3 is incomplete's, 64 and up are sysexits(3)'s
 * errors (opname(1), EXIT STATUS). */
#define STATUS_MAX 63

static const char *const colour_names[] = {
	[COLOUR_GREEN] = "green", [COLOUR_RED] = "red",
	[COLOUR_AMBER] = "amber", [COLOUR_GREY] = "grey",
};

static void get_colour(struct loader *l, const struct ynode *n, enum colour *c)
{
	*c = COLOUR_AMBER;
	if (!n || !want(l, n, YNODE_SCALAR, "colour"))
		return;
	for (int i = 0; i < 4; i++) {
		if (!strcmp(n->str, colour_names[i])) {
			*c = (enum colour)i;
			return;
		}
	}
	diag_at(l->d, AT(n), "unknown colour '%s': use green, red, amber or grey", n->str);
}

static void get_status(struct loader *l, const struct ynode *n, int *status)
{
	if (!n || !want(l, n, YNODE_SCALAR, "exit"))
		return;
	char *end;
	long v = strtol(n->str, &end, 10);
	if (end == n->str || *end || v < 0 || v > STATUS_MAX) {
		diag_at(l->d, AT(n), "exit must be a whole number from 0 to %d, not '%s'",
			STATUS_MAX, n->str);
		return;
	}
	if (v == 3) {
		diag_at(l->d, AT(n), "exit 3 is incomplete's: give the outcome another status");
		return;
	}
	*status = (int)v;
}

static void load_one(struct loader *l, const struct ynode *n)
{
	static const char *const keys[] = { "!id", "!text", "!exit", "colour", NULL };
	struct ruleset *rs = l->rs;
	const struct ynode *idn = ymap_get(n, "id");
	const char *id = entry_id(l, n, "outcome", keys, NULL, 0, 0, 0);
	if (!id)
		return;
	enum verdict dup;
	if (!strcmp(id, "incomplete") || verdict_parse(rs, id, &dup) == 0) {
		diag_at(l->d, AT(idn), !strcmp(id, "incomplete") ?
			"'incomplete' is the tool's own outcome and cannot be declared" :
			"duplicate outcome id '%s'", id);
		return;
	}
	struct verdict_def *d = &rs->verdicts[rs->nverdicts++];
	*d = (struct verdict_def){ .id = id, .pos = n->pos };
	get_text(l, ymap_get(n, "text"), "the outcome's text", &d->text);
	get_status(l, ymap_get(n, "exit"), &d->status);
	get_colour(l, ymap_get(n, "colour"), &d->colour);
}

void load_outcomes(struct loader *l, const struct ynode *root)
{
	struct ruleset *rs = l->rs;
	const struct ynode *list = get_list(l, root, "outcomes", OPNAME_MAX_OUTCOMES - 1);
	if (!list) {
		rs->verdicts = (struct verdict_def *)verdict_defaults;
		rs->nverdicts = 3;
		return;
	}
	rs->declares_verdicts = true;
	rs->verdicts = arena_alloc(l->a, (size_t)(list->nkids + 1) * sizeof *rs->verdicts);
	if (list->nkids == 0)
		diag_at(l->d, AT(list), "'outcomes' needs at least one outcome");
	for (int i = 0; i < list->nkids; i++)
		load_one(l, list->kids[i]);
}

bool get_verdict(struct loader *l, const struct ynode *n, enum verdict *v)
{
	if (!n || !want(l, n, YNODE_SCALAR, "verdict"))
		return false;
	if (verdict_parse(l->rs, n->str, v) < 0 || *v == VERDICT_INCOMPLETE) {
		struct strbuf all = STRBUF_INIT;
		verdict_list(l->rs, false, &all);
		diag_at(l->d, AT(n), "unknown verdict '%s': use %s", n->str, all.buf);
		sb_release(&all);
		return false;
	}
	return true;
}
