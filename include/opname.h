/* SPDX-License-Identifier: EUPL-1.2 */
/* opname: the embeddable core of the policy decision tool.
 *
 * Load a rule file (docs/rules.md), read or build a case, decide it, and
 * read the outcome: verdict, deciding rule, reason, next steps, the parts
 * cited, the facts used, missing and unknown. Or run the interview one
 * answer at a time. The library prints nothing, never exits, and returns
 * every failure: OPNAME_EINVAL for bad data (with located diagnostics),
 * OPNAME_ENOMEM when memory runs out, OPNAME_EIO when a file cannot be read.
 *
 * Every handle is opaque and owned by the caller, who frees it with its
 * _free function. A rule set may be shared by many threads at once (it is
 * read-only once loaded); a case, an outcome or an interview by one thread
 * at a time. Strings returned live as long as the handle they come from.
 *
 * Build against it with pkg-config: cc prog.c $(pkg-config --cflags --libs opname)
 * docs/examples/embed.c is a complete program. */
#ifndef OPNAME_H
#define OPNAME_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OPNAME_API_VERSION 1

enum opname_result {
	OPNAME_OK = 0,
	OPNAME_EINVAL = -1, /* bad data: see the diagnostics */
	OPNAME_ENOMEM = -2, /* out of memory: nothing was made */
	OPNAME_EIO = -3,    /* a file could not be read (errno says why) */
};

enum opname_verdict {
	OPNAME_ALLOWED,
	OPNAME_NOT_ALLOWED,
	OPNAME_CONSULT,
	OPNAME_INCOMPLETE,
};

/* The lists an outcome holds, each a list of ids. */
enum opname_list {
	OPNAME_STEPS,      /* next steps, in the rule file's order */
	OPNAME_REFS,       /* parts of the source this path cites */
	OPNAME_FACTS_USED, /* facts the evaluation read, in order */
	OPNAME_MISSING,    /* the fact it stopped at (incomplete) */
	OPNAME_UNKNOWN,    /* unknown facts that made it a consult */
};

typedef struct opname_rules opname_rules;
typedef struct opname_case opname_case;
typedef struct opname_outcome opname_outcome;
typedef struct opname_interview opname_interview;
typedef struct opname_diags opname_diags;

/* The library's version, as "0.2.0". */
const char *opname_version(void);

/* ---- diagnostics: every problem found, located ---- */

size_t opname_diags_count(const opname_diags *d);
const char *opname_diag_file(const opname_diags *d, size_t i);
int opname_diag_line(const opname_diags *d, size_t i);   /* 0: the whole file */
int opname_diag_column(const opname_diags *d, size_t i);
int opname_diag_is_warning(const opname_diags *d, size_t i);
const char *opname_diag_message(const opname_diags *d, size_t i);
void opname_diags_free(opname_diags *d);

/* ---- rule files ---- */

/* Load a rule file from a path, or from bytes ('name' names them in the
 * diagnostics). On OPNAME_EINVAL, *diags (when diags is not NULL) holds
 * every problem; free it with opname_diags_free. */
int opname_rules_load(const char *path, opname_rules **out, opname_diags **diags);
int opname_rules_parse(const char *buf, size_t len, const char *name,
		       opname_rules **out, opname_diags **diags);
void opname_rules_free(opname_rules *rs);

const char *opname_rules_name(const opname_rules *rs);
const char *opname_rules_version(const opname_rules *rs);
const char *opname_rules_sha256(const opname_rules *rs);
/* The index of a language the file declares ("nl"), or -1. Texts are
 * asked for by this index; 0 is the file's first language. */
int opname_rules_language(const opname_rules *rs, const char *code);
size_t opname_rules_fact_count(const opname_rules *rs);
const char *opname_rules_fact_id(const opname_rules *rs, size_t i);

/* ---- cases ---- */

/* An empty case: every fact missing. */
int opname_case_new(const opname_rules *rs, opname_case **out);
/* A case file (YAML or JSON: id, facts, meta, outcome), as 'decide' reads it. */
int opname_case_parse(const opname_rules *rs, const char *buf, size_t len,
		      const char *name, opname_case **out, opname_diags **diags);
/* Give a fact a value as a case file would ("true", "nee", "unknown", a
 * choice id). OPNAME_EINVAL for an unknown fact or value, with one
 * diagnostic that names the valid ones. */
int opname_case_set(opname_case *c, const char *fact, const char *value,
		    opname_diags **diags);
const char *opname_case_id(const opname_case *c); /* NULL when none */
void opname_case_free(opname_case *c);

/* ---- deciding ---- */

int opname_decide(const opname_rules *rs, const opname_case *c, opname_outcome **out);

enum opname_verdict opname_outcome_verdict(const opname_outcome *o);
const char *opname_outcome_verdict_id(const opname_outcome *o); /* "allowed" */
const char *opname_outcome_rule(const opname_outcome *o);       /* NULL: none */
/* The reason in language 'lang' (opname_rules_language); NULL for incomplete. */
const char *opname_outcome_reason(const opname_outcome *o, int lang);
size_t opname_outcome_count(const opname_outcome *o, enum opname_list list);
const char *opname_outcome_id(const opname_outcome *o, enum opname_list list, size_t i);
/* The text of next step i, in language 'lang'. */
const char *opname_outcome_step_text(const opname_outcome *o, size_t i, int lang);
/* The outcome as the JSON object of 'opname decide --format json', with
 * 'id' as its id; a malloc'ed string the caller frees. */
int opname_outcome_json(const opname_outcome *o, const char *id, int lang, char **json);
void opname_outcome_free(opname_outcome *o);

/* ---- the interview, one answer at a time ---- */

int opname_interview_new(const opname_rules *rs, opname_interview **out);
/* The fact asked now, or NULL when there is a verdict. */
const char *opname_interview_question(const opname_interview *iv);
/* The question's text in language 'lang'. */
const char *opname_interview_text(const opname_interview *iv, int lang);
/* Answer the question asked now with what a person typed ("ja", "2",
 * "weet niet", a choice's id or text). OPNAME_EINVAL when it is not an
 * answer to this question (then nothing changes). */
int opname_interview_answer(opname_interview *iv, const char *typed);
/* Take back the last answer. OPNAME_EINVAL at the first question. */
int opname_interview_back(opname_interview *iv);
/* The outcome as the answers stand (incomplete until there is a verdict). */
int opname_interview_outcome(const opname_interview *iv, opname_outcome **out);
void opname_interview_free(opname_interview *iv);

#ifdef __cplusplus
}
#endif

#endif
