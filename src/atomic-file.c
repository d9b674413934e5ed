/* SPDX-License-Identifier: EUPL-1.2 */
/* See opname/atomic-file.h: what a name given for output is, and writing
 * it without ever replacing what is not a regular file. */
#include "opname/atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "opname/temp-guard.h"

#define PROC_SUPER_MAGIC 0x9fa0
enum { MAX_LINKS = 40 }; /* as the kernel's own limit on a path's links */

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, path, (size_t)(slash - path));
	return sb.buf;
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* A link in /proc (or /dev/fd, which is /proc/self/fd) names an open
 * descriptor, not a file: /dev/stdout is written, never replaced. */
static bool on_proc(const char *path)
{
	char *dir = dir_of(path);
	struct statfs sf;
	bool r = statfs(dir, &sf) == 0 && sf.f_type == PROC_SUPER_MAGIC;
	free(dir);
	return r;
}

/* The name a symbolic link points to, relative to the link's directory. */
static char *link_target(const char *link)
{
	char buf[PATH_MAX];
	ssize_t n = readlink(link, buf, sizeof buf - 1);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	struct strbuf sb = STRBUF_INIT;
	if (buf[0] != '/' && strchr(link, '/'))
		sb_add(&sb, link, (size_t)(base_of(link) - link));
	sb_adds(&sb, buf);
	return sb.buf;
}

/* -1 for what the system refused (errno e), -2 for the name itself. */
static int refuse(struct strbuf *err, const char *path, const char *what, int e)
{
	if (e)
		sb_addf(err, "%s: %s: %s", path, what, strerror(e));
	else
		sb_addf(err, "%s: %s", path, what);
	return e ? -1 : -2;
}

/* Follow 'path' to what gets written: af->kind, af->target, af->append. */
static int resolve(struct atomic_file *af, const char *path, bool force,
		   struct strbuf *err)
{
	char *cur = xstrdup(path);
	af->kind = ATOMIC_REPLACE;
	for (int links = 0;; links++) {
		struct stat st;
		if (lstat(cur, &st) < 0) {
			if (errno == ENOENT)
				break; /* a new file */
			free(cur);
			return refuse(err, path, "cannot create", errno);
		}
		if (S_ISLNK(st.st_mode)) {
			if (on_proc(cur)) {
				af->kind = ATOMIC_THROUGH;
				af->append = true;
				break;
			}
			char *next = links < MAX_LINKS ? link_target(cur) : NULL;
			int e = links < MAX_LINKS ? errno : ELOOP;
			free(cur);
			if (!next)
				return refuse(err, path, "cannot create", e);
			cur = next;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			free(cur);
			return refuse(err, path, "is a directory", 0);
		}
		if (!S_ISREG(st.st_mode))
			af->kind = ATOMIC_THROUGH;
		else if (!force) {
			free(cur);
			return refuse(err, path, "exists; use --force to replace it", 0);
		}
		break;
	}
	af->target = cur;
	return 0;
}

/* The directory a replaced file lives in: there, writable, and able to
 * hold the name. */
static int open_dir(struct atomic_file *af, struct strbuf *err)
{
	af->base = xstrdup(base_of(af->target));
	if (!*af->base)
		return refuse(err, af->path, "is a directory", 0);
	char *dir = dir_of(af->target);
	af->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (af->dirfd < 0)
		return refuse(err, af->path, "cannot create", errno);
	long max = fpathconf(af->dirfd, _PC_NAME_MAX);
	if (strlen(af->base) > (size_t)(max > 0 ? max : NAME_MAX))
		return refuse(err, af->path, "cannot create", ENAMETOOLONG);
	if (faccessat(af->dirfd, ".", W_OK | X_OK, AT_EACCESS) < 0)
		return refuse(err, af->path, "cannot create", errno);
	return 0;
}

static void release(struct atomic_file *af)
{
	if (af->f)
		fclose(af->f);
	if (af->dirfd >= 0)
		close(af->dirfd);
	free(af->path);
	free(af->target);
	free(af->base);
	af->path = af->target = af->base = NULL;
	af->f = NULL;
	af->dirfd = -1;
	af->tmp[0] = '\0';
}

static int prepare(struct atomic_file *af, const char *path, bool force,
		   struct strbuf *err)
{
	memset(af, 0, sizeof *af);
	af->dirfd = -1;
	if (!*path)
		return refuse(err, "''", "not a file name", 0);
	af->path = xstrdup(path);
	af->force = force;
	int r = resolve(af, path, force, err);
	if (r < 0)
		return r;
	if (af->kind == ATOMIC_REPLACE)
		return open_dir(af, err);
	if (access(af->target, W_OK) < 0)
		return refuse(err, path, "cannot write", errno);
	return 0;
}

int atomic_check(const char *path, bool force, struct strbuf *err)
{
	struct atomic_file af;
	int r = prepare(&af, path, force, err);
	release(&af);
	return r;
}

