/* SPDX-License-Identifier: EUPL-1.2 */
/* Parsing one typed answer (see opname/answer.h). */
#include "opname/answer.h"

#include <stdbool.h>
#include <string.h>

#include "opname/fact.h"
#include "opname/safe-text.h"
#include "opname/util.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
	       c == '\f';
}

/* Trim, lower-case (ASCII) and fold runs of white space into one space, so
 * that "  Weet   NIET\r\n" reads as "weet niet". 'out' holds len + 1. */
static void normalise(const char *line, size_t len, char *out)
{
	size_t n = 0;
	bool gap = false;
	for (size_t i = 0; i < len; i++) {
		char c = line[i];
		if (is_space(c)) {
			gap = n > 0;
			continue;
		}
		if (gap)
			out[n++] = ' ';
		gap = false;
		out[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out[n] = '\0';
}

static bool one_of(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (!strcmp(s, *words))
			return true;
	return false;
}

static const char *const yes_words[] = { "ja", "j", "yes", "y", "true", NULL };
static const char *const no_words[] = { "nee", "n", "no", "false", NULL };
static const char *const unknown_words[] = {
	"w", "weet niet", "weet ik niet", "onbekend", "u", "unknown",
	"don't know", "dont know", "do not know", NULL,
};

static enum answer_kind bad(struct answer *out, enum answer_error e)
{
	out->kind = ANSWER_BAD;
	out->error = e;
	return ANSWER_BAD;
}

static enum answer_kind value(struct answer *out, fact_value v)
{
	out->kind = ANSWER_VALUE;
	out->value = v;
	return ANSWER_VALUE;
}

/* A choice by number: digits only, no sign; leading zeros are harmless. */
static bool choice_number(const char *s, int nchoices, int *index, bool *number)
{
	*number = *s != '\0';
	long n = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9') {
			*number = false;
			return false;
		}
		if (n <= OPNAME_MAX_CHOICES) /* past that it is out of range anyway */
			n = n * 10 + (*p - '0');
	}
	if (!*number || n < 1 || n > nchoices)
		return false;
	*index = (int)n - 1;
	return true;
}

/* Does s match text t in any of the rule file's languages? */
static bool any_lang(const struct text *t, const char *s)
{
	for (int l = 0; l < OPNAME_MAX_LANGS; l++)
		if (t->s[l] && str_ieq(t->s[l], s))
			return true;
	return false;
}

enum answer_kind answer_value_choice(const struct question *q, const char *s,
				     struct answer *out)
{
	int index;
	bool number;
	if (choice_number(s, q->nchoices, &index, &number))
		return value(out, (fact_value)index);
	if (number)
		return bad(out, ANSWER_ERR_NO_SUCH_CHOICE);
	for (int i = 0; i < q->nchoices; i++)
		if (str_ieq(q->choices[i].id, s))
			return value(out, (fact_value)i);
	/* The words shown for a choice, in the question and in the summary of
	 * answers ("Een inwoner", "inwoner"), in any language. */
	for (int i = 0; i < q->nchoices; i++)
		if (any_lang(&q->choices[i].text, s) || any_lang(&q->choices[i].label, s))
			return value(out, (fact_value)i);
	if (one_of(s, unknown_words))
		return bad(out, ANSWER_ERR_UNKNOWN_CHOICE);
	return bad(out, ANSWER_ERR_NOT_UNDERSTOOD);
}

/* Words for the empty set: none of the choices. */
static const char *const none_words[] = { "0", "geen", "none", "geen van deze",
					   "none of these", NULL };

