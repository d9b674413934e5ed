/* SPDX-License-Identifier: EUPL-1.2 */
/* The rule model: what a rule file becomes once loaded.
 *
 * Everything is indexed by small integers so that the engine can work on arrays:
 * a fact's value is an int16 (a choice index, 0/1 for a bool), conditions are a
 * flat array of nodes, and ids are only needed at the edges (loading, output). */
#ifndef OPNAME_MODEL_H
#define OPNAME_MODEL_H

#include <stddef.h>
#include <stdint.h>

#define OPNAME_MAX_LANGS 8
#define OPNAME_MAX_FACTS 256
#define OPNAME_MAX_CHOICES 64
#define OPNAME_MAX_STEPS 256
#define OPNAME_MAX_RULES 4096
#define OPNAME_MAX_CONDS 65536
#define OPNAME_MAX_PARTS 1024
#define OPNAME_MAX_TERMS 256

/* Words in one sentence past which 'check' warns, unless the file sets it. */
#define PLAIN_MAX_WORDS 25

/* A fact's value in a case: >= 0 is a value (choice index; 0 false, 1 true). */
typedef int16_t fact_value;
#define FV_MISSING ((fact_value)-1) /* not given at all */
#define FV_UNKNOWN ((fact_value)-2) /* answered "weet ik niet" */
#define FV_FALSE ((fact_value)0)
#define FV_TRUE ((fact_value)1)

enum verdict {
	VERDICT_ALLOWED,
	VERDICT_NOT_ALLOWED,
	VERDICT_CONSULT,
	VERDICT_INCOMPLETE,
};

enum fact_type { FACT_BOOL, FACT_CHOICE };

struct pos {
	int line, col; /* 1-based, as editors count */
};

/* A text in every language of the rule file, indexed like ruleset.langs. */
struct text {
	const char *s[OPNAME_MAX_LANGS];
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
	uint64_t accept; /* COND_TEST: bit v set when value v makes it true */
	struct pos pos;
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

	/* What decides when the first rule that is not false is unknown. */
	struct {
		enum verdict verdict;
		struct text reason;
		struct rule_step *steps;
		int nsteps;
	} unknown;

	/* Fact ids by hash, rules by their leading test (rule-index.h); NULL
	 * until rule_index_build, and then lookups are linear. */
	const struct rule_index *index;

	struct arena *arena; /* owns everything above */
};

const char *verdict_id(enum verdict v);
int verdict_parse(const char *s, enum verdict *out);

int ruleset_find_fact(const struct ruleset *rs, const char *id);
int ruleset_find_step(const struct ruleset *rs, const char *id);
int ruleset_find_rule(const struct ruleset *rs, const char *id);
int question_find_choice(const struct question *q, const char *id);
int ruleset_lang(const struct ruleset *rs, const char *code); /* -1 if absent */

/* The text in language 'lang', falling back to the file's first language. */
const char *text_get(const struct text *t, int lang);

#endif
