/* SPDX-License-Identifier: EUPL-1.2 */
/* opname ask: the interview, for a person at a terminal or a script at a
 * pipe. The decisions are the interview state machine's (interview.c), the
 * reading of answers answer_parse's; this file is the conversation: the
 * questions on stdout, one line read per answer, the verdict at the end. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "ask-from.h"
#include "ask-input.h"
#include "ask-term.h"
#include "ask.h"
#include "command.h"
#include "opname/answer.h"
#include "opname/atomic-file.h"
#include "opname/case-save.h"
#include "opname/fact.h"
#include "opname/interview.h"
#include "opname/safe-text.h"

struct session {
	const struct ruleset *rs;
	int lang;          /* the rule file's language */
	enum ui_lang ul;   /* the tool's */
	const struct style *st;
	int width;         /* fold lines at this many columns; 0: do not */
	bool script;       /* stdin is no terminal: echo each answer read, and
			    * a line that is no answer is an error */
	struct interview iv;
	struct strbuf out; /* what goes to stdout before the next read */
	struct strbuf prompt; /* the line the answer is typed on */
	struct ask_input *in;
	const char *line;  /* the last line read, 'len' bytes */
	size_t len;
	const struct ask_from *from; /* --from: the case started from, or NULL */
	bool from_taken[OPNAME_MAX_FACTS]; /* its answer was taken once */
};

/* Send what is buffered to stdout; before every read. stdout is
 * unbuffered (see interview()), so after a failed write nothing is left for
 * main's last flush to fail on again, and the error is reported once. */
static int flush(struct session *s)
{
	int status = write_stdout(s->out.buf, s->out.len);
	sb_reset(&s->out);
	if (status)
		clearerr(stdout);
	return status;
}

static void show_question(struct session *s, int f)
{
	const struct question *q = &s->rs->questions[f];
	sb_addf(&s->out, "\n%s%s %d%s\n", s->st->bold, ask_word(s->ul, AW_QUESTION),
		interview_number(&s->iv), s->st->reset);
	text_fold(&s->out, text_get(&q->text, s->lang), s->width);
	for (int i = 0; fact_has_choices(q) && i < q->nchoices; i++) {
		struct strbuf item = STRBUF_INIT;
		sb_addf(&item, "  %d) %s", i + 1, text_get(&q->choices[i].text, s->lang));
		text_fold(&s->out, item.buf, s->width);
		sb_release(&item);
	}
}

/* The accepted answers and the default, then "> ", into s->prompt: the
 * line editor shows it itself, and redraws it while the answer is edited. */
static void show_prompt(struct session *s, int f)
{
	const struct question *q = &s->rs->questions[f];
	fact_value def = interview_default(&s->iv);
	struct strbuf *p = &s->prompt;
	sb_reset(p);
	char n[16];
	snprintf(n, sizeof n, "%d", q->nchoices);
	if (fact_type_of(q)->multi) {
		sb_addc(p, '(');
		ask_fill(p, s->ul, AW_SET_ANSWERS, n, "");
		sb_addc(p, ')');
	} else if (fact_type_of(q)->dated)
		sb_addf(p, "(%s)", ask_word(s->ul, AW_DATE_ANSWERS));
	else if (fact_type_of(q)->ranged)
		sb_addf(p, "(%s)", ask_word(s->ul, AW_NUMBER_ANSWERS));
	else if (!fact_type_of(q)->listed)
		sb_addf(p, "(%s)", ask_word(s->ul, AW_BOOL_ANSWERS));
	else
		sb_addf(p, "%s 1-%d", ask_word(s->ul, AW_CHOOSE), q->nchoices);
	if (def != FV_MISSING) {
		sb_addf(p, " [%s ", ask_word(s->ul, AW_ENTER));
		ask_value_word(p, s->rs, f, def, s->lang, s->ul);
		sb_adds(p, "]");
	}
	sb_adds(p, " > ");
}

/* The line read, without the blanks around it, for quoting it back. */
static void trimmed(const struct session *s, size_t *b, size_t *e)
{
	*b = 0;
	*e = s->len;
	while (*b < *e && (s->line[*b] == ' ' || s->line[*b] == '\t'))
		(*b)++;
	while (*e > *b && strchr(" \t\r", s->line[*e - 1]))
		(*e)--;
}

/* The answer as read, quoted, control characters shown escaped, and cut
 * short if long. */
