/* SPDX-License-Identifier: EUPL-1.2 */
/* opname test: run test cases against the rule file (opa test, in small).
 * Failures and the closing 'N passed, N failed' go to stdout: they are the
 * result. A test file that cannot be read is bad data (65), and then no test
 * runs, so that a typo in a test never passes silently. For CI scripts: -v
 * names every test, --run REGEX picks tests by name, --format json gives
 * one object, and --fail-under N fails a run whose coverage is below N%. */
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "command.h"
#include "opname/analysis.h"
#include "opname/testprop.h"
#include "opname/dir-list.h"
#include "opname/fact.h"
#include "opname/rules.h"
#include "opname/safe-text.h"
#include "opname/testcase.h"
#include "opname/ytree.h"

#define TESTS_SUFFIX ".tests.yaml"
#define TESTS_BUILTIN_NAME "spelregels.tests.yaml (built in)"

struct test_options {
	bool coverage, verbose, json;
	bool has_run, has_fail_under;
	regex_t run;
	const char *run_src;
	double fail_under;
};

struct run {
	struct ctx *ctx;
	const struct test_options *opt;
	struct testfile *files;
	int nfiles, cap;
	int invalid; /* files that could not be read */
	int status;  /* 66 when a file could not be opened */
	/* coverage: what some test reached */
	char *rule_hit, *step_hit;
	bool unknown_hit;
	struct json json; /* --format json: the one object, written as tests run */
	/* the paths of answers the tests take, as keys, sorted for bsearch */
	char **paths;
	int npaths, pathcap;
};

/* A path of answers as a key: the facts used, in order, with their values
 * as check tells them apart (a number by its interval). */
static char *path_key(const struct ruleset *rs, const fact_value *facts,
		      const struct outcome *o)
{
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < o->nused; i++)
		sb_addf(&sb, "%d=%d;", o->used[i],
			fact_value_class(&rs->questions[o->used[i]], facts[o->used[i]]));
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

/* What the tests reach: counts, and the first few paths none takes. */
struct coverage {
	int rules, steps;
	long reached, npaths, max_work;
	bool truncated, over_work;
	struct strbuf missed; /* path texts, one per line */
	int nmissed;
	double percent;
};

struct path_check {
	struct run *run;
	struct coverage *c;
};

static void check_path(void *arg, const fact_value *facts, const struct outcome *o)
{
	struct path_check *pc = arg;
	char *key = path_key(pc->run->ctx->rs, facts, o);
	/* bsearch and qsort want an array, even of none (no complete test) */
	if (pc->run->npaths &&
	    bsearch(&key, pc->run->paths, (size_t)pc->run->npaths, sizeof key, key_cmp)) {
		pc->c->reached++;
	} else if (pc->c->nmissed++ < 10) {
		analysis_path_text(pc->run->ctx->rs, facts, &pc->c->missed);
		sb_addc(&pc->c->missed, '\n');
	}
	free(key);
}

/* One share of everything a test can reach: rules, steps, the 'unknown'
 * section and paths (when there are few enough to count), together. */
static void coverage_count(struct run *run, struct coverage *c)
{
	const struct ruleset *rs = run->ctx->rs;
	struct path_check pc = { run, c };
	struct analysis an;
	memset(c, 0, sizeof *c);
	if (run->npaths)
		qsort(run->paths, (size_t)run->npaths, sizeof *run->paths, key_cmp);
	analysis_run_visit(&an, rs, 0, check_path, &pc);
	for (int r = 0; r < rs->nrules; r++)
		c->rules += run->rule_hit[r];
	for (int s = 0; s < rs->nsteps; s++)
		c->steps += run->step_hit[s];
	c->truncated = an.truncated;
	c->over_work = an.over_work;
	c->max_work = an.max_work;
	c->npaths = an.truncated ? an.max_paths : an.npaths;
	long got = c->rules + c->steps + run->unknown_hit + (an.truncated ? 0 : c->reached);
	long all = rs->nrules + rs->nsteps + 1 + (an.truncated ? 0 : an.npaths);
	c->percent = 100.0 * (double)got / (double)all;
	analysis_release(&an);
}

