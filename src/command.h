/* SPDX-License-Identifier: EUPL-1.2 */
/* What every command shares: the table entry it exports (tmux's cmd_entry,
 * in small), the context of global options, and the exit statuses. */
#ifndef OPNAME_COMMAND_H
#define OPNAME_COMMAND_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <sysexits.h>

#include "opname/diag.h"
#include "opname/model.h"
#include "opname/output.h"

#define EX_INTERRUPTED 130

struct ctx {
	const char *rules_path; /* NULL: the built-in spelregels */
	bool rules_from_env;    /* rules_path is OPNAME_RULES's */
	const char *lang_code;  /* --lang or OPNAME_LANG; NULL: the rule file's first */
	const char *lang_env;   /* OPNAME_LANG, checked when used */
	bool lang_given;        /* --lang: OPNAME_LANG does not count */
	const char *lang_from;  /* "OPNAME_LANG" when the code came from it */
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
	cmd_test, cmd_questions, cmd_graph, cmd_schema, cmd_help;

/* The command named 'name' (exactly, or a unique prefix), or NULL after
 * a message ("did you mean" for a likely typo). */
const struct command *command_find(const char *name);

/* 'opname --help'. */
void opname_usage(FILE *f);

/* Options every command takes, after its own in a getopt_long table. */
enum { OPT_RULES = 1000, OPT_LANG, OPT_COLOR, OPT_HELP, OPT_BAD, OPT_COMMAND_BASE };
#define GLOBAL_OPTIONS                                              \
	{ "rules", required_argument, NULL, OPT_RULES },            \
	{ "lang", required_argument, NULL, OPT_LANG },              \
	{ "color", optional_argument, NULL, OPT_COLOR },            \
	{ "help", no_argument, NULL, 'h' }

/* getopt_long(3) for a command (NULL: the global options), without
 * getopt's own messages: a bad option is reported here, naming it (and
 * the nearest, for a likely typo), and OPT_BAD returned, which
 * ctx_option turns into EX_USAGE. */
int cmd_getopt(const struct command *cmd, int argc, char **argv,
	       const char *shortopts, const struct option *opts);

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

/* The style for stdout: --color=always or never, else colour only on a
 * terminal, and not with NO_COLOR or TERM=dumb. */
const struct style *stdout_style(void);

/* The columns to fold stdout's text at, read now: 0 when stdout is not a
 * terminal (a transcript or a file keeps the texts' own lines), else the
 * window's width less one (some terminals wrap early at the very edge),
 * at most 100 for reading's sake. */
int stdout_width(void);

/* Is the locale's character set UTF-8 (LC_CTYPE from the environment,
 * set here once)? If not, decorations are ASCII ("-" for "─"). */
bool utf8_locale(void);

struct arena;
struct case_file;
struct ynode;
/* Read the case file at 'path' ("-": stdin) into c, messages printed;
 * 'implicit' (stdin read because no CASEFILE was named): an empty input
 * is no case at all (cron and CI run with </dev/null), while a named
 * empty file is an error like any case that is not a mapping. With root,
 * the document's tree too (in the arena). Returns 0 or an exit status. */
int case_open(const struct ruleset *rs, const char *path, bool implicit,
	      struct arena *a, struct case_file *c, const struct ynode **root);

#endif
