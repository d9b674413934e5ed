/* SPDX-License-Identifier: EUPL-1.2 */
/* Runs a fuzz target over files without libFuzzer: 'make check' replays the
 * committed corpus (seeds and past crashers) through the same
 * LLVMFuzzerTestOneInput, in the normal and in the ASan build.
 *
 * usage: replay-TARGET FILE|DIR...   (a DIR means every regular file in it) */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "opname/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	size_t len;
	char *buf = read_file(path, (size_t)64 << 20, &len);
	if (!buf) {
		perror(path);
		return -1;
	}
	/* An exact-size copy, so that ASan sees a read one past the end. */
	char *exact = xmalloc(len);
	memcpy(exact, buf, len);
	free(buf);
	LLVMFuzzerTestOneInput((const uint8_t *)exact, len);
	free(exact);
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file in dir, in name order (a stable replay order). */
static int run_dir(const char *dir, int *count)
{
	DIR *d = opendir(dir);
	if (!d) {
		perror(dir);
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			names = xrealloc(names, cap * sizeof *names);
		}
		struct strbuf p = STRBUF_INIT;
		sb_addf(&p, "%s/%s", dir, e->d_name);
		names[n++] = p.buf;
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
			if (run_file(names[i]) < 0)
				rc = -1;
			++*count;
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	int rc = 0, count = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			rc |= run_dir(argv[i], &count);
		} else {
			rc |= run_file(argv[i]);
			count++;
		}
	}
	printf("%s: %d inputs replayed\n", argc > 0 ? argv[0] : "replay", count);
	return rc ? 1 : 0;
}
