/* SPDX-License-Identifier: EUPL-1.2 */
/* Resetting a libyaml parser (see the header). It relies on what
 * yaml_parser_initialize and yaml_parser_delete do in libyaml 0.2.5: the
 * parser's state is its public struct, every buffer, queue and stack is
 * a start/end area, and what else a parse allocates is in the token queue
 * and the tag directives. A unit test (test_yparser) compares the events
 * of a reset parser with those of a fresh one. */
#include "opname/yparser.h"

#include <stdlib.h>
#include <string.h>

int yparser_init(yaml_parser_t *p)
{
	return yaml_parser_initialize(p) ? 0 : -1;
}

void yparser_reset(yaml_parser_t *p)
{
	while (p->tokens.head != p->tokens.tail)
		yaml_token_delete(p->tokens.head++);
	while (p->tag_directives.top != p->tag_directives.start) {
		yaml_tag_directive_t *t = --p->tag_directives.top;
		free(t->handle); /* yaml_free is free */
		free(t->prefix);
	}
	yaml_parser_t keep = *p;
	memset(p, 0, sizeof *p);
	p->raw_buffer.start = p->raw_buffer.pointer = p->raw_buffer.last =
		keep.raw_buffer.start;
	p->raw_buffer.end = keep.raw_buffer.end;
	p->buffer.start = p->buffer.pointer = p->buffer.last = keep.buffer.start;
	p->buffer.end = keep.buffer.end;
	p->tokens.start = p->tokens.head = p->tokens.tail = keep.tokens.start;
	p->tokens.end = keep.tokens.end;
	p->indents.start = p->indents.top = keep.indents.start;
	p->indents.end = keep.indents.end;
	p->simple_keys.start = p->simple_keys.top = keep.simple_keys.start;
	p->simple_keys.end = keep.simple_keys.end;
	p->states.start = p->states.top = keep.states.start;
	p->states.end = keep.states.end;
	p->marks.start = p->marks.top = keep.marks.start;
	p->marks.end = keep.marks.end;
	p->tag_directives.start = p->tag_directives.top = keep.tag_directives.start;
	p->tag_directives.end = keep.tag_directives.end;
}

void yparser_free(yaml_parser_t *p)
{
	yaml_parser_delete(p);
}
