/* SPDX-License-Identifier: EUPL-1.2 */
/* The case file an interview saves: read back by case_read it gives exactly
 * the answers given; written atomically with mode 0600, never over an
 * existing file without force. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "opname/case-save.h"
#include "opname/ytree.h"

/* The built-in spelregels: compiled in, never freed, no setup needed. */
static struct ruleset *rs;

/* A case from "fact=value" pairs, the order kept as asked. */
struct fixture {
	fact_value facts[OPNAME_MAX_FACTS];
	uint16_t order[OPNAME_MAX_FACTS];
	int n;
	struct outcome o;
};

static void make(struct fixture *fx, const char *const *assigns)
{
	struct case_file c;
	struct strbuf err = STRBUF_INIT;
	case_init(rs, &c);
	fx->n = 0;
	for (; *assigns; assigns++) {
		if (case_set(rs, &c, *assigns, &err) < 0)
			fail_msg("%s", err.buf);
		char id[64];
		snprintf(id, sizeof id, "%.*s", (int)(strchr(*assigns, '=') - *assigns), *assigns);
		fx->order[fx->n++] = (uint16_t)ruleset_find_fact(rs, id);
	}
	sb_release(&err);
	memcpy(fx->facts, c.facts, sizeof fx->facts);
	engine_decide(rs, fx->facts, &fx->o, NULL);
}

static void round_trip(const char *const *assigns, const char *verdict)
{
	struct fixture fx;
	make(&fx, assigns);
	assert_string_equal(verdict_id(rs, fx.o.verdict), verdict);
	struct saved_case sc = { .id = "2026-0042", .facts = fx.facts, .order = fx.order,
				  .nfacts = fx.n, .outcome = &fx.o, .decided_at = 1796036400 };
	struct strbuf sb = STRBUF_INIT;
	case_save_yaml(&sb, rs, &sc);

	struct diag d;
	diag_init(&d, "saved.yaml");
	struct arena *a = arena_new();
	struct case_file c;
	if (case_read(rs, sb.buf, sb.len, a, &c, &d) < 0)
		fail_msg("%s\n%s", d.text.buf, sb.buf);
	for (int f = 0; f < rs->nquestions; f++)
		assert_int_equal(c.facts[f], fx.facts[f]);
	assert_string_equal(c.id, "2026-0042");
	assert_true(c.has_previous_verdict);
	assert_int_equal(c.previous_verdict, fx.o.verdict);
	assert_string_equal(c.previous_version, rs->version);

	struct outcome again;
	engine_decide(rs, c.facts, &again, NULL);
	assert_int_equal(again.verdict, fx.o.verdict);
	assert_int_equal(again.rule, fx.o.rule);
	assert_non_null(strstr(sb.buf, "decided_at: \"2026-11-30T11:00:00Z\"\n"));
	assert_non_null(strstr(sb.buf, rs->sha256));
	diag_release(&d);
	arena_free(a);
	sb_release(&sb);
}

static void every_verdict_reads_back(void **state)
{
	(void)state;
	const char *const allowed[] = { "action=record", "media=audio", "participant=true",
					"recorder=citizen", "announced=true",
					"weighty_reasons=false", "third_party_objects=false",
					"at_home=true",
					"camera_present=true", NULL };
	const char *const not_allowed[] = { "action=edit", "edit_consent=false", NULL };
	const char *const consult[] = { "action=record", "media=audio",
					"participant=unknown", NULL };
	const char *const incomplete[] = { "action=share", NULL };
	const char *const nothing[] = { NULL };
	round_trip(allowed, "allowed");
	round_trip(not_allowed, "not_allowed");
	round_trip(consult, "consult");
	round_trip(incomplete, "incomplete");
	round_trip(nothing, "incomplete");
}

static void document_shape(void **state)
{
	(void)state;
	struct fixture fx;
	const char *const share[] = { "action=share", "recorder=citizen", "consent_all=false",
				      "public_interest=false", NULL };
	make(&fx, share);
	struct saved_case sc = { .id = "x", .facts = fx.facts, .order = fx.order,
				  .nfacts = fx.n, .outcome = &fx.o, .decided_at = 0 };
	struct strbuf sb = STRBUF_INIT;
	case_save_yaml(&sb, rs, &sc);
	assert_non_null(strstr(sb.buf,
		"facts:\n  action: \"share\"\n  recorder: \"citizen\"\n  consent_all: false\n  public_interest: false\n"
		"outcome:\n  verdict: not_allowed\n  rule: \"S2\"\n"
		"  next_steps: [\"home_circle_only\", \"contact_privacy_officer\"]\n"
		"  rules_file:\n    name: \"spelregels\"\n"));
	assert_non_null(strstr(sb.buf, "decided_at: \"1970-01-01T00:00:00Z\""));
	sb_release(&sb);

	const char *const none[] = { NULL };
	make(&fx, none);
	sc.nfacts = 0;
	case_save_yaml(&sb, rs, &sc);
	assert_non_null(strstr(sb.buf, "facts: {}\n"));
	assert_non_null(strstr(sb.buf, "rule: null\n  next_steps: []\n"));
	sb_release(&sb);
}

