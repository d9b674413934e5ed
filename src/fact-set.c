/* SPDX-License-Identifier: EUPL-1.2 */
/* The set fact type (docs/rules.md, "Sets"): several of a question's
 * choices at once. Its value is a bitmask, bit i for choice i, at most
 * OPNAME_MAX_SET_CHOICES bits, so it stays >= 0 and apart from FV_MISSING
 * and FV_UNKNOWN. 'check' branches on one set per class of sets the
 * file's tests tell apart (rules-set.c computes them). */
#include <string.h>

#include "opname/fact.h"
#include "opname/util.h"

int set_values(const struct question *q, fact_value *vals)
{
	int n = 0;
	for (int i = 0; i < q->nclasses && n < OPNAME_MAX_VALUES - 1; i++)
		vals[n++] = q->classes[i];
	if (!n)
		vals[n++] = 0; /* no test of it: one class, the empty set for all */
	vals[n++] = FV_UNKNOWN;
	return n;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

int set_add_id(const struct question *q, const char *id, fact_value *v,
	       struct strbuf *why)
{
	for (int i = 0; i < q->nchoices; i++) {
		if (!str_ieq(q->choices[i].id, id))
			continue;
		if ((uint32_t)*v >> i & 1) {
			if (why)
				sb_addf(why, "'%s' is in the list twice", q->choices[i].id);
			return -1;
		}
		*v |= (fact_value)1 << i;
		return 0;
	}
	if (why) {
		const char *names[OPNAME_MAX_SET_CHOICES];
		for (int i = 0; i < q->nchoices; i++)
			names[i] = q->choices[i].id;
		const char *near = nearest_word(id, names, q->nchoices);
		sb_addf(why, "'%s' is not a choice of '%s'", id, q->id);
		if (near)
			sb_addf(why, " (did you mean '%s'?)", near);
	}
	return -1;
}

int set_parse(const struct question *q, const char *s, fact_value *v,
	      struct strbuf *why)
{
	while (is_blank(*s))
		s++;
	size_t len = strlen(s);
	while (len && is_blank(s[len - 1]))
		len--;
	char word[8];
	if (len == 7) {
		memcpy(word, s, 7);
		word[7] = '\0';
		if (str_ieq(word, "unknown")) {
			*v = FV_UNKNOWN;
			return 0;
		}
	}
	fact_value set = 0;
	if (len == 0 || (len == 2 && s[0] == '[' && s[1] == ']')) {
		*v = set;
		return 0;
	}
	const char *p = s, *end = s + len;
	while (p <= end) {
		const char *stop = p;
		while (stop < end && *stop != ',' && *stop != '|')
			stop++;
		const char *b = p, *e = stop;
		while (b < e && is_blank(*b))
			b++;
		while (e > b && is_blank(e[-1]))
			e--;
		char id[65];
		if (b == e || (size_t)(e - b) >= sizeof id) {
			if (why)
				sb_adds(why, b == e ? "an empty item in the list"
						    : "an item longer than any choice id");
			return -1;
		}
		memcpy(id, b, (size_t)(e - b));
		id[e - b] = '\0';
		if (set_add_id(q, id, &set, why) < 0)
			return -1;
		p = stop + 1;
	}
	*v = set;
	return 0;
}

int set_parse_op(const struct question *q, const char *s, fact_value *v)
{
	return set_parse(q, s, v, NULL);
}

void set_hint(const struct question *q, struct strbuf *out)
{
	sb_adds(out, "a list of ");
	for (int i = 0; i < q->nchoices; i++)
		sb_addf(out, "%s%s", i ? ", " : "", q->choices[i].id);
	sb_adds(out, " (in a case file [a, b]; in --set and CSV a,b or a|b), [] for none, or unknown");
}

void set_put(const struct question *q, fact_value v, struct strbuf *out)
{
	fact_choice_ids(q, (uint32_t)v, ",", out);
}

void set_put_json(const struct question *q, fact_value v, struct strbuf *out)
{
	sb_addc(out, '[');
	if (v) { /* ids are letters, digits, _ and -: no escapes needed */
		sb_addc(out, '"');
		fact_choice_ids(q, (uint32_t)v, "\", \"", out);
		sb_addc(out, '"');
	}
	sb_addc(out, ']');
}

void set_test_text(const struct question *q, const struct cond *c,
			  struct strbuf *out)
{
	bool one = __builtin_popcountll(c->accept) == 1;
	sb_addf(out, "%s %s ", q->id, c->form == FORM_NONE_OF ? "has none of" :
		one ? "has" : "has any of");
	fact_choice_ids(q, c->accept, "|", out);
}

bool set_test_holds(const struct cond *c, fact_value v)
{
	bool any = ((uint64_t)(uint32_t)v & c->accept) != 0;
	return c->form == FORM_NONE_OF ? !any : any;
}

/* Which of the tests' masks v meets, as bits. */
static uint64_t meets(const struct question *q, fact_value v)
{
	uint64_t vec = 0;
	for (int j = 0; j < q->nmasks; j++)
		if ((uint32_t)v & q->masks[j])
			vec |= (uint64_t)1 << j;
	return vec;
}

int set_class(const struct question *q, fact_value v)
{
	uint64_t vec = meets(q, v);
	for (int i = 0; i < q->nclasses; i++)
		if (meets(q, q->classes[i]) == vec)
			return i;
	return 0;
}
