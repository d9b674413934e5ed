/* SPDX-License-Identifier: EUPL-1.2 */
/* Batch records: JSON Lines exactly as outcome_json renders (the memo
 * of rendered outcomes changes nothing, however many outcomes there are),
 * error records, replay fields, CSV quoting and text lines. */
#include "helpers.h"
#include "opname/batch-output.h"

/* The built-in spelregels: compiled in, never freed, no setup needed. */
static struct ruleset *rs;

static struct batch_writer writer(enum batch_out_format f, bool replay)
{
	struct batch_writer w = { .format = f, .rs = rs, .lang = 0, .ui = UI_NL,
				  .style = &style_plain, .replay = replay };
	return w;
}

/* What the record must be: '{', the fields, source, '}'. */
static void expected_jsonl(struct strbuf *sb, const char *id,
			   const struct outcome *o, const char *source)
{
	sb_addc(sb, '{');
	outcome_members(sb, rs, id, o, 0, UI_NL);
	sb_adds(sb, ", \"source\": ");
	json_str(sb, source);
	sb_adds(sb, "}\n");
}

static void check_same(const struct batch_writer *w, const char *id,
		       const struct outcome *o)
{
	struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
	struct batch_result r = { .id = id, .source = "f.yaml:3", .o = o };
	batch_out_record(&got, w, &r);
	expected_jsonl(&want, id, o, "f.yaml:3");
	assert_string_equal(got.buf, want.buf);
	sb_release(&got);
	sb_release(&want);
}

static void memo_changes_nothing(void **state)
{
	(void)state;
	static const char *const cases[][10] = {
		{ "action=evidence", NULL },
		{ "action=record", "media=audio", NULL },
		{ "action=share", "consent_all=unknown", "public_interest=false", NULL },
		{ "action=record", "media=audio", "participant=true", "recorder=citizen",
		  "announced=true", "weighty_reasons=false", "at_home=true",
		  "camera_present=true", NULL },
		{ "action=edit", "edit_announced=false", NULL },
	};
	static const char *const ids[] = { "a", "", "quote \" and \\ back", "\x01", "b\nc" };
	struct batch_writer w = writer(BATCH_OUT_JSONL, false);
	batch_writer_init(&w);
	/* each outcome twice: rendered, then from the memo, with every id */
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
			for (size_t j = 0; j < sizeof ids / sizeof ids[0]; j++) {
				struct outcome o;
				decide_with(rs, &o, cases[i]);
				check_same(&w, ids[j], &o);
			}
	batch_writer_release(&w);
	assert_null(w.memo);
}

/* More distinct outcomes than the memo holds: the rest are rendered as
 * they come, still exactly. */
static void a_full_memo_still_renders(void **state)
{
	(void)state;
	struct batch_writer w = writer(BATCH_OUT_JSONL, false);
	batch_writer_init(&w);
	for (int round = 0; round < 2; round++)
		for (int k = 0; k < 600; k++) {
			struct outcome o;
			memset(&o, 0, sizeof o);
			o.verdict = (enum verdict)(k % 3);
			o.rule = k % rs->nrules;
			o.missing = o.missing_rule = -1;
			o.nused = 1 + k % 4;
			for (int u = 0; u < o.nused; u++)
				o.used[u] = (uint16_t)((k / 4 + u * 7) % rs->nquestions);
			o.nsteps = k % 3;
			for (int s = 0; s < o.nsteps; s++)
				o.steps[s] = (uint16_t)((k + s) % rs->nsteps);
			check_same(&w, "x", &o);
		}
	batch_writer_release(&w);
}