static void coverage_text(const struct run *run, const struct coverage *c,
			  struct strbuf *sb)
{
	const struct ruleset *rs = run->ctx->rs;
	sb_addf(sb, "coverage: %d/%d rules, %d/%d steps, 'unknown' section %s, ",
		c->rules, rs->nrules, c->steps, rs->nsteps,
		run->unknown_hit ? "reached" : "not reached");
	if (c->truncated && c->over_work)
		sb_addf(sb, "paths not counted (more than %ld condition evaluations)",
			c->max_work);
	else if (c->truncated)
		sb_addf(sb, "paths not counted (more than %ld)", c->npaths);
	else
		sb_addf(sb, "%ld/%ld paths", c->reached, c->npaths);
	sb_addf(sb, ": %.1f%%\n", c->percent);
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
	for (const char *p = c->missed.buf; !c->truncated && p && *p;) {
		const char *nl = strchr(p, '\n');
		sb_addf(sb, "not reached: the path %.*s\n", (int)(nl - p), p);
		p = nl + 1;
	}
	if (!c->truncated && c->nmissed > 10)
		sb_addf(sb, "not reached: %d more paths\n", c->nmissed - 10);
}

/* "rules" (or "steps"): {"reached", "total", "not_reached": ["id", …]}. */
static void reach_json(struct json *j, const struct ruleset *rs, const char *hit,
		       int reached, bool steps)
{
	int n = steps ? rs->nsteps : rs->nrules;
	json_key(j, steps ? "steps" : "rules");
	json_object(j, JSON_INLINE);
	json_kint(j, "reached", reached);
	json_kint(j, "total", n);
	json_key(j, "not_reached");
	json_array(j, JSON_INLINE);
	for (int i = 0; i < n; i++)
		if (!hit[i])
			json_string(j, steps ? rs->steps[i].id : rs->rules[i].id);
	json_end(j);
	json_end(j);
}

/* Each line of 'lines' (every one ends in '\n') a string of an array. */
static void lines_json(struct json *j, const char *lines)
{
	json_array(j, JSON_INLINE);
	struct strbuf one = STRBUF_INIT;
	for (const char *p = lines; p && *p;) {
		const char *nl = strchr(p, '\n');
		sb_reset(&one);
		sb_add(&one, p, (size_t)(nl - p));
		json_string(j, one.buf ? one.buf : "");
		p = nl + 1;
	}
	sb_release(&one);
	json_end(j);
}

static void coverage_json(const struct run *run, const struct coverage *c,
			  struct json *j)
{
	const struct ruleset *rs = run->ctx->rs;
	json_key(j, "coverage");
	json_object(j, JSON_INLINE);
	json_key(j, "percent");
	json_real(j, c->percent);
	reach_json(j, rs, run->rule_hit, c->rules, false);
	reach_json(j, rs, run->step_hit, c->steps, true);
	json_kbool(j, "unknown_section", run->unknown_hit);
	json_key(j, "paths");
	if (c->truncated) {
		json_null(j);
	} else {
		json_object(j, JSON_INLINE);
		json_kint(j, "reached", c->reached);
		json_kint(j, "total", c->npaths);
		json_key(j, "not_reached");
		lines_json(j, c->missed.buf);
		json_end(j);
	}
	json_end(j);
}

static void note_coverage(struct run *run, const fact_value *facts,
			  const struct outcome *o)
{
	if (o->verdict != VERDICT_INCOMPLETE || o->missing < 0) {
		if (run->npaths == run->pathcap) {
			run->pathcap = run->pathcap ? 2 * run->pathcap : 64;
			run->paths = xrealloc(run->paths, (size_t)run->pathcap * sizeof *run->paths);
		}
		/* the path as the analysis walks it: without the facts only a
		 * step analysed apart reads */
		struct outcome leaf;
		analysis_outcome_of(run->ctx->rs, facts, &leaf);
		run->paths[run->npaths++] = path_key(run->ctx->rs, facts, &leaf);
	}
	if (o->by_unknown)
		run->unknown_hit = true;
	else if (o->rule >= 0)
		run->rule_hit[o->rule] = 1;
	for (int i = 0; i < o->nsteps; i++)
		run->step_hit[o->steps[i]] = 1;
}

/* One test's record: {"file", "line", "name", "passed", "verdict",
 * "rule", "missing" (the fact a failed test lacks, or null), "failures":
 * ["FILE:LINE: test 'NAME': WHAT: expected X, got Y"]}. */
