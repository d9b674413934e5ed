/* SPDX-License-Identifier: EUPL-1.2 */
/* opname help [COMMAND]: the same as 'opname --help' and 'opname COMMAND
 * --help', for those who type it (git help, in small). */
#include "command.h"

static int help(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int opt, r;
	while ((opt = cmd_getopt(&cmd_help, argc, argv, "h", opts)) != -1)
		if ((r = ctx_option(ctx, &cmd_help, opt, optarg)) != 0)
			return r == -1 ? EX_SOFTWARE : r;
	if (argc - optind > 1)
		return usage_error(&cmd_help, "one command at a time");
	if (optind == argc) {
		opname_usage(stdout);
		return finish_stdout();
	}
	const struct command *cmd = command_find(argv[optind]);
	if (!cmd)
		return EX_USAGE;
	command_usage(stdout, cmd);
	return finish_stdout();
}

const struct command cmd_help = {
	.name = "help",
	.synopsis = "[COMMAND]",
	.summary = "show the usage of opname or of one command, as --help does",
	.help = "",
	.exec = help,
};