static void quote_answer(struct strbuf *sb, const struct session *s)
{
	size_t b, e;
	trimmed(s, &b, &e);
	bool cut = e - b > 60;
	if (cut) {
		e = b + 60;
		while (e > b && ((unsigned char)s->line[e] & 0xc0) == 0x80)
			e--; /* not in the middle of a character */
	}
	sb_addc(sb, '\'');
	sb_add_safe(sb, s->line + b, e - b, 0);
	sb_adds(sb, cut ? "...'" : "'");
}

/* What a bad answer gets on a terminal: what was read, why it is not an
 * answer, and what would be. */
static void explain_bad(struct session *s, const struct question *q,
			enum answer_error e)
{
	enum ask_word w = AW_NOT_UNDERSTOOD;
	if (e == ANSWER_ERR_NO_SUCH_CHOICE)
		w = AW_NO_SUCH_CHOICE;
	else if (e == ANSWER_ERR_UNKNOWN_CHOICE)
		w = AW_UNKNOWN_CHOICE;
	else if (e == ANSWER_ERR_TOO_LONG)
		w = AW_TOO_LONG;
	else if (e == ANSWER_ERR_ENCODING)
		w = AW_ENCODING;
	else if (e == ANSWER_ERR_TWICE)
		w = AW_TWICE;
	struct strbuf msg = STRBUF_INIT, said = STRBUF_INIT;
	char n[16];
	snprintf(n, sizeof n, "%d", ANSWER_MAX_LINE);
	quote_answer(&said, s);
	ask_fill(&msg, s->ul, w, n, said.buf);
	sb_addc(&msg, ' ');
	if (fact_type_of(q)->multi) {
		ask_fill(&msg, s->ul, AW_ANSWER_SET, "", "");
	} else if (fact_type_of(q)->dated) {
		ask_fill(&msg, s->ul, AW_ANSWER_DATE, "", "");
	} else if (fact_type_of(q)->ranged) {
		char hi[16];
		snprintf(n, sizeof n, "%d", (int)q->min);
		snprintf(hi, sizeof hi, "%d", (int)q->max);
		ask_fill(&msg, s->ul, AW_ANSWER_NUMBER, n, hi);
	} else {
		snprintf(n, sizeof n, "%d", q->nchoices);
		ask_fill(&msg, s->ul, !fact_type_of(q)->listed ? AW_ANSWER_BOOL : AW_ANSWER_CHOICE,
			 n, "");
	}
	text_fold(&s->out, msg.buf, s->width);
	sb_release(&msg);
	sb_release(&said);
}

/* The answers a question takes, for a message: "ja, nee, weet niet" or
 * "1-4, record, edit, share, evidence". */
static void accepted(struct strbuf *sb, const struct session *s,
		     const struct question *q)
{
	if (fact_type_of(q)->dated) {
		sb_addf(sb, "YYYY-MM-DD, %s", ask_word(s->ul, AW_UNKNOWN));
		return;
	}
	if (fact_type_of(q)->ranged) {
		sb_addf(sb, "%d-%d, %s", (int)q->min, (int)q->max, ask_word(s->ul, AW_UNKNOWN));
		return;
	}
	if (fact_type_of(q)->multi) {
		sb_addf(sb, "1-%d or ids, comma-separated; 0 or none; %s", q->nchoices,
			ask_word(s->ul, AW_UNKNOWN));
		return;
	}
	if (!fact_type_of(q)->listed) {
		sb_addf(sb, "%s, %s, %s", ask_word(s->ul, AW_YES), ask_word(s->ul, AW_NO),
			ask_word(s->ul, AW_UNKNOWN));
		return;
	}
	sb_addf(sb, "1-%d", q->nchoices);
	for (int i = 0; i < q->nchoices; i++)
		sb_addf(sb, ", %s", q->choices[i].id);
}

/* A script's line that is no answer (nor a command, nor Enter for a
 * default) is an error: asking again would let the next line answer, and
 * every later answer would shift. Returns 0 or EX_DATAERR. */
static int refuse_in_script(struct session *s, int f, const struct answer *a)
{
	if (!s->script)
		return 0;
	if (a->kind != ANSWER_BAD &&
	    !(a->kind == ANSWER_EMPTY && interview_default(&s->iv) == FV_MISSING))
		return 0;
	const struct question *q = &s->rs->questions[f];
	struct strbuf what = STRBUF_INIT, ok = STRBUF_INIT;
	if (a->kind == ANSWER_EMPTY)
		sb_adds(&what, "an empty line");
	else if (a->error == ANSWER_ERR_TOO_LONG)
		sb_addf(&what, "a line of more than %d bytes", ANSWER_MAX_LINE);
	else if (a->error == ANSWER_ERR_ENCODING)
		sb_adds(&what, "a line that is not text (invalid UTF-8 or a NUL byte)");
	else
		quote_answer(&what, s);
	accepted(&ok, s, q);
	fail(EX_DATAERR, "<stdin>:%ld: %s is not an answer to '%s' (%s)",
	     input_lineno(s->in), what.buf, q->id, ok.buf);
	sb_release(&what);
	sb_release(&ok);
	return EX_DATAERR;
}

