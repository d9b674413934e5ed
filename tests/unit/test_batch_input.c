/* SPDX-License-Identifier: EUPL-1.2 */
/* Batch input: where YAML documents and JSON Lines records begin and end,
 * their line numbers, oversize records skipped in bounded memory, chunk
 * edges, empty inputs, and the wait hook on a pipe. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "opname/batch-input.h"


static void write_input(const char *text, size_t len)
{
	strcpy(temp_path, "/tmp/test_batch_input.XXXXXX");
	int fd = mkstemp(temp_path);
	assert_true(fd >= 0);
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);
		assert_true(n > 0);
		done += (size_t)n;
	}
	close(fd);
}

/* What one input gives, record by record. */
struct got {
	int n;
	char *text[64];
	size_t len[64];
	int line[64], first[64];
	bool too_large[64];
};

static void got_free(struct got *g)
{
	for (int i = 0; i < g->n; i++)
		free(g->text[i]);
}

static void read_all(const char *text, enum batch_format fmt, size_t limit,
		     struct got *g)
{
	write_input(text, strlen(text));
	struct batch_input *in = batch_input_open(temp_path, fmt, limit);
	assert_non_null(in);
	memset(g, 0, sizeof *g);
	struct batch_record r;
	int rc;
	while ((rc = batch_input_next(in, &r)) == 1) {
		assert_true(g->n < 64);
		assert_int_equal(r.index, g->n + 1);
		g->text[g->n] = r.text ? xstrdup(r.text) : NULL;
		if (r.text)
			assert_int_equal(strlen(r.text), r.len);
		g->len[g->n] = r.len;
		g->line[g->n] = r.line;
		g->first[g->n] = r.first_line;
		g->too_large[g->n] = r.too_large;
		g->n++;
	}
	assert_int_equal(rc, 0);
	assert_int_equal(batch_input_next(in, &r), 0); /* and stays at the end */
	batch_input_close(in);
	remove_temp(NULL);
}

static void yaml_documents_split_on_markers(void **state)
{
	(void)state;
	struct got g;
	read_all("---\nid: a\n---\nid: b\n\n---\nid: c\n", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.text[0], "---\nid: a\n");
	assert_string_equal(g.text[1], "---\nid: b\n\n");
	assert_string_equal(g.text[2], "---\nid: c\n");
	assert_int_equal(g.line[0], 1);
	assert_int_equal(g.line[1], 3);
	assert_int_equal(g.line[2], 6);
	assert_int_equal(g.first[2], 6);
	got_free(&g);

	/* A first document without '---', and content on the marker line. */
	read_all("id: a\n--- {id: b}\n---\t# tab\nid: c", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.text[0], "id: a\n");
	assert_string_equal(g.text[1], "--- {id: b}\n");
	assert_string_equal(g.text[2], "---\t# tab\nid: c");
	assert_int_equal(g.line[2], 3);
	got_free(&g);
}

static void only_column_zero_markers_count(void **state)
{
	(void)state;
	struct got g;
	read_all("a: |\n  ---\n  text\nb: ----\n---x: 1\n----\n", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 1);
	got_free(&g);
	read_all("a: 1\r\n---\r\nb: 2\r\n", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[1], "---\r\nb: 2\r\n");
	got_free(&g);
	/* a '---' at the end, with nothing after it, is no document */
	read_all("a: 1\n---", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.text[0], "a: 1\n");
	got_free(&g);
	read_all("a: 1\n---\n# the end\n\n", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 1);
	got_free(&g);
	read_all("a: 1\n--- b\n", BATCH_YAML, 1 << 20, &g); /* content after it */
	assert_int_equal(g.n, 2);
	got_free(&g);
}

/* Every line break libyaml knows ends a line, markers are found after each,
 * and lines are counted as libyaml counts them. */