/* A set: choices as for a choice question, separated by commas. */
enum answer_kind answer_value_set(const struct question *q, const char *s,
				  struct answer *out)
{
	if (one_of(s, unknown_words))
		return value(out, FV_UNKNOWN);
	if (one_of(s, none_words))
		return value(out, 0);
	fact_value set = 0;
	char item[ANSWER_MAX_LINE + 1];
	for (const char *p = s;; p++) {
		const char *stop = strchr(p, ',');
		size_t n = stop ? (size_t)(stop - p) : strlen(p);
		while (n && p[n - 1] == ' ')
			n--;
		while (n && *p == ' ')
			p++, n--;
		memcpy(item, p, n);
		item[n] = '\0';
		struct answer one;
		if (!n || answer_value_choice(q, item, &one) != ANSWER_VALUE)
			return bad(out, n && one.error == ANSWER_ERR_NO_SUCH_CHOICE
					? ANSWER_ERR_NO_SUCH_CHOICE : ANSWER_ERR_NOT_UNDERSTOOD);
		if ((uint32_t)set >> one.value & 1)
			return bad(out, ANSWER_ERR_TWICE);
		set |= (fact_value)1 << one.value;
		if (!stop)
			break;
		p = stop;
	}
	return value(out, set);
}

/* The interview's commands, taken before any value. */
static const struct {
	const char *words[5];
	enum answer_kind kind;
} commands[] = {
	{ { "?", "help", NULL }, ANSWER_HELP },
	{ { "waarom", "why", NULL }, ANSWER_WHY },
	{ { "begrippen", "terms", NULL }, ANSWER_TERMS },
	{ { "terug", "back", NULL }, ANSWER_BACK },
	{ { "stop", "quit", "q", "exit", NULL }, ANSWER_STOP },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

bool answer_reserved(const char *id)
{
	char s[64];
	size_t n = strlen(id);
	if (n >= sizeof s)
		return false; /* no command is that long */
	normalise(id, n, s);
	bool digits = *s != '\0';
	for (const char *p = s; *p; p++)
		digits = digits && *p >= '0' && *p <= '9';
	if (digits)
		return true;
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (one_of(s, commands[i].words))
			return true;
	return false;
}

/* A whole number in the question's range, digits only; or unknown. */
enum answer_kind answer_value_number(const struct question *q, const char *s,
				     struct answer *out)
{
	if (one_of(s, unknown_words))
		return value(out, FV_UNKNOWN);
	fact_value v;
	if (*s == 'u' || fact_value_parse(q, s, &v) < 0) /* "unknown" read above */
		return bad(out, ANSWER_ERR_NOT_A_NUMBER);
	return value(out, v);
}

/* A date, YYYY-MM-DD; or unknown. */
enum answer_kind answer_value_date(const struct question *q, const char *s,
				   struct answer *out)
{
	if (one_of(s, unknown_words))
		return value(out, FV_UNKNOWN);
	fact_value v;
	if (*s == 'u' || fact_value_parse(q, s, &v) < 0)
		return bad(out, ANSWER_ERR_NOT_A_DATE);
	return value(out, v);
}

enum answer_kind answer_value_bool(const struct question *q, const char *s,
				   struct answer *out)
{
	static const fact_value by_label[3] = { FV_FALSE, FV_TRUE, FV_UNKNOWN };
	if (one_of(s, yes_words))
		return value(out, FV_TRUE);
	if (one_of(s, no_words))
		return value(out, FV_FALSE);
	if (one_of(s, unknown_words))
		return value(out, FV_UNKNOWN);
	/* The summary's words for an answer ("gemeld", "niet thuis"). */
	for (int i = 0; i < 3; i++)
		if (any_lang(&q->labels[i], s))
			return value(out, by_label[i]);
	return bad(out, ANSWER_ERR_NOT_UNDERSTOOD);
}

enum answer_kind answer_parse(const struct question *q, const char *line,
			      size_t len, struct answer *out)
{
	char s[ANSWER_MAX_LINE + 1];
	out->error = ANSWER_OK;
	out->value = FV_MISSING;
	if (len > ANSWER_MAX_LINE)
		return bad(out, ANSWER_ERR_TOO_LONG);
	if (!utf8_valid(line, len))
		return bad(out, ANSWER_ERR_ENCODING);
	normalise(line, len, s);
	if (!*s) {
		out->kind = ANSWER_EMPTY;
		return ANSWER_EMPTY;
	}
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (one_of(s, commands[i].words)) {
			out->kind = commands[i].kind;
			return out->kind;
		}
	}
	return fact_type_of(q)->answer(q, s, out);
}
