/* The built-in spelregels: a model made at build time by rules2c from
 * rules/spelregels.yaml with the same loader (see rules-emit.c). */
#include "opname/rules.h"

extern struct ruleset opname_builtin_model;

struct ruleset *rules_load_builtin(struct diag *d)
{
	(void)d; /* a rule file the loader refuses never gets built in */
	return &opname_builtin_model;
}
