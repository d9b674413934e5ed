/* SPDX-License-Identifier: EUPL-1.2 */
/* JSON Schemas (draft 2020-12) of what opname reads and writes, for
 * editors and for the privacy officer's other tools: case files (generated
 * from the rule file's facts and values, so right for any rule file),
 * outcome records (decide --format json, each line of batch), and the
 * output of questions --format json. */
#ifndef OPNAME_SCHEMA_H
#define OPNAME_SCHEMA_H

#include "opname/model.h"
#include "opname/util.h"

enum schema_kind { SCHEMA_CASE, SCHEMA_OUTCOME, SCHEMA_QUESTIONS };

/* "case", "outcome" or "questions"; returns 0, or -1 for another name. */
int schema_kind_parse(const char *name, enum schema_kind *k);

/* The schema as JSON text, ending in a newline; texts in language 'lang'. */
void schema_write(struct strbuf *sb, enum schema_kind k,
		  const struct ruleset *rs, int lang);

/* A regular expression (ECMA 262, as JSON Schema has them) that matches
 * exactly the given words in any letter case: "^(?:[Yy][Ee][Ss]|...)$". */
void schema_words_pattern(struct strbuf *sb, const char *const *words, int n);

#endif
