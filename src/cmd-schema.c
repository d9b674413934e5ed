/* SPDX-License-Identifier: EUPL-1.2 */
/* opname schema: a JSON Schema of case files, outcome records or the
 * questions' JSON, for the loaded rule file (schema.c). */
#include <string.h>

#include "command.h"
#include "opname/schema.h"

static int schema_check(struct ctx *ctx, const struct cmd_args *a)
{
	(void)ctx;
	enum schema_kind k;
	if (schema_kind_parse(a->argv[0], &k) < 0)
		return usage_error(&cmd_schema, "unknown schema '%s': use case, outcome or questions",
				   a->argv[0]);
	return 0;
}

static int schema(struct ctx *ctx, const struct cmd_args *a)
{
	enum schema_kind k;
	schema_kind_parse(a->argv[0], &k);
	struct strbuf sb = STRBUF_INIT;
	schema_write(&sb, k, ctx->rs, ctx->lang);
	int status = write_stdout(sb.buf, sb.len);
	sb_release(&sb);
	return status;
}

const struct command cmd_schema = {
	.name = "schema",
	.synopsis = "case|outcome|questions",
	.summary = "print a JSON Schema of case files, outcome records or questions",
	.help = "Prints a JSON Schema (draft 2020-12): 'case' of the case files the\n"
		"rule file takes (its facts and their values, question texts in\n"
		"--lang); 'outcome' of the records of decide --format json and batch\n"
		"(with its rules, steps and facts); 'questions' of questions --format\n"
		"json.",
	.min_args = 1,
	.max_args = 1,
	.args_missing = "which schema? use case, outcome or questions",
	.rules = true,
	.check = schema_check,
	.exec = schema,
};
