/* SPDX-License-Identifier: EUPL-1.2 */
/* batch's streaming case reader (case-stream.c) against the tree reader
 * (ytree.c + case-load.c): on every case file of the tests, the fuzz
 * corpora and a list of hostile records, both must give the same case or
 * the same diagnostics, word for word and place for place, with one
 * stream and one parser kept from record to record as batch keeps them.
 * And the stream must really read the common case itself. */
#include "helpers.h"

#include <dirent.h>

/* One reader pair, kept over many records as batch keeps them. */
struct pair {
	const struct ruleset *rs;
	struct case_stream *st;
	struct ytree_reader *r;   /* the stream's, and its tree fallback's */
	struct ytree_reader *ref; /* the reference: the tree reader alone */
	int fast, records;
};

static void pair_init(struct pair *p, const struct ruleset *rs)
{
	p->rs = rs;
	p->st = case_stream_new(rs);
	p->r = ytree_reader_new();
	p->ref = ytree_reader_new();
	p->fast = p->records = 0;
}

static void pair_release(struct pair *p)
{
	case_stream_free(p->st);
	ytree_reader_free(p->r);
	ytree_reader_free(p->ref);
}

static void same_case(const struct ruleset *rs, const struct case_file *a,
		      const struct case_file *b)
{
	assert_int_equal(a->id == NULL, b->id == NULL);
	if (a->id)
		assert_string_equal(a->id, b->id);
	for (int i = 0; i < rs->nquestions; i++)
		assert_int_equal(a->facts[i], b->facts[i]);
	assert_int_equal(a->has_outcome, b->has_outcome);
	assert_int_equal(a->has_previous_verdict, b->has_previous_verdict);
	if (a->has_previous_verdict)
		assert_int_equal(a->previous_verdict, b->previous_verdict);
	assert_int_equal(a->previous_version == NULL, b->previous_version == NULL);
	if (a->previous_version)
		assert_string_equal(a->previous_version, b->previous_version);
}

/* Read buf both ways; they must agree. Returns the tree reader's result. */
static int agree(struct pair *p, const char *buf, size_t len, bool json)
{
	struct arena *a = arena_new(), *b = arena_new();
	struct diag dt, ds;
	struct case_file ct, cs;
	diag_init(&dt, "in.jsonl");
	diag_init(&ds, "in.jsonl");
	dt.line_offset = ds.line_offset = 6; /* as for a record on line 7 */
	ytree_reader_json(p->ref, json);
	ytree_reader_json(p->r, json);
	int rt = case_read_with(p->ref, p->rs, buf, len, a, &ct, &dt);
	int rb = case_read_batch(p->st, p->r, buf, len, b, &cs, &ds);
	if (rt != rb || dt.count != ds.count ||
	    strcmp(dt.text.buf ? dt.text.buf : "", ds.text.buf ? ds.text.buf : ""))
		fail_msg("readers disagree on %.*s:\ntree (%d): %s\nbatch (%d): %s",
			 (int)(len > 200 ? 200 : len), buf, rt, dt.text.buf, rb, ds.text.buf);
	if (rt == 0)
		same_case(p->rs, &ct, &cs);
	/* The stream alone: it takes only what the tree takes, as the tree does. */
	arena_reset(b);
	struct case_file cf;
	if (case_stream_read(p->st, p->r, buf, len, b, &cf) == CASE_READ) {
		assert_int_equal(rt, 0);
		same_case(p->rs, &ct, &cf);
		p->fast++;
	}
	p->records++;
	diag_release(&dt);
	diag_release(&ds);
	arena_free(a);
	arena_free(b);
	return rt;
}

static int agree_s(struct pair *p, const char *text)
{
	return agree(p, text, strlen(text), text[0] == '{');
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_add(&sb, chunk, n);
	fclose(f);
	*len = sb.len;
	return sb.buf ? sb.buf : calloc(1, 1);
}

/* Every file of a directory, whole, as YAML and as JSON. */
static int agree_dir(struct pair *p, const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int files = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		size_t len;
		char *buf = slurp(path, &len);
		if (!buf)
			continue;
		agree(p, buf, len, false);
		agree(p, buf, len, true);
		free(buf);
		files++;
	}
	closedir(d);
	return files;
}

static void test_inputs_agree(void **state)
{
	(void)state;
	struct pair p;
	pair_init(&p, rules_builtin());
	assert_true(agree_dir(&p, "tests/data/examples") >= 16);
	assert_true(agree_dir(&p, "tests/fuzz/corpus/case") > 0);
	assert_true(agree_dir(&p, "tests/fuzz/corpus/batch") > 0);
	assert_true(agree_dir(&p, "tests/fuzz/corpus/stream") > 0);
	/* the examples at least are read by the stream itself */
	assert_true(p.fast >= 16);
	pair_release(&p);
}