static void test_json(struct json *j, const struct ruleset *rs,
		      const struct testfile *tf, const struct testcase *t,
		      const struct outcome *o, const struct strbuf *report)
{
	json_object(j, JSON_INLINE);
	json_kstring(j, "file", tf->file);
	json_kint(j, "line", t->line);
	json_kstring(j, "name", t->name);
	json_kbool(j, "passed", !report->len);
	json_kstring(j, "verdict", verdict_id(rs, o->verdict));
	json_kstring(j, "rule", o->rule >= 0 ? rs->rules[o->rule].id : NULL);
	json_kstring(j, "missing", o->verdict == VERDICT_INCOMPLETE && o->missing >= 0 &&
				   report->len ? rs->questions[o->missing].id : NULL);
	json_key(j, "failures");
	lines_json(j, report->buf);
	json_end(j);
}

/* A failed test that stopped at a fact it does not give: which one, and
 * the question that asks for it, so the test can be completed. */
static void name_missing(const struct ctx *ctx, const struct testfile *tf,
			 const struct testcase *t, const struct outcome *o,
			 struct strbuf *report)
{
	if (o->verdict != VERDICT_INCOMPLETE || o->missing < 0)
		return;
	const struct question *q = &ctx->rs->questions[o->missing];
	sb_addf(report, "%s:%d: test '%s': missing: fact %s (question '%s')\n", tf->file,
		t->line, t->name, q->id, text_get(&q->text, ctx->lang));
}

/* Run one test into sb: its failures (text), a line for a pass (-v), or
 * its record (json). Returns 1 when it failed. */
static int run_one(struct run *run, const struct testfile *tf,
		   const struct testcase *t, struct strbuf *sb)
{
	const struct test_options *opt = run->opt;
	struct strbuf report = STRBUF_INIT;
	struct outcome o;
	int failed = testcase_run(run->ctx->rs, tf, t, &o, &report) != 0;
	note_coverage(run, t->facts, &o);
	if (failed)
		name_missing(run->ctx, tf, t, &o, &report);
	if (opt->json) {
		test_json(&run->json, run->ctx->rs, tf, t, &o, &report);
	} else if (failed) {
		sb_add(sb, report.buf, report.len);
	} else if (opt->verbose) {
		sb_addf(sb, "%s:%d: test '%s': passed\n", tf->file, t->line, t->name);
	}
	sb_release(&report);
	return failed;
}

/* Test names and file names are anyone's text: escaped for the terminal. */
static int write_safe(const struct strbuf *sb)
{
	struct strbuf safe = STRBUF_INIT;
	sb_add_safe(&safe, sb->buf ? sb->buf : "", sb->len, SAFE_KEEP_LINES);
	int status = write_stdout(safe.buf ? safe.buf : "", safe.len);
	sb_release(&safe);
	return status;
}

/* The properties (testprop.h): in JSON one record each, {"file", "line",
 * "name", "holds", "paths", "counterexample", "failure"}; in text a line
 * for each that fails. Returns how many fail. */
static int properties(struct run *run, const struct prop_result *r, int n,
		      struct strbuf *sb)
{
	int failed = 0;
	struct json *j = &run->json;
	if (run->opt->json && n) {
		json_key(j, "properties");
		json_array(j, JSON_LINES);
	}
	for (int i = 0; i < n; i++) {
		failed += !r[i].holds;
		if (!run->opt->json) {
			if (!r[i].holds)
				sb_addf(sb, "%s\n", r[i].failure);
			continue;
		}
		json_object(j, JSON_INLINE);
		json_kstring(j, "file", r[i].tf->file);
		json_kint(j, "line", r[i].p->line);
		json_kstring(j, "name", r[i].p->name);
		json_kbool(j, "holds", r[i].holds);
		json_kint(j, "paths", r[i].paths);
		json_kstring(j, "counterexample", r[i].counter);
		json_kstring(j, "failure", r[i].failure);
		json_end(j);
	}
	if (run->opt->json && n)
		json_end(j);
	return failed;
}