/* ".NAME.XXXXXX" beside the target, cut to fit any file system's names. */
static void temp_name(struct atomic_file *af)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	unsigned char r[6];
	if (getrandom(r, sizeof r, 0) != sizeof r)
		for (size_t i = 0; i < sizeof r; i++)
			r[i] = (unsigned char)(rand() >> 3);
	int keep = (int)sizeof af->tmp - 10;
	if (keep > NAME_MAX - 9)
		keep = NAME_MAX - 9;
	snprintf(af->tmp, sizeof af->tmp, ".%.*s.%c%c%c%c%c%c", keep, af->base,
		 chars[r[0] % 62], chars[r[1] % 62], chars[r[2] % 62],
		 chars[r[3] % 62], chars[r[4] % 62], chars[r[5] % 62]);
}

/* A named temporary, guarded against signals from the moment it exists. */
static int open_named(struct atomic_file *af, mode_t mode)
{
	for (int tries = 0; tries < 100; tries++) {
		temp_name(af);
		sigset_t old;
		temp_guard_block(&old);
		int fd = openat(af->dirfd, af->tmp,
				O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 0600);
		if (fd >= 0)
			temp_guard_set(af->dirfd, af->tmp);
		int e = errno;
		temp_guard_unblock(&old);
		if (fd >= 0 || e != EEXIST) {
			errno = e;
			return fd;
		}
	}
	return -1;
}

static int open_replace(struct atomic_file *af, mode_t mode)
{
	int fd = -1;
	/* O_TMPFILE: no name until the data is whole. Putting it in place
	 * needs /proc (or CAP_DAC_READ_SEARCH), so without /proc, a name. */
	if (access("/proc/self/fd", X_OK) == 0) {
		fd = openat(af->dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
		af->anon = fd >= 0;
	}
	if (fd < 0)
		fd = open_named(af, mode);
	if (fd >= 0 && fchmod(fd, mode) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

int atomic_open(struct atomic_file *af, const char *path, mode_t mode,
		bool force, struct strbuf *err)
{
	int r = prepare(af, path, force, err);
	if (r < 0) {
		release(af);
		return r;
	}
	int fd = af->kind == ATOMIC_REPLACE
		 ? open_replace(af, mode)
		 : open(af->target, O_WRONLY | O_NOCTTY | O_CLOEXEC |
					    (af->append ? O_APPEND : 0));
	if (fd < 0 || !(af->f = fdopen(fd, "w"))) {
		refuse(err, path, af->kind == ATOMIC_REPLACE ? "cannot create" : "cannot open",
		       errno);
		if (fd >= 0)
			close(fd);
		atomic_abort(af);
		return -1;
	}
	return 0;
}

/* Give the O_TMPFILE a name in dirfd. */
static int link_anon(struct atomic_file *af, const char *name)
{
	int fd = fileno(af->f);
	if (linkat(fd, "", af->dirfd, name, AT_EMPTY_PATH) == 0)
		return 0;
	if (errno == EEXIST)
		return -1;
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	return linkat(AT_FDCWD, proc, af->dirfd, name, AT_SYMLINK_FOLLOW);
}

/* Into place. Without force, link() refuses a file that appeared since
 * the check; with it, rename() replaces in one step. Called with every
 * terminating signal blocked. */
static int put_in_place(struct atomic_file *af)
{
	if (af->anon && !af->force)
		return link_anon(af, af->base);
	if (af->anon) {
		int r, tries = 0;
		do
			temp_name(af);
		while ((r = link_anon(af, af->tmp)) < 0 && errno == EEXIST && ++tries < 100);
		if (r < 0) {
			af->tmp[0] = '\0';
			return -1;
		}
	}
	int r = af->force ? renameat(af->dirfd, af->tmp, af->dirfd, af->base)
			  : linkat(af->dirfd, af->tmp, af->dirfd, af->base, 0);
	int e = errno;
	if (r < 0 || !af->force)
		unlinkat(af->dirfd, af->tmp, 0);
	af->tmp[0] = '\0';
	if (!af->anon)
		temp_guard_clear();
	errno = e;
	return r;
}

static int flush_all(struct atomic_file *af)
{
	if (fflush(af->f) != 0 || ferror(af->f))
		return errno ? errno : EIO;
	if (af->kind == ATOMIC_REPLACE && fsync(fileno(af->f)) < 0)
		return errno;
	return 0;
}

int atomic_commit(struct atomic_file *af, struct strbuf *err)
{
	errno = 0;
	int e = flush_all(af);
	if (!e && af->kind == ATOMIC_REPLACE) {
		sigset_t old;
		temp_guard_block(&old);
		if (put_in_place(af) < 0)
			e = errno;
		temp_guard_unblock(&old);
		/* the rename is only durable once the directory is */
		if (!e && fsync(af->dirfd) < 0 && errno != EINVAL)
			e = errno;
	}
	if (fclose(af->f) != 0 && !e)
		e = errno;
	af->f = NULL;
	if (e)
		sb_addf(err, "%s: cannot write: %s", af->path,
			e == EEXIST ? "it exists; use --force to replace it" : strerror(e));
	atomic_abort(af);
	return e ? -1 : 0;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->tmp[0] && af->dirfd >= 0) {
		unlinkat(af->dirfd, af->tmp, 0);
		temp_guard_clear();
	}
	release(af);
}
