/* SPDX-License-Identifier: EUPL-1.2 */
/* What the command line writes: messages on stderr, output on stdout, and
 * what it asks of the terminal (width, character set). */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "command.h"
#include "opname/safe-text.h"

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