/* The closing part: coverage, the counts, and --fail-under's verdict. */
static int close_run(struct run *run, struct strbuf *sb, int passed, int failed)
{
	const struct test_options *opt = run->opt;
	struct coverage c;
	if (opt->coverage)
		coverage_count(run, &c);
	struct prop_result *props;
	int nprops = testprops_check(run->ctx->rs, run->files, run->nfiles, &props);
	int broken = 0;
	if (opt->json) {
		json_end(&run->json); /* the tests */
		json_kint(&run->json, "passed", passed);
		json_kint(&run->json, "failed", failed);
		broken = properties(run, props, nprops, sb);
		if (opt->coverage)
			coverage_json(run, &c, &run->json);
		json_end(&run->json);
		sb_addc(sb, '\n');
	} else {
		broken = properties(run, props, nprops, sb);
		if (opt->coverage)
			coverage_text(run, &c, sb);
		sb_addf(sb, "%d passed, %d failed", passed, failed);
		if (nprops) /* docs/rules.md, "Properties" */
			sb_addf(sb, "; %d propert%s hold%s", nprops - broken,
				nprops - broken == 1 ? "y" : "ies", nprops - broken == 1 ? "s" : "");
		if (broken)
			sb_addf(sb, ", %d fail%s", broken, broken == 1 ? "s" : "");
		sb_addc(sb, '\n');
	}
	testprops_release(props, nprops);
	int status = opt->json ? write_stdout(sb->buf, sb->len) : write_safe(sb);
	if (opt->coverage)
		sb_release(&c.missed);
	if (status)
		return status;
	if (opt->has_run && passed + failed == 0)
		return fail(1, "--run '%s': no test's name matches", opt->run_src);
	if (opt->has_fail_under && c.percent < opt->fail_under)
		return fail(1, "coverage %.1f%% is under --fail-under %g%%", c.percent,
			    opt->fail_under);
	return failed || broken ? 1 : 0;
}

static int run_all(struct run *run)
{
	const struct test_options *opt = run->opt;
	struct strbuf sb = STRBUF_INIT;
	int passed = 0, failed = 0, status = 0;
	if (opt->json) {
		json_init(&run->json, &sb);
		json_object(&run->json, JSON_LINES);
		json_key(&run->json, "tests");
		json_array(&run->json, JSON_LINES);
	}
	for (int f = 0; f < run->nfiles && !status; f++) {
		const struct testfile *tf = &run->files[f];
		for (int i = 0; i < tf->ntests; i++) {
			const struct testcase *t = &tf->tests[i];
			if (opt->has_run && regexec(&opt->run, t->name, 0, NULL, 0) != 0)
				continue;
			if (run_one(run, tf, t, &sb))
				failed++;
			else
				passed++;
		}
		if (!opt->json) { /* text goes out as it comes; JSON is one object */
			status = write_safe(&sb);
			sb_reset(&sb);
		}
	}
	if (!status)
		status = close_run(run, &sb, passed, failed);
	sb_release(&sb);
	return status;
}

int run_test(struct ctx *ctx, const struct cmd_args *a)
{
	const struct cmd_value_given *under = args_last(a, OPT_FAIL_UNDER);
	struct test_options opt = {
		.coverage = args_has(a, OPT_COVERAGE) || under,
		.verbose = args_has(a, 'v'),
		.json = args_choice(a, OPT_FORMAT) == 1,
		.has_fail_under = under != NULL,
		.fail_under = under ? under->num : 0,
		.run_src = args_str(a, OPT_RUN),
	};
	/* the table's check compiled it already */
	opt.has_run = opt.run_src &&
		      !regcomp(&opt.run, opt.run_src, REG_EXTENDED | REG_NOSUB);
	int status = 0;
	struct run run = { .ctx = ctx, .opt = &opt };
	if (a->argc == 0)
		add_default(&run);
	for (int i = 0; i < a->argc; i++)
		add_path(&run, a->argv[i]);
	if (run.invalid)
		status = EX_DATAERR;
	else if (run.status)
		status = run.status;
	else {
		run.rule_hit = xmalloc((size_t)ctx->rs->nrules + 1);
		run.step_hit = xmalloc((size_t)ctx->rs->nsteps + 1);
		memset(run.rule_hit, 0, (size_t)ctx->rs->nrules + 1);
		memset(run.step_hit, 0, (size_t)ctx->rs->nsteps + 1);
		status = run_all(&run);
	}
	for (int i = 0; i < run.nfiles; i++)
		testfile_release(&run.files[i]);
	free(run.files);
	for (int i = 0; i < run.npaths; i++)
		free(run.paths[i]);
	free(run.paths);
	free(run.rule_hit);
	free(run.step_hit);
	if (opt.has_run)
		regfree(&opt.run);
	return status;
}
