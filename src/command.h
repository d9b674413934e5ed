/* What every command shares: the table entry it exports (tmux's cmd_entry,
 * in small), the context of global options, and the exit statuses. */
#ifndef OPNAME_COMMAND_H
#define OPNAME_COMMAND_H

#include <getopt.h>
#include <stdio.h>
#include <sysexits.h>

#include "opname/diag.h"
#include "opname/model.h"
#include "opname/output.h"

#define EX_INTERRUPTED 130

struct ctx {
	const char *rules_path; /* NULL: the built-in spelregels */
	const char *lang_code;  /* "nl" unless --lang or OPNAME_LANG */
	enum ui_lang ui;
	struct ruleset *rs;     /* loaded by ctx_rules() */
	int lang;               /* lang_code's index in rs->langs */
	struct diag *rules_diag; /* if set, ctx_rules leaves the loader's
				    problems here instead of printing them */
};

struct command {
	const char *name;
	const char *synopsis; /* after "opname NAME " */
	const char *summary;  /* one line for the command list */
	const char *help;     /* the options, for NAME --help */
	int (*exec)(struct ctx *ctx, int argc, char **argv);
};

extern const struct command cmd_ask, cmd_decide, cmd_batch, cmd_check,
	cmd_test, cmd_questions, cmd_graph, cmd_schema;

/* Options every command takes, after its own in a getopt_long table. */
enum { OPT_RULES = 1000, OPT_LANG, OPT_HELP, OPT_COMMAND_BASE };
#define GLOBAL_OPTIONS                                              \
	{ "rules", required_argument, NULL, OPT_RULES },            \
	{ "lang", required_argument, NULL, OPT_LANG },              \
	{ "help", no_argument, NULL, 'h' }

/* Handle a global option inside a command's getopt loop. Returns -1 when
 * 'opt' is not one, 0 when handled, or an exit status to return (usage). */
int ctx_option(struct ctx *ctx, const struct command *cmd, int opt,
	       const char *arg);

/* Load the rule file once; returns 0 or an exit status (messages printed). */
int ctx_rules(struct ctx *ctx);

/* Print "opname: ..." to stderr; returns status, for 'return fail(...)'. */
int fail(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Usage error: message, then "try 'opname CMD --help'"; returns EX_USAGE. */
int usage_error(const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void command_usage(FILE *f, const struct command *cmd);

/* Write to stdout. Returns 0, or EX_IOERR after a message; a closed pipe
 * ends the process quietly. */
int write_stdout(const char *buf, size_t len);
int finish_stdout(void);

/* The style for stdout: colour only on a terminal without NO_COLOR. */
const struct style *stdout_style(void);

int verdict_status(enum verdict v);

#endif
