/* SPDX-License-Identifier: EUPL-1.2 */
/* opname: options, the command table and dispatch; nothing else. */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "command.h"
#include "opname/rules.h"
#include "opname/safe-text.h"
#include "opname/version.h"

static const struct command *const commands[] = {
	&cmd_ask, &cmd_decide, &cmd_batch, &cmd_check,
	&cmd_test, &cmd_questions, &cmd_graph, &cmd_schema, &cmd_help,
};
#define NCOMMANDS (int)(sizeof commands / sizeof commands[0])

void opname_usage(FILE *f)
{
	fputs("usage: opname [--rules FILE] [--lang nl|en] [--color=WHEN] [COMMAND] [ARGS]\n"
	      "       opname --version | --help | COMMAND --help\n\n"
	      "Decides cases by the policy of a rule file (built in, or --rules FILE):\n"
	      "an interview, one case or many; checks, tests and draws rule files.\n\n"
	      "commands:\n", f);
	for (int i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\nWith no command: ask.\n\n"
	      "options:\n"
	      "  --rules FILE    use this rule file (env OPNAME_RULES) instead of the built-in one\n"
	      "  --lang nl|en    language of questions and texts (env OPNAME_LANG), or any\n"
	      "                  other the rule file has; default: the rule file's first\n"
	      "  --color=auto|always|never  colour on a terminal (auto: not with NO_COLOR\n"
	      "                  or TERM=dumb)\n"
	      "  -h, --help      show this help\n"
	      "  --version       show the version and the rule file's name, version and SHA-256\n\n"
	      "exit status: 0 allowed, 1 not allowed, 2 consult, 3 incomplete (ask, decide;\n"
	      "a rule file's own outcomes have the statuses it gives them); 64 usage,\n"
	      "65 bad data, 66 cannot open input, 70 internal, 74 output error,\n"
	      "130 interrupted. See opname(1).\n", f);
}

void command_usage(FILE *f, const struct command *cmd)
{
	fprintf(f, "usage: opname %s%s%s\n\n%s\n\n%s", cmd->name,
		*cmd->synopsis ? " " : "", cmd->synopsis, cmd->summary, cmd->help);
	fputs("  --rules FILE    use this rule file instead of the built-in one\n"
	      "  --lang nl|en    language of questions and texts\n"
	      "  --color=auto|always|never  colour on a terminal\n"
	      "  -h, --help      show this help\n", f);
}

/* "opname: " and the message: the one place stderr messages are formed.
 * What they quote (values, ids, file names) may hold anything: it reaches
 * the terminal escaped (safe-text.h), in one write. */
