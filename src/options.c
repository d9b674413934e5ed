/* SPDX-License-Identifier: EUPL-1.2 */
/* Command-line options: getopt_long without getopt's own messages (see
 * command.h). Every bad option gets one line of the project's own that
 * names it, and the nearest option when it looks like a typo. */
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"

/* The long option 'name' (n bytes) names, exactly or as a unique prefix,
 * or NULL; *ambiguous when more than one starts so. */
static const struct option *long_option(const struct option *opts, const char *name,
					size_t n, const struct option **other)
{
	const struct option *found = NULL;
	*other = NULL;
	for (const struct option *o = opts; o->name; o++) {
		if (strlen(o->name) == n && !strncmp(o->name, name, n))
			return o;
		if (!strncmp(o->name, name, n)) {
			if (found && !*other)
				*other = o;
			else if (!found)
				found = o;
		}
	}
	return found;
}

static int bad_long(const struct command *cmd, const char *arg,
		    const struct option *opts)
{
	const char *eq = strchr(arg, '=');
	size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
	const struct option *other, *o = long_option(opts, arg, n, &other);
	if (o && other)
		return usage_error(cmd, "option '--%.*s' is ambiguous: --%s or --%s?", (int)n,
				   arg, o->name, other->name);
	if (o && eq && o->has_arg == no_argument)
		return usage_error(cmd, "option '--%s' takes no value", o->name);
	if (o && o->has_arg == required_argument)
		return usage_error(cmd, "option '--%s' needs a value", o->name);
	const char *names[64];
	int count = 0;
	for (const struct option *p = opts; p->name && count < 64; p++)
		names[count++] = p->name;
	char word[64];
	snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1), arg);
	const char *near = nearest_word(word, names, count);
	if (near)
		return usage_error(cmd, "unknown option '--%s' (did you mean '--%s'?)", word,
				   near);
	return usage_error(cmd, "unknown option '--%s'", word);
}

int cmd_getopt(const struct command *cmd, int argc, char **argv,
	       const char *shortopts, const struct option *opts)
{
	opterr = 0;
	int opt = getopt_long(argc, argv, shortopts, opts, NULL);
	if (opt != '?')
		return opt;
	const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	if (!strncmp(arg, "--", 2) && arg[2])
		bad_long(cmd, arg + 2, opts);
	else if (optopt && strchr(shortopts, optopt) && strchr(shortopts, optopt)[1] == ':')
		usage_error(cmd, "option '-%c' needs a value", optopt);
	else if (optopt > ' ' && optopt < 127)
		usage_error(cmd, "unknown option '-%c'", optopt);
	else
		usage_error(cmd, "unknown option '%s'", arg);
	return OPT_BAD;
}

/* ---- the runtime's parse of a command line, from the tables ---- */

/* The options every command takes, after its own. */
static const struct cmd_option global_options[] = {
	{ .name = "rules", .id = OPT_RULES, .value = VALUE_STRING, .arg = "FILE",
	  .help = "use this rule file instead of the built-in one (env\n"
	          "OPNAME_RULES)" },
	{ .name = "lang", .id = OPT_LANG, .value = VALUE_STRING, .arg = "nl|en",
	  .help = "language of questions and texts (env OPNAME_LANG), or any\n"
	          "other the rule file has; default: the rule file's first" },
	{ .name = "color", .id = OPT_COLOR, .value = VALUE_STRING, .arg = "auto|always|never",
	  .help = "colour on a terminal (auto: not with NO_COLOR or\n"
	          "TERM=dumb)", .optional = true },
	{ .name = "help", .flag = 'h', .id = 'h', .value = VALUE_NONE,
	  .help = "show this help" },
	{ 0 },
};

/* And those of 'opname' itself, before a command. */
static const struct cmd_option main_options[] = {
	{ .name = "version", .id = OPT_VERSION, .value = VALUE_NONE,
	  .help = "show the version and the rule file's name, version and SHA-256" },
	{ 0 },
};

#define HELP_COLUMN 20

