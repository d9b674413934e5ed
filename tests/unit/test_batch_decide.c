/* SPDX-License-Identifier: EUPL-1.2 */
/* One batch record decided (batch-decide.c): its source and the location
 * of its error count lines in 64 bits, so that a stream that runs for ever
 * ('tail -F | opname batch -') never wraps; and a record is named as the
 * batch names it. */
#include "helpers.h"

#include "opname/batch-decide.h"

static void lines_past_two_to_the_31(void **state)
{
	(void)state;
	struct decider dc;
	assert_int_equal(decider_init(&dc, rules_builtin(), false), 0);
	struct slot s = { 0 };
	const char *bad = "facts:\n  action: recrod\n";
	struct batch_record rec = {
		.text = bad, .len = strlen(bad),
		.line = 3000000000LL, .first_line = 3000000000LL, .index = 5000000000LL,
	};
	decide_record(&dc, &s, "in", &rec);
	assert_true(s.failed);
	assert_string_equal(s.source.buf, "in:3000000000");
	if (strncmp(s.error.buf, "in:3000000001:11: ", 18))
		fail_msg("error: %s", s.error.buf);

	struct batch_writer w = { .format = BATCH_OUT_CSV, .rs = rules_builtin() };
	struct strbuf out = STRBUF_INIT;
	slot_render(&s, "in", rec.index, &w, &out);
	if (strncmp(out.buf, "in:5000000000,error,", 20))
		fail_msg("record: %s", out.buf);

	/* a good case, the only one of its file: named by the file alone */
	const char *good = "facts: {action: record, media: video}\n";
	rec = (struct batch_record){ .text = good, .len = strlen(good), .line = 1,
				     .first_line = 1, .index = 1 };
	decide_record(&dc, &s, "one.yaml", &rec);
	assert_false(s.failed);
	sb_reset(&out);
	slot_render(&s, "one.yaml", 0, &w, &out);
	if (strncmp(out.buf, "one.yaml,not_allowed,R1,", 24))
		fail_msg("record: %s", out.buf);
	sb_release(&out);
	slot_release(&s);
	decider_release(&dc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_past_two_to_the_31),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