static void every_yaml_line_break(void **state)
{
	(void)state;
	static const char *const breaks[] = { "\n", "\r\n", "\r", "\xc2\x85",
					      "\xe2\x80\xa8", "\xe2\x80\xa9" };
	for (size_t i = 0; i < sizeof breaks / sizeof breaks[0]; i++) {
		const char *b = breaks[i];
		struct strbuf in = STRBUF_INIT, want = STRBUF_INIT;
		sb_addf(&in, "id: a%s---%sid: b%s%s---%sid: c%s", b, b, b, b, b, b);
		struct got g;
		read_all(in.buf, BATCH_YAML, 1 << 20, &g);
		assert_int_equal(g.n, 3);
		sb_addf(&want, "---%sid: b%s%s", b, b, b);
		assert_string_equal(g.text[1], want.buf);
		assert_int_equal(g.line[1], 2);
		assert_int_equal(g.line[2], 5);
		got_free(&g);
		/* JSON Lines split there too, and lose the break */
		sb_reset(&in);
		sb_addf(&in, "{\"id\": \"a\"}%s%s{\"id\": \"b\"}%s", b, b, b);
		read_all(in.buf, BATCH_JSONL, 1 << 20, &g);
		assert_int_equal(g.n, 2);
		assert_string_equal(g.text[0], "{\"id\": \"a\"}");
		assert_string_equal(g.text[1], "{\"id\": \"b\"}");
		assert_int_equal(g.line[1], 3);
		got_free(&g);
		sb_release(&in);
		sb_release(&want);
	}
	/* a lone C2 or E2 that is no break stays inside its line */
	struct got g;
	read_all("a: \xc2\xa0\xe2\x80\x99x\n---\nb: 1\n", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.line[1], 2);
	got_free(&g);
}

/* Files joined with cat, each starting with a byte order mark. */
static void a_byte_order_mark_on_any_line(void **state)
{
	(void)state;
	struct got g;
	read_all("\xef\xbb\xbf---\nid: a\n\xef\xbb\xbf---\nid: b\n", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[1], "\xef\xbb\xbf---\nid: b\n");
	assert_int_equal(g.line[1], 3);
	got_free(&g);
	read_all("\xef\xbb\xbfid: a\n\xef\xbb\xbf\n", BATCH_JSONL, 1 << 20, &g);
	assert_int_equal(g.n, 1); /* a line of only a mark is blank */
	got_free(&g);
}

static void comments_and_directives_go_with_the_next_document(void **state)
{
	(void)state;
	struct got g;
	read_all("# cases of march\n\n%YAML 1.1\n---\nid: a\n# trailing\n", BATCH_YAML,
		 1 << 20, &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.line[0], 1);  /* the text starts at the comment */
	assert_int_equal(g.first[0], 4); /* the case starts at '---' */
	assert_string_equal(g.text[0], "# cases of march\n\n%YAML 1.1\n---\nid: a\n# trailing\n");
	got_free(&g);

	read_all("id: a\n...\n# only a comment\n...\n  \nid: b\n...\n# end\n",
		 BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[0], "id: a\n...\n");
	assert_string_equal(g.text[1], "  \nid: b\n...\n");
	assert_int_equal(g.line[1], 5);
	assert_int_equal(g.first[1], 6);
	got_free(&g);
}

static void empty_documents_are_records(void **state)
{
	(void)state;
	struct got g;
	read_all("---\n---\n# nothing\n---\nid: a\n", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.text[0], "---\n");
	assert_string_equal(g.text[1], "---\n# nothing\n");
	got_free(&g);

	/* An input without any document holds no case, as in JSON Lines. */
	read_all("", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 0);
	got_free(&g);
	read_all("# just a comment\n\n", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 0);
	got_free(&g);
	read_all("---\n", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 0);
	got_free(&g);

	/* JSON Lines: no lines, no cases. */
	read_all("", BATCH_JSONL, 1 << 20, &g);
	assert_int_equal(g.n, 0);
	got_free(&g);
}

static void json_lines_are_one_record_each(void **state)
{
	(void)state;
	struct got g;
	read_all("{\"id\": \"a\"}\n\n  \t\n{\"id\": \"b\"}\r\n---\n{\"id\": \"c\"}",
		 BATCH_JSONL, 1 << 20, &g);
	assert_int_equal(g.n, 4);
	/* without the line break: a message about a line's end is on it */
	assert_string_equal(g.text[0], "{\"id\": \"a\"}");
	assert_string_equal(g.text[1], "{\"id\": \"b\"}");
	assert_string_equal(g.text[2], "---"); /* a line, whatever it holds */
	assert_string_equal(g.text[3], "{\"id\": \"c\"}");
	assert_int_equal(g.line[0], 1);
	assert_int_equal(g.line[1], 4);
	assert_int_equal(g.line[2], 5);
	assert_int_equal(g.line[3], 6);
	assert_int_equal(g.first[3], 6);
	got_free(&g);
}

