/* SPDX-License-Identifier: EUPL-1.2 */
/* The shapes and scalars of a rule file: nodes of the kind expected, the
 * keys a mapping may and must have, ids, and texts, with the checks every
 * one of them gets wherever it stands (rules-loader.h). */
#include <stdbool.h>
#include <string.h>

#include "opname/safe-text.h"
#include "opname/util.h"
#include "opname/ytree.h"

#include "rules-loader.h"

bool want(struct loader *l, const struct ynode *n, enum ynode_kind kind,
	  const char *what)
{
	if (n->kind == kind)
		return true;
	diag_at(l->d, AT(n), "%s must be a %s, not a %s", what,
		kind == YNODE_MAP ? "mapping" :
		kind == YNODE_SEQ ? "sequence" : "scalar",
		ynode_kind_name(n));
	return false;
}

void check_keys(struct loader *l, const struct ynode *map, const char *what,
		const char *const *allowed)
{
	const char *names[32] = { NULL };
	int n = 0;
	for (; allowed[n]; n++)
		names[n] = allowed[n] + (allowed[n][0] == '!');
	ymap_unknown_keys(map, what, names, n, l->d);
	for (int j = 0; j < n; j++)
		if (allowed[j][0] == '!' && !ymap_get(map, names[j]))
			diag_at(l->d, AT(map), "%s has no '%s'", what, names[j]);
}

static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64)
		return false;
	for (; *s; s++)
		if (!(*s == '_' || *s == '-' || (*s >= '0' && *s <= '9') ||
		      (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
			return false;
	return true;
}

/* Texts and the version go to terminals as they are, so they hold no
 * control characters (a text may hold newlines and tabs). */
static bool printable(struct loader *l, const struct ynode *n, const char *what,
		      unsigned flags)
{
	if (text_is_safe(n->str, flags))
		return true;
	struct strbuf shown = STRBUF_INIT;
	sb_adds_safe(&shown, n->str, flags);
	diag_at(l->d, AT(n), "%s holds a control character (\"%.60s\"): write text only",
		what, shown.buf);
	sb_release(&shown);
	return false;
}

const char *get_scalar(struct loader *l, const struct ynode *n, const char *what)
{
	if (!n || !want(l, n, YNODE_SCALAR, what) || !printable(l, n, what, 0))
		return NULL;
	return arena_strndup(l->a, n->str, n->len);
}

const char *get_id(struct loader *l, const struct ynode *n, const char *what)
{
	if (!n || !want(l, n, YNODE_SCALAR, what))
		return NULL;
	if (!valid_id(n->str)) {
		diag_at(l->d, AT(n),
			"'%s' is not a valid %s: use 1 to 64 letters, digits, '_' or '-'",
			n->str, what);
		return NULL;
	}
	return arena_strndup(l->a, n->str, n->len);
}

/* A text: one string for each language of the file, and no others. */
void get_text(struct loader *l, const struct ynode *n, const char *what,
	      struct text *t)
{
	memset(t, 0, sizeof *t);
	if (!n || !want(l, n, YNODE_MAP, what))
		return;
	const struct ruleset *rs = l->rs;
	for (int i = 0; i < n->nkids; i += 2) {
		const struct ynode *k = n->kids[i], *v = n->kids[i + 1];
		int lang = ruleset_lang(rs, k->str);
		if (lang < 0) {
			diag_at(l->d, AT(k),
				"%s has a text in '%s', which is not one of the file's languages",
				what, k->str);
			continue;
		}
		if (!want(l, v, YNODE_SCALAR, what))
			continue;
		if (v->len == 0 || ynode_is_null(v))
			diag_at(l->d, AT(v), "%s is empty in '%s'", what, k->str);
		printable(l, v, what, SAFE_KEEP_LINES);
		t->s[lang] = arena_strndup(l->a, v->str, v->len);
	}
	for (int lang = 0; lang < rs->nlangs; lang++)
		if (!t->s[lang])
			diag_at(l->d, AT(n), "%s is missing in '%s'", what,
				rs->langs[lang]);
}
