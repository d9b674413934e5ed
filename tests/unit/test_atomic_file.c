/* SPDX-License-Identifier: EUPL-1.2 */
/* Output files: a regular file or new name replaced through a temporary, a
 * symbolic link's target replaced and the link kept, a device or FIFO
 * written straight through; every refusal before anything is created; and
 * no temporary left by any terminating signal. */
#include "helpers.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "opname/atomic-file.h"
#include "opname/temp-guard.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/opname-atomic-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd);
}

static const char *in_dir(const char *name)
{
	static char buf[4][512];
	static int i;
	i = (i + 1) % 4;
	snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
	return buf[i];
}

/* Names in dir other than those expected: a temporary left behind. */
static int entries(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
	FILE *p = popen(cmd, "r");
	int n = -1;
	if (p && fscanf(p, "%d", &n) != 1)
		n = -1;
	if (p)
		pclose(p);
	return n;
}

static void write_file(const char *path, const char *text, bool force)
{
	struct atomic_file af;
	struct strbuf err = STRBUF_INIT;
	if (atomic_open(&af, path, 0600, force, &err) < 0)
		fail_msg("%s", err.buf);
	fputs(text, af.f);
	if (atomic_commit(&af, &err) < 0)
		fail_msg("%s", err.buf);
	sb_release(&err);
}

