/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzz target: the batch record splitter (batch-input.c), in both formats,
 * and the case reader on every record it gives, as 'opname batch' does.
 *
 * The input is a whole batch file. It is read through a memfd, so that the
 * splitter's own buffering and refilling are exercised, with a small record
 * limit so that 'too_large' records turn up too. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "memfd-input.h"
#include "opname/batch-input.h"
#include "opname/case.h"
#include "opname/engine.h"
#include "opname/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { RECORD_LIMIT = 2048 };

static void split(const char *path, enum batch_format fmt, size_t size)
{
	const struct ruleset *rs = rules_builtin();
	struct batch_input *in = batch_input_open(path, fmt, RECORD_LIMIT);
	if (!in)
		abort();
	struct arena *a = arena_new();
	struct batch_record rec;
	int r, index = 0, line = 0;
	size_t total = 0;
	while ((r = batch_input_next(in, &rec)) == 1) {
		/* Records come in order, each from where the last one ended. */
		if (rec.index != ++index || rec.line < 1 || rec.line < line ||
		    rec.first_line < rec.line)
			abort();
		line = rec.line;
		total += rec.len;
		if (total > size + 1) /* a record may end in an added '\n' */
			abort();
		if (rec.too_large != (rec.text == NULL))
			abort();
		if (rec.too_large) {
			if (rec.len <= RECORD_LIMIT)
				abort();
			continue;
		}
		if (rec.len > RECORD_LIMIT || rec.text[rec.len] != '\0')
			abort();
		struct diag d;
		struct case_file c;
		diag_init(&d, "fuzz.batch");
		d.line_offset = rec.line - 1;
		arena_reset(a);
		if (case_read(rs, rec.text, rec.len, a, &c, &d) == 0) {
			struct outcome o;
			engine_decide(rs, c.facts, &o, NULL);
		} else if (d.count == 0) {
			abort(); /* an error record needs its message */
		}
		diag_release(&d);
	}
	if (r != 0)
		abort(); /* a memfd does not fail to read */
	arena_free(a);
	batch_input_close(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = memfd_input("fuzz-batch", data, size, path);
	split(path, BATCH_YAML, size);
	split(path, BATCH_JSONL, size);
	close(fd);
	return 0;
}
