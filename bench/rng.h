/* SPDX-License-Identifier: EUPL-1.2 */
/* The bench generators' random numbers: xorshift64*, small, fast and good
 * enough for test data, and the same on every machine for a seed. */
#ifndef OPNAME_BENCH_RNG_H
#define OPNAME_BENCH_RNG_H

#include <stdint.h>

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static inline uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1du;
}

#endif
