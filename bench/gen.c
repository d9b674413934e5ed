/* SPDX-License-Identifier: EUPL-1.2 */
/* Case generator for 'make bench': realistic case files for the spelregels.
 *
 * usage: gen [--jsonl] [--seed N] COUNT
 *
 * Writes COUNT cases to stdout, as one multi-document YAML stream (the way
 * 'ask --save' writes a case, block style) or as JSON Lines. Every path of
 * the decision table is taken (each action, citizen and employee, work and
 * employment, every rule E1..C3), with what real files carry besides: ids,
 * 'meta' with free text, now and then an unknown answer, a missing one, an
 * extra fact the decision does not need, yes/ja/True spellings, and a saved
 * 'outcome' (for --replay). Deterministic for a given seed. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

static bool chance(int percent)
{
	return (int)(rng() % 100) < percent;
}

static const char *pick(const char *const *v, int n)
{
	return v[rng() % (uint64_t)n];
}

#define PICK(v) pick(v, (int)(sizeof v / sizeof v[0]))

struct fact {
	const char *id, *value;
};

struct gen_case {
	struct fact facts[24];
	int n;
};

static void add(struct gen_case *c, const char *id, const char *value)
{
	c->facts[c->n++] = (struct fact){ id, value };
}

/* A bool answer: mostly 'true'/'false', sometimes another accepted
 * spelling, and now and then 'unknown' ("weet ik niet"). */
static void add_bool(struct gen_case *c, const char *id, int percent_true)
{
	static const char *const yes[] = { "true", "true", "true", "yes", "ja", "True" };
	static const char *const no[] = { "false", "false", "false", "no", "nee", "False" };
	if (chance(3))
		add(c, id, "unknown");
	else
		add(c, id, chance(percent_true) ? PICK(yes) : PICK(no));
}

static void record_facts(struct gen_case *c)
{
	add(c, "media", chance(92) ? "audio" : "video");
	add_bool(c, "participant", 93);
	bool employee = chance(40);
	add(c, "recorder", employee ? "employee" : "citizen");
	if (employee) {
		bool work = chance(60);
		add(c, "context", work ? "work" : "employment");
		if (work) {
			add_bool(c, "work_process", 20);
			add_bool(c, "legal_basis", 75);
			add_bool(c, "necessary", 80);
			add_bool(c, "purpose_defined", 85);
			add_bool(c, "alternatives_sufficient", 40);
			return;
		}
	}
	add_bool(c, "announced", 85);
	add_bool(c, "weighty_reasons", 15);
	bool home = chance(45);
	add(c, "at_home", home ? "true" : "false");
	if (home || chance(30))
		add_bool(c, "camera_present", 25);
}

static const char *const all_bools[] = {
	"participant", "work_process", "legal_basis", "necessary",
	"purpose_defined", "alternatives_sufficient", "announced",
	"weighty_reasons", "at_home", "camera_present", "edit_announced",
	"edit_consent", "consent_all", "public_interest",
};

static void make_case(struct gen_case *c)
{
	static const char *const actions[] = {
		"record", "record", "record", "record", "record", "record",
		"edit", "share", "share", "evidence",
	};
	c->n = 0;
	const char *action = PICK(actions);
	add(c, "action", action);
	if (!strcmp(action, "record")) {
		record_facts(c);
	} else if (!strcmp(action, "edit")) {
		add_bool(c, "edit_announced", 50);
		add_bool(c, "edit_consent", 60);
	} else if (!strcmp(action, "share")) {
		add_bool(c, "consent_all", 40);
		add_bool(c, "public_interest", 10);
	}
	/* A missing answer (an interview stopped early): drop one, not action. */
	if (c->n > 1 && chance(4)) {
		int drop = 1 + (int)(rng() % (uint64_t)(c->n - 1));
		c->facts[drop] = c->facts[--c->n];
	}
	/* A fact the decision does not need, as saved files often carry. */
	if (chance(15)) {
		const char *id = PICK(all_bools);
		for (int i = 0; i < c->n; i++)
			if (!strcmp(c->facts[i].id, id))
				return;
		add(c, id, chance(50) ? "true" : "false");
	}
}