static void option_lines(FILE *f, const struct cmd_option *o)
{
	for (; o && o->name; o++) {
		struct strbuf head = STRBUF_INIT;
		sb_adds(&head, "  ");
		if (o->flag)
			sb_addf(&head, "-%c, ", o->flag);
		sb_addf(&head, "--%s", o->name);
		if (o->arg)
			sb_addf(&head, "%s%s", o->optional ? "=" : " ", o->arg);
		int n = (int)head.len;
		fprintf(f, "%s%*s", head.buf, n < HELP_COLUMN ? HELP_COLUMN - n : 2, "");
		sb_release(&head);
		for (const char *p = o->help; *p;) {
			const char *nl = strchr(p, '\n');
			int len = nl ? (int)(nl - p) : (int)strlen(p);
			fprintf(f, "%*s%.*s\n", p == o->help ? 0 : HELP_COLUMN, "", len, p);
			p += len + (nl != NULL);
		}
	}
}

void command_options_usage(FILE *f, const struct command *cmd)
{
	fputs("options:\n", f);
	if (cmd)
		option_lines(f, cmd->options);
	option_lines(f, global_options);
	if (!cmd)
		option_lines(f, main_options);
}

static const struct cmd_option *option_of(const struct command *cmd, int id)
{
	for (const struct cmd_option *o = cmd->options; o && o->name; o++)
		if (o->id == id)
			return o;
	return NULL;
}

static int count(const struct cmd_option *o)
{
	int n = 0;
	while (o && o[n].name)
		n++;
	return n;
}

/* getopt_long's table and short options from ours. */
static struct option *getopt_table(const struct command *cmd, char *shortopts)
{
	const struct cmd_option *parts[] = { cmd ? cmd->options : main_options, global_options };
	struct option *t = xmalloc((size_t)(count(parts[0]) + count(parts[1]) + 1) * sizeof *t);
	int n = 0;
	char *s = shortopts;
	if (!cmd)
		*s++ = '+'; /* the global options stop at the command */
	for (int i = 0; i < 2; i++) {
		for (const struct cmd_option *o = parts[i]; o && o->name; o++) {
			int has = o->value == VALUE_NONE ? no_argument
				  : o->optional ? optional_argument : required_argument;
			t[n++] = (struct option){ o->name, has, NULL, o->id };
			if (o->flag) {
				*s++ = o->flag;
				if (has != no_argument)
					*s++ = ':';
			}
		}
	}
	t[n] = (struct option){ 0 };
	*s = 0;
	return t;
}

/* "text|json" as "text or json", "a|b|c" as "a, b or c". */
static void choices_text(struct strbuf *sb, const char *words)
{
	int n = 1, i = 0;
	for (const char *p = words; *p; p++)
		n += *p == '|';
	for (const char *p = words; *p; i++) {
		size_t len = strcspn(p, "|");
		sb_add_or_list(sb, i, n, p, len);
		p += len + (p[len] == '|');
	}
}

/* Which of the words of 'words' and then 'also' ("a|b") 'arg' is, or -1. */
static int word_index(const char *words, const char *also, const char *arg)
{
	const char *lists[] = { words, also ? also : "" };
	size_t n = strlen(arg);
	int i = 0;
	for (int l = 0; l < 2; l++)
		for (const char *p = lists[l]; *p; i++) {
			size_t len = strcspn(p, "|");
			if (len == n && !strncmp(p, arg, n))
				return i;
			p += len + (p[len] == '|');
		}
	return -1;
}

static int refuse(const struct command *cmd, const struct cmd_option *o, const char *arg,
		  const char *hint)
{
	if (o->flag)
		return usage_error(cmd, "-%c '%s': %s", o->flag, arg, o->hint ? o->hint : hint);
	return usage_error(cmd, "--%s '%s': %s", o->name, arg, o->hint ? o->hint : hint);
}