static void __attribute__((format(printf, 1, 0))) vsay(const char *fmt, va_list ap)
{
	struct strbuf raw = STRBUF_INIT, msg = STRBUF_INIT;
	sb_vaddf(&raw, fmt, ap);
	sb_adds(&msg, "opname: ");
	sb_add_safe(&msg, raw.buf ? raw.buf : "", raw.len, 0);
	sb_addc(&msg, '\n');
	fputs(msg.buf, stderr);
	sb_release(&raw);
	sb_release(&msg);
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

/* A language code as rule files write them: 1 to 8 of a-z, A-Z, '-'. */
static bool lang_code_valid(const char *code)
{
	size_t n = strlen(code);
	if (n == 0 || n > 8)
		return false;
	for (; *code; code++)
		if (!((*code >= 'a' && *code <= 'z') || (*code >= 'A' && *code <= 'Z') ||
		      *code == '-'))
			return false;
	return true;
}

/* 'from': where the code came from when not --lang ("OPNAME_LANG"). Any
 * code of a rule file's language is taken here; whether the file has it
 * is known once it is loaded (ctx_rules). */
static int set_lang(struct ctx *ctx, const struct command *cmd, const char *code,
		    const char *from)
{
	if (!lang_code_valid(code))
		return usage_error(cmd, "%s%sunknown language '%s': use nl or en",
				   from ? from : "", from ? ": " : "", code);
	ctx->lang_code = code;
	ctx->lang_from = from;
	ctx->ui = ui_lang_of(code);
	return 0;
}

/* The language of the texts: the one asked for, else the file's first. A
 * code that is neither the file's nor one of the tool's own (nl, en) is a
 * usage error naming the file's languages. */
static int choose_lang(struct ctx *ctx)
{
	const struct ruleset *rs = ctx->rs;
	if (!ctx->lang_code) {
		ctx->lang = 0;
		ctx->ui = ui_lang_of(rs->langs[0]);
		return 0;
	}
	ctx->lang = ruleset_lang(rs, ctx->lang_code);
	if (ctx->lang >= 0)
		return 0;
	if (strcmp(ctx->lang_code, "nl") && strcmp(ctx->lang_code, "en")) {
		struct strbuf all = STRBUF_INIT;
		for (int i = 0; i < rs->nlangs; i++)
			sb_addf(&all, "%s%s", i == 0 ? "" : i + 1 < rs->nlangs ? ", " : " or ",
				rs->langs[i]);
		int status = usage_error(NULL, "%s%sunknown language '%s': use %s",
					 ctx->lang_from ? ctx->lang_from : "",
					 ctx->lang_from ? ": " : "", ctx->lang_code, all.buf);
		sb_release(&all);
		return status;
	}
	fail(0, "%s has no texts in '%s'; using '%s'", rs->file, ctx->lang_code,
	     rs->langs[0]);
	ctx->lang = 0;
	return 0;
}

static enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color_mode;

static int set_color(const struct command *cmd, const char *arg)
{
	if (!arg || !strcmp(arg, "always"))
		color_mode = COLOR_ALWAYS;
	else if (!strcmp(arg, "auto"))
		color_mode = COLOR_AUTO;
	else if (!strcmp(arg, "never"))
		color_mode = COLOR_NEVER;
	else
		return usage_error(cmd, "--color takes auto, always or never, not '%s'", arg);
	return 0;
}

int ctx_option(struct ctx *ctx, const struct command *cmd, int opt,
	       const char *arg)
{
	switch (opt) {
	case OPT_RULES:
		ctx->rules_path = arg;
		ctx->rules_from_env = false;
		return 0;
	case OPT_LANG:
		ctx->lang_given = true;
		return set_lang(ctx, cmd, arg, NULL);
	case OPT_COLOR:
		return set_color(cmd, arg);
	case 'h':
		command_usage(stdout, cmd);
		return finish_stdout() ? EX_IOERR : -2;
	case OPT_BAD: /* cmd_getopt said what */
		return EX_USAGE;
	case '?': /* from getopt_long itself, silent here: cmd_getopt names it */
		return usage_error(cmd, "bad option");
	default:
		return -1;
	}
}

/* The environment's word counts only when no flag overrides it, and is
 * checked only when used, so that --help and --version always work. */
static int ctx_lang(struct ctx *ctx)
{
	if (ctx->lang_given || !ctx->lang_env || !*ctx->lang_env)
		return 0;
	return set_lang(ctx, NULL, ctx->lang_env, "OPNAME_LANG");
}

int ctx_rules(struct ctx *ctx)
{
	if (ctx->rs)
		return 0;
	int status = ctx_lang(ctx);
	if (status)
		return status;
	struct diag d;
	diag_init(&d, ctx->rules_path ? ctx->rules_path : RULES_BUILTIN_NAME);
	errno = 0;
	ctx->rs = ctx->rules_path ? rules_load_file(ctx->rules_path, &d)
				  : rules_builtin();
	if (!ctx->rs) {
		status = EX_DATAERR;
		if (d.count && ctx->rules_diag) {
			diag_release(ctx->rules_diag);
			*ctx->rules_diag = d;
			return status;
		}
		if (d.count)
			diag_print(&d);
		else
			status = fail(EX_NOINPUT, "%s: cannot read: %s%s",
				      ctx->rules_path, strerror(errno),
				      ctx->rules_from_env ? " (the rule file OPNAME_RULES names)" : "");
		diag_release(&d);
		return status;
	}
	diag_release(&d);
	return choose_lang(ctx);
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
	if (color_mode != COLOR_AUTO)
		return color_mode == COLOR_ALWAYS ? &style_ansi : &style_plain;
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	if (!isatty(STDOUT_FILENO) || (nc && *nc) || (term && !strcmp(term, "dumb")))
		return &style_plain;
	return &style_ansi;
}

int stdout_width(void)
{
	struct winsize ws;
	if (!isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) < 0 || ws.ws_col == 0)
		return 79;
	int w = ws.ws_col > 101 ? 100 : ws.ws_col - 1;
	return w < 1 ? 1 : w;
}

