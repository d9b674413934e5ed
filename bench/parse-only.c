/* SPDX-License-Identifier: EUPL-1.2 */
/* The floor for 'make bench': what libyaml alone needs to parse the input,
 * events only, no tree, no decision, no output.
 *
 * usage: parse-only [--jsonl] FILE
 *
 * YAML: one parser over the whole multi-document stream. JSON Lines: libyaml
 * cannot read them as one stream, so each non-blank line is its own
 * document, parsed by one parser reset before each (yparser.h), as 'batch'
 * does: the cheapest way libyaml has. Prints the number of documents and
 * the seconds taken; exit 65 when the input does not parse. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "opname/yparser.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Parse every event of the parser's input; returns the documents, or -1. */
static long parse_all(yaml_parser_t *p)
{
	long docs = 0;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(p, &e)) {
			fprintf(stderr, "parse-only: line %lu: %s\n",
				(unsigned long)p->problem_mark.line + 1,
				p->problem ? p->problem : "error");
			return -1;
		}
		yaml_event_type_t type = e.type;
		yaml_event_delete(&e);
		if (type == YAML_DOCUMENT_START_EVENT)
			docs++;
		if (type == YAML_STREAM_END_EVENT)
			return docs;
	}
}

static long parse_stream(FILE *f)
{
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		return -1;
	yaml_parser_set_input_file(&p, f);
	long docs = parse_all(&p);
	yaml_parser_delete(&p);
	return docs;
}

static long parse_lines(FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long docs = 0;
	yaml_parser_t p;
	if (yparser_init(&p) < 0)
		return -1;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (strspn(line, " \t\r\n") == (size_t)n)
			continue;
		yparser_reset(&p);
		yaml_parser_set_input_string(&p, (const unsigned char *)line, (size_t)n);
		long d = parse_all(&p);
		if (d < 0) {
			docs = -1;
			break;
		}
		docs += d;
	}
	yparser_free(&p);
	free(line);
	return docs;
}

int main(int argc, char **argv)
{
	bool jsonl = argc == 3 && !strcmp(argv[1], "--jsonl");
	if (argc != 2 + jsonl) {
		fputs("usage: parse-only [--jsonl] FILE\n", stderr);
		return 64;
	}
	FILE *f = fopen(argv[argc - 1], "rb");
	if (!f) {
		perror(argv[argc - 1]);
		return 66;
	}
	double t0 = now();
	long docs = jsonl ? parse_lines(f) : parse_stream(f);
	double t = now() - t0;
	fclose(f);
	if (docs < 0)
		return 65;
	printf("%ld documents in %.3f s\n", docs, t);
	return 0;
}
