/* SPDX-License-Identifier: EUPL-1.2 */
/* SHA-256 (FIPS 180-4), to name the exact rule file a decision was made with. */
#ifndef OPNAME_SHA256_H
#define OPNAME_SHA256_H

#include <stddef.h>

void sha256_hex(const void *data, size_t len, char out[65]);

#endif
