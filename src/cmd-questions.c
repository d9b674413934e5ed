/* opname questions: not built yet (see its issue). */
#include "command.h"

static int run(struct ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	return fail(EX_SOFTWARE, "'questions' is not built yet");
}

const struct command cmd_questions = {
	.name = "questions",
	.synopsis = "",
	.summary = "(not built yet)",
	.help = "",
	.exec = run,
};
