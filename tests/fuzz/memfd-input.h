/* SPDX-License-Identifier: EUPL-1.2 */
/* A fuzz input as a file: a memfd holding the bytes, named by a /proc path,
 * so that readers that open a path (batch-input.c) read it through their
 * own buffering. For the fuzz targets that need one. */
#ifndef OPNAME_FUZZ_MEMFD_INPUT_H
#define OPNAME_FUZZ_MEMFD_INPUT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* The memfd (close it when done), its path in path[64]. */
static inline int memfd_input(const char *name, const uint8_t *data, size_t size,
			      char path[64])
{
	int fd = memfd_create(name, 0);
	if (fd < 0)
		abort();
	if (size && write(fd, data, size) != (ssize_t)size)
		abort();
	snprintf(path, 64, "/proc/self/fd/%d", fd);
	return fd;
}

#endif
