/* SPDX-License-Identifier: EUPL-1.2 */
/* Fact types: one table of operations per type (bool, choice, number, date,
 * set), so that the
 * loader, the engine's callers, the analysis, the case reader and writer,
 * the interview and every output go through one place. Adding a type means
 * one entry here (src/fact.c) plus the loader's schema (docs/hacking.md). */
#ifndef OPNAME_FACT_H
#define OPNAME_FACT_H

#include <stdbool.h>
#include <stdint.h>

#include "opname/answer.h"
#include "opname/model.h"
#include "opname/util.h"

struct fact_ops {
	const char *name;      /* as a rule file writes it: "bool" */
	const char *enum_name; /* the C enumerator, for the emitted built-in model */
	const char *summary;   /* for 'questions': "bool: true, false or unknown" */
	/* Its values are the question's own listed choices: shown numbered,
	 * answered by number or id, quoted in case files, and kept apart by
	 * the analysis. A bool's values are the tool's yes/no/unknown. */
	bool listed;
	bool has_unknown; /* "weet ik niet" is one of its values */
	bool yes_no;      /* its values are the tool's words ja/nee/weet niet */
	bool ranged;      /* a number or date: check branches on intervals */
	bool dated;       /* a date: written YYYY-MM-DD, compared with dates */
	bool multi;       /* a set: several of its choices at once, as bits */
	/* Every value, in the order 'check' branches on them (for a number one
	 * of each interval, its start). Returns how many; 'vals' has room for
	 * OPNAME_MAX_VALUES. */
	int (*values)(const struct question *q, fact_value *vals);
	/* A value from a case file or --set: 0, or -1 if it is none. */
	int (*parse)(const struct question *q, const char *s, fact_value *v);
	/* A typed answer, normalised (see answer.h), that is not a command. */
	enum answer_kind (*answer)(const struct question *q, const char *s,
				   struct answer *out);
	/* What it accepts, for messages. */
	void (*hint)(const struct question *q, struct strbuf *out);
	/* The value for machines (case files, JSON, paths); v >= 0. A set's
	 * ids, comma-separated, as --set takes them. */
	void (*put)(const struct question *q, fact_value v, struct strbuf *out);
	/* The same as a JSON (and YAML flow) value: a choice's id quoted, a
	 * set an array of ids; v >= 0. */
	void (*put_json)(const struct question *q, fact_value v, struct strbuf *out);
	/* The value for people in the rule file's words, or NULL where the
	 * tool's own word (ja/nee/weet niet) is meant; v >= 0. The operation
	 * NULL: the type has no words of the file's (a bool, a number). */
	const struct text *(*text)(const struct question *q, fact_value v);
	/* The rule file's short word for an answer, or NULL (the operation
	 * NULL: none ever). */
	const struct text *(*label)(const struct question *q, fact_value v);
	/* A test, for --explain: "x = true", "y in a|b", "n > 72". */
	void (*test_text)(const struct question *q, const struct cond *c,
			  struct strbuf *out);
};

const struct fact_ops *fact_type_of(const struct question *q);
/* Does the question list choices (a choice or a set)? */
bool fact_has_choices(const struct question *q);
/* The type a rule file names, or NULL. */
const struct fact_ops *fact_type_find(const char *name, enum fact_type *type);
/* "bool, choice, number or date", for the loader's message. */
const char *fact_type_names(void);

int fact_values(const struct question *q, fact_value *vals);
/* The same for fact f of rs on a path with these facts: a date compared
 * with another date also takes the values either side of that date plus
 * its duration, when the other is known, so check stays exact. */
int fact_values_at(const struct ruleset *rs, int f, const fact_value *facts,
		   fact_value *vals);
/* The values check branches on for date f where dates not yet known are
 * compared with it (docs/rules.md, "Dates"): besides fact_values_at's, the
 * days where a comparison flips, carried from every date a chain of such
 * comparisons joins to f (its interval starts and ends, or its value if
 * known) through every comparison of the chain, each day and the days
 * either side. Sorted, unknown last; 'vals' has room for FACT_WIDE_MAX + 1.
 * Many lead to the same answers: the analysis keeps one of each. *over is
 * set if the points did not fit. */
