/* SPDX-License-Identifier: EUPL-1.2 */
/* Listing a directory (see the header). Only a regular file is a file to
 * read: a FIFO named cases.yaml would block for ever, a symlink to
 * /dev/zero never end; callers report those (DIR_KIND_OTHER) instead. */
#include "opname/dir-list.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "opname/util.h"

bool name_has_ext(const char *name, const char *const *exts, int nexts)
{
	size_t n = strlen(name);
	if (name[0] == '.')
		return false;
	for (int i = 0; i < nexts; i++) {
		size_t e = strlen(exts[i]);
		if (n > e && !strcasecmp(name + n - e, exts[i]))
			return true;
	}
	return false;
}

static const char *kind_of(const char *path, enum dir_kind *kind)
{
	struct stat st;
	*kind = DIR_KIND_OTHER;
	/* What cannot even be looked at (a broken symlink) is left to the
	 * caller's open, whose error says why. */
	if (stat(path, &st) < 0 || S_ISREG(st.st_mode))
		*kind = DIR_KIND_REGULAR;
	else if (S_ISDIR(st.st_mode))
		*kind = DIR_KIND_DIR;
	else if (S_ISFIFO(st.st_mode))
		return "a FIFO";
	else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
		return "a device";
	else if (S_ISSOCK(st.st_mode))
		return "a socket";
	else
		return "not a file";
	return NULL;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct dir_entry *)a)->path,
		      ((const struct dir_entry *)b)->path);
}

int dir_list(const char *dir, bool (*want)(const char *name),
	     struct dir_entry **entries)
{
	DIR *d = opendir(dir);
	*entries = NULL;
	if (!d)
		return -1;
	struct dir_entry *v = NULL;
	int n = 0, cap = 0;
	const char *sep = dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/";
	struct dirent *e;
	while ((e = readdir(d))) {
		if (want ? !want(e->d_name) : e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			v = xrealloc(v, (size_t)cap * sizeof *v);
		}
		struct strbuf p = STRBUF_INIT;
		sb_addf(&p, "%s%s%s", dir, sep, e->d_name);
		v[n].path = p.buf;
		v[n].what = kind_of(p.buf, &v[n].kind);
		n++;
	}
	closedir(d);
	if (n) /* qsort wants an array, even of none */
		qsort(v, (size_t)n, sizeof *v, by_path);
	*entries = v;
	return n;
}

void dir_list_free(struct dir_entry *entries, int n)
{
	for (int i = 0; i < n; i++)
		free(entries[i].path);
	free(entries);
}
