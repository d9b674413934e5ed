/* opname check: not built yet (see its issue). */
#include "command.h"

static int run(struct ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	return fail(EX_SOFTWARE, "'check' is not built yet");
}

const struct command cmd_check = {
	.name = "check",
	.synopsis = "",
	.summary = "(not built yet)",
	.help = "",
	.exec = run,
};
