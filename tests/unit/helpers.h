/* SPDX-License-Identifier: EUPL-1.2 */
/* Shared by the cmocka unit tests: load rule files from strings, decide
 * cases from "fact=value" lists. */
#ifndef OPNAME_TEST_HELPERS_H
#define OPNAME_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "opname/case.h"
#include "opname/json.h"
#include "opname/output.h"
#include "opname/engine.h"
#include "opname/rules.h"
#include "opname/sha256.h"

/* A temporary file of a test's own (its name made with mkstemp), and the
 * teardown that removes it. */
static char temp_path[64] __attribute__((unused));

static inline int remove_temp(void **state)
{
	(void)state;
	if (temp_path[0])
		unlink(temp_path);
	temp_path[0] = '\0';
	return 0;
}

/* Load a rule file from a string; fails the test if it does not load. */
static inline struct ruleset *load_ok(const char *yaml)
{
	struct diag d;
	diag_init(&d, "t.yaml");
	struct ruleset *rs = rules_load(yaml, strlen(yaml), "t.yaml", &d);
	if (!rs)
		print_error("%s", d.text.buf);
	diag_release(&d);
	assert_non_null(rs);
	return rs;
}

/* Load a rule file that must fail; returns its diagnostics (caller frees). */
static inline char *load_bad(const char *yaml)
{
	struct diag d;
	diag_init(&d, "t.yaml");
	struct ruleset *rs = rules_load(yaml, strlen(yaml), "t.yaml", &d);
	assert_null(rs);
	assert_true(d.count > 0);
	free(d.entries);
	return d.text.buf; /* the strbuf's buffer, now the caller's */
}

/* Decide with facts given as "fact=value" strings, NULL-terminated. */
static inline void decide_with(const struct ruleset *rs, struct outcome *o,
			       const char *const *assigns)
{
	struct case_file c;
	struct strbuf err = STRBUF_INIT;
	case_init(rs, &c);
	for (; *assigns; assigns++) {
		if (case_set(rs, &c, *assigns, &err) < 0)
			fail_msg("%s", err.buf);
	}
	sb_release(&err);
	engine_decide(rs, c.facts, o, NULL);
}

/* The ids of an outcome's used facts, steps or unknowns, comma-joined. */
static inline const char *fact_ids(const struct ruleset *rs, const uint16_t *f,
				   int n, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strncat(buf, ",", size - strlen(buf) - 1);
		strncat(buf, rs->questions[f[i]].id, size - strlen(buf) - 1);
	}
	return buf;
}

static inline const char *step_ids(const struct ruleset *rs,
				   const struct outcome *o, char *buf,
				   size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < o->nsteps; i++) {
		if (i)
			strncat(buf, ",", size - strlen(buf) - 1);
		strncat(buf, rs->steps[o->steps[i]].id, size - strlen(buf) - 1);
	}
	return buf;
}

/* An outcome's JSON members, without the braces of the object. */
static inline void outcome_members(struct strbuf *sb, const struct ruleset *rs, const char *id,
				   const struct outcome *o, int lang, enum ui_lang ul)
{
	struct json j;
	json_init_members(&j, sb);
	outcome_json(&j, rs, id, o, lang, ul);
}

/* explain_json as a value of its own. */
static inline void explain_value(struct strbuf *sb, const struct ruleset *rs,
				 const struct outcome *o, const struct trace *t)
{
	struct json j;
	json_init(&j, sb);
	explain_json(&j, rs, o, t);
}

#endif
