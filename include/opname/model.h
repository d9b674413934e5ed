/* SPDX-License-Identifier: EUPL-1.2 */
/* The rule model: what a rule file becomes once loaded.
 *
 * Everything is indexed by small integers so that the engine can work on arrays:
 * a fact's value is an int32 (a choice index, 0/1 for a bool, a number, a
 * set of choices as bits), conditions are a
 * flat array of nodes, and ids are only needed at the edges (loading, output). */
#ifndef OPNAME_MODEL_H
#define OPNAME_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OPNAME_MAX_LANGS 8
#define OPNAME_MAX_FACTS 256
#define OPNAME_MAX_CHOICES 64
/* A set's value is a bitmask of its choices in a non-negative int32_t, so
 * it never meets FV_MISSING or FV_UNKNOWN: at most 31 choices. */
#define OPNAME_MAX_SET_CHOICES 31
#define OPNAME_MAX_VALUES 65 /* values check branches on: 64 and unknown */
#define OPNAME_NUMBER_MAX 2147483647
#define OPNAME_MAX_STEPS 256
#define OPNAME_MAX_RULES 4096
#define OPNAME_MAX_CONDS 65536
#define OPNAME_MAX_PARTS 1024
#define OPNAME_MAX_TEXT_FACTS 16 /* facts that texts show (text-expr.h) */
#define OPNAME_MAX_TERMS 256
#define OPNAME_MAX_DEFINES 1024
#define OPNAME_MAX_OUTCOMES 32 /* a file's outcomes, and incomplete */

/* Words in one sentence past which 'check' warns, unless the file sets it. */
#define PLAIN_MAX_WORDS 25

/* A fact's value in a case: >= 0 is a value (choice index; 0 false, 1 true;
 * a number itself; a set's choices as bits). */
typedef int32_t fact_value;
#define FV_MISSING ((fact_value)-1) /* not given at all */
#define FV_UNKNOWN ((fact_value)-2) /* answered "weet ik niet" */
#define FV_FALSE ((fact_value)0)
#define FV_TRUE ((fact_value)1)

/* An outcome: an index into ruleset.verdicts, or VERDICT_INCOMPLETE, which
 * every rule file has. A file that declares no outcomes has the first three
 * (docs/rules.md, "outcomes"). */
enum verdict {
	VERDICT_ALLOWED,
	VERDICT_NOT_ALLOWED,
	VERDICT_CONSULT,
	VERDICT_INCOMPLETE = OPNAME_MAX_OUTCOMES - 1,
};


enum fact_type { FACT_BOOL, FACT_CHOICE, FACT_NUMBER, FACT_DATE, FACT_SET };

/* What a test asks of its fact: a value in 'accept' (bool, choice, number,
 * date); "was it answered unknown?" ('x: unknown', two-valued); for a set,
 * whether it holds any, or none, of the choices in 'accept'. */
enum cond_form { FORM_VALUE, FORM_UNKNOWN, FORM_ANY_OF, FORM_NONE_OF };

/* A number test's comparison (CMP_NONE for the other types). */
enum cmp { CMP_NONE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE };

struct strbuf;

struct pos {
	int line, col; /* 1-based, as editors count */
};

/* A text in every language of the rule file, indexed like ruleset.langs. */
struct text {
	const char *s[OPNAME_MAX_LANGS];
};

enum colour { COLOUR_GREEN, COLOUR_RED, COLOUR_AMBER, COLOUR_GREY };

/* An outcome a rule can give, as the file declares it. */
struct verdict_def {
	const char *id;
	struct text text; /* the verdict in words; s[0] == NULL: the tool's own */
	int status;       /* the exit status of decide and ask */
	enum colour colour;
	struct pos pos;
};

struct part {
	const char *id;
	struct text title;
	struct pos pos;
};

struct choice {
	const char *id;
	struct text text;
	struct text label; /* short, for a summary of answers; may be absent */
	struct pos pos;
};

/* The index of a bool answer's label in question.labels. */
#define LABEL_UNKNOWN 2

struct question {
	const char *id;
	enum fact_type type;
	struct choice *choices; /* FACT_CHOICE only */
	int nchoices;
	struct text text;
	struct text help; /* s[0] == NULL when the file gives no help */
	struct text labels[3]; /* bool: short words for false, true, unknown */
	int *refs;        /* indices into ruleset.parts */
	int nrefs;
	struct pos pos;
	/* FACT_NUMBER: its range, its unit (s[0] NULL: none), and where the
	 * intervals its tests' constants cut start, ascending, starts[0] ==
	 * min: a number is tested by the interval it falls in (rules-number.c). */
	int32_t min, max;
	struct text unit;
	int32_t *starts;
	int nstarts;
	/* FACT_SET: the value's choices as bits. 'check' branches on one set
	 * of each class its tests tell apart (rules-set.c): the distinct masks
	 * its tests ask about, and one representative set per class. */
	uint32_t *masks;
	int nmasks;
	fact_value *classes;
	int nclasses;
};

struct step {
	const char *id;
	int part;
	struct text text;
	struct pos pos;
};

enum cond_kind {
	COND_TRUE, /* a rule without 'when' */
	COND_ALL,
	COND_ANY,
	COND_NOT,
	COND_TEST, /* fact value is in 'accept' */
};

/* Condition nodes live in one array; a node's children are the next
 * 'nkids' subtrees, found by following 'size' (nodes in a subtree). */
