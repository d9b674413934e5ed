/* SPDX-License-Identifier: EUPL-1.2 */
/* Runs commands many times and reports their time and peak memory, for
 * 'make bench' (no dependency on hyperfine or GNU time).
 *
 * usage: runner [-n RUNS] [-q] [-i INPUT] [-o OUTPUT] CMD [ARG...] [';' CMD [ARG...]]...
 *
 * With several commands (separated by a ';' argument), the runs take turns,
 * so that a busy moment of the machine falls on all of them alike. Each run
 * gets INPUT (default /dev/null) on stdin and OUTPUT (default /dev/null) as
 * stdout; stderr is kept unless -q. Prints one line per command:
 *   median_ms min_ms cpu_median_ms cpu_min_ms maxrss_kb
 * Wall time is measured around posix_spawn .. wait4; CPU time and peak RSS
 * come from wait4's rusage of the child. Exit 1 when a run fails (a nonzero
 * status is only reported: 'opname decide' exits with its verdict). */
#include <fcntl.h>
#include <stdbool.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum { MAX_CMDS = 8 };

struct cmd {
	char **argv;
	double *wall, *cpu;
	long maxrss;
	int status;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static bool quiet;

static int run_once(struct cmd *c, int run, const char *in, const char *out)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	if (quiet)
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 0, in, O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	pid_t pid;
	double t0 = now();
	int e = posix_spawnp(&pid, c->argv[0], &fa, NULL, c->argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (e) {
		fprintf(stderr, "runner: %s: %s\n", c->argv[0], strerror(e));
		return -1;
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("runner: wait4");
		return -1;
	}
	c->wall[run] = now() - t0;
	c->cpu[run] = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		      (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	if (ru.ru_maxrss > c->maxrss)
		c->maxrss = ru.ru_maxrss;
	if (!WIFEXITED(status)) {
		fprintf(stderr, "runner: %s: killed by signal %d\n", c->argv[0],
			WTERMSIG(status));
		return -1;
	}
	c->status = WEXITSTATUS(status);
	return 0;
}

int main(int argc, char **argv)
{
	int runs = 10, opt;
	const char *in = "/dev/null", *out = "/dev/null";
	while ((opt = getopt(argc, argv, "+n:qi:o:")) != -1) {
		if (opt == 'q')
			quiet = true;
		else if (opt == 'n')
			runs = atoi(optarg);
		else if (opt == 'i')
			in = optarg;
		else if (opt == 'o')
			out = optarg;
		else
			goto usage;
	}
	if (optind >= argc || runs < 1)
		goto usage;
	struct cmd cmds[MAX_CMDS];
	int ncmds = 0;
	for (int i = optind; i < argc; i++) {
		bool starts = i == optind || argv[i - 1] == NULL;
		if (!strcmp(argv[i], ";")) {
			if (starts)
				goto usage; /* an empty command */
			argv[i] = NULL; /* ends the previous command's argv */
			continue;
		}
		if (!starts)
			continue;
		if (ncmds == MAX_CMDS)
			goto usage;
		cmds[ncmds] = (struct cmd){ .argv = argv + i };
		cmds[ncmds].wall = calloc((size_t)runs, sizeof(double));
		cmds[ncmds].cpu = calloc((size_t)runs, sizeof(double));
		ncmds++;
	}
	for (int r = 0; r < runs; r++)
		for (int c = 0; c < ncmds; c++)
			if (run_once(&cmds[c], r, in, out) < 0)
				return 1;
	for (int c = 0; c < ncmds; c++) {
		double wmed = median(cmds[c].wall, runs), cmed = median(cmds[c].cpu, runs);
		printf("%.3f %.3f %.3f %.3f %ld\n", wmed * 1e3, cmds[c].wall[0] * 1e3,
		       cmed * 1e3, cmds[c].cpu[0] * 1e3, cmds[c].maxrss);
	}
	return 0;
usage:
	fputs("usage: runner [-n RUNS] [-q] [-i INPUT] [-o OUTPUT] CMD [ARG...] [';' CMD [ARG...]]...\n",
	      stderr);
	return 64;
}
