/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzz target: the case reader (ytree.c + case-load.c) against the built-in
 * spelregels and a small rule file with a set, a number and a date, then the
 * engine and the JSON and text outputs for every case it accepts. And
 * batch's streaming reader (case-stream.c), kept from input to input as
 * batch keeps it, must give the same case or the same diagnostics, as YAML
 * and as a JSON line. Built with libFuzzer by 'make fuzz', and without it by
 * 'make fuzz-replay' (replay.c feeds it the corpus). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "opname/json.h"
#include "opname/case.h"
#include "opname/engine.h"
#include "opname/output.h"
#include "opname/rules.h"

#include <string.h>

#include "opname/fact.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char typed_rules[] =
	"opname: 1\nname: typed\nversion: '1'\nlanguages: [en]\n"
	"parts: [{id: p, title: {en: P}}]\n"
	"questions:\n"
	"  - {id: kinds, type: set, refs: [p], text: {en: K?}, choices: [{id: health, text: {en: H}}, "
	"{id: children, text: {en: C}}, {id: other, text: {en: O}}]}\n"
	"  - {id: people, type: number, refs: [p], text: {en: N?}}\n"
	"  - {id: day, type: date, refs: [p], text: {en: D?}}\n"
	"steps: []\nunknown: {verdict: consult, reason: {en: U}, steps: []}\n"
	"rules:\n"
	"  - {id: R1, when: {kinds: {any_of: [health, children]}}, verdict: not_allowed, refs: [p], reason: {en: a}, steps: []}\n"
	"  - {id: R2, when: {people: {gt: 10}}, verdict: allowed, refs: [p], reason: {en: b}, steps: []}\n"
	"  - {id: R3, when: {day: unknown}, verdict: allowed, refs: [p], reason: {en: c}, steps: []}\n"
	"  - {id: R4, verdict: consult, refs: [p], reason: {en: d}, steps: []}\n";

static const struct ruleset *typed(void)
{
	static struct ruleset *rs;
	if (!rs) {
		struct diag d;
		diag_init(&d, "typed.yaml");
		rs = rules_load(typed_rules, strlen(typed_rules), "typed.yaml", &d);
		diag_release(&d);
		if (!rs)
			abort();
	}
	return rs;
}

static void one(const struct ruleset *rs, const uint8_t *data, size_t size);

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* The stream (through case_read_batch) against the tree reader. */
static void stream_agrees(const struct ruleset *rs, const char *buf, size_t size,
			  bool json)
{
	/* one stream and parser per rule set, kept from input to input */
	static struct {
		const struct ruleset *rs;
		struct case_stream *st;
		struct ytree_reader *r, *ref;
	} kept[2];
	int k = kept[0].rs == rs || !kept[0].rs ? 0 : 1;
	if (!kept[k].rs) {
		kept[k].rs = rs;
		kept[k].st = case_stream_new(rs);
		kept[k].r = ytree_reader_new();
		kept[k].ref = ytree_reader_new();
	}
	struct case_stream *st = kept[k].st;
	struct ytree_reader *r = kept[k].r, *ref = kept[k].ref;
	struct arena *a = arena_new(), *b = arena_new();
	struct diag dt, ds;
	struct case_file ct, cs;
	diag_init(&dt, "fuzz.jsonl");
	diag_init(&ds, "fuzz.jsonl");
	ytree_reader_json(ref, json);
	ytree_reader_json(r, json);
	int rt = case_read_with(ref, rs, buf, size, a, &ct, &dt);
	int rb = case_read_batch(st, r, buf, size, b, &cs, &ds);
	if (rt != rb || dt.count != ds.count || !same_str(dt.text.buf, ds.text.buf))
		abort();
	if (rt == 0) {
		if (!same_str(ct.id, cs.id) || !same_str(ct.previous_version, cs.previous_version) ||
		    ct.has_outcome != cs.has_outcome ||
		    ct.has_previous_verdict != cs.has_previous_verdict ||
		    (ct.has_previous_verdict && ct.previous_verdict != cs.previous_verdict) ||
		    memcmp(ct.facts, cs.facts, (size_t)rs->nquestions * sizeof *ct.facts))
			abort();
	}
	diag_release(&dt);
	diag_release(&ds);
	arena_free(a);
	arena_free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	one(rules_builtin(), data, size);
	one(typed(), data, size);
	return 0;
}

static void one(const struct ruleset *rs, const uint8_t *data, size_t size)
{
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
		for (int f = 0; f < rs->nquestions; f++) /* every value writes */
			fact_value_json(&sb, &rs->questions[f], c.facts[f]);
		sb_release(&sb);
	} else {
		struct strbuf first = STRBUF_INIT;
		diag_first(&d, &first); /* what a batch error record shows */
		sb_release(&first);
	}
	diag_release(&d);
	arena_free(a);
	stream_agrees(rs, (const char *)data, size, false);
	stream_agrees(rs, (const char *)data, size, true);
}