struct cond {
	enum cond_kind kind;
	int nkids;
	int size; /* this node plus all its descendants */
	int fact; /* COND_TEST */
	uint64_t accept; /* COND_TEST: bit v set when value v makes it true; for a
			  * number, v is the interval of question.starts */
	struct pos pos;
	enum cmp op;   /* a number or date test: 'fact OP value' */
	int32_t value;
	/* A date test against another date: 'fact OP ref + shift shift_unit'
	 * (shift < 0: minus); ref -1 for a test against the constant value. */
	int ref;
	int shift;
	char shift_unit; /* 'd', 'w', 'm', 'y', or 0 */
	enum cond_form form;
};

struct rule_step {
	int step;
	int when; /* condition node, or -1 for an unconditional step */
};

struct rule {
	const char *id;
	int when; /* condition node (COND_TRUE when the file gives none) */
	enum verdict verdict;
	struct text reason;
	int *refs;     /* indices into ruleset.parts, in the order written */
	int nrefs;
	struct rule_step *steps;
	int nsteps;
	struct pos pos;
	/* Per ref: its condition node, or -1 when it is always cited. A ref
	 * with a condition is cited only on the paths where it holds
	 * (docs/rules.md, "Citations per path"). */
	int *ref_when;
};

/* A term of the glossary: what the interview explains when a question
 * uses one of its words. */
struct term {
	const char *id;
	struct text term;  /* the term as shown: "AVG" */
	struct text words; /* comma-separated forms that count as a use */
	struct text text;  /* the definition */
	struct pos pos;
};

/* The plain-language limits 'check' measures the prose texts against. */
struct plain_language {
	int max_words;  /* words in one sentence */
	int mean_words; /* words a sentence on average, per language; 0: none */
	struct pos pos;
};

struct rule_index;

struct ruleset {
	const char *file; /* as named by the user, or "spelregels.yaml (built in)" */
	const char *name;
	const char *version;
	char sha256[65]; /* hex of the file's bytes */
	const char *langs[OPNAME_MAX_LANGS];
	int nlangs;
	struct text title, source;
	struct text source_label; /* what a citation is called; s[0] NULL: "bron"/"source" */

	struct part *parts;
	int nparts;
	struct question *questions;
	int nquestions;
	struct step *steps;
	int nsteps;
	struct rule *rules;
	int nrules;
	struct cond *conds;
	int nconds;
	struct term *terms;
	int nterms;
	struct plain_language plain;
	struct verdict_def *verdicts; /* the outcomes but incomplete */
	int nverdicts;
	bool declares_verdicts; /* an 'outcomes' section, not the defaults */

	/* What decides when the first rule that is not false is unknown. */
	struct {
		enum verdict verdict;
		struct text reason;
		struct rule_step *steps;
		int nsteps;
	} unknown;

	/* The facts the texts' placeholders show (docs/rules.md, "Dates and
	 * numbers in texts"): an outcome keeps their values (text-expr.h). */
	uint16_t text_facts[OPNAME_MAX_TEXT_FACTS];
	int ntext_facts;
	/* The texts with placeholders, where the file writes them, for check:
	 * kind 'r' a rule's reason, 'u' the unknown reason, 's' a step's
	 * text; index the rule or step; lang the language. */
	struct text_site {
		char kind;
		int index, lang;
		struct pos pos;
	} *text_sites;
	int ntext_sites;

	/* Findings of check the file marks as intended, each with its reason
	 * (docs/rules.md, "Intended findings"): a = the rule, question or
	 * step; b = the choice (same_outcome) or the ref's place (never_cited). */
	struct intended {
		enum intended_kind {
			INTENDED_UNREACHABLE, INTENDED_NEVER_ASKED, INTENDED_SAME_OUTCOME,
			INTENDED_NEVER_GIVEN, INTENDED_NEVER_CITED,
		} kind;
		int a, b;
		const char *reason;
		struct pos pos;
	} *intended;
	int nintended;

	/* Fact ids by hash, rules by their leading test (rule-index.h); NULL
	 * until rule_index_build, and then lookups are linear. */
	const struct rule_index *index;

	struct arena *arena; /* owns everything above */
};

/* The outcome v of rs (incomplete included), its id, its exit status. */
const struct verdict_def *verdict_def(const struct ruleset *rs, enum verdict v);
const char *verdict_id(const struct ruleset *rs, enum verdict v);
int verdict_parse(const struct ruleset *rs, const char *s, enum verdict *out);
int verdict_status(const struct ruleset *rs, enum verdict v);
/* The outcomes in the order written, then incomplete: k from 0 to
 * rs->nverdicts inclusive. */
enum verdict verdict_nth(const struct ruleset *rs, int k);
/* "allowed, not_allowed or consult" (with incomplete: "..., consult or
 * incomplete"), for messages. */
void verdict_list(const struct ruleset *rs, bool with_incomplete, struct strbuf *out);
/* allowed, not_allowed and consult: the outcomes of a file that declares none. */
extern const struct verdict_def verdict_defaults[3];

/* The index of the one of n things ('size' bytes apart) whose id, the
 * string at byte 'at' of each, is 'id'; or -1. One search for facts,
 * steps, rules, choices, terms and languages alike; ID_INDEX(array, n,
 * field, id) for an array of structs with a 'const char *field'. */
int id_index(const void *things, int n, size_t size, size_t at, const char *id);
#define ID_INDEX(array, n, field, id) \
	id_index(array, n, sizeof *(array), offsetof(__typeof__(*(array)), field), id)

int ruleset_find_fact(const struct ruleset *rs, const char *id);
int ruleset_find_step(const struct ruleset *rs, const char *id);
int ruleset_find_rule(const struct ruleset *rs, const char *id);
int question_find_choice(const struct question *q, const char *id);
int ruleset_lang(const struct ruleset *rs, const char *code); /* -1 if absent */

/* The text in language 'lang', falling back to the file's first language. */
const char *text_get(const struct text *t, int lang);

#endif
