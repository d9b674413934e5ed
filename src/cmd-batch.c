/* SPDX-License-Identifier: EUPL-1.2 */
/* opname batch: many cases, streamed. One record out per case in, in input
 * order; a bad case becomes an error record and the batch goes on.
 *
 * Memory stays flat: one record of input is held at a time (batch-input.c),
 * the case's tree lives in an arena reset per case, and output is written
 * out in 64 KiB pieces. The only thing kept back is the first record of each
 * file, whose default id ("FILE" or "FILE:1") depends on whether a second
 * case follows. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "command.h"
#include "opname/atomic-file.h"
#include "opname/batch-decide.h"
#include "opname/batch-input.h"
#include "opname/batch-output.h"
#include "opname/batch-pool.h"
#include "opname/dir-list.h"
#include "opname/case.h"
#include "opname/csv-input.h"
#include "opname/engine.h"
#include "opname/safe-text.h"

enum input_mode { INPUT_AUTO, INPUT_YAML, INPUT_JSONL, INPUT_CSV };

enum {
	FLUSH_AT = 64 * 1024, /* bytes of output gathered before a write */
	ERRORS_SHOWN = 20,    /* bad cases also told on stderr, the first few */
	MAX_VERSIONS = 8,     /* rule-file versions named in the replay summary */
};
#define FLUSH_EVERY 0.1     /* seconds: a slow input still shows its records */
#define PROGRESS_AFTER 1.0  /* seconds before a progress line appears */
#define PROGRESS_EVERY 0.25 /* seconds between its updates */

struct batch {
	struct ctx *ctx;
	struct batch_writer w;
	enum input_mode input;

	/* output */
	struct atomic_file af;
	const char *out_path; /* -o, or NULL for stdout */
	bool out_tty;
	struct strbuf ob;
	int status; /* EX_IOERR once writing failed */

	/* per case: -j 1 decides here, -j N in the pool */
	struct decider dc;
	struct slot slots[2], *cur, *held;
	struct batch_pool *pool;
	int jobs;

	/* the input being read */
	const char *in_name;
	long long in_records;
	bool in_failed;

	/* counts, for the summary and the exit status */
	long long cases, verdicts[OPNAME_MAX_OUTCOMES], errors, replayed, changed;
	char *versions[MAX_VERSIONS];
	int nversions;
	bool more_versions, open_failed;