/* '?': the question's help, the glossary's words it uses, the commands. */
static void show_help(struct session *s, int f)
{
	const char *help = text_get(&s->rs->questions[f].help, s->lang); /* "" when none */
	struct strbuf msg = STRBUF_INIT;
	sb_addf(&msg, "%s\n", *help ? help : ask_word(s->ul, AW_NO_HELP));
	ask_terms(&msg, s->rs, f, s->lang, s->ul, false);
	sb_addf(&msg, "%s\n", ask_word(s->ul, AW_COMMANDS));
	text_fold(&s->out, msg.buf, s->width);
	sb_release(&msg);
}

static void show_terms(struct session *s, int f)
{
	struct strbuf msg = STRBUF_INIT;
	ask_terms(&msg, s->rs, f, s->lang, s->ul, true);
	text_fold(&s->out, msg.buf, s->width);
	sb_release(&msg);
}

static void show_why(struct session *s)
{
	struct strbuf msg = STRBUF_INIT;
	ask_why(&msg, &s->iv, s->lang, s->ul);
	text_fold(&s->out, msg.buf, s->width);
	sb_release(&msg);
}

/* Show the line read when the terminal did not (stdin is a pipe or a
 * file), so that the transcript reads as a conversation. */
static void echo_answer(struct session *s, const struct answer *a)
{
	if (!s->script)
		return;
	if (a->kind == ANSWER_BAD &&
	    (a->error == ANSWER_ERR_TOO_LONG || a->error == ANSWER_ERR_ENCODING)) {
		sb_adds(&s->out, utf8_locale() ? "…\n" : "...\n");
		return;
	}
	size_t b, e;
	trimmed(s, &b, &e);
	sb_add_safe(&s->out, s->line + b, e - b, SAFE_ONE_LINE);
	sb_addc(&s->out, '\n');
}

enum then { THEN_QUESTION, THEN_PROMPT, THEN_END };

/* Act on one answer to question f; says what to show next. */
static enum then take(struct session *s, int f, const struct answer *a)
{
	const struct question *q = &s->rs->questions[f];
	fact_value def = interview_default(&s->iv);
	switch (a->kind) {
	case ANSWER_VALUE:
		interview_answer(&s->iv, a->value);
		return THEN_QUESTION;
	case ANSWER_EMPTY:
		if (def != FV_MISSING)
			interview_answer(&s->iv, def);
		return THEN_QUESTION; /* the next one, or this one again */
	case ANSWER_HELP:
		show_help(s, f);
		return THEN_PROMPT;
	case ANSWER_WHY:
		show_why(s);
		return THEN_PROMPT;
	case ANSWER_TERMS:
		show_terms(s, f);
		return THEN_PROMPT;
	case ANSWER_BACK:
		if (interview_back(&s->iv) >= 0)
			return THEN_QUESTION;
		text_fold(&s->out, ask_word(s->ul, AW_BACK_FIRST), s->width);
		return THEN_PROMPT;
	case ANSWER_STOP:
		interview_stop(&s->iv);
		text_fold(&s->out, ask_word(s->ul, AW_STOPPED), s->width);
		return THEN_END;
	case ANSWER_BAD:
		break;
	}
	explain_bad(s, q, a->error);
	return THEN_PROMPT;
}

/* --from: the case's answer to question f, taken as given (it is in the
 * summary) the first time f is asked; after terug over it, it is only the
 * default, like any answer taken back. */
static bool answer_from_case(struct session *s, int f)
{
	if (!s->from || s->from_taken[f] || s->from->c.facts[f] == FV_MISSING)
		return false;
	s->from_taken[f] = true;
	return interview_answer(&s->iv, s->from->c.facts[f]) == 0;
}

/* Show what is buffered and the prompt, then read a line. With the line
 * editor the prompt is its to show. Returns 0 or an exit status; *got says
 * what was read. */
