/* SPDX-License-Identifier: EUPL-1.2 */
/* The plain-language lint (see opname/lint.h). A sentence ends at '.', '!'
 * or '?' followed by white space or the end of the text; a word is a run of
 * non-space bytes with at least one letter or digit in it. */
#include "opname/lint.h"

#include <stdbool.h>
#include <string.h>

#include "opname/glossary.h"

static bool space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static bool sentence_end(const char *p)
{
	return (*p == '.' || *p == '!' || *p == '?') && (!p[1] || space(p[1]));
}

void lint_sentences(const char *text, lint_sentence_fn *fn, void *arg)
{
	const char *p = text;
	while (*p) {
		while (space(*p))
			p++;
		const char *start = p;
		int words = 0;
		bool in_word = false, counted = false;
		for (; *p && !sentence_end(p); p++) {
			if (space(*p)) {
				in_word = false;
				continue;
			}
			if (!in_word)
				counted = false;
			in_word = true;
			unsigned char c = (unsigned char)*p, l = (unsigned char)(c | 0x20);
			if (!counted && ((l >= 'a' && l <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)) {
				words++;
				counted = true;
			}
		}
		if (*p)
			p++; /* the full stop */
		if (words)
			fn(arg, words, start, (size_t)(p - start));
	}
}

struct measure {
	const struct ruleset *rs;
	struct diag *d;
	struct lint_stats *st;
	int lang, warnings;
	const char *what;
	struct pos pos;
};

static void one_sentence(void *arg, int words, const char *s, size_t n)
{
	struct measure *m = arg;
	m->st->sentences[m->lang]++;
	m->st->words[m->lang] += words;
	if (words > m->st->longest[m->lang])
		m->st->longest[m->lang] = words;
	if (words <= m->rs->plain.max_words)
		return;
	diag_warn(m->d, m->pos.line, m->pos.col,
		  "%s in '%s' has a sentence of %d words, over the limit of %d: \"%.*s%s\"",
		  m->what, m->rs->langs[m->lang], words, m->rs->plain.max_words,
		  (int)(n > 60 ? 60 : n), s, n > 60 ? "…" : "");
	m->warnings++;
}

static void measure(struct measure *m, const struct text *t, const char *what,
		    struct pos pos)
{
	if (!t->s[0])
		return; /* an optional text the file leaves out */
	m->what = what;
	m->pos = pos;
	for (m->lang = 0; m->lang < m->rs->nlangs; m->lang++)
		lint_sentences(text_get(t, m->lang), one_sentence, m);
}

/* Is term t used by any text of the file, in any of its languages? */
static bool term_used(const struct ruleset *rs, const struct term *t)
{
	for (int l = 0; l < rs->nlangs; l++) {
		for (int q = 0; q < rs->nquestions; q++) {
			int found[OPNAME_MAX_TERMS];
			int n = question_terms(rs, q, l, found);
			for (int i = 0; i < n; i++)
				if (&rs->terms[found[i]] == t)
					return true;
		}
		for (int s = 0; s < rs->nsteps; s++)
			if (term_used_in(t, l, text_get(&rs->steps[s].text, l)))
				return true;
		for (int r = 0; r < rs->nrules; r++)
			if (term_used_in(t, l, text_get(&rs->rules[r].reason, l)))
				return true;
		if (term_used_in(t, l, text_get(&rs->unknown.reason, l)))
			return true;
	}
	return false;
}

int lint_rules(const struct ruleset *rs, struct diag *d, struct lint_stats *st)
{
	struct measure m = { .rs = rs, .d = d, .st = st };
	memset(st, 0, sizeof *st);
	for (int q = 0; q < rs->nquestions; q++) {
		measure(&m, &rs->questions[q].text, "the question's text", rs->questions[q].pos);
		measure(&m, &rs->questions[q].help, "the question's help", rs->questions[q].pos);
	}
	for (int s = 0; s < rs->nsteps; s++)
		measure(&m, &rs->steps[s].text, "the step's text", rs->steps[s].pos);
	for (int r = 0; r < rs->nrules; r++)
		measure(&m, &rs->rules[r].reason, "the rule's reason", rs->rules[r].pos);
	measure(&m, &rs->unknown.reason, "the unknown reason", (struct pos){ 0, 0 });
	for (int t = 0; t < rs->nterms; t++)
		measure(&m, &rs->terms[t].text, "the term's text", rs->terms[t].pos);

	for (int l = 0; rs->plain.mean_words && l < rs->nlangs; l++) {
		if (!st->sentences[l] || st->words[l] <= (long)rs->plain.mean_words * st->sentences[l])
			continue;
		diag_warn(d, rs->plain.pos.line, rs->plain.pos.col,
			  "the texts in '%s' have %.1f words a sentence on average, over the limit of %d",
			  rs->langs[l], (double)st->words[l] / (double)st->sentences[l],
			  rs->plain.mean_words);
		m.warnings++;
	}
	for (int t = 0; t < rs->nterms; t++) {
		if (term_used(rs, &rs->terms[t]))
			continue;
		diag_warn(d, rs->terms[t].pos.line, rs->terms[t].pos.col,
			  "term '%s' is used by no text: no question, step or reason has its words",
			  rs->terms[t].id);
		m.warnings++;
	}
	return m.warnings;
}