static char *slurp(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void test_new_and_replaced(void **state)
{
	(void)state;
	const char *p = in_dir("out.jsonl");
	write_file(p, "one\n", false);
	assert_string_equal(slurp(p), "one\n");
	struct stat st;
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	write_file(p, "two\n", true);
	assert_string_equal(slurp(p), "two\n");
	assert_int_equal(entries(), 1);
	unlink(p);
}

static void test_symlink_followed(void **state)
{
	(void)state;
	const char *target = in_dir("real.csv"), *link = in_dir("link.csv");
	write_file(target, "old\n", false);
	assert_int_equal(symlink("real.csv", link), 0);
	write_file(link, "new\n", true);
	struct stat st;
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(slurp(target), "new\n");
	/* a dangling link: its target is created */
	unlink(target);
	write_file(link, "made\n", true);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(slurp(target), "made\n");
	assert_int_equal(entries(), 2);
	unlink(link);
	unlink(target);
}

static void test_fifo_written_through(void **state)
{
	(void)state;
	const char *p = in_dir("fifo");
	assert_int_equal(mkfifo(p, 0600), 0);
	int rd = open(p, O_RDONLY | O_NONBLOCK); /* a reader, so open does not wait */
	assert_true(rd >= 0);
	write_file(p, "through\n", true);
	char buf[32] = { 0 };
	assert_int_equal(read(rd, buf, sizeof buf - 1), 8);
	assert_string_equal(buf, "through\n");
	close(rd);
	struct stat st;
	assert_int_equal(lstat(p, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	unlink(p);
}

/* As root, device nodes of our own: a fault replaces those, not the
 * system's; anyone else cannot replace /dev/null. */
static const char *device(const char *name, unsigned minor)
{
	const char *p = in_dir(name);
	if (mknod(p, S_IFCHR | 0666, makedev(1, minor)) == 0)
		return p;
	return minor == 3 ? "/dev/null" : "/dev/full";
}

static void test_devices(void **state)
{
	(void)state;
	const char *null = device("null", 3), *full = device("full", 7);
	write_file(null, "gone\n", true);
	struct stat st;
	assert_int_equal(stat(null, &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	/* a full device: the write fails, and says so */
	struct atomic_file af;
	struct strbuf err = STRBUF_INIT;
	assert_int_equal(atomic_open(&af, full, 0600, true, &err), 0);
	for (int i = 0; i < 1000; i++)
		fputs("0123456789abcdef", af.f);
	assert_int_equal(atomic_commit(&af, &err), -1);
	assert_non_null(strstr(err.buf, ": cannot write: No space left on device"));
	assert_int_equal(stat(full, &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	sb_release(&err);
	unlink(in_dir("null"));
	unlink(in_dir("full"));
}

static void check_refused(const char *path, bool force, int want, const char *msg)
{
	struct strbuf err = STRBUF_INIT;
	assert_int_equal(atomic_check(path, force, &err), want);
	if (!strstr(err.buf, msg))
		fail_msg("'%s' lacks '%s'", err.buf, msg);
	sb_reset(&err);
	struct atomic_file af;
	assert_int_equal(atomic_open(&af, path, 0600, force, &err), want);
	sb_release(&err);
}

static void test_refusals(void **state)
{
	(void)state;
	check_refused("", true, -2, "not a file name");
	check_refused(dir, true, -2, "is a directory");
	check_refused(in_dir("no/such/dir/x"), true, -1, "No such file or directory");
	char longname[300];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	check_refused(in_dir(longname), true, -1, "File name too long");
	const char *p = in_dir("kept");
	write_file(p, "kept\n", false);
	check_refused(p, false, -2, "exists; use --force to replace it");
	assert_string_equal(slurp(p), "kept\n");
	assert_int_equal(entries(), 1);
	unlink(p);
}

/* A 250-byte name still gets a temporary that fits beside it. */
static void test_long_name_fits(void **state)
{
	(void)state;
	char name[251];
	memset(name, 'b', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	const char *p = in_dir(name);
	write_file(p, "long\n", true);
	assert_string_equal(slurp(p), "long\n");
	unlink(p);
}

/* Each terminating signal removes the guarded name; the name is copied, so
 * freeing the caller's string first changes nothing. */
static void test_guard_every_signal(void **state)
{
	(void)state;
	static const int sigs[] = { SIGPIPE, SIGXFSZ, SIGQUIT, SIGALRM, SIGUSR1,
				    SIGUSR2, SIGTERM, SIGHUP, SIGINT, SIGVTALRM };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		const char *p = in_dir(".out.tmp");
		int fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0600);
		assert_true(fd >= 0);
		close(fd);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			int d = open(dir, O_RDONLY | O_DIRECTORY);
			char *name = strdup(".out.tmp");
			temp_guard_set(d, name);
			free(name);
			raise(sigs[i]);
			_exit(0);
		}
		int ws;
		assert_int_equal(waitpid(pid, &ws, 0), pid);
		assert_true(WIFSIGNALED(ws));
		assert_int_equal(WTERMSIG(ws), sigs[i]);
		if (access(p, F_OK) == 0)
			fail_msg("signal %d left the temporary", sigs[i]);
	}
}

/* exit() (out of memory, a closed stdout) removes it too. */
static void test_guard_exit(void **state)
{
	(void)state;
	const char *p = in_dir(".exit.tmp");
	close(open(p, O_WRONLY | O_CREAT | O_EXCL, 0600));
	pid_t pid = fork();
	if (pid == 0) {
		temp_guard_set(open(dir, O_RDONLY | O_DIRECTORY), ".exit.tmp");
		exit(74);
	}
	int ws;
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	assert_true(WIFEXITED(ws) && WEXITSTATUS(ws) == 74);
	assert_int_equal(access(p, F_OK), -1);
}

/* Blocked: a signal sent while a file is put in place waits until after. */
static void test_block(void **state)
{
	(void)state;
	pid_t pid = fork();
	if (pid == 0) {
		sigset_t old;
		temp_guard_block(&old);
		raise(SIGTERM);
		raise(SIGHUP);
		const char *p = in_dir("done");
		close(open(p, O_WRONLY | O_CREAT, 0600));
		temp_guard_unblock(&old);
		_exit(0);
	}
	int ws;
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	assert_true(WIFSIGNALED(ws));
	assert_int_equal(access(in_dir("done"), F_OK), 0);
	unlink(in_dir("done"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_and_replaced),
		cmocka_unit_test(test_symlink_followed),
		cmocka_unit_test(test_fifo_written_through),
		cmocka_unit_test(test_devices),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_long_name_fits),
		cmocka_unit_test(test_guard_every_signal),
		cmocka_unit_test(test_guard_exit),
		cmocka_unit_test(test_block),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
