/* SPDX-License-Identifier: EUPL-1.2 */
/* Rule files of any size for 'make bench', and cases for them: how the cost
 * of a case grows with the number of rules.
 *
 * usage: gen-rules RULES          a rule file with RULES rules
 *        gen-rules --cases COUNT  COUNT JSON Lines cases for any of them
 *
 * The facts are the same at every size: 'topic' (50 choices) and eight
 * bools. The rules come in blocks, one per topic (as the spelregels come
 * per action), each rule of a block needing one bool: a case of the last
 * topic passes over all the blocks before its own. The last rule decides
 * what no other does. Deterministic. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TOPICS = 50, BOOLS = 8 };

#include "rng.h"

static void rules(int n)
{
	printf("opname: 1\nname: bench-%d\nversion: \"1\"\nlanguages: [en]\n"
	       "parts:\n  - id: p\n    title: {en: \"Part\"}\nquestions:\n"
	       "  - id: topic\n    type: choice\n    refs: [p]\n    text: {en: \"Topic?\"}\n"
	       "    choices:\n", n);
	for (int t = 0; t < TOPICS; t++)
		printf("      - id: t%d\n        text: {en: \"Topic %d\"}\n", t, t);
	for (int b = 0; b < BOOLS; b++)
		printf("  - id: b%d\n    type: bool\n    refs: [p]\n    text: {en: \"B%d?\"}\n", b, b);
	printf("steps:\n  - id: ask\n    ref: p\n    text: {en: \"Ask\"}\n"
	       "unknown:\n  verdict: consult\n  reason: {en: \"Unknown\"}\n  steps: [ask]\n"
	       "rules:\n");
	for (int i = 0; i + 1 < n; i++) {
		int topic = n - 1 > TOPICS ? (int)((long)i * TOPICS / (n - 1)) : i;
		printf("  - id: R%d\n    when: {all: [{topic: t%d}, {b%d: %s}]}\n"
		       "    verdict: %s\n    refs: [p]\n    reason: {en: \"Rule %d\"}\n    steps: []\n",
		       i, topic, i % BOOLS, (i / BOOLS) % 2 ? "false" : "true",
		       i % 2 ? "allowed" : "not_allowed", i);
	}
	printf("  - id: LAST\n    verdict: consult\n    refs: [p]\n    reason: {en: \"Otherwise\"}\n"
	       "    steps: [ask]\n");
}

static void cases(long n)
{
	for (long i = 0; i < n; i++) {
		printf("{\"id\": \"c%ld\", \"facts\": {\"topic\": \"t%d\"", i, (int)(rng() % TOPICS));
		for (int b = 0; b < BOOLS; b++)
			printf(", \"b%d\": %s", b, rng() % 2 ? "true" : "false");
		printf("}}\n");
	}
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--cases")) {
		cases(atol(argv[2]));
		return 0;
	}
	if (argc == 2 && atoi(argv[1]) >= 1) {
		rules(atoi(argv[1]));
		return 0;
	}
	fputs("usage: gen-rules RULES | gen-rules --cases COUNT\n", stderr);
	return 64;
}