/* The common shapes: read by the stream, not handed to the tree. */
static void common_cases_are_streamed(void **state)
{
	(void)state;
	static const char *const good[] = {
		"{\"id\": \"2026-000001\", \"facts\": {\"action\": \"record\", \"media\": \"audio\","
		" \"participant\": \"True\", \"recorder\": \"employee\"}, \"meta\":"
		" {\"handled_by\": \"KCC\", \"note\": \"\\\"aangekondigd\\\"\"}}",
		"# saved by ask\nid: 2026-000002\nfacts:\n  action: record\n  media: audio\n"
		"  participant: ja\n  announced: unknown\nmeta:\n  handled_by: team\n"
		"  tags: [a, b, {c: d}]\noutcome:\n  verdict: allowed\n  rules_file:\n"
		"    version: 2026.12.1\n",
		"facts: {action: record, media: ~, participant: null}\n",
		"facts:\n",
		"---\nfacts: {action: evidence}\n...\n",
		"\xef\xbb\xbf" "facts: {action: evidence}\n",
		"id: 'a b'\nfacts: {}\noutcome: 5\n",
	};
	struct pair p;
	pair_init(&p, rules_builtin());
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		int before = p.fast;
		assert_int_equal(agree_s(&p, good[i]), 0);
		if (p.fast != before + 1)
			fail_msg("not streamed: %s", good[i]);
	}
	pair_release(&p);
}

static void hostile_records_agree(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "\n", "---\n", "~", "null", "42", "[1, 2]", "\"facts\"",
		"facts: [action]", "facts: 5", "facts: ''",
		"id: ~\nfacts: {}", "id:\nfacts: {}", "id: [x]\nfacts: {}", "id: {a: 1}",
		"id: a\nid: b", "facts: {}\nfacts: {}", "bogus: 1", "fact: {}", "Facts: {}",
		"facts: {action: record, action: share}",
		"facts: {action: ~, action: share}",
		"facts: {nope: 1}", "facts: {actoin: record}", "facts: {action: nope}",
		"facts: {action: Record}", "facts: {media: record}",
		"facts: {action: 'null'}", "facts: {action: ''}", "facts: {action: \"~\"}",
		"facts: {action: [record]}", "facts: {action: {a: 1}}", "facts: {action: []}",
		"facts: {participant: maybe}", "facts: {participant: 1}",
		"meta: {a: 1, a: 2}", "meta: {a: [1, {b: 2, b: 3}]}", "meta: [1, [2, [3]]]",
		"meta: &x {a: 1}", "meta: *x", "meta: {a: &y 1, b: *y}", "meta: !!str x",
		"facts: {action: !!str record}", "facts: !!map {action: record}",
		"facts: {action: ! record}", "? [a]\n: b", "facts: {? [a] : b}",
		"facts: {{a: 1}: b}", "id: \"a\\0b\"\nfacts: {}", "{\"id\": \"a\\u0000\", \"facts\": {}}",
		"meta: {\"k\\u0000\": 1}", "facts: {\"action\\u0000\": record}",
		"facts: {action: record}\n---\nfacts: {}", "facts: {action: record",
		"{\"facts\": {\"action\": \"record\"}", "{\"facts\": {\"action\": \"record\"}} x",
		"facts:\n  action: record\n media: audio", "facts:\n\taction: record",
		"outcome: {verdict: allowed, verdict: allowed}",
		"outcome: {verdict: allowed, rules_file: {version: '1', version: '2'}}",
		"outcome: {verdict: nope, rules_file: [x]}", "outcome: {verdict: [a]}",
		"outcome: {verdict: allowed, rules_file: {version: ~}}",
		"outcome: {rules_file: {version: {a: 1}}}", "outcome: [1]\nfacts: {}",
		"meta: {aaaaaaaa_x_bbbbbbbb: 1, aaaaaaaa_y_bbbbbbbb: 2}\nfacts: {}",
		"meta: {aaaaaaaa_x_bbbbbbbb: 1, aaaaaaaa_x_bbbbbbbb: 2}\nfacts: {}",
		"facts: {action: record}\nmeta: {note: \"line\\nbreak \\u00e9\"}",
		"\xff\xfe" "facts: {}", "facts: {action: \"rec\xc3\x28rd\"}",
		"facts: {action: record}\x01", "%YAML 1.2\n---\nfacts: {}",
		"%TAG ! tag:x,2026:\n---\nfacts: {action: !a record}",
	};
	struct pair p;
	pair_init(&p, rules_builtin());
	for (int round = 0; round < 2; round++) /* the second with warm caches */
		for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
			agree_s(&p, bad[i]);
	pair_release(&p);
}

/* Limits: depth, entries, scalar length, and a mapping larger than the
 * stream keeps keys for (which the tree takes). */