	/* time */
	double start, last_flush, last_progress;
	bool err_tty, progress_shown;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- output ---- */

static void flush_output(struct batch *b)
{
	if (b->status || !b->ob.len)
		goto done;
	if (b->out_path) {
		if (fwrite(b->ob.buf, 1, b->ob.len, b->af.f) != b->ob.len ||
		    fflush(b->af.f) != 0)
			b->status = fail(EX_IOERR, "%s: cannot write: %s",
					 b->out_path, strerror(errno));
	} else if (write_stdout(b->ob.buf, b->ob.len) || finish_stdout()) {
		b->status = EX_IOERR; /* said once: stdout is unbuffered (run) */
		clearerr(stdout);
	}
done:
	sb_reset(&b->ob);
	b->last_flush = now();
}

/* Before waiting for input: every record decided so far goes out. */
static void flush_on_wait(void *arg)
{
	struct batch *b = arg;
	if (b->pool)
		batch_pool_drain(b->pool);
	flush_output(b);
}

static void clear_progress(struct batch *b)
{
	if (b->progress_shown) {
		fputs("\r\033[K", stderr);
		b->progress_shown = false;
	}
}

/* After each record: write when enough is gathered, when a person watches,
 * or when it has waited long enough; and keep the progress line current. */
static void after_record(struct batch *b)
{
	if (b->ob.len >= FLUSH_AT || b->out_tty)
		flush_output(b);
	if (b->cases % 32)
		return;
	double t = now();
	if (t - b->last_flush >= FLUSH_EVERY)
		flush_output(b);
	if (b->err_tty && t - b->start >= PROGRESS_AFTER &&
	    t - b->last_progress >= PROGRESS_EVERY) {
		fprintf(stderr, "\ropname: %lld cases, %lld errors (%.0f cases/s)\033[K",
			b->cases, b->errors, b->cases / (t - b->start));
		b->progress_shown = true;
		b->last_progress = t;
	}
}

/* ---- results ---- */

static void note_version(struct batch *b, const char *v)
{
	for (int i = 0; i < b->nversions; i++)
		if (!strcmp(b->versions[i], v))
			return;
	if (b->nversions == MAX_VERSIONS)
		b->more_versions = true;
	else {
		struct strbuf safe = STRBUF_INIT; /* from a case file: anything */
		sb_adds_safe(&safe, v, 0);
		b->versions[b->nversions++] = safe.buf ? safe.buf : xstrdup("");
	}
}

static void count(struct batch *b, const struct slot *s)
{
	b->cases++;
	if (s->failed) {
		b->errors++;
		if (b->errors <= ERRORS_SHOWN) {
			clear_progress(b);
			fail(0, "%s", s->error.buf);
		}
		if (b->errors == ERRORS_SHOWN + 1)
			fputs("opname: more bad cases: see their records in the output\n", stderr);
		return;
	}
	b->verdicts[s->o.verdict]++;
	if (b->w.replay && s->has_outcome && s->has_previous) {
		b->replayed++;
		b->changed += s->previous != s->o.verdict;
		if (s->version)
			note_version(b, s->version);
	}
}

/* The first of a file is kept until the next one shows whether its id
 * needs a number (slot_render). */
static void emit(struct batch *b, struct slot *s, const char *name, long long n)
{
	slot_render(s, name, n, &b->w, &b->ob);
	count(b, s);
	after_record(b);
}

/* A record the pool decided, in input order. */
static void pool_done(void *arg, struct slot *s, const char *text, size_t len,
		      bool deferred)
{
	struct batch *b = arg;
	if (deferred) { /* the first of a file: the only one, unless more came */
		emit(b, s, b->in_name, b->in_records > 1 || b->in_failed ? 1 : 0);
		return;
	}
	sb_add(&b->ob, text, len);
	count(b, s);
	after_record(b);
}

/* A whole input that cannot be read gives one error record, named by it. */
static void unreadable(struct batch *b, const char *name, const char *what,
		       const char *why)
{
	struct slot *s = b->cur;
	slot_clear(s);
	s->failed = true;
	sb_adds(&s->source, name);
	sb_addf(&s->error, "%s: %s: %s", name, what, why);
	b->open_failed = true;
	emit(b, s, name, 0);
}

static void read_failed(struct batch *b, const char *name, long long line)
{
	int err = errno;
	char what[64];
	snprintf(what, sizeof what, "cannot read at line %lld", line);
	unreadable(b, name, what, strerror(err));
}

static void swap_slots(struct batch *b)
{
	struct slot *t = b->cur;
	b->cur = b->held;
	b->held = t;
}

/* -j 1: decide here. A file's only case is named by the file, so its first
 * record waits for the second. A stream (stdin, a pipe) numbers every case
 * instead: its reader sees each record at once, without waiting. */
static void one_record(struct batch *b, const struct batch_record *rec,
		       bool hold_first, bool *holding)
{
	decide_record(&b->dc, b->cur, b->in_name, rec);
	if (rec->index == 1 && hold_first) {
		swap_slots(b);
		*holding = true;
		return;
	}
	if (*holding)
		emit(b, b->held, b->in_name, 1);
	*holding = false;
	emit(b, b->cur, b->in_name, rec->index);
}

/* One input; 'listed' when found in a directory, where only a regular
 * file is opened (dir-list.h). */
static void run_input(struct batch *b, const char *path, bool listed)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	enum batch_format fmt = b->input == INPUT_JSONL ? BATCH_JSONL
				: b->input == INPUT_YAML || !strcmp(path, "-") ? BATCH_YAML
				: batch_format_of(path);
	struct batch_input *in = listed ? batch_input_open_regular(path, fmt, ylimits_case.size)
				    : batch_input_open(path, fmt, ylimits_case.size);
	if (!in) {
		unreadable(b, name, "cannot open", strerror(errno));
		return;
	}
	batch_input_on_wait(in, flush_on_wait, b);
	if (b->w.format != BATCH_OUT_TEXT && !utf8_valid(name, strlen(name)))
		fail(0, "%s: the file name is not UTF-8: in the records its bad bytes are U+FFFD",
		     name);
	b->in_name = name;
	b->in_records = 0;
	b->in_failed = false;
	bool hold_first = batch_input_is_file(in);
	struct batch_record rec;
	bool holding = false;
	int r = 0;
	while (!b->status && (r = batch_input_next(in, &rec)) == 1) {
		b->in_records++;
		if (b->pool)
			batch_pool_add(b->pool, name, &rec, rec.index == 1 && hold_first);
		else
			one_record(b, &rec, hold_first, &holding);
	}
	b->in_failed = r < 0;
	if (b->pool)
		batch_pool_drain(b->pool);
	if (holding) /* the only case, unless reading failed after it */
		emit(b, b->held, name, r < 0 ? 1 : 0);
	if (!b->status && r < 0)
		read_failed(b, name, batch_input_line(in));
	batch_input_close(in);
	flush_output(b); /* a finished input's records go before the next is opened */
}

