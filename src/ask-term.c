/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview's terminal (see ask-term.h). libedit changes the terminal's
 * mode only while it reads a line (el_gets puts it back before returning),
 * so outside a read the terminal is as it was; a signal that ends or stops
 * the process in the middle of a read finds it in libedit's mode, and the
 * handlers here put back the settings kept at the start. tcsetattr(3) and
 * _exit(2) are async-signal-safe. */
#include "ask-term.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "command.h"

static struct termios saved;
static volatile sig_atomic_t have_saved, continued, resized;

void term_restore(void)
{
	if (have_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
}

static void say(const char *s)
{
	if (write(STDERR_FILENO, s, strlen(s)) < 0) {
		/* nothing to be done about it */
	}
}

static void catch(int sig, void (*handler)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* Ctrl-C: nothing is half-written (a --save writes with every terminating
 * signal blocked, case-save.c). */
static void on_interrupt(int sig)
{
	(void)sig;
	term_restore();
	if (write(STDOUT_FILENO, "\n", 1) < 0) {
		/* nothing to be done about it */
	}
	say("opname: interrupted\n");
	_exit(EX_INTERRUPTED);
}

/* SIGTERM, SIGHUP, SIGQUIT: end as the signal would, terminal restored. */
static void on_end(int sig)
{
	term_restore();
	catch(sig, SIG_DFL);
	raise(sig);
}

/* Ctrl-Z: leave the shell its terminal as it was, then stop; on 'fg' the
 * next read shows the question again (SIGCONT). Stopping is SIGSTOP, and
 * only under a shell with job control (the parent leads another process
 * group of this session): with none, nobody could continue the process,
 * which is why the kernel drops SIGTSTP there too. SIGSTOP rather than
 * raising SIGTSTP again, because valgrind does not stop for the latter. */
static volatile sig_atomic_t may_stop;

static void on_stop(int sig)
{
	(void)sig;
	if (!may_stop)
		return;
	term_restore();
	kill(getpid(), SIGSTOP);
}

static void on_continue(int sig)
{
	(void)sig;
	continued = 1;
}

static void on_resize(int sig)
{
	(void)sig;
	resized = 1;
}

void term_start(void)
{
	if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0)
		have_saved = 1;
	pid_t parent = getppid();
	may_stop = getpgid(parent) != getpgrp() && getsid(parent) == getsid(0);
	catch(SIGINT, on_interrupt);
	catch(SIGTERM, on_end);
	catch(SIGHUP, on_end);
	catch(SIGQUIT, on_end);
	catch(SIGTSTP, on_stop);
	catch(SIGCONT, on_continue);
	catch(SIGWINCH, on_resize);
}

bool term_continued(void)
{
	bool c = continued;
	continued = 0;
	return c;
}

bool term_resized(void)
{
	bool r = resized;
	resized = 0;
	return r;
}
