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

/* One option of a command, as the command table carries it: what
 * getopt_long parses, what --help says, and which values it takes. The
 * runtime (options.c) refuses a bad value before the command runs, with
 * "unknown NOUN 'V': use a, b or c" for a choice and "OPT 'V': HINT" for
 * the rest. */
enum cmd_value {
	VALUE_NONE,   /* a flag */
	VALUE_STRING, /* any text */
	VALUE_CHOICE, /* one of the words of .arg, "text|json": its index */
	VALUE_INT,    /* a whole number from .min to .max */
	VALUE_REAL,   /* a number from .min to .max */
	VALUE_REGEX,  /* a POSIX extended regular expression */
};

struct cmd_option {
	const char *name; /* --name */
	char flag;        /* -f as well, or 0 */
	int id;           /* OPT_* of the command, or the flag's letter */
	enum cmd_value value;
	const char *arg;  /* the value's name in --help and the synopsis */
	const char *help; /* for --help: lines, the second and later indented */
	int min, max;     /* VALUE_INT and VALUE_REAL */
	const char *noun; /* VALUE_CHOICE: what "unknown ..." calls it (the name) */
	const char *also; /* VALUE_CHOICE: more words taken, numbered after .arg's */
	const char *hint; /* what a refused value's message says instead */
	bool optional;    /* the value may be left out: --name[=VALUE] */
};

/* What the runtime hands a command: its options as given, in order (the
 * global ones are the context's), and the positional arguments. */
struct cmd_value_given {
	int id;
	const char *arg;
	double num;  /* VALUE_INT, VALUE_REAL */
	int choice;  /* VALUE_CHOICE */
};

struct cmd_args {
	int argc;
	char **argv;
	int n;
	struct cmd_value_given *v;
};

/* The last value given for option 'id', or NULL. */
const struct cmd_value_given *args_last(const struct cmd_args *a, int id);
bool args_has(const struct cmd_args *a, int id);
const char *args_str(const struct cmd_args *a, int id); /* NULL: not given */
int args_choice(const struct cmd_args *a, int id);      /* 0: not given */

/* A command: tmux's cmd_entry. The runtime parses the global options and
 * the command's, answers --help, checks the number of positional
 * arguments, runs 'check' (usage errors that need more than one option),
 * loads the rule file when 'rules' says so, and then calls 'exec'. */
struct command {
	const char *name;
	const char *synopsis; /* after "opname NAME " */
	const char *summary;  /* one line for the command list */
	const char *help;     /* what --help says before the options */
	const char *footer;   /* and after them, or NULL */
	const struct cmd_option *options; /* ends with { 0 }; NULL: none */
	int min_args, max_args;   /* positional arguments; max -1: any number */
	const char *args_missing; /* the message for fewer than min_args */
	const char *args_hint;    /* after "unexpected argument 'X': " */
	bool rules;               /* load the rule file before exec */
	int (*check)(struct ctx *ctx, const struct cmd_args *a);
	int (*exec)(struct ctx *ctx, const struct cmd_args *a);
};

extern const struct command cmd_ask, cmd_decide, cmd_batch, cmd_check,
	cmd_test, cmd_questions, cmd_graph, cmd_schema, cmd_help;

/* What each command does (cmd-NAME.c), and the usage checks of two. */
int run_ask(struct ctx *ctx, const struct cmd_args *a);
int run_decide(struct ctx *ctx, const struct cmd_args *a);
int run_batch(struct ctx *ctx, const struct cmd_args *a);
int run_check(struct ctx *ctx, const struct cmd_args *a);
int run_test(struct ctx *ctx, const struct cmd_args *a);
int run_questions(struct ctx *ctx, const struct cmd_args *a);
int run_graph(struct ctx *ctx, const struct cmd_args *a);
int run_schema(struct ctx *ctx, const struct cmd_args *a);
int run_help(struct ctx *ctx, const struct cmd_args *a);
int check_ask_args(struct ctx *ctx, const struct cmd_args *a);
int check_schema_args(struct ctx *ctx, const struct cmd_args *a);

/* The table (commands.c), in the order 'opname --help' lists it. */
extern const struct command *const cli_commands[];
extern const int cli_ncommands;

/* The command named 'name' (exactly, or a unique prefix), or NULL after
 * a message ("did you mean" for a likely typo). */
const struct command *command_find(const char *name);

/* 'opname --help' and 'opname COMMAND --help', from the tables. */
void opname_usage(FILE *f);
void command_usage(FILE *f, const struct command *cmd);
/* The "options:" list of one command (NULL: of opname itself). */
void command_options_usage(FILE *f, const struct command *cmd);

/* The program: global options, then the command (ask when none). */
int cli_main(int argc, char **argv);

/* The ids of the options without a flag letter (those with one, -v, -o,
 * -j, are the letter): the global ones, then the commands'. */
enum {
	OPT_RULES = 1000, OPT_LANG, OPT_COLOR, OPT_VERSION, OPT_BAD,
	OPT_FORMAT,                            /* decide, batch, check, test, questions, graph */
	OPT_SAVE, OPT_FORCE, OPT_FROM,         /* ask */
	OPT_SET, OPT_EXPLAIN,                  /* decide */
	OPT_INPUT, OPT_REPLAY, OPT_CSV_SEP, OPT_CSV_BOM, OPT_CSV_RAW, /* batch */
	OPT_STRICT,                            /* check */
	OPT_COVERAGE, OPT_RUN, OPT_FAIL_UNDER, /* test */
};

/* batch -j N: at most this many threads. */
enum { BATCH_MAX_JOBS = 256 };

/* Parse argv (argv[0] the command's name; cmd NULL: the global options
 * before a command, stopping at it) into the context and 'a'. Returns 0,
 * an exit status, or -1 when --help was shown. */
int cmd_parse(struct ctx *ctx, const struct command *cmd, int argc, char **argv,
	      struct cmd_args *a);
void cmd_args_release(struct cmd_args *a);

/* getopt_long(3) without getopt's own messages: a bad option is reported
 * here, naming it (and the nearest, for a likely typo), and OPT_BAD
 * returned. */
int cmd_getopt(const struct command *cmd, int argc, char **argv,
	       const char *shortopts, const struct option *opts);

/* Set --lang's or --color's value; 0 or EX_USAGE after a message. */
int ctx_set_lang(struct ctx *ctx, const struct command *cmd, const char *code,
		 const char *from);
int ctx_set_color(const struct command *cmd, const char *arg);

/* Load the rule file once; returns 0 or an exit status (messages printed). */
int ctx_rules(struct ctx *ctx);

/* Print "opname: ..." to stderr; returns status, for 'return fail(...)'. */
int fail(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Usage error: message, then "try 'opname CMD --help'"; returns EX_USAGE. */
int usage_error(const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));


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
