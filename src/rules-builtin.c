/* SPDX-License-Identifier: EUPL-1.2 */
/* The built-in spelregels: a model made at build time by rules2c from
 * rules/spelregels.yaml with the same loader (see rules-emit.c). */
#include "opname/rules.h"

extern struct ruleset opname_builtin_model;

/* Never NULL: a rule file the loader refuses fails the build. */
struct ruleset *rules_builtin(void)
{
	return &opname_builtin_model;
}

/* The bytes of rules/spelregels.yaml and its tests (builtin-rules.S). */
extern const char opname_builtin_rules[], opname_builtin_rules_end[];
extern const char opname_builtin_tests[], opname_builtin_tests_end[];

const char *rules_builtin_text(size_t *len)
{
	*len = (size_t)(opname_builtin_rules_end - opname_builtin_rules);
	return opname_builtin_rules;
}

const char *rules_builtin_tests(size_t *len)
{
	*len = (size_t)(opname_builtin_tests_end - opname_builtin_tests);
	return opname_builtin_tests;
}