static int read_answer(struct session *s, enum input_got *got)
{
	bool edits = input_edits(s->in);
	if (!edits)
		sb_add(&s->out, s->prompt.buf, s->prompt.len);
	int status = flush(s);
	if (status)
		return status;
	*got = input_read(s->in, edits ? s->prompt.buf : "");
	if (*got == INPUT_ERROR) /* an input error: 74 is for output */
		return fail(EX_NOINPUT, "cannot read the answers: %s", strerror(errno));
	s->line = input_line(s->in, &s->len);
	return 0;
}

/* A script that keeps the interview going without answering (help, why,
 * back and forth) is stopped: every answer that is new raises the count
 * of answers, and this many lines without that is a loop. */
#define SCRIPT_IDLE_LINES 1000

/* The questions, until a verdict, stop or the end of the input. Sets *eof
 * when the input ended first. */
static int converse(struct session *s, bool *eof)
{
	enum then then = THEN_QUESTION;
	int f, status, most = 0;
	long idle = 0;
	while ((f = interview_next(&s->iv)) >= 0) {
		if (answer_from_case(s, f))
			continue;
		s->width = stdout_width(); /* the window may have changed */
		if (then == THEN_QUESTION)
			show_question(s, f);
		show_prompt(s, f);
		enum input_got got;
		if ((status = read_answer(s, &got)))
			return status;
		if (got == INPUT_REDRAW) { /* after Ctrl-Z and fg */
			then = THEN_QUESTION;
			continue;
		}
		if (got == INPUT_EOF) {
			sb_addc(&s->out, '\n');
			text_fold(&s->out, ask_word(s->ul, AW_END_OF_INPUT), s->width);
			interview_stop(&s->iv);
			*eof = true;
			break;
		}
		struct answer a;
		answer_parse(&s->rs->questions[f], s->line, s->len, &a);
		echo_answer(s, &a);
		if ((status = refuse_in_script(s, f, &a)))
			return status;
		if (a.kind != ANSWER_BAD)
			input_remember(s->in);
		if ((then = take(s, f, &a)) == THEN_END)
			break;
		if (s->iv.nanswers > most) {
			most = s->iv.nanswers;
			idle = 0;
		} else if (s->script && ++idle >= SCRIPT_IDLE_LINES) {
			return fail(EX_DATAERR, "<stdin>:%ld: %d lines without a new answer to '%s'",
				    input_lineno(s->in), SCRIPT_IDLE_LINES,
				    s->rs->questions[f].id);
		}
	}
	return 0;
}

/* A script's lines after the verdict were meant as answers: say so. */
static void report_rest(struct session *s)
{
	enum { CAP = 1000 };
	long first = input_lineno(s->in) + 1;
	long n = input_rest(s->in, CAP);
	if (n > CAP)
		fail(0, "<stdin>:%ld: more than %d lines after the verdict were not read",
		     first, CAP);
	else if (n)
		fail(0, "<stdin>:%ld: %ld line%s after the verdict %s not read", first, n,
		     n == 1 ? "" : "s", n == 1 ? "was" : "were");
}

static void show_outcome(struct session *s)
{
	const struct outcome *o = interview_outcome(&s->iv);
	int rule = s->width ? s->width : 60;
	sb_addc(&s->out, '\n');
	for (int i = 0; i < rule; i++)
		sb_adds(&s->out, utf8_locale() ? "─" : "-");
	sb_addc(&s->out, '\n');
	struct strbuf text = STRBUF_INIT;
	outcome_text(&text, s->rs, o, s->lang, s->ul, s->st);
	text_fold(&s->out, text.buf, s->width);
	sb_release(&text);
	sb_addc(&s->out, '\n');

	struct strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "%s:", ask_word(s->ul, AW_ANSWERS));
	for (int i = 0; i < s->iv.nanswers; i++) {
		int f = s->iv.order[i];
		sb_adds(&sum, !i ? " " : utf8_locale() ? " · " : " | ");
		ask_answer_label(&sum, s->rs, f, s->iv.facts[f], i + 1, s->lang, s->ul);
	}
	if (!s->iv.nanswers)
		sb_addf(&sum, " %s", ui(s->ul, MSG_NO_STEPS));
	text_fold(&s->out, sum.buf, s->width);
	sb_release(&sum);
}