/* A spreadsheet's rows (csv-input.c): each is named by its 'id' cell, or
 * FILE:N for the Nth case. */
static void run_csv(struct batch *b, const char *path)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	struct csv_cases *in = csv_cases_open(path, name, b->ctx->rs, ylimits_case.size);
	if (!in) {
		unreadable(b, name, "cannot open", strerror(errno));
		return;
	}
	csv_cases_on_wait(in, flush_on_wait, b);
	struct case_file c;
	struct csv_row row;
	int r = 0;
	while (!b->status && (r = csv_cases_next(in, &c, &row)) == 1) {
		struct slot *s = b->cur;
		slot_clear(s);
		add_name_number(&s->source, name, row.line);
		if (c.id) {
			s->own_id = true;
			sb_adds(&s->id, c.id);
		}
		if (row.error) {
			s->failed = true;
			sb_adds(&s->error, row.error);
		} else {
			engine_decide(b->ctx->rs, c.facts, &s->o, NULL);
		}
		emit(b, s, name, row.index);
	}
	if (!b->status && r < 0)
		read_failed(b, name, csv_cases_line(in));
	csv_cases_close(in);
	flush_output(b); /* a finished input's records go before the next is opened */
}

static bool is_csv(const struct batch *b, const char *path)
{
	const char *dot = strrchr(path, '.');
	return b->input == INPUT_CSV ||
	       (b->input == INPUT_AUTO && dot && !strcmp(dot, ".csv"));
}

static bool wanted_in_dir(const char *name)
{
	static const char *const exts[] = { ".yaml", ".yml", ".json", ".jsonl", ".ndjson" };
	return name_has_ext(name, exts, sizeof exts / sizeof exts[0]);
}

/* A directory: its case files in name order, not its subdirectories; an
 * entry that is not a regular file (a FIFO, a device) is an error record,
 * never read. */
static void run_dir(struct batch *b, const char *path)
{
	struct dir_entry *e;
	int n = dir_list(path, wanted_in_dir, &e);
	if (n < 0) {
		unreadable(b, path, "cannot open", strerror(errno));
		return;
	}
	for (int i = 0; i < n && !b->status; i++) {
		if (e[i].kind == DIR_KIND_REGULAR)
			run_input(b, e[i].path, true);
		else if (e[i].kind == DIR_KIND_OTHER)
			unreadable(b, e[i].path, "not a regular file", e[i].what);
	}
	dir_list_free(e, n);
}

/* ---- summary ---- */

static void summary(struct batch *b)
{
	clear_progress(b);
	double t = now() - b->start;
	fprintf(stderr, "opname: %lld case%s", b->cases, b->cases == 1 ? "" : "s");
	if (b->cases) {
		const char *sep = ": ";
		for (int k = 0; k <= b->ctx->rs->nverdicts; k++) {
			enum verdict v = verdict_nth(b->ctx->rs, k);
			if (!b->verdicts[v])
				continue;
			fprintf(stderr, "%s%lld %s", sep, b->verdicts[v],
				verdict_id(b->ctx->rs, v));
			sep = ", ";
		}
		if (b->errors)
			fprintf(stderr, "%s%lld error%s", sep, b->errors,
				b->errors == 1 ? "" : "s");
		fprintf(stderr, " (%.0f cases/s)", t > 0 ? b->cases / t : 0.0);
	}
	fputc('\n', stderr);
	if (!b->w.replay)
		return;
	if (!b->replayed) {
		fputs("opname: no case carries a saved outcome to compare with\n", stderr);
		return;
	}
	fprintf(stderr, "opname: %lld of %lld decision%s change%s", b->changed,
		b->replayed, b->replayed == 1 ? "" : "s", b->changed == 1 ? "s" : "");
	if (b->nversions) {
		fputs(" (saved with ", stderr);
		for (int i = 0; i < b->nversions; i++)
			fprintf(stderr, "%s%s", i ? ", " : "", b->versions[i]);
		fprintf(stderr, "%s; now %s)", b->more_versions ? " and more" : "",
			b->ctx->rs->version);
	}
	fputc('\n', stderr);
}

/* ---- -o FILE ---- */

