/* SPDX-License-Identifier: EUPL-1.2 */
/* Command-line options: getopt_long without getopt's own messages (see
 * command.h). Every bad option gets one line of the project's own that
 * names it, and the nearest option when it looks like a typo. */
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
