/* opname test: run test cases against the rule file (opa test, in small).
 * Failures and the closing 'N passed, N failed' go to stdout: they are the
 * result. A test file that cannot be read is bad data (65), and then no test
 * runs, so that a typo in a test never passes silently. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "command.h"
#include "opname/analysis.h"
#include "opname/dir-list.h"
#include "opname/rules.h"
#include "opname/testcase.h"
#include "opname/ytree.h"

#define TESTS_SUFFIX ".tests.yaml"
#define TESTS_BUILTIN_NAME "spelregels.tests.yaml (built in)"

enum { OPT_COVERAGE = OPT_COMMAND_BASE };

struct run {
	struct ctx *ctx;
	struct testfile *files;
	int nfiles, cap;
	int invalid; /* files that could not be read */
	int status;  /* 66 when a file could not be opened */
	/* coverage: what some test reached */
	char *rule_hit, *step_hit;
	bool unknown_hit;
	/* the paths of answers the tests take, as keys, sorted for bsearch */
	char **paths;
	int npaths, pathcap;
};

/* A path of answers as a key: the facts used, in order, with their values. */
static char *path_key(const fact_value *facts, const struct outcome *o)
{
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < o->nused; i++)
		sb_addf(&sb, "%d=%d;", o->used[i], facts[o->used[i]]);
	return sb.buf ? sb.buf : xstrdup("");
}

static int key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_buffer(struct run *run, const char *buf, size_t len, const char *name)
{
	if (run->nfiles == run->cap) {
		run->cap = run->cap ? 2 * run->cap : 8;
		run->files = xrealloc(run->files, (size_t)run->cap * sizeof *run->files);
	}
	struct diag d;
	diag_init(&d, name);
	if (testfile_read(run->ctx->rs, buf, len, name, &run->files[run->nfiles], &d) < 0) {
		diag_print(&d);
		testfile_release(&run->files[run->nfiles]);
		run->invalid++;
	} else {
		run->nfiles++;
	}
	diag_release(&d);
}

static void add_file(struct run *run, const char *path)
{
	size_t len;
	char *buf = read_file(path, ylimits_rules.size + 1, &len);
	if (!buf) {
		if (errno == EFBIG) {
			fail(0, "%s: larger than the limit of %zu bytes for a test file",
			     path, ylimits_rules.size);
			run->invalid++;
		} else {
			run->status = fail(EX_NOINPUT, "%s: cannot read: %s", path, strerror(errno));
		}
		return;
	}
	add_buffer(run, buf, len, path);
	free(buf);
}

static bool is_test_file(const char *name)
{
	static const char *const ext[] = { TESTS_SUFFIX };
	return name_has_ext(name, ext, 1);
}

/* A directory means its *.tests.yaml files, in name order; one that is not
 * a regular file (a FIFO would block) is an error, never read. */
static void add_path(struct run *run, const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
		add_file(run, path);
		return;
	}
	struct dir_entry *e;
	int n = dir_list(path, is_test_file, &e);
	if (n < 0) {
		run->status = fail(EX_NOINPUT, "%s: cannot read: %s", path, strerror(errno));
		return;
	}
	if (n == 0)
		run->status = fail(EX_NOINPUT, "%s: no *%s files in it", path, TESTS_SUFFIX);
	for (int i = 0; i < n; i++) {
		if (e[i].kind == DIR_KIND_REGULAR)
			add_file(run, e[i].path);
		else if (e[i].kind == DIR_KIND_OTHER)
			run->status = fail(EX_NOINPUT, "%s: not a regular file: %s",
					   e[i].path, e[i].what);
	}
	dir_list_free(e, n);
}

/* No FILE: the tests of the loaded rule file, X.tests.yaml beside X.yaml. */
static void add_default(struct run *run)
{
	const char *rules = run->ctx->rules_path;
	if (!rules) {
		size_t len;
		const char *text = rules_builtin_tests(&len);
		add_buffer(run, text, len, TESTS_BUILTIN_NAME);
		return;
	}
	struct strbuf p = STRBUF_INIT;
	const char *dot = strrchr(rules, '.'), *slash = strrchr(rules, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - rules) : strlen(rules);
	sb_add(&p, rules, stem);
	sb_adds(&p, TESTS_SUFFIX);
	if (access(p.buf, F_OK) < 0)
		run->status = fail(EX_NOINPUT, "no tests for %s: write them in %s (docs/rules.md, \"Tests\") or name a test file",
				   rules, p.buf);
	else
		add_file(run, p.buf);
	sb_release(&p);
}

struct path_check {
	struct run *run;
	long reached;
	struct strbuf missed; /* the first few paths no test takes */
	int nmissed;
};

static void check_path(void *arg, const fact_value *facts, const struct outcome *o)
{
	struct path_check *pc = arg;
	char *key = path_key(facts, o);
	if (bsearch(&key, pc->run->paths, (size_t)pc->run->npaths, sizeof key, key_cmp)) {
		pc->reached++;
	} else if (pc->nmissed++ < 10) {
		sb_adds(&pc->missed, "not reached: the path ");
		analysis_path_text(pc->run->ctx->rs, facts, &pc->missed);
		sb_addc(&pc->missed, '\n');
	}
	free(key);
}

