/* SPDX-License-Identifier: EUPL-1.2 */
/* The YAML tree reader against hostile and odd input: every refusal is a
 * located message, every acceptance the same tree as the clean text. The
 * regressions found by fuzzing live here too (and in tests/fuzz/corpus/). */
#include "helpers.h"

#include <stdlib.h>

#include "opname/ytree.h"

struct parsed {
	struct arena *a;
	struct diag d;
	struct ynode *root;
	bool empty;
};

static struct ynode *parse_n(struct parsed *p, const char *buf, size_t len,
			     const struct ylimits *lim)
{
	p->a = arena_new();
	diag_init(&p->d, "t.yaml");
	p->root = ytree_parse(p->a, buf, len, lim, &p->d, &p->empty);
	/* Refused means a message; accepted (or empty) means none. */
	assert_int_equal(p->root == NULL && !p->empty, p->d.count > 0);
	return p->root;
}

static struct ynode *parse(struct parsed *p, const char *text)
{
	return parse_n(p, text, strlen(text), &ylimits_case);
}

static void done(struct parsed *p)
{
	diag_release(&p->d);
	arena_free(p->a);
}

/* The message of a refused input, which must contain 'want'. */
static void refused(const char *text, const char *want)
{
	struct parsed p;
	assert_null(parse(&p, text));
	assert_false(p.empty);
	if (!strstr(p.d.text.buf, want))
		fail_msg("expected '%s' in: %s", want, p.d.text.buf);
	done(&p);
}

/* Found by fuzzing: an empty flow collection before any scalar copied from
 * a NULL pending stack (undefined behaviour under UBSan). */
static void test_empty_collection_first(void **state)
{
	(void)state;
	struct parsed p;
	struct ynode *n = parse(&p, "- {}\n- []\n");
	assert_non_null(n);
	assert_int_equal(n->kind, YNODE_SEQ);
	assert_int_equal(n->nkids, 2);
	assert_int_equal(n->kids[0]->nkids, 0);
	done(&p);
	n = parse(&p, "{}");
	assert_non_null(n);
	assert_int_equal(n->kind, YNODE_MAP);
	assert_int_equal(n->nkids, 0);
	done(&p);
}

/* A UTF-8 byte order mark and CRLF line ends give the same tree as the
 * clean text; the BOM was read as part of the first key before. */
static void test_bom_and_crlf_accepted(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"a: b\nc: d\n",
		"\xef\xbb\xbf" "a: b\nc: d\n",
		"a: b\r\nc: d\r\n",
		"\xef\xbb\xbf" "a: b\r\nc: d\r\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct parsed p;
		struct ynode *n = parse(&p, texts[i]);
		assert_non_null(n);
		assert_int_equal(n->nkids, 4);
		assert_string_equal(n->kids[0]->str, "a");
		assert_string_equal(ymap_get(n, "c")->str, "d");
		assert_int_equal(n->kids[2]->pos.line, 2);
		assert_int_equal(n->kids[2]->pos.col, 1);
		done(&p);
	}
	struct parsed p;
	assert_null(parse(&p, "\xef\xbb\xbf"));
	assert_true(p.empty);
	done(&p);
}

static void test_refusals_are_located(void **state)
{
	(void)state;
	refused("a: &x 1\nb: *x\n", "t.yaml:1:4: anchors (&x) are not allowed");
	refused("a: 1\nb: *x\n", "t.yaml:2:4: aliases (*x) are not allowed");
	refused("a: !!python/object:os.system x\n",
		"t.yaml:1:4: tags (tag:yaml.org,2002:python/object:os.system) are not allowed");
	refused("!!map {a: 1}\n", "t.yaml:1:1: tags");
	refused("a: 1\nb: 2\na: 3\n", "t.yaml:3:1: duplicate key 'a' (first at line 1)");
	refused("? [a]\n: 1\n", "t.yaml:1:3: a mapping key must be a scalar");
	refused("a: \"x\\0y\"\n", "t.yaml:1:4: a NUL character");
	refused("a: 1\nb: x\x01y\n", "t.yaml:2:5: invalid text: control characters");
	refused("a: 1\nb: caf\xc3\x28\n", "t.yaml:2:8: invalid text: invalid trailing UTF-8 octet");
	refused("a: \xed\xa0\x80\n", "t.yaml:1:4: invalid text");
	refused("a: b\n\xc3", "t.yaml:2:1: invalid text: incomplete UTF-8");
	refused("a: 1\n---\nb: 2\n", "t.yaml:2:1: a second document");
	/* reader errors count lines as YAML does: LF, CRLF or a CR alone */
	refused("a: 1\r\nb: 2\r\nc: \xff\r\n", "t.yaml:3:4: invalid text");
	refused("a: 1\rb: 2\rc: \xff\r", "t.yaml:3:4: invalid text");
	refused("a: 1\rb: 2\rc: x\r\x01", "t.yaml:4:1: invalid text");
	refused("a: [1, 2\n", "t.yaml:");
}

