/* opname test: not built yet (see its issue). */
#include "command.h"

static int run(struct ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	return fail(EX_SOFTWARE, "'test' is not built yet");
}

const struct command cmd_test = {
	.name = "test",
	.synopsis = "",
	.summary = "(not built yet)",
	.help = "",
	.exec = run,
};
