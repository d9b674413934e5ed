/* SPDX-License-Identifier: EUPL-1.2 */
/* opname: running a command from its table entry (commands.c), and the
 * help made from the table. */
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "opname/rules.h"
#include "opname/safe-text.h"
#include "opname/version.h"

void opname_usage(FILE *f)
{
	fputs("usage: opname [--rules FILE] [--lang nl|en] [--color=WHEN] [COMMAND] [ARGS]\n"
	      "       opname --version | --help | COMMAND --help\n\n"
	      "Decides cases by the policy of a rule file (built in, or --rules FILE):\n"
	      "an interview, one case or many; checks, tests and draws rule files.\n\n"
	      "commands:\n", f);
	for (int i = 0; i < cli_ncommands; i++)
		fprintf(f, "  %-10s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
	fputs("\nWith no command: ask.\n\n", f);
	command_options_usage(f, NULL);
	fputs("\nexit status: 0 allowed, 1 not allowed, 2 consult, 3 incomplete (ask, decide;\n"
	      "a rule file's own outcomes have the statuses it gives them); 64 usage,\n"
	      "65 bad data, 66 cannot open input, 70 internal, 74 output error,\n"
	      "130 interrupted. See opname(1).\n", f);
}

void command_usage(FILE *f, const struct command *cmd)
{
	fprintf(f, "usage: opname %s%s%s\n\n%s\n\n", cmd->name,
		*cmd->synopsis ? " " : "", cmd->synopsis, cmd->summary);
	if (*cmd->help)
		fprintf(f, "%s\n\n", cmd->help);
	command_options_usage(f, cmd);
	if (cmd->footer)
		fprintf(f, "\n%s", cmd->footer);
}

/* tmux's lookup: the exact name, else a unique prefix; else the nearest
 * name, for a likely typo. */
const struct command *command_find(const char *name)
{
	const struct command *found = NULL;
	size_t n = strlen(name);
	for (int i = 0; i < cli_ncommands; i++) {
		if (!strcmp(cli_commands[i]->name, name))
			return cli_commands[i];
		if (n && !strncmp(cli_commands[i]->name, name, n)) {
			if (found) {
				usage_error(NULL, "ambiguous command '%s': %s or %s?", name,
					    found->name, cli_commands[i]->name);
				return NULL;
			}
			found = cli_commands[i];
		}
	}
	if (found)
		return found;
	const char *names[32]; /* more than the table will hold */
	int count = 0;
	for (; count < cli_ncommands && count < 32; count++)
		names[count] = cli_commands[count]->name;
	const char *near = nearest_word(name, names, count);
	if (near)
		usage_error(NULL, "unknown command '%s' (did you mean '%s'?)", name, near);
	else
		usage_error(NULL, "unknown command '%s'", name);
	return NULL;
}

/* The tool's version whatever the environment says: a rule file that
 * OPNAME_RULES names and that cannot be loaded is reported, not fatal. */
static int print_version(struct ctx *ctx)
{
	ctx->lang_env = NULL; /* --version has no words of a language */
	printf("opname %s\n", opname_version_text);
	int status = finish_stdout();
	if (status || (status = ctx_rules(ctx)))
		return ctx->rules_from_env && status != EX_IOERR ? 0 : status;
	struct strbuf file = STRBUF_INIT; /* --rules FILE: any name at all */
	sb_adds_safe(&file, ctx->rs->file, 0);
	printf("rules: %s %s (%s)\nsha256: %s\n", ctx->rs->name, ctx->rs->version,
	       file.buf, ctx->rs->sha256);
	sb_release(&file);
	return finish_stdout();
}

/* Out of memory: there is no sensible way to decide a case without it. */
static void out_of_memory(void)
{
	fputs("opname: out of memory\n", stderr);
	exit(EX_SOFTWARE);
}

/* One command, from its table entry: options and arguments, the checks
 * that need more than one of them, the rule file, and then its work. */
static int run_command(struct ctx *ctx, const struct command *cmd, int argc, char **argv)
{
	struct cmd_args a;
	int status = cmd_parse(ctx, cmd, argc, argv, &a);
	if (!status && cmd->check)
		status = cmd->check(ctx, &a);
	if (!status && cmd->rules)
		status = ctx_rules(ctx);
	if (!status)
		status = cmd->exec(ctx, &a);
	cmd_args_release(&a);
	return status < 0 ? 0 : status; /* -1: --help was shown */
}

int cli_main(int argc, char **argv)
{
	util_out_of_memory = out_of_memory;
	struct ctx ctx = { 0 };
	ctx.rules_path = getenv("OPNAME_RULES");
	if (ctx.rules_path && !*ctx.rules_path)
		ctx.rules_path = NULL;
	ctx.rules_from_env = ctx.rules_path != NULL;
	ctx.lang_env = getenv("OPNAME_LANG");

	struct cmd_args global;
	int status = cmd_parse(&ctx, NULL, argc, argv, &global);
	if (!status && args_has(&global, OPT_VERSION))
		status = print_version(&ctx);
	else if (!status) {
		const struct command *cmd = &cmd_ask;
		char *ask_argv[] = { "ask", NULL };
		int n = global.argc;
		char **args = global.argv;
		if (n == 0) {
			n = 1;
			args = ask_argv;
		} else if (!(cmd = command_find(args[0]))) {
			n = 0;
			status = EX_USAGE;
		}
		if (n)
			status = run_command(&ctx, cmd, n, args);
	}
	cmd_args_release(&global);
	rules_free(ctx.rs);
	if (status < 0) /* --help was shown */
		status = 0;
	if (finish_stdout())
		status = EX_IOERR;
	return status;
}