static void error_and_replay_records(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct batch_writer w = writer(BATCH_OUT_JSONL, true);
	struct batch_result err = { .id = "c.yaml:2", .source = "c.yaml:5",
				    .error = "c.yaml:6:3: unknown fact 'x'" };
	batch_out_record(&sb, &w, &err);
	assert_string_equal(sb.buf, "{\"id\": \"c.yaml:2\", \"source\": \"c.yaml:5\", "
				    "\"verdict\": \"error\", \"error\": \"c.yaml:6:3: unknown fact 'x'\"}\n");

	struct outcome o;
	decide_with(rs, &o, (const char *const[]){ "action=evidence", "recorder=citizen", "participant=true", "court_case=true", NULL });
	struct batch_result r = { .id = "s", .source = "s.yaml:1", .o = &o,
				  .has_outcome = true, .has_previous = true,
				  .previous = VERDICT_NOT_ALLOWED };
	sb_reset(&sb);
	batch_out_record(&sb, &w, &r);
	assert_non_null(strstr(sb.buf, ", \"source\": \"s.yaml:1\", \"previous_verdict\": \"not_allowed\", \"changed\": true}\n"));
	r.previous = VERDICT_ALLOWED;
	sb_reset(&sb);
	batch_out_record(&sb, &w, &r);
	assert_non_null(strstr(sb.buf, "\"previous_verdict\": \"allowed\", \"changed\": false}\n"));
	r.has_previous = false;
	sb_reset(&sb);
	batch_out_record(&sb, &w, &r);
	assert_non_null(strstr(sb.buf, "\"previous_verdict\": null, \"changed\": null}\n"));
	r.has_outcome = false;
	sb_reset(&sb);
	batch_out_record(&sb, &w, &r);
	assert_null(strstr(sb.buf, "previous_verdict"));
	w.replay = false; /* without --replay, never */
	r.has_outcome = r.has_previous = true;
	sb_reset(&sb);
	batch_out_record(&sb, &w, &r);
	assert_null(strstr(sb.buf, "previous_verdict"));
	sb_release(&sb);
}

static void csv_quotes_what_needs_it(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "plain", "plain" },
		{ "", "" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "two\nlines", "\"two\nlines\"" },
		{ "cr\r", "\"cr\r\"" },
		{ "semi;colon 'q'", "semi;colon 'q'" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct strbuf sb = STRBUF_INIT;
		csv_field(&sb, cases[i][0], ',');
		assert_string_equal(sb.buf ? sb.buf : "", cases[i][1]);
		sb_release(&sb);
	}
}

static void csv_quotes_the_separator(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	csv_field(&sb, "semi;colon", ';');
	csv_field(&sb, "a,b", ';');
	assert_string_equal(sb.buf, "\"semi;colon\"a,b");
	sb_release(&sb);
}

/* --csv-sep ';' (a Dutch spreadsheet's list separator) and --csv-bom: the
 * ';'-joined lists are quoted, the header starts with the byte order mark. */
static void csv_semicolon_rows(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct batch_writer w = writer(BATCH_OUT_CSV, false);
	w.csv_sep = ';';
	w.csv_bom = true;
	batch_out_header(&sb, &w);
	assert_string_equal(sb.buf, "\xef\xbb\xbfid;verdict;rule;next_steps;missing;unknown;error\r\n");
	struct outcome o;
	decide_with(rs, &o, (const char *const[]){ "action=share", "recorder=citizen", "consent_all=false",
						   "public_interest=false", NULL });
	struct batch_result r = { .id = "x;y,z", .source = "s:1", .o = &o };
	sb_reset(&sb);
	batch_out_record(&sb, &w, &r);
	assert_string_equal(sb.buf, "\"x;y,z\";not_allowed;S2;\"home_circle_only;contact_privacy_officer\";;;\r\n");
	struct batch_result e = { .id = "e", .source = "s:1", .error = "s:2:1: bad; worse" };
	sb_reset(&sb);
	batch_out_record(&sb, &w, &e);
	assert_string_equal(sb.buf, "e;error;;;;;\"s:2:1: bad; worse\"\r\n");
	sb_release(&sb);
}

