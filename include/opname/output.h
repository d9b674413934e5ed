/* SPDX-License-Identifier: EUPL-1.2 */
/* Outputs: one JSON writer and the person-readable text, shared by every
 * command. All of them append to a strbuf; writing it out is the caller's. */
#ifndef OPNAME_OUTPUT_H
#define OPNAME_OUTPUT_H

#include <stdbool.h>

#include "opname/engine.h"
#include "opname/json.h"
#include "opname/model.h"
#include "opname/util.h"

/* The language of the tool's own words (not the rule file's texts). */
enum ui_lang { UI_NL, UI_EN };

/* An outcome's members ("id": … "rules_file": {…}, "opname_version": …)
 * in the object the caller opened, so that callers can add members (batch
 * --replay, decide --explain); _rest: all but the id, in the same order. */
struct json;
void outcome_json(struct json *j, const struct ruleset *rs, const char *id,
		  const struct outcome *o, int lang, enum ui_lang ul);
void outcome_json_rest(struct json *j, const struct ruleset *rs, const struct outcome *o,
		       int lang, enum ui_lang ul);

/* "rules_file": {"name", "version", "sha256"}, a member of an object. */
void rules_file_json(struct json *j, const struct ruleset *rs);

/* Every kept message of d as a JSON array of records {"file", "line",
 * "column" (null when it has no place), "severity" ("error" or
 * "warning"), "message"}, one a line. */
struct diag;
void diag_json(struct json *j, const struct diag *d);

enum ui_lang ui_lang_of(const char *code);

enum ui_msg {
	MSG_VERDICT_ALLOWED,
	MSG_VERDICT_NOT_ALLOWED,
	MSG_VERDICT_CONSULT,
	MSG_VERDICT_INCOMPLETE,
	MSG_WHY,
	MSG_RULE,
	MSG_SOURCE,
	MSG_NEXT_STEPS,
	MSG_NO_STEPS,
	MSG_NEXT_STEPS_IF, /* graph: steps analysed apart */
	MSG_UNKNOWN_FACTS,
	MSG_MISSING_FACT,
	MSG_INCOMPLETE_REASON,
	MSG_NO_RULE_REASON,
	MSG_EXPLAIN_RULE,
	MSG_EXPLAIN_DECIDES,
	MSG_EXPLAIN_UNKNOWN,
	MSG_EXPLAIN_STOPPED,
	MSG_TRI_FALSE, /* in enum tri's order */
	MSG_TRI_TRUE,
	MSG_TRI_UNKNOWN,
	MSG_TRI_NOT_EVALUATED,
	MSG_COND_ALWAYS, /* in enum cond_kind's order, up to COND_TEST */
	MSG_COND_ALL,
	MSG_COND_ANY,
	MSG_COND_NOT,
	MSG_EXPLAIN_ALLOWED, /* in enum verdict's order */
	MSG_EXPLAIN_NOT_ALLOWED,
	MSG_EXPLAIN_CONSULT,
	MSG_EXPLAIN_INCOMPLETE,
	MSG_EXPLAIN_STEP,
	MSG__COUNT
};
const char *ui(enum ui_lang l, enum ui_msg m);

/* Colour and bold for a terminal; all empty strings otherwise. */
struct style {
	const char *bold, *green, *red, *amber, *dim, *reset;
};
extern const struct style style_plain, style_ansi;
const char *verdict_colour(const struct style *st, const struct ruleset *rs,
			   enum verdict v);
/* The verdict in words: the file's text for it, or the tool's own word for
 * the default outcomes and incomplete. */
const char *verdict_word(const struct ruleset *rs, enum verdict v, int lang,
			 enum ui_lang ul);

/* The outcome for a person: the verdict in words, why, numbered steps. */
void outcome_text(struct strbuf *sb, const struct ruleset *rs,
		  const struct outcome *o, int lang, enum ui_lang ul,
		  const struct style *st);

/* What the text calls a citation: the file's source_label, or the tool's
 * word (bron, source). */
const char *source_label(const struct ruleset *rs, int lang, enum ui_lang ul);

/* The reason of an outcome, in the rule file's language or the tool's. */
const char *outcome_reason(const struct ruleset *rs, const struct outcome *o,
			   int lang, enum ui_lang ul);

/* The same, and a step's text, with their placeholders filled in from the
 * outcome (text-expr.h): dates as people read them, or YYYY-MM-DD (iso). */
void outcome_reason_put(struct strbuf *sb, const struct ruleset *rs,
			const struct outcome *o, int lang, enum ui_lang ul, bool iso);
void step_text_put(struct strbuf *sb, const struct ruleset *rs,
		   const struct outcome *o, int step, int lang, bool iso);

/* --explain: every rule tried and every condition part's value. */
void explain_text(struct strbuf *sb, const struct ruleset *rs,
		  const struct outcome *o, const struct trace *t,
		  enum ui_lang ul);

/* Append text with every line ended by '\n', lines longer than 'width'
 * columns folded at spaces under their indent or list marker ("  1. ");
 * width 0 leaves the lines as they are. Colour codes take no columns. */
void text_fold(struct strbuf *out, const char *text, int width);

/* --explain as JSON: the value of "explain", one object per rule tried
 * with its condition as a tree (kind all/any/not/always/test, value, and
 * parts), the parts not evaluated included; the deciding rule's
 * conditional steps with their conditions too. */
void explain_json(struct json *j, const struct ruleset *rs,
		  const struct outcome *o, const struct trace *t);

/* One condition as text ("recorder = employee", "all of"), for messages
 * and graphs; cond_text_in with the words of a language, for explain. */
void cond_text(struct strbuf *sb, const struct ruleset *rs, int node);
void cond_text_in(struct strbuf *sb, const struct ruleset *rs, int node,
		  enum ui_lang ul);

#endif
