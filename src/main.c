/* opname: options, the command table and dispatch; nothing else. */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "opname/rules.h"
#include "opname/version.h"

static const struct command *const commands[] = {
	&cmd_ask, &cmd_decide, &cmd_batch, &cmd_check,
	&cmd_test, &cmd_questions, &cmd_graph, &cmd_schema,
};
#define NCOMMANDS (int)(sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
	fputs("usage: opname [--rules FILE] [--lang nl|en] [COMMAND] [ARGS]\n"
	      "       opname --version | --help | COMMAND --help\n\n"
	      "Decides whether an audio recording of a conversation with the\n"
	      "gemeente 's-Hertogenbosch is allowed, following the spelregels.\n\n"
	      "commands:\n", f);
	for (int i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\nWith no command: ask.\n\n"
	      "options:\n"
	      "  --rules FILE    use this rule file (env OPNAME_RULES) instead of the built-in one\n"
	      "  --lang nl|en    language of questions and texts (env OPNAME_LANG); default nl\n"
	      "  -h, --help      show this help\n"
	      "  --version       show the version and the rule file's name, version and SHA-256\n\n"
	      "exit status: 0 allowed, 1 not allowed, 2 consult, 3 incomplete (ask, decide);\n"
	      "64 usage, 65 bad data, 66 cannot open input, 70 internal, 74 output error,\n"
	      "130 interrupted. See opname(1).\n", f);
}

void command_usage(FILE *f, const struct command *cmd)
{
	fprintf(f, "usage: opname %s%s%s\n\n%s\n\n%s", cmd->name,
		*cmd->synopsis ? " " : "", cmd->synopsis, cmd->summary, cmd->help);
	fputs("  --rules FILE    use this rule file instead of the built-in one\n"
	      "  --lang nl|en    language of questions and texts\n"
	      "  -h, --help      show this help\n", f);
}

/* "opname: " and the message: the one place stderr messages are formed. */
static void __attribute__((format(printf, 1, 0))) vsay(const char *fmt, va_list ap)
{
	fputs("opname: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int fail(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	return status;
}

int usage_error(const struct command *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, "opname: try 'opname %s --help'\n", cmd->name);
	else
		fputs("opname: try 'opname --help'\n", stderr);
	return EX_USAGE;
}

static int set_lang(struct ctx *ctx, const struct command *cmd, const char *code)
{
	if (strcmp(code, "nl") && strcmp(code, "en"))
		return usage_error(cmd, "unknown language '%s': use nl or en", code);
	ctx->lang_code = code;
	ctx->ui = ui_lang_of(code);
	return 0;
}

int ctx_option(struct ctx *ctx, const struct command *cmd, int opt,
	       const char *arg)
{
	switch (opt) {
	case OPT_RULES:
		ctx->rules_path = arg;
		return 0;
	case OPT_LANG:
		return set_lang(ctx, cmd, arg);
	case 'h':
		command_usage(stdout, cmd);
		return finish_stdout() ? EX_IOERR : -2;
	case '?':
		return usage_error(cmd, "bad option");
	default:
		return -1;
	}
}

int ctx_rules(struct ctx *ctx)
{
	if (ctx->rs)
		return 0;
	struct diag d;
	diag_init(&d, ctx->rules_path ? ctx->rules_path : RULES_BUILTIN_NAME);
	errno = 0;
	ctx->rs = ctx->rules_path ? rules_load_file(ctx->rules_path, &d)
				  : rules_builtin();
	if (!ctx->rs) {
		int status = EX_DATAERR;
		if (d.count && ctx->rules_diag) {
			diag_release(ctx->rules_diag);
			*ctx->rules_diag = d;
			return status;
		}
		if (d.count)
			diag_print(&d);
		else
			status = fail(EX_NOINPUT, "%s: cannot read: %s",
				      ctx->rules_path, strerror(errno));
		diag_release(&d);
		return status;
	}
	diag_release(&d);
	ctx->lang = ruleset_lang(ctx->rs, ctx->lang_code);
	if (ctx->lang < 0) {
		fprintf(stderr, "opname: %s has no texts in '%s'; using '%s'\n",
			ctx->rs->file, ctx->lang_code, ctx->rs->langs[0]);
		ctx->lang = 0;
	}
	return 0;
}

int write_stdout(const char *buf, size_t len)
{
	if (len && fwrite(buf, 1, len, stdout) != len)
		return finish_stdout();
	return 0;
}

int finish_stdout(void)
{
	static bool reported; /* a full disk is worth one message, not one per call */
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	if (errno == EPIPE)
		exit(EX_IOERR); /* the reader went away: nothing to say to it */
	if (!reported)
		fail(EX_IOERR, "cannot write output: %s", strerror(errno));
	reported = true;
	return EX_IOERR;
}

const struct style *stdout_style(void)
{
	const char *nc = getenv("NO_COLOR");
	if (isatty(STDOUT_FILENO) && !(nc && *nc))
		return &style_ansi;
	return &style_plain;
}

int verdict_status(enum verdict v)
{
	return (int)v; /* allowed 0, not_allowed 1, consult 2, incomplete 3 */
}

/* tmux's lookup: the exact name, else a unique prefix. */
static const struct command *find_command(const char *name)
{
	const struct command *found = NULL;
	size_t n = strlen(name);
	for (int i = 0; i < NCOMMANDS; i++) {
		if (!strcmp(commands[i]->name, name))
			return commands[i];
		if (!strncmp(commands[i]->name, name, n)) {
			if (found) {
				fail(EX_USAGE, "ambiguous command '%s': %s or %s?",
				     name, found->name, commands[i]->name);
				return NULL;
			}
			found = commands[i];
		}
	}
	if (!found)
		usage_error(NULL, "unknown command '%s'", name);
	return found;
}

static int print_version(struct ctx *ctx)
{
	int status = ctx_rules(ctx);
	if (status)
		return status;
	printf("opname %s\nrules: %s %s (%s)\nsha256: %s\n", opname_version_text,
	       ctx->rs->name, ctx->rs->version, ctx->rs->file, ctx->rs->sha256);
	return finish_stdout();
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		GLOBAL_OPTIONS,
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctx ctx = { 0 };
	ctx.rules_path = getenv("OPNAME_RULES");
	if (ctx.rules_path && !*ctx.rules_path)
		ctx.rules_path = NULL;
	const char *env_lang = getenv("OPNAME_LANG");
	ctx.lang_code = "nl";
	if (env_lang && *env_lang && set_lang(&ctx, NULL, env_lang))
		return EX_USAGE;

	/* Global options stop at the command ("+"); the command parses the rest. */
	int opt, status = 0;
	while ((opt = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_RULES:
			ctx.rules_path = optarg;
			break;
		case OPT_LANG:
			if ((status = set_lang(&ctx, NULL, optarg)))
				return status;
			break;
		case 'h':
			usage(stdout);
			return finish_stdout();
		case 'V':
			status = print_version(&ctx);
			rules_free(ctx.rs);
			return status;
		default:
			return usage_error(NULL, "bad option");
		}
	}
	argc -= optind;
	argv += optind;
	const struct command *cmd = &cmd_ask;
	char *ask_argv[] = { "ask", NULL };
	if (argc == 0) {
		argc = 1;
		argv = ask_argv;
	} else if (!(cmd = find_command(argv[0]))) {
		return EX_USAGE;
	}
	optind = 0; /* glibc: reinitialise for the command's own options */
	status = cmd->exec(&ctx, argc, argv);
	rules_free(ctx.rs);
	if (status == -2) /* --help was shown */
		status = 0;
	if (finish_stdout())
		status = EX_IOERR;
	return status;
}
