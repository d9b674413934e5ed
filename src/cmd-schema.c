/* SPDX-License-Identifier: EUPL-1.2 */
/* opname schema: a JSON Schema of case files, outcome records or the
 * questions' JSON, for the loaded rule file (schema.c). */
#include <string.h>

#include "command.h"
#include "opname/schema.h"

int check_schema_args(struct ctx *ctx, const struct cmd_args *a)
{
	(void)ctx;
	enum schema_kind k;
	if (schema_kind_parse(a->argv[0], &k) < 0)
		return usage_error(&cmd_schema, "unknown schema '%s': use case, outcome or questions",
				   a->argv[0]);
	return 0;
}

int run_schema(struct ctx *ctx, const struct cmd_args *a)
{
	enum schema_kind k;
	schema_kind_parse(a->argv[0], &k);
	struct strbuf sb = STRBUF_INIT;
	schema_write(&sb, k, ctx->rs, ctx->lang);
	int status = write_stdout(sb.buf, sb.len);
	sb_release(&sb);
	return status;
}