static void csv_rows(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct batch_writer w = writer(BATCH_OUT_CSV, false);
	batch_out_header(&sb, &w);
	assert_string_equal(sb.buf, "id,verdict,rule,next_steps,missing,unknown,error\r\n");
	struct outcome o;
	decide_with(rs, &o, (const char *const[]){ "action=share", "recorder=citizen", "consent_all=false",
						   "public_interest=false", NULL });
	struct batch_result r = { .id = "x,y", .source = "s:1", .o = &o };
	sb_reset(&sb);
	batch_out_record(&sb, &w, &r);
	assert_string_equal(sb.buf, "\"x,y\",not_allowed,S2,home_circle_only;contact_privacy_officer,,,\r\n");
	decide_with(rs, &o, (const char *const[]){ "action=share", "recorder=citizen", "consent_all=unknown",
						   "public_interest=false", NULL });
	sb_reset(&sb);
	batch_out_record(&sb, &w, &r);
	assert_string_equal(sb.buf, "\"x,y\",consult,S1,contact_privacy_officer,,consent_all,\r\n");
	decide_with(rs, &o, (const char *const[]){ "action=record", NULL });
	sb_reset(&sb);
	batch_out_record(&sb, &w, &r);
	assert_string_equal(sb.buf, "\"x,y\",incomplete,,,media,,\r\n");
	struct batch_result e = { .id = "e", .source = "s:1", .error = "s:2:1: bad, \"very\"" };
	sb_reset(&sb);
	batch_out_record(&sb, &w, &e);
	assert_string_equal(sb.buf, "e,error,,,,,\"s:2:1: bad, \"\"very\"\"\"\r\n");
	w.replay = true;
	sb_reset(&sb);
	batch_out_header(&sb, &w);
	assert_string_equal(sb.buf, "id,verdict,rule,next_steps,missing,unknown,error,previous_verdict,changed\r\n");
	sb_reset(&sb);
	batch_out_record(&sb, &w, &e);
	assert_string_equal(sb.buf, "e,error,,,,,\"s:2:1: bad, \"\"very\"\"\",,\r\n");
	decide_with(rs, &o, (const char *const[]){ "action=evidence", "recorder=citizen", "participant=true", "court_case=true", NULL });
	struct batch_result p = { .id = "p", .source = "s:1", .o = &o, .has_outcome = true,
				  .has_previous = true, .previous = VERDICT_CONSULT };
	sb_reset(&sb);
	batch_out_record(&sb, &w, &p);
	assert_string_equal(sb.buf, "p,allowed,E1,court_decides,,,,consult,true\r\n");
	sb_release(&sb);
}

static void text_lines(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct batch_writer w = writer(BATCH_OUT_TEXT, false);
	struct outcome o;
	decide_with(rs, &o, (const char *const[]){ "action=record", "media=audio", NULL });
	struct batch_result r = { .id = "two\nlines", .source = "s:1", .o = &o };
	batch_out_record(&sb, &w, &r);
	assert_string_equal(sb.buf, "two lines: incomplete; missing: participant\n");
	struct batch_result e = { .id = "e", .source = "s:1", .error = "s:2:1: bad\tthing" };
	sb_reset(&sb);
	batch_out_record(&sb, &w, &e);
	assert_string_equal(sb.buf, "e: error: s:2:1: bad thing\n");
	sb_release(&sb);
}

static void format_names(void **state)
{
	(void)state;
	enum batch_out_format f;
	assert_int_equal(batch_out_format_parse("jsonl", &f), 0);
	assert_int_equal(f, BATCH_OUT_JSONL);
	assert_int_equal(batch_out_format_parse("json", &f), 0);
	assert_int_equal(f, BATCH_OUT_JSONL);
	assert_int_equal(batch_out_format_parse("csv", &f), 0);
	assert_int_equal(f, BATCH_OUT_CSV);
	assert_int_equal(batch_out_format_parse("text", &f), 0);
	assert_int_equal(f, BATCH_OUT_TEXT);
	assert_int_equal(batch_out_format_parse("yaml", &f), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(memo_changes_nothing),
		cmocka_unit_test(a_full_memo_still_renders),
		cmocka_unit_test(error_and_replay_records),
		cmocka_unit_test(csv_quotes_what_needs_it),
		cmocka_unit_test(csv_rows),
		cmocka_unit_test(csv_quotes_the_separator),
		cmocka_unit_test(csv_semicolon_rows),
		cmocka_unit_test(text_lines),
		cmocka_unit_test(format_names),
	};
	rs = rules_builtin();
	return cmocka_run_group_tests_name("batch_output", tests, NULL, NULL);
}