static void coverage(struct run *run, struct strbuf *sb)
{
	const struct ruleset *rs = run->ctx->rs;
	int rules = 0, steps = 0;
	struct path_check pc = { run, 0, STRBUF_INIT, 0 };
	struct analysis an;
	qsort(run->paths, (size_t)run->npaths, sizeof *run->paths, key_cmp);
	analysis_run_visit(&an, rs, 0, check_path, &pc);
	for (int r = 0; r < rs->nrules; r++)
		rules += run->rule_hit[r];
	for (int s = 0; s < rs->nsteps; s++)
		steps += run->step_hit[s];
	sb_addf(sb, "coverage: %d/%d rules, %d/%d steps, 'unknown' section %s, ",
		rules, rs->nrules, steps, rs->nsteps,
		run->unknown_hit ? "reached" : "not reached");
	if (an.truncated)
		sb_addf(sb, "paths not counted (more than %ld)\n", an.max_paths);
	else
		sb_addf(sb, "%ld/%ld paths\n", pc.reached, an.npaths);
	for (int r = 0; r < rs->nrules; r++)
		if (!run->rule_hit[r])
			sb_addf(sb, "not reached: rule %s (%s:%d:%d)\n", rs->rules[r].id,
				rs->file, rs->rules[r].pos.line, rs->rules[r].pos.col);
	if (!run->unknown_hit)
		sb_adds(sb, "not reached: the 'unknown' section\n");
	for (int s = 0; s < rs->nsteps; s++)
		if (!run->step_hit[s])
			sb_addf(sb, "not reached: step %s (%s:%d:%d)\n", rs->steps[s].id,
				rs->file, rs->steps[s].pos.line, rs->steps[s].pos.col);
	if (!an.truncated && pc.missed.len)
		sb_add(sb, pc.missed.buf, pc.missed.len);
	if (!an.truncated && pc.nmissed > 10)
		sb_addf(sb, "not reached: %d more paths\n", pc.nmissed - 10);
	sb_release(&pc.missed);
	analysis_release(&an);
}

static void note_coverage(struct run *run, const fact_value *facts,
			  const struct outcome *o)
{
	if (o->verdict != VERDICT_INCOMPLETE || o->missing < 0) {
		if (run->npaths == run->pathcap) {
			run->pathcap = run->pathcap ? 2 * run->pathcap : 64;
			run->paths = xrealloc(run->paths, (size_t)run->pathcap * sizeof *run->paths);
		}
		run->paths[run->npaths++] = path_key(facts, o);
	}
	if (o->by_unknown)
		run->unknown_hit = true;
	else if (o->rule >= 0)
		run->rule_hit[o->rule] = 1;
	for (int i = 0; i < o->nsteps; i++)
		run->step_hit[o->steps[i]] = 1;
}

static int run_all(struct run *run, bool want_coverage)
{
	const struct ruleset *rs = run->ctx->rs;
	struct strbuf sb = STRBUF_INIT;
	struct outcome o;
	int passed = 0, failed = 0, status = 0;
	for (int f = 0; f < run->nfiles; f++) {
		const struct testfile *tf = &run->files[f];
		for (int i = 0; i < tf->ntests; i++) {
			if (testcase_run(rs, tf, &tf->tests[i], &o, &sb))
				failed++;
			else
				passed++;
			note_coverage(run, tf->tests[i].facts, &o);
		}
		if ((status = write_stdout(sb.buf, sb.len)))
			break;
		sb_reset(&sb);
	}
	if (!status) {
		if (want_coverage)
			coverage(run, &sb);
		sb_addf(&sb, "%d passed, %d failed\n", passed, failed);
		status = write_stdout(sb.buf, sb.len);
	}
	sb_release(&sb);
	return status ? status : failed ? 1 : 0;
}

static int test(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "coverage", no_argument, NULL, OPT_COVERAGE },
		GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int opt, r;
	bool want_coverage = false;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (opt == OPT_COVERAGE)
			want_coverage = true;
		else if ((r = ctx_option(ctx, &cmd_test, opt, optarg)) != 0)
			return r == -1 ? EX_SOFTWARE : r;
	}
	int status = ctx_rules(ctx);
	if (status)
		return status;
	struct run run = { .ctx = ctx };
	if (optind == argc)
		add_default(&run);
	for (int i = optind; i < argc; i++)
		add_path(&run, argv[i]);
	if (run.invalid)
		status = EX_DATAERR;
	else if (run.status)
		status = run.status;
	else {
		run.rule_hit = xmalloc((size_t)ctx->rs->nrules + 1);
		run.step_hit = xmalloc((size_t)ctx->rs->nsteps + 1);
		memset(run.rule_hit, 0, (size_t)ctx->rs->nrules + 1);
		memset(run.step_hit, 0, (size_t)ctx->rs->nsteps + 1);
		status = run_all(&run, want_coverage);
	}
	for (int i = 0; i < run.nfiles; i++)
		testfile_release(&run.files[i]);
	free(run.files);
	for (int i = 0; i < run.npaths; i++)
		free(run.paths[i]);
	free(run.paths);
	free(run.rule_hit);
	free(run.step_hit);
	return status;
}

const struct command cmd_test = {
	.name = "test",
	.synopsis = "[FILE|DIR]... [--coverage]",
	.summary = "run test cases (facts and the outcome they must get) against the rules",
	.help = "With no FILE, runs the rule file's own tests: the built-in ones for the\n"
		"built-in rules, else X.tests.yaml beside X.yaml. A DIR means its\n"
		"*.tests.yaml files (in any letter case; one that is not a regular\n"
		"file is an error, exit 66). Prints each failure with expected and actual, then\n"
		"'N passed, N failed'. Exit status 0 when all passed, 1 when any failed,\n"
		"65 when a test file is invalid. The format is in docs/rules.md.\n\n"
		"options:\n"
		"  --coverage        also list the rules, the 'unknown' section, the next\n"
		"                    steps and the paths of answers that no test reaches\n",
	.exec = test,
};
