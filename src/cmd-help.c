/* SPDX-License-Identifier: EUPL-1.2 */
/* opname help [COMMAND]: the same as 'opname --help' and 'opname COMMAND
 * --help', for those who type it (git help, in small). */
#include "command.h"

int run_help(struct ctx *ctx, const struct cmd_args *a)
{
	(void)ctx;
	if (a->argc == 0) {
		opname_usage(stdout);
		return finish_stdout();
	}
	const struct command *cmd = command_find(a->argv[0]);
	if (!cmd)
		return EX_USAGE;
	command_usage(stdout, cmd);
	return finish_stdout();
}
