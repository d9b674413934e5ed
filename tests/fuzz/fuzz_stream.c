/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzz target: the batch record splitter against libyaml's own count. When
 * libyaml parses the whole input as one stream without an error, the
 * splitter (batch-input.c) must give one record per document it counts:
 * no fewer (two cases lost in one error record) and no more. The
 * documented exceptions: a '---' at the end with nothing after it, which
 * libyaml counts as an empty document and the splitter, as a batch of
 * cases, does not; and a byte order mark after the start, where files
 * were joined: libyaml skips it but then sees no marker after it (its
 * column is no longer 0), while the splitter starts a record there, so
 * that each joined file is its own case. Those inputs are only run.
 *
 * The input is read through a memfd, as in fuzz_batch.c, so the splitter's
 * own buffering and refilling are exercised. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "memfd-input.h"
#include "opname/batch-input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* libyaml's documents in the input, as batch reads it (UTF-8, a leading
 * byte order mark skipped, see ytree.c), less a last one that is empty
 * and implicitly ended; -1 when libyaml refuses the input. */
static long documents(const uint8_t *data, size_t size)
{
	if (size >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
		data += 3;
		size -= 3;
	}
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		abort();
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p, data, size);
	long docs = 0;
	int nodes = 0;
	bool empty = false, last_empty = false;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e)) {
			docs = -1;
			break;
		}
		yaml_event_type_t t = e.type;
		if (t == YAML_DOCUMENT_START_EVENT) {
			docs++;
			nodes = 0;
			empty = false;
		} else if (t == YAML_SCALAR_EVENT || t == YAML_MAPPING_START_EVENT ||
			   t == YAML_SEQUENCE_START_EVENT || t == YAML_ALIAS_EVENT) {
			/* an empty document is one empty plain scalar, made up */
			empty = ++nodes == 1 && t == YAML_SCALAR_EVENT &&
				e.data.scalar.length == 0 &&
				e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
				!e.data.scalar.tag && !e.data.scalar.anchor;
		} else if (t == YAML_DOCUMENT_END_EVENT) {
			last_empty = empty && e.data.document_end.implicit;
		}
		yaml_event_delete(&e);
		if (t == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&p);
	return docs > 0 && last_empty ? docs - 1 : docs;
}

static long records(const char *path, size_t size)
{
	struct batch_input *in = batch_input_open(path, BATCH_YAML, size + 16);
	if (!in)
		abort();
	struct batch_record rec;
	long n = 0;
	int r;
	while ((r = batch_input_next(in, &rec)) == 1)
		n++;
	if (r != 0)
		abort();
	batch_input_close(in);
	return n;
}

static bool joined(const uint8_t *data, size_t size)
{
	return size > 3 && memmem(data + 1, size - 1, "\xef\xbb\xbf", 3);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	long docs = joined(data, size) ? -1 : documents(data, size);
	char path[64];
	int fd = memfd_input("fuzz-stream", data, size, path);
	long recs = records(path, size);
	close(fd);
	if (docs >= 0 && recs != docs) {
		fprintf(stderr, "fuzz_stream: %ld records for %ld documents\n", recs, docs);
		abort();
	}
	return 0;
}
