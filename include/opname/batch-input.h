/* SPDX-License-Identifier: EUPL-1.2 */
/* Splitting batch input into records, one case each, in bounded memory.
 *
 * Lines end where libyaml ends them: at LF, CR LF, CR, NEL, LS or PS; a
 * line may start with a byte order mark (files joined with cat).
 *
 * YAML: a record is one document. A document boundary is a line that starts
 * with '---' or '...' followed by a space, a tab or the line's end: exactly
 * where YAML itself ends a document, since a marker at column 0 is never
 * content. So each document can be parsed on its own, and a broken one never
 * takes the next ones with it. Comment or directive lines before a '---'
 * belong to the document that follows; a bare chunk of only comments is no
 * document. So records are libyaml's documents, but for two: an input that
 * holds no document (empty, or comments only) is no record, and neither is
 * a '---' at the end with nothing after it.
 *
 * JSON Lines: a record is one non-blank line, without its line break.
 *
 * Only one record is held at a time: a record larger than the limit is
 * skipped up to the next boundary and given as 'too_large', without its
 * text, so a 5 MB line costs no more memory than a small one. */
#ifndef OPNAME_BATCH_INPUT_H
#define OPNAME_BATCH_INPUT_H

#include <stdbool.h>
#include <stddef.h>

enum batch_format { BATCH_YAML, BATCH_JSONL };

struct batch_record {
	const char *text; /* NUL-terminated; NULL when too_large */
	size_t len;       /* bytes in the record, also when too_large */
	/* 64 bits: a stream ('tail -F | opname batch -') may run for ever */
	long long line;       /* the line 'text' starts at, from 1 */
	long long first_line; /* its first line that is not blank or a comment */
	long long index;      /* the Nth record of this input, from 1 */
	bool too_large;
	bool json;            /* a JSON line: its problems speak of JSON */
};

struct batch_input;

/* The format a file name implies: .jsonl and .ndjson (in any letter case)
 * are JSON Lines. */
enum batch_format batch_format_of(const char *path);

/* Open 'path', or stdin for "-". 'limit' bounds one record's size.
 * Returns NULL with errno set when the file cannot be opened. */
struct batch_input *batch_input_open(const char *path, enum batch_format fmt,
				     size_t limit);

/* The same for a file found in a directory: only a regular file is opened
 * (never a FIFO, which would wait for a writer, nor a device); anything
 * else gives NULL with errno EINVAL. */
struct batch_input *batch_input_open_regular(const char *path,
					     enum batch_format fmt, size_t limit);

/* Called before a read that would wait for more input (a pipe or terminal
 * with nothing ready): the place to flush output a reader waits for. */
void batch_input_on_wait(struct batch_input *in, void (*fn)(void *), void *arg);

/* The next record: 1 when one is given (valid until the next call), 0 at
 * the end of the input, -1 on a read error (errno set). */
int batch_input_next(struct batch_input *in, struct batch_record *rec);

/* A regular file, whose end is known without waiting (not a pipe). */
bool batch_input_is_file(const struct batch_input *in);

/* The line being read: where a read error happened. */
long long batch_input_line(const struct batch_input *in);

void batch_input_close(struct batch_input *in);

#endif