static char *long_text(size_t n, char c)
{
	char *s = xmalloc(n + 1);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static void a_record_past_the_limit_is_skipped_whole(void **state)
{
	(void)state;
	size_t big = 5u << 20;
	char *x = long_text(big, 'x');
	struct strbuf in = STRBUF_INIT;
	sb_addf(&in, "{\"id\": \"a\"}\n{\"id\": \"%s\"}\n{\"id\": \"c\"}\n", x);
	struct got g;
	read_all(in.buf, BATCH_JSONL, 1 << 20, &g);
	assert_int_equal(g.n, 3);
	assert_false(g.too_large[0]);
	assert_true(g.too_large[1]);
	assert_null(g.text[1]);
	assert_int_equal(g.len[1], big + 11); /* counted, though not kept */
	assert_int_equal(g.line[2], 3);
	assert_string_equal(g.text[2], "{\"id\": \"c\"}");
	got_free(&g);

	/* YAML: skipped up to the next document marker. */
	sb_reset(&in);
	sb_addf(&in, "id: a\n---\nnote: %s\n%s\n---\nid: c\n", x, x);
	read_all(in.buf, BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 3);
	assert_true(g.too_large[1]);
	assert_int_equal(g.len[1], 2 * big + 12);
	assert_int_equal(g.first[1], 2);
	assert_string_equal(g.text[2], "---\nid: c\n");
	assert_int_equal(g.line[2], 5);
	got_free(&g);

	/* Exactly at the limit is still a record with its text. */
	read_all("12345\n", BATCH_JSONL, 6, &g);
	assert_false(g.too_large[0]);
	got_free(&g);
	read_all("123456\n", BATCH_JSONL, 6, &g);
	assert_true(g.too_large[0]);
	got_free(&g);
	sb_release(&in);
	free(x);
}

/* Many documents of many sizes, so that markers, line starts and long lines
 * fall on every kind of chunk edge; each must come back byte for byte. */
static void documents_survive_chunk_edges(void **state)
{
	(void)state;
	struct strbuf in = STRBUF_INIT;
	char *docs[40];
	int lines[40], line = 1;
	srand(4);
	for (int i = 0; i < 40; i++) {
		struct strbuf d = STRBUF_INIT;
		size_t pad = (size_t)(rand() % 70000);
		char *p = long_text(pad, 'p');
		sb_addf(&d, "---\nid: d%d\nmeta: {x: %s}\n", i, p);
		for (int k = rand() % 5; k > 0; k--)
			sb_adds(&d, k % 2 ? "# c\n" : "\n");
		free(p);
		docs[i] = d.buf;
		lines[i] = line;
		for (const char *c = d.buf; *c; c++)
			line += *c == '\n';
		sb_adds(&in, d.buf);
	}
	write_input(in.buf, in.len);
	struct batch_input *bi = batch_input_open(temp_path, BATCH_YAML, 1 << 20);
	assert_non_null(bi);
	struct batch_record r;
	int n = 0;
	while (batch_input_next(bi, &r) == 1) {
		assert_true(n < 40);
		assert_string_equal(r.text, docs[n]);
		assert_int_equal(r.line, lines[n]);
		n++;
	}
	assert_int_equal(n, 40);
	batch_input_close(bi);
	remove_temp(NULL);
	for (int i = 0; i < 40; i++)
		free(docs[i]);
	sb_release(&in);
}

/* Every read boundary: the input arrives as packets of 1 to 9 bytes (a
 * SOCK_SEQPACKET read gives exactly one), so markers, line starts and CRLF
 * are split every way; the records must not change. */
static void documents_survive_any_read_boundary(void **state)
{
	(void)state;
	const char *text =
		"# head\n---\nid: a\n---\t\nid: b\r\n...\n# gap\nid: c\n--- {id: d}\n"
		"---\n---\nx: ---\n----\n...\n...\n---\nid: e\n";
	static const char *const want[] = {
		"# head\n---\nid: a\n", "---\t\nid: b\r\n...\n", "# gap\nid: c\n",
		"--- {id: d}\n", "---\n", "---\nx: ---\n----\n...\n", "---\nid: e\n",
	};
	static const int want_line[] = { 1, 4, 7, 9, 10, 11, 16 };
	for (size_t step = 1; step <= 9; step++) {
		int sv[2];
		assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(sv[0]);
			size_t len = strlen(text);
			for (size_t at = 0; at < len; at += step) {
				size_t n = len - at < step ? len - at : step;
				if (write(sv[1], text + at, n) != (ssize_t)n)
					_exit(1);
			}
			_exit(0);
		}
		close(sv[1]);
		int saved = dup(STDIN_FILENO);
		dup2(sv[0], STDIN_FILENO);
		close(sv[0]);
		struct batch_input *in = batch_input_open("-", BATCH_YAML, 1 << 20);
		assert_non_null(in);
		struct batch_record r;
		size_t n = 0;
		while (batch_input_next(in, &r) == 1) {
			assert_true(n < sizeof want / sizeof want[0]);
			assert_string_equal(r.text, want[n]);
			assert_int_equal(r.line, want_line[n]);
			n++;
		}
		assert_int_equal(n, sizeof want / sizeof want[0]);
		batch_input_close(in);
		dup2(saved, STDIN_FILENO);
		close(saved);
		int status;
		waitpid(pid, &status, 0);
		assert_int_equal(status, 0);
	}
}

