/* SPDX-License-Identifier: EUPL-1.2 */
/* See opname/temp-guard.h. */
#include "opname/temp-guard.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Every signal whose default action ends the process (signal(7)), but
 * SIGKILL and SIGSTOP, which cannot be caught: there O_TMPFILE (see
 * atomic-file.c) is what keeps a name from being left behind. */
static const int terminating[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE,
	SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGSTKFLT,
	SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSYS,
};
#define NSIGS (sizeof terminating / sizeof terminating[0])

/* Written only with every terminating signal blocked, so the handler sees
 * either no name or a whole one. */
static char guarded[NAME_MAX + 1];
static volatile sig_atomic_t guarded_dir = -1;

static void on_signal(int sig)
{
	if (guarded_dir >= 0 && guarded[0])
		unlinkat(guarded_dir, guarded, 0);
	signal(sig, SIG_DFL);
	raise(sig); /* blocked while the handler runs: delivered on return */
}

/* exit() on the way (out of memory, a closed stdout) is an end too. */
static void at_exit(void)
{
	if (guarded_dir >= 0 && guarded[0])
		unlinkat(guarded_dir, guarded, 0);
}

static void install(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	atexit(at_exit);
	for (size_t i = 0; i < NSIGS; i++) {
		struct sigaction sa, old;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		/* SIG_IGN (a background job, SIGPIPE ignored by a parent) stays
		 * ignored; a handler of someone else's (ASan's SIGSEGV, the
		 * interview's SIGINT) stays theirs. */
		if (sigaction(terminating[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_DFL && !(old.sa_flags & SA_SIGINFO))
			sigaction(terminating[i], &sa, NULL);
	}
}

void temp_guard_block(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < NSIGS; i++)
		sigaddset(&set, terminating[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

void temp_guard_unblock(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

void temp_guard_set(int dirfd, const char *name)
{
	install();
	sigset_t old;
	temp_guard_block(&old);
	size_t n = strlen(name);
	if (n >= sizeof guarded)
		n = sizeof guarded - 1;
	memcpy(guarded, name, n);
	guarded[n] = '\0';
	guarded_dir = dirfd;
	temp_guard_unblock(&old);
}

void temp_guard_clear(void)
{
	sigset_t old;
	temp_guard_block(&old);
	guarded[0] = '\0';
	guarded_dir = -1;
	temp_guard_unblock(&old);
}