static void test_nul_byte_raw(void **state)
{
	(void)state;
	struct parsed p;
	static const char text[] = "a: 1\nb: x\0y\n";
	assert_null(parse_n(&p, text, sizeof text - 1, &ylimits_case));
	assert_non_null(strstr(p.d.text.buf, "t.yaml:2:5: invalid text"));
	done(&p);
}

static char *repeat(const char *head, const char *unit, size_t n, const char *tail)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, head);
	for (size_t i = 0; i < n; i++)
		sb_adds(&sb, unit);
	sb_adds(&sb, tail);
	return sb.buf;
}

/* 100 000 levels, flow and block: refused at the limit, in a moment, with
 * the position of the first level too deep. */
static void test_deep_nesting(void **state)
{
	(void)state;
	char *flow = repeat("a: ", "[", 100000, "\n");
	refused(flow, "t.yaml:1:35: nesting deeper than 32 levels");
	free(flow);
	char *block = repeat("", "- ", 100000, "x\n");
	refused(block, "t.yaml:1:65: nesting deeper than 32 levels");
	free(block);
	char *maps = repeat("", "{a: ", 100000, "\n");
	refused(maps, "nesting deeper than 32 levels");
	free(maps);
	/* exactly at the limit is fine */
	char *ok = repeat("", "[", 32, "");
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, ok);
	for (int i = 0; i < 32; i++)
		sb_addc(&sb, ']');
	struct parsed p;
	assert_non_null(parse(&p, sb.buf));
	done(&p);
	sb_release(&sb);
	free(ok);
}

static void test_size_limits(void **state)
{
	(void)state;
	/* a scalar one byte over */
	char *big = repeat("a: ", "x", 65537, "\n");
	refused(big, "t.yaml:1:4: a scalar of 65537 bytes: the limit is 65536");
	free(big);
	/* a key over the limit is refused the same way */
	char *key = repeat("", "k", 70000, ": 1\n");
	refused(key, "t.yaml:1:1: a scalar of 70000 bytes");
	free(key);
	/* entries: 1024 fine, 1025 not */
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < 1025; i++)
		sb_addf(&sb, "k%d: %d\n", i, i);
	refused(sb.buf, "t.yaml:1025:1: more than 1024 entries in one mapping");
	sb_reset(&sb);
	for (int i = 0; i < 1024; i++)
		sb_addf(&sb, "k%d: %d\n", i, i);
	struct parsed p;
	assert_non_null(parse(&p, sb.buf));
	done(&p);
	sb_release(&sb);
	/* the input size: one byte over the case limit */
	size_t n = ylimits_case.size + 1;
	char *huge = malloc(n);
	memset(huge, '#', n);
	assert_null(parse_n(&p, huge, n, &ylimits_case));
	assert_non_null(strstr(p.d.text.buf, "bytes: the limit is 1048576"));
	done(&p);
	free(huge);
}

/* An expansion bomb is refused at its first anchor, before any expansion. */
static void test_billion_laughs(void **state)
{
	(void)state;
	refused("a: &a [\"lol\", \"lol\"]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n",
		"t.yaml:1:4: anchors (&a) are not allowed");
}

/* Null is empty, ~, null, Null or NULL written plain; nothing else is. */
static void nulls(void **state)
{
	(void)state;
	static const char *const yes[] = { "a:\n", "a: ~\n", "a: null\n", "a: Null\n", "a: NULL\n" };
	static const char *const no[] = { "a: ''\n", "a: \"~\"\n", "a: nul\n", "a: nulls\n",
					  "a: nULL\n", "a: '~'\n", "a: x\n", "a: [~]\n" };
	for (size_t i = 0; i < sizeof yes / sizeof yes[0] + sizeof no / sizeof no[0]; i++) {
		bool want = i < sizeof yes / sizeof yes[0];
		const char *text = want ? yes[i] : no[i - sizeof yes / sizeof yes[0]];
		struct parsed p;
		struct ynode *root = parse(&p, text);
		assert_non_null(root);
		if (ynode_is_null(root->kids[1]) != want)
			fail_msg("%s: null should be %d", text, want);
		done(&p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nulls),
		cmocka_unit_test(test_empty_collection_first),
		cmocka_unit_test(test_bom_and_crlf_accepted),
		cmocka_unit_test(test_refusals_are_located),
		cmocka_unit_test(test_nul_byte_raw),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_size_limits),
		cmocka_unit_test(test_billion_laughs),
	};
	return cmocka_run_group_tests_name("hostile_yaml", tests, NULL, NULL);
}
