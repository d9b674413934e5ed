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