static void default_ids(void **state)
{
	(void)state;
	char id[64];
	case_save_default_id("case-0042.yaml", id, sizeof id);
	assert_string_equal(id, "case-0042");
	case_save_default_id("/tmp/dir/2026.yml", id, sizeof id);
	assert_string_equal(id, "2026");
	case_save_default_id("dir/notes.txt", id, sizeof id);
	assert_string_equal(id, "notes.txt");
	case_save_default_id("dir/.yaml", id, sizeof id);
	assert_string_equal(id, ".yaml");
	case_save_default_id("dir/", id, sizeof id);
	assert_string_equal(id, "ask");
}

static void writes_0600_and_refuses_to_overwrite(void **state)
{
	(void)state;
	char dir[] = "/tmp/opname-test-save-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/case.yaml", dir);
	struct fixture fx;
	const char *const evidence[] = { "action=evidence", "recorder=citizen", "participant=true",
					 "court_case=true", NULL };
	make(&fx, evidence);
	struct saved_case sc = { .id = "case", .facts = fx.facts, .order = fx.order,
				  .nfacts = fx.n, .outcome = &fx.o, .decided_at = 0 };
	struct strbuf err = STRBUF_INIT;

	mode_t old = umask(0);
	int rc = case_save(path, false, rs, &sc, &err);
	umask(old);
	assert_int_equal(rc, 0);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	assert_int_equal(case_save(path, false, rs, &sc, &err), -1);
	assert_non_null(strstr(err.buf, "exists; use --force"));
	sb_reset(&err);
	assert_int_equal(case_save(path, true, rs, &sc, &err), 0);

	snprintf(path, sizeof path, "%s/no/such/dir/case.yaml", dir);
	assert_int_equal(case_save(path, false, rs, &sc, &err), -1);
	assert_non_null(strstr(err.buf, "cannot create"));
	sb_release(&err);

	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

/* ask --from keeps a case's meta: any tree, copied as JSON, reads back
 * to the same tree (numbers, booleans and null as such, other scalars as
 * strings). */
static void meta_is_kept(void **state)
{
	(void)state;
	static const char yaml[] =
		"meta:\n  handled_by: team Wmo\n  n: -3.5e2\n  ok: true\n  none: ~\n"
		"  tags: [a, \"b \\\"c\\\"\", '007']\n  deep: {x: [1, {y: z}]}\n";
	struct arena *a = arena_new();
	struct diag d;
	diag_init(&d, "m.yaml");
	bool empty;
	struct ynode *root = ytree_parse(a, yaml, strlen(yaml), &ylimits_case, &d, &empty);
	assert_non_null(root);
	struct strbuf json = STRBUF_INIT;
	struct json jw;
	json_init(&jw, &json);
	ynode_json(&jw, ymap_get(root, "meta"));
	assert_string_equal(json.buf,
			    "{\"handled_by\": \"team Wmo\", \"n\": -3.5e2, \"ok\": true, "
			    "\"none\": null, \"tags\": [\"a\", \"b \\\"c\\\"\", \"007\"], "
			    "\"deep\": {\"x\": [1, {\"y\": \"z\"}]}}");
	struct fixture fx;
	const char *const assigns[] = { "action=evidence", NULL };
	make(&fx, assigns);
	struct saved_case sc = { .id = "m", .facts = fx.facts, .order = fx.order,
				  .nfacts = fx.n, .meta = json.buf, .outcome = &fx.o };
	struct strbuf sb = STRBUF_INIT;
	case_save_yaml(&sb, rs, &sc);
	assert_non_null(strstr(sb.buf, "\nmeta: {\"handled_by\": "));
	struct case_file c;
	const struct ynode *back = ytree_parse(a, sb.buf, sb.len, &ylimits_case, &d, &empty);
	assert_non_null(back);
	assert_int_equal(case_from_tree(rs, back, a, &c, &d), 0);
	struct strbuf again = STRBUF_INIT;
	json_init(&jw, &again);
	ynode_json(&jw, ymap_get(back, "meta"));
	assert_string_equal(again.buf, json.buf);
	sb_release(&again);
	sb_release(&sb);
	sb_release(&json);
	diag_release(&d);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_verdict_reads_back),
		cmocka_unit_test(document_shape),
		cmocka_unit_test(default_ids),
		cmocka_unit_test(writes_0600_and_refuses_to_overwrite),
		cmocka_unit_test(meta_is_kept),
	};
	rs = rules_builtin();
	return cmocka_run_group_tests_name("case_save", tests, NULL, NULL);
}
