/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzz target: what 'ask --save' writes reads back as it was written, for
 * any file name and any answers (the invariant, not only no crash):
 *   the input is a file name up to the first NUL byte, then pairs of bytes
 *   (a question, a value) for the answers, in the order given;
 *   the default id made from the name is valid UTF-8; the saved document
 *   is read by case_read without a word, to the same id, the same facts,
 *   and the saved verdict; and the same with the name itself as the id
 *   when it is valid UTF-8 (any text a case id can hold).
 * Built with libFuzzer by 'make fuzz', and without it by 'make fuzz-replay'
 * (replay.c feeds it the corpus). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "opname/case-save.h"
#include "opname/case.h"
#include "opname/engine.h"
#include "opname/rules.h"
#include "opname/safe-text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void round_trip(const struct ruleset *rs, const struct saved_case *sc)
{
	struct strbuf doc = STRBUF_INIT;
	case_save_yaml(&doc, rs, sc);
	struct arena *a = arena_new();
	struct diag d;
	diag_init(&d, "saved.yaml");
	struct case_file c;
	if (case_read(rs, doc.buf, doc.len, a, &c, &d) < 0 || d.count)
		abort();
	if (!c.id || strcmp(c.id, sc->id))
		abort();
	for (int f = 0; f < rs->nquestions; f++)
		if (c.facts[f] != sc->facts[f])
			abort();
	if (!c.has_outcome || !c.has_previous_verdict ||
	    c.previous_verdict != sc->outcome->verdict)
		abort();
	diag_release(&d);
	arena_free(a);
	sb_release(&doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct ruleset *rs = rules_builtin();
	const uint8_t *nul = memchr(data, 0, size);
	size_t namelen = nul ? (size_t)(nul - data) : size;
	if (namelen > 4096)
		return 0;
	char *name = malloc(namelen + 1);
	memcpy(name, data, namelen);
	name[namelen] = '\0';

	fact_value facts[OPNAME_MAX_FACTS];
	uint16_t order[OPNAME_MAX_FACTS];
	int n = 0;
	facts_clear(facts, OPNAME_MAX_FACTS);
	for (size_t i = namelen + 1; i + 1 < size; i += 2) {
		int f = data[i] % rs->nquestions;
		const struct question *q = &rs->questions[f];
		int nvalues = q->type == FACT_BOOL ? 3 : q->nchoices;
		int v = data[i + 1] % nvalues;
		if (facts[f] == FV_MISSING)
			order[n++] = (uint16_t)f;
		facts[f] = q->type == FACT_BOOL ? (v == 0 ? FV_TRUE : v == 1 ? FV_FALSE : FV_UNKNOWN)
						: (fact_value)v;
	}
	struct outcome o;
	engine_decide(rs, facts, &o, NULL);

	char id[1024 * 3 + 16];
	case_save_default_id(name, id, sizeof id);
	if (!utf8_valid(id, strlen(id)))
		abort();
	struct saved_case sc = { .id = id, .facts = facts, .order = order, .nfacts = n,
				 .outcome = &o, .decided_at = (time_t)size * 86400 };
	round_trip(rs, &sc);
	if (utf8_valid(name, strlen(name))) {
		sc.id = name;
		round_trip(rs, &sc);
	}
	free(name);
	return 0;
}