/* The value of one option, checked as its table entry says. */
static int take_value(const struct command *cmd, const struct cmd_option *o,
		      const char *arg, struct cmd_value_given *v)
{
	*v = (struct cmd_value_given){ .id = o->id, .arg = arg };
	char *end;
	switch (o->value) {
	case VALUE_NONE:
	case VALUE_STRING:
		return 0;
	case VALUE_CHOICE: {
		if ((v->choice = word_index(o->arg, o->also, arg)) >= 0)
			return 0;
		if (o->hint)
			return refuse(cmd, o, arg, NULL);
		struct strbuf sb = STRBUF_INIT;
		choices_text(&sb, o->arg);
		usage_error(cmd, "unknown %s '%s': use %s", o->noun ? o->noun : o->name, arg,
			    sb.buf);
		sb_release(&sb);
		return EX_USAGE;
	}
	case VALUE_INT:
	case VALUE_REAL:
		errno = 0;
		v->num = o->value == VALUE_INT ? (double)strtol(arg, &end, 10) : strtod(arg, &end);
		if (errno || end == arg || *end || !(v->num >= o->min && v->num <= o->max)) {
			char hint[64];
			snprintf(hint, sizeof hint, "use a number from %d to %d", o->min, o->max);
			return refuse(cmd, o, arg, hint);
		}
		return 0;
	case VALUE_REGEX: {
		regex_t re;
		if (regcomp(&re, arg, REG_EXTENDED | REG_NOSUB) != 0)
			return refuse(cmd, o, arg, "not a regular expression");
		regfree(&re);
		return 0;
	}
	}
	return 0;
}

int cmd_parse(struct ctx *ctx, const struct command *cmd, int argc, char **argv,
	      struct cmd_args *a)
{
	char shortopts[64];
	struct option *table = getopt_table(cmd, shortopts);
	*a = (struct cmd_args){ .v = xmalloc(((size_t)argc + 1) * sizeof *a->v) };
	int opt, status = 0;
	optind = 0; /* a fresh scan, on glibc and musl alike (not BSD: optreset) */
	while (!status && (opt = cmd_getopt(cmd, argc, argv, shortopts, table)) != -1) {
		switch (opt) {
		case OPT_BAD: /* cmd_getopt said what */
			status = EX_USAGE;
			break;
		case OPT_RULES:
			ctx->rules_path = optarg;
			ctx->rules_from_env = false;
			break;
		case OPT_LANG:
			ctx->lang_given = true;
			status = ctx_set_lang(ctx, cmd, optarg, NULL);
			break;
		case OPT_COLOR:
			status = ctx_set_color(cmd, optarg);
			break;
		case 'h':
			if (cmd)
				command_usage(stdout, cmd);
			else
				opname_usage(stdout);
			status = finish_stdout() ? EX_IOERR : -1;
			break;
		case OPT_VERSION: /* at once, whatever follows, as --help */
			a->v[a->n++] = (struct cmd_value_given){ .id = OPT_VERSION };
			free(table);
			return 0;
		default:
			status = take_value(cmd, option_of(cmd, opt), optarg, &a->v[a->n]);
			a->n++;
		}
	}
	free(table);
	if (status)
		return status;
	a->argc = argc - optind;
	a->argv = argv + optind;
	if (!cmd)
		return 0;
	if (a->argc < cmd->min_args)
		return usage_error(cmd, "%s", cmd->args_missing);
	if (cmd->max_args >= 0 && a->argc > cmd->max_args)
		return usage_error(cmd, "unexpected argument '%s'%s%s", a->argv[cmd->max_args],
				   cmd->args_hint ? ": " : "", cmd->args_hint ? cmd->args_hint : "");
	return 0;
}

void cmd_args_release(struct cmd_args *a)
{
	free(a->v);
	a->v = NULL;
}

const struct cmd_value_given *args_last(const struct cmd_args *a, int id)
{
	for (int i = a->n - 1; i >= 0; i--)
		if (a->v[i].id == id)
			return &a->v[i];
	return NULL;
}

bool args_has(const struct cmd_args *a, int id)
{
	return args_last(a, id) != NULL;
}

const char *args_str(const struct cmd_args *a, int id)
{
	const struct cmd_value_given *v = args_last(a, id);
	return v ? v->arg : NULL;
}

int args_choice(const struct cmd_args *a, int id)
{
	const struct cmd_value_given *v = args_last(a, id);
	return v ? v->choice : 0;
}