/* A UTF-8 byte order mark before the first line hides no marker and is
 * no content (ytree skips it when the record is parsed). */
static void a_byte_order_mark_is_skipped(void **state)
{
	(void)state;
	struct got g;
	read_all("\xef\xbb\xbf# cases\n---\nid: a\n---\nid: b\n", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[0], "\xef\xbb\xbf# cases\n---\nid: a\n");
	assert_int_equal(g.first[0], 2);
	got_free(&g);
	read_all("\xef\xbb\xbf---\nid: a\n---\nid: b\n", BATCH_YAML, 1 << 20, &g);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.first[0], 1);
	got_free(&g);
	read_all("\xef\xbb\xbf\n{\"id\": 1}\n", BATCH_JSONL, 1 << 20, &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.line[0], 2);
	got_free(&g);
}

static void open_errors_set_errno(void **state)
{
	(void)state;
	errno = 0;
	assert_null(batch_input_open("/nonexistent/x.yaml", BATCH_YAML, 100));
	assert_int_equal(errno, ENOENT);
	errno = 0;
	assert_null(batch_input_open("/tmp", BATCH_YAML, 100));
	assert_int_equal(errno, EISDIR);
}

static void formats_by_name(void **state)
{
	(void)state;
	assert_int_equal(batch_format_of("a.jsonl"), BATCH_JSONL);
	assert_int_equal(batch_format_of("dir.d/a.ndjson"), BATCH_JSONL);
	assert_int_equal(batch_format_of("a.yaml"), BATCH_YAML);
	assert_int_equal(batch_format_of("a.json"), BATCH_YAML);
	assert_int_equal(batch_format_of("jsonl"), BATCH_YAML);
	assert_int_equal(batch_format_of("-"), BATCH_YAML);
}

static int waits;
static void count_wait(void *arg)
{
	(void)arg;
	waits++;
}

/* On a pipe, the hook runs before a read that would wait, and not before
 * one that has data at hand. */
static void the_wait_hook_runs_before_blocking(void **state)
{
	(void)state;
	int p[2];
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "id: a\n---\n", 10), 10);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		usleep(100 * 1000);
		_exit(write(p[1], "id: b\n", 6) == 6 ? 0 : 1);
	}
	close(p[1]);
	int saved = dup(STDIN_FILENO);
	dup2(p[0], STDIN_FILENO);
	close(p[0]);
	struct batch_input *in = batch_input_open("-", BATCH_YAML, 1 << 20);
	assert_non_null(in);
	batch_input_on_wait(in, count_wait, NULL);
	struct batch_record r;
	waits = 0;
	assert_int_equal(batch_input_next(in, &r), 1);
	assert_string_equal(r.text, "id: a\n");
	assert_int_equal(waits, 0); /* the first read found data waiting */
	assert_int_equal(batch_input_next(in, &r), 1);
	assert_string_equal(r.text, "---\nid: b\n");
	assert_true(waits >= 1);
	assert_int_equal(batch_input_next(in, &r), 0);
	batch_input_close(in);
	dup2(saved, STDIN_FILENO);
	close(saved);
	int status;
	waitpid(pid, &status, 0);
	assert_int_equal(status, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(yaml_documents_split_on_markers),
		cmocka_unit_test(only_column_zero_markers_count),
		cmocka_unit_test(comments_and_directives_go_with_the_next_document),
		cmocka_unit_test(empty_documents_are_records),
		cmocka_unit_test(every_yaml_line_break),
		cmocka_unit_test(a_byte_order_mark_on_any_line),
		cmocka_unit_test(json_lines_are_one_record_each),
		cmocka_unit_test(a_record_past_the_limit_is_skipped_whole),
		cmocka_unit_test(documents_survive_chunk_edges),
		cmocka_unit_test(documents_survive_any_read_boundary),
		cmocka_unit_test(a_byte_order_mark_is_skipped),
		cmocka_unit_test(open_errors_set_errno),
		cmocka_unit_test(formats_by_name),
		cmocka_unit_test(the_wait_hook_runs_before_blocking),
	};
	return cmocka_run_group_tests_name("batch_input", tests, NULL, remove_temp);
}
