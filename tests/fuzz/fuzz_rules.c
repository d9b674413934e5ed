/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzz target: the rule-file loader (ytree.c + rules-load.c), and for every
 * file it accepts, the engine and both outputs over a few fact patterns, so
 * that a loader bug which lets a bad model through shows up where the model
 * is used. Built with libFuzzer by 'make fuzz', and without it by 'make
 * fuzz-replay' (replay.c feeds it the corpus). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "opname/json.h"
#include "opname/engine.h"
#include "opname/glossary.h"
#include "opname/lint.h"
#include "opname/output.h"
#include "opname/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Facts for pattern p: every value, unknown and missing turn up somewhere. */
static void pattern_facts(const struct ruleset *rs, int p, fact_value *facts)
{
	for (int i = 0; i < rs->nquestions; i++) {
		const struct question *q = &rs->questions[i];
		int nvalues = q->type == FACT_BOOL ? 2 : q->nchoices;
		int v = (i * 7 + p * 3) % (nvalues + 2);
		facts[i] = v == nvalues ? FV_UNKNOWN :
			   v == nvalues + 1 ? FV_MISSING : (fact_value)v;
	}
}

static void exercise(const struct ruleset *rs)
{
	fact_value facts[OPNAME_MAX_FACTS];
	enum tri *nodes = calloc((size_t)rs->nconds + 1, sizeof *nodes);
	struct strbuf sb = STRBUF_INIT;
	for (int p = 0; p < 4; p++) {
		pattern_facts(rs, p, facts);
		struct outcome o;
		struct trace t = { nodes, 0 };
		engine_decide(rs, facts, &o, &t);
		/* an outcome cites only refs of its rule, in the rule's order */
		if (o.nrefs && o.rule < 0)
			abort();
		for (int i = 0, j = 0; i < o.nrefs; i++, j++) {
			const struct rule *r = &rs->rules[o.rule];
			while (j < r->nrefs && r->refs[j] != o.refs[i])
				j++;
			if (j == r->nrefs)
				abort();
		}
		for (int lang = 0; lang < rs->nlangs; lang++) {
			sb_reset(&sb);
			{
			struct json j;
			json_init_members(&j, &sb);
			outcome_json(&j, rs, "fuzz", &o, lang, UI_EN);
		}
			outcome_text(&sb, rs, &o, lang, UI_NL, &style_plain);
		}
		explain_text(&sb, rs, &o, &t, UI_EN);
	}
	sb_release(&sb);
	free(nodes);
	/* the plain-language lint warns, and never makes a problem */
	struct diag d;
	diag_init(&d, "fuzz.yaml");
	struct lint_stats st;
	int warnings = lint_rules(rs, &d, &st);
	if (d.count != 0 || warnings != d.warnings)
		abort();
	diag_release(&d);
	for (int q = 0; q < rs->nquestions; q++) {
		int terms[OPNAME_MAX_TERMS];
		if (question_terms(rs, q, 0, terms) > rs->nterms)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	diag_init(&d, "fuzz.yaml");
	struct ruleset *rs = rules_load((const char *)data, size, "fuzz.yaml", &d);
	if (rs)
		exercise(rs);
	/* A rejected file always says why; an accepted one says nothing. */
	if (!rs != (d.count > 0))
		abort();
	rules_free(rs);
	diag_release(&d);
	return 0;
}
