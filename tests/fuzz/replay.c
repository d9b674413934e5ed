/* SPDX-License-Identifier: EUPL-1.2 */
/* Runs a fuzz target over files without libFuzzer: 'make check' replays the
 * committed corpus (seeds and past crashers) through the same
 * LLVMFuzzerTestOneInput, in the normal and in the ASan build.
 *
 * usage: replay-TARGET FILE|DIR...   (a DIR means every regular file in it) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "opname/dir-list.h"
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

/* Every regular file in dir, in name order (a stable replay order). */
static int run_dir(const char *dir, int *count)
{
	struct dir_entry *e;
	int n = dir_list(dir, NULL, &e);
	if (n < 0) {
		perror(dir);
		return -1;
	}
	int rc = 0;
	for (int i = 0; i < n; i++) {
		if (e[i].kind != DIR_KIND_REGULAR)
			continue;
		if (run_file(e[i].path) < 0)
			rc = -1;
		++*count;
	}
	dir_list_free(e, n);
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