static int save(struct session *s, const char *path, bool force)
{
	char id[1024]; /* a 255-byte name, each byte maybe 3 as U+FFFD */
	case_save_default_id(path, id, sizeof id);
	const struct ask_from *from = s->from;
	struct saved_case c = {
		.id = from && from->c.id ? from->c.id : id,
		.meta = from && from->meta.len ? from->meta.buf : NULL,
		.facts = s->iv.facts,
		.order = s->iv.order,
		.nfacts = s->iv.nanswers,
		.outcome = interview_outcome(&s->iv),
		.decided_at = time(NULL),
	};
	struct strbuf err = STRBUF_INIT;
	int rc = case_save(path, force, s->rs, &c, &err);
	if (rc < 0) {
		fail(EX_IOERR, "%s", err.buf);
	} else {
		sb_addf(&s->out, "%s ", ask_word(s->ul, AW_SAVED));
		sb_adds_safe(&s->out, path, 0);
		sb_addc(&s->out, '\n');
	}
	sb_release(&err);
	return rc < 0 ? EX_IOERR : 0;
}

/* Refuse a --save that cannot work before anyone answers a question. */
static int check_save(const char *path, bool force)
{
	if (!*path)
		return usage_error(&cmd_ask, "--save needs a file name");
	struct strbuf err = STRBUF_INIT;
	int r = atomic_check(path, force, &err), status = 0;
	if (r == -2)
		status = usage_error(&cmd_ask, "%s", err.buf);
	else if (r < 0)
		status = fail(EX_IOERR, "%s", err.buf);
	sb_release(&err);
	return status;
}

static void take_from(struct session *s)
{
	int f, n = 0;
	while ((f = interview_next(&s->iv)) >= 0 && answer_from_case(s, f))
		n++;
	char count[16];
	snprintf(count, sizeof count, "%d", n);
	struct strbuf msg = STRBUF_INIT;
	ask_fill(&msg, s->ul, AW_FROM, count, s->from->path);
	sb_addc(&s->out, '\n');
	text_fold(&s->out, msg.buf, s->width);
	sb_release(&msg);
}

static int interview(struct ctx *ctx, const char *save_path, bool force,
		     const struct ask_from *from)
{
	struct session *s = xmalloc(sizeof *s);
	memset(s, 0, sizeof *s);
	s->rs = ctx->rs;
	s->lang = ctx->lang;
	s->ul = ctx->ui;
	s->st = stdout_style();
	s->width = stdout_width();
	s->script = !isatty(STDIN_FILENO);
	s->from = from;
	utf8_locale(); /* the locale, before libedit decodes what is typed */
	interview_start(&s->iv, s->rs);
	term_start();
	s->in = input_open(!s->script && isatty(STDOUT_FILENO));
	/* Every prompt must be out before a read; s->out gathers each screen
	 * so that it still takes one write. */
	setvbuf(stdout, NULL, _IONBF, 0);

	const char *title = text_get(&s->rs->title, s->lang);
	sb_addf(&s->out, "%s%s%s\n", s->st->bold, *title ? title : s->rs->name,
		s->st->reset);
	text_fold(&s->out, ask_word(s->ul, AW_INTRO), s->width);
	if (from)
		take_from(s);
	bool eof = false;
	int status = converse(s, &eof);
	if (!status) {
		show_outcome(s);
		if (save_path)
			status = save(s, save_path, force);
		int w = flush(s);
		if (s->script && !eof)
			report_rest(s);
		if (!status)
			status = w ? w : verdict_status(s->rs, interview_outcome(&s->iv)->verdict);
	}
	input_close(s->in);
	term_restore();
	sb_release(&s->out);
	sb_release(&s->prompt);
	free(s);
	return status;
}

/* Before anything is opened: a closed stdin's descriptor would go to the
 * rule file or --save's, and the answers be read from that. */
int check_ask_args(struct ctx *ctx, const struct cmd_args *a)
{
	(void)ctx;
	const char *save_path = args_str(a, OPT_SAVE), *from_path = args_str(a, OPT_FROM);
	bool force = args_has(a, OPT_FORCE);
	if (fcntl(STDIN_FILENO, F_GETFD) < 0)
		return fail(EX_NOINPUT, "cannot read the answers: stdin is closed");
	if (force && !save_path)
		return usage_error(&cmd_ask, "--force goes with --save FILE");
	if (from_path && !strcmp(from_path, "-"))
		return usage_error(&cmd_ask, "--from needs a file: stdin holds the answers");
	return save_path ? check_save(save_path, force) : 0;
}

int run_ask(struct ctx *ctx, const struct cmd_args *a)
{
	const char *save_path = args_str(a, OPT_SAVE), *from_path = args_str(a, OPT_FROM);
	bool force = args_has(a, OPT_FORCE);
	if (!from_path)
		return interview(ctx, save_path, force, NULL);
	struct ask_from from;
	int status = ask_from_load(ctx->rs, from_path, &from);
	if (!status)
		status = interview(ctx, save_path, force, &from);
	ask_from_release(&from);
	return status;
}