static const char *const teams[] = {
	"team Wmo", "team Jeugd", "Klantcontactcentrum", "team Participatie",
	"Vergunningen", "Burgerzaken", "team Schuldhulp",
};
static const char *const notes[] = {
	"keukentafelgesprek", "gesprek over de indicatie", "bezwaar, hoorzitting",
	"telefonisch spreekuur", "\"opname aangekondigd\" volgens inwoner",
	"vervolg op gesprek van vorige week; inwoner wil terugluisteren",
	"Gespräch mit Übersetzer — één deelnemer",
};
static const char *const verdicts[] = { "allowed", "not_allowed", "consult", "incomplete" };
static const char *const rule_ids[] = { "E1", "B1", "B2", "S1", "S2", "R1", "R2",
					"W1", "W2", "W3", "W4", "C1", "C2", "C3" };

static void json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

static void write_yaml(long n, const struct gen_case *c)
{
	printf("---\n# saved by ask, case %ld\nid: 2026-%06ld\nfacts:\n", n, n);
	for (int i = 0; i < c->n; i++)
		printf("  %s: %s\n", c->facts[i].id, c->facts[i].value);
	printf("meta:\n  handled_by: %s\n  received: 2026-%02d-%02d\n",
	       PICK(teams), 1 + (int)(rng() % 12), 1 + (int)(rng() % 28));
	if (chance(40)) {
		fputs("  note: ", stdout);
		json_string(PICK(notes)); /* a double-quoted YAML scalar */
		putchar('\n');
	}
	if (chance(10))
		printf("outcome:\n  verdict: %s\n  rule: %s\n  next_steps: [announce, avg_compliance]\n"
		       "  rules_file:\n    name: spelregels\n    version: 2026.10.1\n"
		       "    sha256: 5f2c0e8d4b1a9c7e6f3d2b1a0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d\n"
		       "  decided_at: 2026-10-%02dT10:15:00+02:00\n",
		       PICK(verdicts), PICK(rule_ids), 1 + (int)(rng() % 28));
}

static void write_jsonl(long n, const struct gen_case *c)
{
	printf("{\"id\": \"2026-%06ld\", \"facts\": {", n);
	for (int i = 0; i < c->n; i++)
		printf("%s\"%s\": \"%s\"", i ? ", " : "", c->facts[i].id, c->facts[i].value);
	printf("}, \"meta\": {\"handled_by\": \"%s\", \"received\": \"2026-%02d-%02d\"",
	       PICK(teams), 1 + (int)(rng() % 12), 1 + (int)(rng() % 28));
	if (chance(40)) {
		fputs(", \"note\": ", stdout);
		json_string(PICK(notes));
	}
	putchar('}');
	if (chance(10))
		printf(", \"outcome\": {\"verdict\": \"%s\", \"rule\": \"%s\", "
		       "\"next_steps\": [\"announce\", \"avg_compliance\"], \"rules_file\": "
		       "{\"name\": \"spelregels\", \"version\": \"2026.10.1\", \"sha256\": "
		       "\"5f2c0e8d4b1a9c7e6f3d2b1a0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d\"}, "
		       "\"decided_at\": \"2026-10-%02dT10:15:00+02:00\"}",
		       PICK(verdicts), PICK(rule_ids), 1 + (int)(rng() % 28));
	puts("}");
}

int main(int argc, char **argv)
{
	bool jsonl = false;
	long count = -1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--jsonl"))
			jsonl = true;
		else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			rng_state ^= strtoull(argv[++i], NULL, 10) * 0x9e3779b97f4a7c15u;
		else if (count < 0 && argv[i][0] >= '0' && argv[i][0] <= '9')
			count = strtol(argv[i], NULL, 10);
		else
			count = -2;
	}
	if (count < 0) {
		fputs("usage: gen [--jsonl] [--seed N] COUNT\n", stderr);
		return 64;
	}
	static char obuf[1 << 16];
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	for (long n = 1; n <= count; n++) {
		struct gen_case c;
		make_case(&c);
		if (jsonl)
			write_jsonl(n, &c);
		else
			write_yaml(n, &c);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen: write");
		return 74;
	}
	return 0;
}
