/* SPDX-License-Identifier: EUPL-1.2 */
/* Batch output: one record per case, as JSON Lines, CSV or a line of text
 * (opname(1), OUTPUT). Records are appended to a strbuf; writing it out, and
 * when, is the caller's. JSON goes through the one JSON writer
 * (outcome_json_fields, json_str). */
#ifndef OPNAME_BATCH_OUTPUT_H
#define OPNAME_BATCH_OUTPUT_H

#include <stdbool.h>

#include "opname/engine.h"
#include "opname/model.h"
#include "opname/output.h"
#include "opname/util.h"

enum batch_out_format { BATCH_OUT_JSONL, BATCH_OUT_CSV, BATCH_OUT_TEXT };

struct batch_writer {
	enum batch_out_format format;
	const struct ruleset *rs;
	int lang;
	enum ui_lang ui;
	const struct style *style; /* text only */
	bool replay;               /* add previous_verdict and changed */
	char csv_sep;              /* ',' (also when 0) or ';' */
	bool csv_bom;              /* a UTF-8 byte order mark before the header */
	bool csv_raw;              /* CSV: cells as they are, no formula guard */
	struct batch_memo *memo;   /* rendered outcomes, see batch_writer_init */
};

/* Give a writer its memo of rendered outcomes (for speed; a writer without
 * one renders every record afresh), and free it. */
void batch_writer_init(struct batch_writer *w);
void batch_writer_release(struct batch_writer *w);

/* One case's result. */
struct batch_result {
	const char *id;
	const char *source;      /* FILE:LINE where the case starts */
	const char *error;       /* NULL when decided */
	const struct outcome *o; /* when decided */
	bool has_outcome;        /* the case carries a saved outcome */
	bool has_previous;       /* ... whose verdict could be read */
	enum verdict previous;
};

/* "json", "jsonl", "csv" or "text"; returns 0, or -1 for another name. */
int batch_out_format_parse(const char *name, enum batch_out_format *f);

/* What goes before the first record (the CSV header row), if anything. */
void batch_out_header(struct strbuf *sb, const struct batch_writer *w);

void batch_out_record(struct strbuf *sb, const struct batch_writer *w,
		      const struct batch_result *r);

/* A CSV field, quoted when it holds the separator, a quote, CR or LF
 * (RFC 4180). Rows end in CRLF, as RFC 4180 has them. */
void csv_field(struct strbuf *sb, const char *s, char sep);

/* The same for a cell of our records: one that starts with =, +, -, @, TAB
 * or CR is given a ' first, so that no spreadsheet runs it as a formula;
 * with 'raw', csv_field alone. */
void csv_cell(struct strbuf *sb, const char *s, char sep, bool raw);

#endif
