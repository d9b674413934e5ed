/* SPDX-License-Identifier: EUPL-1.2 */
/* One libyaml parser for many documents.
 *
 * libyaml has no way to reset a parser, and initialising one (seven
 * allocations, some 64 KiB of buffers) and deleting it again costs as much
 * as parsing a small case. 'batch' parses a million of those: it keeps one
 * parser per stream and brings it back to the state yaml_parser_initialize
 * leaves, keeping its buffers, before each record. The state is then that
 * of a fresh parser, so one record's error can never reach the next. */
#ifndef OPNAME_YPARSER_H
#define OPNAME_YPARSER_H

#include <yaml.h>

/* 0, or -1 when out of memory (as yaml_parser_initialize). */
int yparser_init(yaml_parser_t *p);

/* Free what a parse left behind (tokens, directives), keep the buffers,
 * and start over: as if deleted and initialised again. */
void yparser_reset(yaml_parser_t *p);

void yparser_free(yaml_parser_t *p);

#endif
