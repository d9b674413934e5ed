/* SPDX-License-Identifier: EUPL-1.2 */
/* The context every command runs in: the language asked for, the colour
 * of stdout, and the rule file, loaded once when a command needs it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "opname/rules.h"

/* A language code as rule files write them: 1 to 8 of a-z, A-Z, '-'. */
static bool lang_code_valid(const char *code)
{
	size_t n = strlen(code);
	if (n == 0 || n > 8)
		return false;
	for (; *code; code++)
		if (!((*code >= 'a' && *code <= 'z') || (*code >= 'A' && *code <= 'Z') ||
		      *code == '-'))
			return false;
	return true;
}

/* 'from': where the code came from when not --lang ("OPNAME_LANG"). Any
 * code of a rule file's language is taken here; whether the file has it
 * is known once it is loaded (ctx_rules). */
int ctx_set_lang(struct ctx *ctx, const struct command *cmd, const char *code,
		    const char *from)
{
	if (!lang_code_valid(code))
		return usage_error(cmd, "%s%sunknown language '%s': use nl or en",
				   from ? from : "", from ? ": " : "", code);
	ctx->lang_code = code;
	ctx->lang_from = from;
	ctx->ui = ui_lang_of(code);
	return 0;
}

/* The language of the texts: the one asked for, else the file's first. A
 * code that is neither the file's nor one of the tool's own (nl, en) is a
 * usage error naming the file's languages. */
static int choose_lang(struct ctx *ctx)
{
	const struct ruleset *rs = ctx->rs;
	if (!ctx->lang_code) {
		ctx->lang = 0;
		ctx->ui = ui_lang_of(rs->langs[0]);
		return 0;
	}
	ctx->lang = ruleset_lang(rs, ctx->lang_code);
	if (ctx->lang >= 0)
		return 0;
	if (strcmp(ctx->lang_code, "nl") && strcmp(ctx->lang_code, "en")) {
		struct strbuf all = STRBUF_INIT;
		for (int i = 0; i < rs->nlangs; i++)
			sb_add_or_list(&all, i, rs->nlangs, rs->langs[i], strlen(rs->langs[i]));
		int status = usage_error(NULL, "%s%sunknown language '%s': use %s",
					 ctx->lang_from ? ctx->lang_from : "",
					 ctx->lang_from ? ": " : "", ctx->lang_code, all.buf);
		sb_release(&all);
		return status;
	}
	fail(0, "%s has no texts in '%s'; using '%s'", rs->file, ctx->lang_code,
	     rs->langs[0]);
	ctx->lang = 0;
	return 0;
}

static enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color_mode;

int ctx_set_color(const struct command *cmd, const char *arg)
{
	if (!arg || !strcmp(arg, "always"))
		color_mode = COLOR_ALWAYS;
	else if (!strcmp(arg, "auto"))
		color_mode = COLOR_AUTO;
	else if (!strcmp(arg, "never"))
		color_mode = COLOR_NEVER;
	else
		return usage_error(cmd, "--color takes auto, always or never, not '%s'", arg);
	return 0;
}

/* The environment's word counts only when no flag overrides it, and is
 * checked only when used, so that --help and --version always work. */
static int ctx_lang(struct ctx *ctx)
{
	if (ctx->lang_given || !ctx->lang_env || !*ctx->lang_env)
		return 0;
	return ctx_set_lang(ctx, NULL, ctx->lang_env, "OPNAME_LANG");
}

int ctx_rules(struct ctx *ctx)
{
	if (ctx->rs)
		return 0;
	int status = ctx_lang(ctx);
	if (status)
		return status;
	struct diag d;
	diag_init(&d, ctx->rules_path ? ctx->rules_path : RULES_BUILTIN_NAME);
	errno = 0;
	ctx->rs = ctx->rules_path ? rules_load_file(ctx->rules_path, &d)
				  : rules_builtin();
	if (!ctx->rs) {
		status = EX_DATAERR;
		if (d.count && ctx->rules_diag) {
			diag_release(ctx->rules_diag);
			*ctx->rules_diag = d;
			return status;
		}
		if (d.count)
			diag_print(&d);
		else
			status = fail(EX_NOINPUT, "%s: cannot read: %s%s",
				      ctx->rules_path, strerror(errno),
				      ctx->rules_from_env ? " (the rule file OPNAME_RULES names)" : "");
		diag_release(&d);
		return status;
	}
	diag_release(&d);
	return choose_lang(ctx);
}

const struct style *stdout_style(void)
{
	if (color_mode != COLOR_AUTO)
		return color_mode == COLOR_ALWAYS ? &style_ansi : &style_plain;
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	if (!isatty(STDOUT_FILENO) || (nc && *nc) || (term && !strcmp(term, "dumb")))
		return &style_plain;
	return &style_ansi;
}