bool utf8_locale(void)
{
	static int utf8 = -1;
	if (utf8 < 0) {
		setlocale(LC_CTYPE, "");
		const char *cs = nl_langinfo(CODESET);
		utf8 = cs && (str_ieq(cs, "UTF-8") || str_ieq(cs, "utf8"));
	}
	return utf8;
}

/* tmux's lookup: the exact name, else a unique prefix; else the nearest
 * name, for a likely typo. */
const struct command *command_find(const char *name)
{
	const struct command *found = NULL;
	size_t n = strlen(name);
	for (int i = 0; i < NCOMMANDS; i++) {
		if (!strcmp(commands[i]->name, name))
			return commands[i];
		if (n && !strncmp(commands[i]->name, name, n)) {
			if (found) {
				usage_error(NULL, "ambiguous command '%s': %s or %s?", name,
					    found->name, commands[i]->name);
				return NULL;
			}
			found = commands[i];
		}
	}
	if (found)
		return found;
	const char *names[NCOMMANDS];
	for (int i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i]->name;
	const char *near = nearest_word(name, names, NCOMMANDS);
	if (near)
		usage_error(NULL, "unknown command '%s' (did you mean '%s'?)", name, near);
	else
		usage_error(NULL, "unknown command '%s'", name);
	return NULL;
}

/* The tool's version whatever the environment says: a rule file that
 * OPNAME_RULES names and that cannot be loaded is reported, not fatal. */
static int print_version(struct ctx *ctx)
{
	ctx->lang_env = NULL; /* --version has no words of a language */
	printf("opname %s\n", opname_version_text);
	int status = finish_stdout();
	if (status || (status = ctx_rules(ctx)))
		return ctx->rules_from_env && status != EX_IOERR ? 0 : status;
	struct strbuf file = STRBUF_INIT; /* --rules FILE: any name at all */
	sb_adds_safe(&file, ctx->rs->file, 0);
	printf("rules: %s %s (%s)\nsha256: %s\n", ctx->rs->name, ctx->rs->version,
	       file.buf, ctx->rs->sha256);
	sb_release(&file);
	return finish_stdout();
}

/* Out of memory: there is no sensible way to decide a case without it. */
static void out_of_memory(void)
{
	fputs("opname: out of memory\n", stderr);
	exit(EX_SOFTWARE);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		GLOBAL_OPTIONS,
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	util_out_of_memory = out_of_memory;
	struct ctx ctx = { 0 };
	ctx.rules_path = getenv("OPNAME_RULES");
	if (ctx.rules_path && !*ctx.rules_path)
		ctx.rules_path = NULL;
	ctx.rules_from_env = ctx.rules_path != NULL;
	ctx.lang_env = getenv("OPNAME_LANG");
	ctx.lang_code = NULL; /* the rule file's first language */

	/* Global options stop at the command ("+"); the command parses the rest. */
	int opt, status = 0;
	while ((opt = cmd_getopt(NULL, argc, argv, "+h", opts)) != -1) {
		switch (opt) {
		case OPT_RULES:
			ctx.rules_path = optarg;
			ctx.rules_from_env = false;
			break;
		case OPT_LANG:
			ctx.lang_given = true;
			if ((status = set_lang(&ctx, NULL, optarg, NULL)))
				return status;
			break;
		case OPT_COLOR:
			if ((status = set_color(NULL, optarg)))
				return status;
			break;
		case 'h':
			opname_usage(stdout);
			return finish_stdout();
		case 'V':
			status = print_version(&ctx);
			rules_free(ctx.rs);
			return status;
		default: /* OPT_BAD: cmd_getopt said what */
			return EX_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	const struct command *cmd = &cmd_ask;
	char *ask_argv[] = { "ask", NULL };
	if (argc == 0) {
		argc = 1;
		argv = ask_argv;
	} else if (!(cmd = command_find(argv[0]))) {
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