static void limits_agree(void **state)
{
	(void)state;
	struct pair p;
	pair_init(&p, rules_builtin());
	struct strbuf sb = STRBUF_INIT;
	for (int depth = 28; depth <= 34; depth++) {
		sb_reset(&sb);
		sb_adds(&sb, "facts: {}\nmeta: ");
		for (int i = 0; i < depth; i++)
			sb_adds(&sb, i % 2 ? "[" : "{a: ");
		for (int i = depth - 1; i >= 0; i--)
			sb_adds(&sb, i % 2 ? "]" : "}");
		agree(&p, sb.buf, sb.len, false);
	}
	int sizes[] = { 15, 16, 17, 40, 1023, 1024, 1025 };
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		sb_reset(&sb);
		sb_adds(&sb, "facts: {}\nmeta: {");
		for (int i = 0; i < sizes[k]; i++)
			sb_addf(&sb, "%sk%d: %d", i ? ", " : "", i, i);
		sb_adds(&sb, "}\nlist: [");
		agree(&p, sb.buf, sb.len - strlen("\nlist: ["), false);
		for (int i = 0; i < sizes[k]; i++)
			sb_addf(&sb, "%s%d", i ? ", " : "", i);
		sb_addc(&sb, ']');
		sb_reset(&sb);
		sb_adds(&sb, "facts: {}\nmeta: [");
		for (int i = 0; i < sizes[k]; i++)
			sb_addf(&sb, "%s%d", i ? ", " : "", i);
		sb_addc(&sb, ']');
		agree(&p, sb.buf, sb.len, false);
	}
	for (size_t n = 65535; n <= 65537; n++) {
		sb_reset(&sb);
		sb_adds(&sb, "facts: {}\nmeta: {note: ");
		for (size_t i = 0; i < n; i++)
			sb_addc(&sb, 'x');
		sb_addc(&sb, '}');
		agree(&p, sb.buf, sb.len, false);
	}
	sb_release(&sb);
	pair_release(&p);
}

/* The caches of values and fact ids are per fact and exact: a spelling
 * one fact takes is not taken for another, nor a near spelling. */
static void caches_are_exact(void **state)
{
	(void)state;
	struct pair p;
	pair_init(&p, rules_builtin());
	static const char *const seq[] = {
		"facts: {action: record, participant: ja, announced: ja}",
		"facts: {media: record}",
		"facts: {action: recorD}", "facts: {action: recorx}",
		"facts: {participant: jaa}", "facts: {participant: j}",
		"facts: {participant: Ja, announced: JA}",
		"facts: {actio: record}", "facts: {actionn: record}",
		"facts: {action: record, media: audio}",
	};
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < sizeof seq / sizeof *seq; i++)
			agree_s(&p, seq[i]);
	pair_release(&p);
}

/* Rule sets with numbers, dates and sets: values the cache does not keep,
 * and a set's, which only the tree reader reads. */
static void numbers_dates_and_sets_agree(void **state)
{
	(void)state;
	static const char *const files[] = { "tests/data/numbers/breach.yaml",
					     "tests/data/dates/consent.yaml",
					     "tests/data/sets/kinds.yaml" };
	static const char *const cases[] = {
		"facts: {hours: 12, people: 1001}", "facts: {hours: 12, people: 1001}",
		"facts: {hours: -1}", "facts: {hours: 1e3}", "facts: {hours: twelve}",
		"facts: {people: unknown, hours: ~}", "facts: {people: 100000001}",
		"facts: {hours: [1]}", "{\"facts\": {\"hours\": 12, \"people\": \"12\"}}",
		"facts: {consent_date: 2018-05-24, birth_date: 2003-01-01}",
		"facts: {consent_date: 2018-02-30}", "facts: {consent_date: today}",
		"facts: {consent_date: unknown}", "facts: {birth_date: 2018-05-24T10:00:00}",
		"facts: {data_types: [health, children]}", "facts: {data_types: []}",
		"facts: {data_types: health}", "facts: {data_types: 'health,children'}",
		"facts: {data_types: unknown}", "facts: {data_types: Unknown}",
		"facts: {data_types: ~}", "facts: {data_types: [health, health]}",
		"facts: {data_types: [helth]}", "facts: {data_types: [[health]]}",
		"facts: {data_types: {health: 1}}", "facts: {data_types: [health, ~]}",
		"{\"facts\": {\"data_types\": [\"health\"]}}", "{\"facts\": {\"data_types\": \"health\"}}",
	};
	for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
		size_t len;
		char *text = slurp(files[f], &len);
		assert_non_null(text);
		struct ruleset *rs = load_ok(text);
		struct pair p;
		pair_init(&p, rs);
		for (int round = 0; round < 2; round++)
			for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
				agree_s(&p, cases[i]);
		assert_true(p.fast > 0);
		pair_release(&p);
		rules_free(rs);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inputs_agree),
		cmocka_unit_test(common_cases_are_streamed),
		cmocka_unit_test(hostile_records_agree),
		cmocka_unit_test(limits_agree),
		cmocka_unit_test(caches_are_exact),
		cmocka_unit_test(numbers_dates_and_sets_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
