/* SPDX-License-Identifier: EUPL-1.2 */
/* Finding the glossary's terms in texts (see opname/glossary.h). */
#include "opname/glossary.h"

#include <string.h>

static bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Does 'text' hold the n bytes of 'word' at the start of a word? */
static bool has_word(const char *text, const char *word, size_t n)
{
	for (const char *p = text; *p; p++) {
		if (p > text && word_byte((unsigned char)p[-1]))
			continue;
		size_t i = 0;
		while (i < n && p[i] && lower((unsigned char)p[i]) == lower((unsigned char)word[i]))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

bool term_used_in(const struct term *t, int lang, const char *text)
{
	const char *words = text_get(&t->words, lang);
	if (!text || !words)
		return false;
	while (*words) {
		while (*words == ' ' || *words == ',')
			words++;
		size_t n = strcspn(words, ",");
		size_t len = n;
		while (len && words[len - 1] == ' ')
			len--;
		if (len && has_word(text, words, len))
			return true;
		words += n;
	}
	return false;
}

int question_terms(const struct ruleset *rs, int q, int lang, int *out)
{
	const struct question *qu = &rs->questions[q];
	int n = 0;
	for (int t = 0; t < rs->nterms; t++) {
		const struct term *term = &rs->terms[t];
		bool used = term_used_in(term, lang, text_get(&qu->text, lang)) ||
			    (qu->help.s[0] && term_used_in(term, lang, text_get(&qu->help, lang)));
		for (int c = 0; !used && c < qu->nchoices; c++)
			used = term_used_in(term, lang, text_get(&qu->choices[c].text, lang));
		if (used)
			out[n++] = t;
	}
	return n;
}
