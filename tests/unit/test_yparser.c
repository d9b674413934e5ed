/* SPDX-License-Identifier: EUPL-1.2 */
/* One libyaml parser reset between documents (yparser.c, ytree_read)
 * behaves exactly as a fresh parser for each: the same events, the same
 * errors at the same places, whatever the previous document left behind
 * (an error mid-token, open flows, tag directives, a byte order mark). */
#include "helpers.h"

#include "opname/yparser.h"
#include "opname/ytree.h"

static const char *const docs[] = {
	"id: a\nfacts: {action: record, media: video}\n",
	"{\"id\": \"b\", \"facts\": {\"action\": \"record\"}}",
	"%TAG !e! tag:example.com,2000:\n--- !e!x\na: 1\n",
	"a: [1, {b: \"open\n",        /* ends inside a flow and a quoted scalar */
	"a: 1\n  b: 2\n",             /* an error with tokens still queued */
	"\357\273\277a: 1\n",         /* a byte order mark */
	"a: \xff\n",                  /* invalid UTF-8: a reader error */
	"",                           /* no document */
	"- x\n- y: [z]\n",
	"key: |\n  line\n  line\n...\n",
};

/* "type line:col value" for every event of text, or the error. */
static void events(yaml_parser_t *p, const char *text, struct strbuf *out)
{
	yaml_parser_set_input_string(p, (const unsigned char *)text, strlen(text));
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(p, &e)) {
			sb_addf(out, "error %d %zu:%zu %s\n", p->error,
				p->problem_mark.line, p->problem_mark.column,
				p->problem ? p->problem : "");
			return;
		}
		sb_addf(out, "%d %zu:%zu", e.type, e.start_mark.line, e.start_mark.column);
		if (e.type == YAML_SCALAR_EVENT)
			sb_addf(out, " %s", (const char *)e.data.scalar.value);
		sb_addc(out, '\n');
		yaml_event_type_t type = e.type;
		yaml_event_delete(&e);
		if (type == YAML_STREAM_END_EVENT)
			return;
	}
}

static void reset_is_fresh(void **state)
{
	(void)state;
	size_t n = sizeof docs / sizeof docs[0];
	yaml_parser_t kept;
	assert_int_equal(yparser_init(&kept), 0);
	/* every document after every other, so each follows each */
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			struct strbuf want = STRBUF_INIT, got = STRBUF_INIT;
			yaml_parser_t fresh;
			assert_int_equal(yparser_init(&fresh), 0);
			events(&fresh, docs[j], &want);
			yparser_free(&fresh);
			yparser_reset(&kept);
			events(&kept, docs[i], &got);
			yparser_reset(&kept);
			sb_reset(&got);
			events(&kept, docs[j], &got);
			assert_string_equal(got.buf, want.buf);
			sb_release(&want);
			sb_release(&got);
		}
	}
	yparser_free(&kept);
}

/* ytree_read with one reader gives what ytree_parse gives, message for
 * message, for each document in turn. */
static void reader_is_parse(void **state)
{
	(void)state;
	struct ytree_reader *r = ytree_reader_new();
	assert_non_null(r);
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
			struct arena *a = arena_new(), *b = arena_new();
			struct diag d1, d2;
			diag_init(&d1, "t.yaml");
			diag_init(&d2, "t.yaml");
			bool e1, e2;
			size_t len = strlen(docs[i]);
			struct ynode *n1 = ytree_parse(a, docs[i], len, &ylimits_case, &d1, &e1);
			struct ynode *n2 = ytree_read(r, b, docs[i], len, &ylimits_case, &d2, &e2);
			assert_int_equal(n1 == NULL, n2 == NULL);
			assert_int_equal(e1, e2);
			assert_int_equal(d1.count, d2.count);
			assert_string_equal(d1.text.buf ? d1.text.buf : "",
					    d2.text.buf ? d2.text.buf : "");
			if (n1)
				assert_int_equal(n1->nkids, n2->nkids);
			diag_release(&d1);
			diag_release(&d2);
			arena_free(a);
			arena_free(b);
		}
	}
	ytree_reader_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reset_is_fresh),
		cmocka_unit_test(reader_is_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