static int open_output(struct batch *b)
{
	struct strbuf err = STRBUF_INIT;
	/* 0600, like the case files the records are made from: a verdict with
	 * its rule and missing or unknown facts tells much of the answers. */
	if (atomic_open(&b->af, b->out_path, 0600, true, &err) < 0) {
		int status = fail(EX_IOERR, "%s", err.buf);
		sb_release(&err);
		return status;
	}
	return 0;
}

static int close_output(struct batch *b)
{
	if (!b->out_path)
		return 0;
	struct strbuf err = STRBUF_INIT;
	int status = 0;
	if (b->status) {
		atomic_abort(&b->af);
	} else if (atomic_commit(&b->af, &err) < 0) {
		status = fail(EX_IOERR, "%s", err.buf);
	}
	sb_release(&err);
	return status;
}

/* ---- the command ---- */

/* The options, from the command table's parse. */
static void take_options(struct batch *b, const struct cmd_args *a)
{
	static const enum batch_out_format formats[] = { BATCH_OUT_JSONL, BATCH_OUT_CSV,
							 BATCH_OUT_TEXT, BATCH_OUT_JSONL };
	static const enum input_mode inputs[] = { INPUT_YAML, INPUT_JSONL, INPUT_CSV };
	b->w.format = formats[args_choice(a, OPT_FORMAT)];
	b->input = args_has(a, OPT_INPUT) ? inputs[args_choice(a, OPT_INPUT)] : INPUT_AUTO;
	b->w.csv_sep = args_has(a, OPT_CSV_SEP) ? *args_str(a, OPT_CSV_SEP) : b->w.csv_sep;
	b->w.csv_bom = args_has(a, OPT_CSV_BOM);
	b->w.csv_raw = args_has(a, OPT_CSV_RAW);
	b->w.replay = args_has(a, OPT_REPLAY);
	const char *out = args_str(a, 'o');
	b->out_path = out && strcmp(out, "-") ? out : NULL;
	const struct cmd_value_given *jobs = args_last(a, 'j');
	b->jobs = !jobs ? 1 : jobs->num > 0 ? (int)jobs->num : batch_pool_cores();
}

static void release(struct batch *b)
{
	batch_pool_free(b->pool);
	for (int i = 0; i < 2; i++)
		slot_release(&b->slots[i]);
	for (int i = 0; i < b->nversions; i++)
		free(b->versions[i]);
	batch_writer_release(&b->w);
	sb_release(&b->ob);
	decider_release(&b->dc);
}

int run_batch(struct ctx *ctx, const struct cmd_args *a)
{
	struct batch b = { .ctx = ctx };
	take_options(&b, a);
	int status = b.out_path ? open_output(&b) : 0;
	if (status)
		return status;
	batch_writer_init(&b.w);
	b.w.rs = ctx->rs;
	b.w.lang = ctx->lang;
	b.w.ui = ctx->ui;
	b.w.style = b.out_path ? &style_plain : stdout_style();
	b.out_tty = !b.out_path && isatty(STDOUT_FILENO);
	/* ob gathers the records: stdio's buffer would only hold a second
	 * copy, and after a failed write keep it for the final flush */
	if (!b.out_path)
		setvbuf(stdout, NULL, _IONBF, 0);
	b.err_tty = isatty(STDERR_FILENO);
	if (decider_init(&b.dc, ctx->rs, b.w.replay) < 0) {
		release(&b);
		return fail(EX_SOFTWARE, "out of memory");
	}
	if (b.jobs > 1 &&
	    !(b.pool = batch_pool_new(b.jobs, ctx->rs, &b.w, pool_done, &b))) {
		release(&b);
		return fail(EX_SOFTWARE, "cannot start %d threads", b.jobs);
	}
	b.cur = &b.slots[0];
	b.held = &b.slots[1];
	b.start = b.last_flush = now();

	batch_out_header(&b.ob, &b.w);
	char *stdin_only[] = { "-" };
	char **paths = a->argc ? a->argv : stdin_only;
	int npaths = a->argc ? a->argc : 1;
	for (int i = 0; i < npaths && !b.status; i++) {
		struct stat st;
		if (strcmp(paths[i], "-") && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			run_dir(&b, paths[i]);
		else if (is_csv(&b, paths[i]))
			run_csv(&b, paths[i]);
		else
			run_input(&b, paths[i], false);
	}
	flush_output(&b);
	status = close_output(&b);
	if (!b.status && !status)
		summary(&b);
	status = b.status ? b.status
		 : status ? status
		 : b.open_failed ? EX_NOINPUT
		 : b.errors ? EX_DATAERR : 0;
	release(&b);
	return status;
}
