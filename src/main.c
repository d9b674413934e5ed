/* SPDX-License-Identifier: EUPL-1.2 */
/* opname: the command line is src/cli.c's; this is only its entry. */
#include "command.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
