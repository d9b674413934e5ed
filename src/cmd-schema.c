/* SPDX-License-Identifier: EUPL-1.2 */
/* opname schema: a JSON Schema of case files, outcome records or the
 * questions' JSON, for the loaded rule file (schema.c). */
#include <string.h>

#include "command.h"
#include "opname/schema.h"

static int schema(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int opt, r;
	while ((opt = cmd_getopt(&cmd_schema, argc, argv, "h", opts)) != -1)
		if ((r = ctx_option(ctx, &cmd_schema, opt, optarg)) != 0)
			return r == -1 ? EX_SOFTWARE : r;
	enum schema_kind k;
	if (optind >= argc)
		return usage_error(&cmd_schema, "which schema? use case, outcome or questions");
	if (schema_kind_parse(argv[optind], &k) < 0)
		return usage_error(&cmd_schema, "unknown schema '%s': use case, outcome or questions",
				   argv[optind]);
	if (optind + 1 < argc)
		return usage_error(&cmd_schema, "unexpected argument '%s'", argv[optind + 1]);
	int status = ctx_rules(ctx);
	if (status)
		return status;
	struct strbuf sb = STRBUF_INIT;
	schema_write(&sb, k, ctx->rs, ctx->lang);
	status = write_stdout(sb.buf, sb.len);
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
		"json.\n\n"
		"options:\n",
	.exec = schema,
};
