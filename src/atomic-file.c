/* SPDX-License-Identifier: EUPL-1.2 */
#include "opname/atomic-file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void release(struct atomic_file *af)
{
	free(af->path);
	free(af->tmp);
	af->path = af->tmp = NULL;
	af->f = NULL;
}

int atomic_open(struct atomic_file *af, const char *path, mode_t mode,
		bool force, struct strbuf *err)
{
	memset(af, 0, sizeof *af);
	struct stat st;
	if (!force && lstat(path, &st) == 0) {
		sb_addf(err, "%s: exists; use --force to replace it", path);
		return -1;
	}
	af->path = xstrdup(path);
	af->force = force;
	size_t n = strlen(path);
	af->tmp = xmalloc(n + 16);
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	/* A hidden name in the same directory: rename() must not cross devices. */
	snprintf(af->tmp, n + 16, "%.*s.%s.XXXXXX", (int)dir, path, path + dir);
	int fd = mkstemp(af->tmp);
	if (fd < 0) {
		sb_addf(err, "%s: cannot create: %s", path, strerror(errno));
		release(af);
		return -1;
	}
	if (fchmod(fd, mode) < 0 || !(af->f = fdopen(fd, "w"))) {
		sb_addf(err, "%s: cannot create: %s", path, strerror(errno));
		close(fd);
		unlink(af->tmp);
		release(af);
		return -1;
	}
	return 0;
}

int atomic_commit(struct atomic_file *af, struct strbuf *err)
{
	int fail = fflush(af->f) != 0 || ferror(af->f);
	int e = errno;
	if (!fail && fsync(fileno(af->f)) < 0) {
		fail = 1;
		e = errno;
	}
	if (fclose(af->f) != 0 && !fail) {
		fail = 1;
		e = errno;
	}
	af->f = NULL;
	if (!fail) {
		/* Without --force, link() refuses to replace a file that appeared
		 * since atomic_open; with it, rename() replaces atomically. */
		if (af->force ? rename(af->tmp, af->path) < 0
			      : link(af->tmp, af->path) < 0) {
			fail = 1;
			e = errno;
		}
	}
	if (fail)
		sb_addf(err, "%s: cannot write: %s", af->path,
			e == EEXIST ? "it exists; use --force to replace it" : strerror(e));
	unlink(af->tmp); /* after link(), the temporary is a second name */
	release(af);
	return fail ? -1 : 0;
}

void atomic_abort(struct atomic_file *af)
{
	if (!af->tmp)
		return;
	if (af->f)
		fclose(af->f);
	unlink(af->tmp);
	release(af);
}
