/* SPDX-License-Identifier: EUPL-1.2 */
/* Embedding opname: load a rule file, decide a case given as FACT=VALUE
 * arguments, print the verdict, the next steps and the parts cited. It
 * uses only the installed API (opname.h); build it with
 *
 *   cc embed.c $(pkg-config --cflags --libs opname) -o embed
 *   ./embed /usr/share/opname/spelregels.yaml action=record media=video
 *
 * Exit status: 0 allowed, 1 not allowed, 2 consult, 3 incomplete, 65 bad
 * data, 66 a file that cannot be read, 70 out of memory. */
#include <opname.h>
#include <stdio.h>
#include <string.h>

static void print_diags(const opname_diags *d)
{
	for (size_t i = 0; i < opname_diags_count(d); i++)
		fprintf(stderr, "embed: %s:%d:%d: %s\n", opname_diag_file(d, i),
			opname_diag_line(d, i), opname_diag_column(d, i),
			opname_diag_message(d, i));
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: embed RULEFILE [FACT=VALUE]...\n");
		return 64;
	}
	opname_rules *rules;
	opname_diags *diags;
	int r = opname_rules_load(argv[1], &rules, &diags);
	if (r == OPNAME_EIO) {
		perror(argv[1]);
		return 66;
	}
	if (r != OPNAME_OK) {
		print_diags(diags);
		opname_diags_free(diags);
		return r == OPNAME_ENOMEM ? 70 : 65;
	}

	opname_case *c;
	if (opname_case_new(rules, &c) != OPNAME_OK)
		return 70;
	for (int i = 2; i < argc; i++) {
		char fact[128];
		const char *eq = strchr(argv[i], '=');
		if (!eq || (size_t)(eq - argv[i]) >= sizeof fact) {
			fprintf(stderr, "embed: '%s' is not FACT=VALUE\n", argv[i]);
			return 64;
		}
		snprintf(fact, sizeof fact, "%.*s", (int)(eq - argv[i]), argv[i]);
		if (opname_case_set(c, fact, eq + 1, &diags) != OPNAME_OK) {
			print_diags(diags);
			opname_diags_free(diags);
			return 65;
		}
	}

	opname_outcome *o;
	if (opname_decide(rules, c, &o) != OPNAME_OK)
		return 70;
	int lang = opname_rules_language(rules, "en");
	if (lang < 0)
		lang = 0;
	printf("%s", opname_outcome_verdict_id(o));
	if (opname_outcome_rule(o))
		printf(" (rule %s)", opname_outcome_rule(o));
	printf("\n");
	for (size_t i = 0; i < opname_outcome_count(o, OPNAME_STEPS); i++)
		printf("  %zu. %s: %s\n", i + 1, opname_outcome_id(o, OPNAME_STEPS, i),
		       opname_outcome_step_text(o, i, lang));
	for (size_t i = 0; i < opname_outcome_count(o, OPNAME_REFS); i++)
		printf("%s%s", i ? ", " : "cites: ", opname_outcome_id(o, OPNAME_REFS, i));
	if (opname_outcome_count(o, OPNAME_MISSING))
		printf("missing: %s", opname_outcome_id(o, OPNAME_MISSING, 0));
	printf("\n");

	int status = (int)opname_outcome_verdict(o);
	opname_outcome_free(o);
	opname_case_free(c);
	opname_rules_free(rules);
	return status;
}