#define FACT_WIDE_MAX 1024
int fact_values_wide(const struct ruleset *rs, int f, const fact_value *facts,
		     fact_value *vals, bool *over);
/* What the engine can tell of value v of fact f on a path with these
 * facts: its class (fact_value_class) and, for a date, whether each
 * comparison with a known date holds. Equal for values no test tells
 * apart there. */
uint64_t fact_value_side(const struct ruleset *rs, int f, fact_value *facts, fact_value v);
/* A date test against another date: does 'v OP ref + shift' hold? */
bool cond_compare(const struct cond *c, fact_value v, fact_value ref);
/* v OP k, for the comparison operators of number and date tests. */
bool cmp_holds(enum cmp op, int32_t v, int32_t k);
bool fact_value_valid(const struct question *q, fact_value v);
/* "unknown" for FV_UNKNOWN, nothing for FV_MISSING, else the type's id. */
void fact_value_put(struct strbuf *out, const struct question *q, fact_value v);
/* The same as a JSON value: "unknown" quoted, null for FV_MISSING. */
void fact_value_json(struct strbuf *out, const struct question *q, fact_value v);
/* For a number, the interval v falls in ("73-1000", "1001 or more"); else
 * as fact_value_put. For the answers check branches on. */
void fact_value_range(struct strbuf *out, const struct question *q, fact_value v);
/* The value as check tells values apart: a number's interval (as -3 - i,
 * apart from the sentinels), else v itself. */
fact_value fact_value_class(const struct question *q, fact_value v);
/* The interval of question.starts that number v falls in. */
int fact_interval(const struct question *q, fact_value v);
const struct text *fact_value_text(const struct question *q, fact_value v);
const struct text *fact_value_label(const struct question *q, fact_value v);
/* The bool spellings a case file takes, NULL-terminated, pairwise (true
 * and false, yes and no, ja and nee); and unknown, "unknown". */
extern const char *const fact_true_words[], *const fact_false_words[];

/* Parse a value for fact q: a choice id, or a bool spelling (true false yes
 * no ja nee, any case) or unknown. Returns 0 or -1. */
int fact_value_parse(const struct question *q, const char *s, fact_value *v);
/* What a fact accepts, for messages: "true, false or unknown". */
void fact_values_hint(const struct question *q, struct strbuf *out);
void fact_test_text(const struct question *q, const struct cond *c, struct strbuf *out);

/* The ids of the choices whose bits are set, in order, joined by sep. */
void fact_choice_ids(const struct question *q, uint64_t bits, const char *sep,
		     struct strbuf *out);

/* Sets (src/fact-set.c). Bit i of a set's value is its choice i. Its
 * operations, for its entry in the table of fact.c: */
int set_values(const struct question *q, fact_value *vals);
int set_parse_op(const struct question *q, const char *s, fact_value *v);
void set_hint(const struct question *q, struct strbuf *out);
void set_put(const struct question *q, fact_value v, struct strbuf *out);
void set_put_json(const struct question *q, fact_value v, struct strbuf *out);
void set_test_text(const struct question *q, const struct cond *c, struct strbuf *out);
/* A set written as --set and CSV take it: ids separated by ',' or '|',
 * blanks around them allowed; "" or "[]" for none; unknown. 0, or -1 and,
 * if why is not NULL, what is wrong with it. */
int set_parse(const struct question *q, const char *s, fact_value *v,
	      struct strbuf *why);
/* One id of a set's list; adds its bit to *v. 0, or -1 and why. */
int set_add_id(const struct question *q, const char *id, fact_value *v,
	       struct strbuf *why);
/* Which class of sets v is in, as the tests of q tell them apart: an
 * index into question.classes. */
int set_class(const struct question *q, fact_value v);
/* Does a set test hold for v (v >= 0)? */
bool set_test_holds(const struct cond *c, fact_value v);

#endif
