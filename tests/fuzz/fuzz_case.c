/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzz target: the case reader (ytree.c + case-load.c) against the built-in
 * spelregels, then the engine and the JSON and text outputs for every case it
 * accepts. Built with libFuzzer by 'make fuzz', and without it by 'make
 * fuzz-replay' (replay.c feeds it the corpus). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "opname/json.h"
#include "opname/case.h"
#include "opname/engine.h"
#include "opname/output.h"
#include "opname/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct ruleset *rs = rules_builtin();
	struct arena *a = arena_new();
	struct diag d;
	struct case_file c;
	diag_init(&d, "fuzz.yaml");
	int rc = case_read(rs, (const char *)data, size, a, &c, &d);
	/* A rejected case always says why; an accepted one says nothing. */
	if ((rc < 0) != (d.count > 0))
		abort();
	if (rc == 0) {
		struct outcome o;
		struct strbuf sb = STRBUF_INIT;
		engine_decide(rs, c.facts, &o, NULL);
		{
			struct json j;
			json_init_members(&j, &sb);
			outcome_json(&j, rs, c.id ? c.id : "fuzz", &o, 0, UI_EN);
		}
		outcome_text(&sb, rs, &o, 1 % rs->nlangs, UI_NL, &style_plain);
		sb_release(&sb);
	} else {
		struct strbuf first = STRBUF_INIT;
		diag_first(&d, &first); /* what a batch error record shows */
		sb_release(&first);
	}
	diag_release(&d);
	arena_free(a);
	return 0;
}
