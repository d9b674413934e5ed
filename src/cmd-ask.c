/* opname ask: the interview, for a person at a terminal or a script at a
 * pipe. The decisions are the interview state machine's (interview.c), the
 * reading of answers answer_parse's; this file is the conversation: the
 * questions on stdout, one line read per answer, the verdict at the end. */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ask.h"
#include "command.h"
#include "opname/answer.h"
#include "opname/case-save.h"
#include "opname/interview.h"

enum { OPT_SAVE = OPT_COMMAND_BASE, OPT_FORCE };

struct session {
	const struct ruleset *rs;
	int lang;          /* the rule file's language */
	enum ui_lang ul;   /* the tool's */
	const struct style *st;
	int width;         /* fold lines at this many columns; 0: do not */
	bool echo;         /* stdin is no terminal: show each answer read */
	struct interview iv;
	struct strbuf out; /* what goes to stdout before the next read */
	char line[ANSWER_MAX_LINE + 1];
	size_t len;
};

/* Ctrl-C: nothing is half-written (a --save runs with SIGINT blocked) and
 * the terminal's mode is never changed, so leaving at once is clean. */
static void on_interrupt(int sig)
{
	static const char msg[] = "opname: interrupted\n";
	(void)sig;
	if (write(STDOUT_FILENO, "\n", 1) < 0) {
		/* nothing to be done about it */
	}
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
		/* nor about this */
	}
	_exit(EX_INTERRUPTED);
}

static void catch_interrupt(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_interrupt;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
}

static void block_interrupt(bool block)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

static int terminal_width(void)
{
	struct winsize ws;
	if (!isatty(STDOUT_FILENO))
		return 0; /* a transcript or a script: the texts' own lines */
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) < 0 || ws.ws_col < 40)
		return 79;
	/* one column spare: some terminals wrap early at the very edge */
	return ws.ws_col > 101 ? 100 : ws.ws_col - 1;
}

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

/* One line of input, keeping at most ANSWER_MAX_LINE + 1 bytes (enough for
 * answer_parse to see that it is too long) and dropping the rest, so that
 * an endless line costs no memory. Returns 1, 0 at end of input, -1 on a
 * read error. */
static int read_line(struct session *s, FILE *in)
{
	int c;
	bool any = false;
	s->len = 0;
	while ((c = getc(in)) != EOF) {
		any = true;
		if (c == '\n')
			return 1;
		if (s->len <= ANSWER_MAX_LINE)
			s->line[s->len++] = (char)c;
	}
	if (ferror(in))
		return -1;
	return any ? 1 : 0;
}

static void show_question(struct session *s, int f)
{
	const struct question *q = &s->rs->questions[f];
	sb_addf(&s->out, "\n%s%s %d%s\n", s->st->bold, ask_word(s->ul, AW_QUESTION),
		interview_number(&s->iv), s->st->reset);
	ask_wrap(&s->out, text_get(&q->text, s->lang), s->width);
	for (int i = 0; q->type == FACT_CHOICE && i < q->nchoices; i++) {
		struct strbuf item = STRBUF_INIT;
		sb_addf(&item, "  %d) %s", i + 1, text_get(&q->choices[i].text, s->lang));
		ask_wrap(&s->out, item.buf, s->width);
		sb_release(&item);
	}
}

/* The accepted answers and the default, then "> ". */
static void show_prompt(struct session *s, int f)
{
	const struct question *q = &s->rs->questions[f];
	fact_value def = interview_default(&s->iv);
	if (q->type == FACT_BOOL)
		sb_addf(&s->out, "(%s)", ask_word(s->ul, AW_BOOL_ANSWERS));
	else
		sb_addf(&s->out, "%s 1-%d", ask_word(s->ul, AW_CHOOSE), q->nchoices);
	if (def != FV_MISSING) {
		sb_addf(&s->out, " [%s ", ask_word(s->ul, AW_ENTER));
		ask_value_word(&s->out, s->rs, f, def, s->lang, s->ul);
		sb_adds(&s->out, "]");
	}
	sb_adds(&s->out, " > ");
}

/* What a bad answer gets: why it is not one, and what would be. */
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
	struct strbuf msg = STRBUF_INIT;
	char n[16];
	snprintf(n, sizeof n, "%d", ANSWER_MAX_LINE);
	ask_fill(&msg, s->ul, w, n, "");
	sb_addc(&msg, ' ');
	snprintf(n, sizeof n, "%d", q->nchoices);
	ask_fill(&msg, s->ul, q->type == FACT_BOOL ? AW_ANSWER_BOOL : AW_ANSWER_CHOICE,
		 n, "");
	ask_wrap(&s->out, msg.buf, s->width);
	sb_release(&msg);
}

/* '?': the question's help, the glossary's words it uses, the commands. */
static void show_help(struct session *s, int f)
{
	const char *help = text_get(&s->rs->questions[f].help, s->lang); /* "" when none */
	struct strbuf msg = STRBUF_INIT;
	sb_addf(&msg, "%s\n", *help ? help : ask_word(s->ul, AW_NO_HELP));
	ask_terms(&msg, s->rs, f, s->lang, s->ul, false);
	sb_addf(&msg, "%s\n", ask_word(s->ul, AW_COMMANDS));
	ask_wrap(&s->out, msg.buf, s->width);
	sb_release(&msg);
}

static void show_terms(struct session *s, int f)
{
	struct strbuf msg = STRBUF_INIT;
	ask_terms(&msg, s->rs, f, s->lang, s->ul, true);
	ask_wrap(&s->out, msg.buf, s->width);
	sb_release(&msg);
}

static void show_why(struct session *s)
{
	struct strbuf msg = STRBUF_INIT;
	ask_why(&msg, &s->iv, s->lang, s->ul);
	ask_wrap(&s->out, msg.buf, s->width);
	sb_release(&msg);
}

/* Show the line read when the terminal did not (stdin is a pipe or a
 * file), so that the transcript reads as a conversation. */
static void echo_answer(struct session *s, const struct answer *a)
{
	if (!s->echo)
		return;
	if (a->kind == ANSWER_BAD &&
	    (a->error == ANSWER_ERR_TOO_LONG || a->error == ANSWER_ERR_ENCODING)) {
		sb_adds(&s->out, "…\n");
		return;
	}
	size_t b = 0, e = s->len;
	while (b < e && (s->line[b] == ' ' || s->line[b] == '\t'))
		b++;
	while (e > b && strchr(" \t\r", s->line[e - 1]))
		e--;
	for (size_t i = b; i < e; i++)
		sb_addc(&s->out, (unsigned char)s->line[i] < 0x20 ? ' ' : s->line[i]);
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
		ask_wrap(&s->out, ask_word(s->ul, AW_BACK_FIRST), s->width);
		return THEN_PROMPT;
	case ANSWER_STOP:
		interview_stop(&s->iv);
		ask_wrap(&s->out, ask_word(s->ul, AW_STOPPED), s->width);
		return THEN_END;
	case ANSWER_BAD:
		break;
	}
	explain_bad(s, q, a->error);
	return THEN_PROMPT;
}

/* The questions, until a verdict, stop or the end of the input. */
static int converse(struct session *s)
{
	enum then then = THEN_QUESTION;
	int f, status;
	while ((f = interview_next(&s->iv)) >= 0) {
		if (then == THEN_QUESTION)
			show_question(s, f);
		show_prompt(s, f);
		if ((status = flush(s)))
			return status;
		int r = read_line(s, stdin);
		if (r < 0)
			return fail(EX_IOERR, "cannot read the answers: %s", strerror(errno));
		if (r == 0) {
			sb_addc(&s->out, '\n');
			ask_wrap(&s->out, ask_word(s->ul, AW_END_OF_INPUT), s->width);
			interview_stop(&s->iv);
			break;
		}
		struct answer a;
		answer_parse(&s->rs->questions[f], s->line, s->len, &a);
		echo_answer(s, &a);
		if ((then = take(s, f, &a)) == THEN_END)
			break;
	}
	return 0;
}

static void show_outcome(struct session *s)
{
	const struct outcome *o = interview_outcome(&s->iv);
	int rule = s->width ? s->width : 60;
	sb_addc(&s->out, '\n');
	for (int i = 0; i < rule; i++)
		sb_adds(&s->out, "─");
	sb_addc(&s->out, '\n');
	struct strbuf text = STRBUF_INIT;
	outcome_text(&text, s->rs, o, s->lang, s->ul, s->st);
	ask_wrap(&s->out, text.buf, s->width);
	sb_release(&text);
	sb_addc(&s->out, '\n');

	struct strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "%s:", ask_word(s->ul, AW_ANSWERS));
	for (int i = 0; i < s->iv.nanswers; i++) {
		int f = s->iv.order[i];
		sb_adds(&sum, i ? " · " : " ");
		ask_answer_label(&sum, s->rs, f, s->iv.facts[f], i + 1, s->lang, s->ul);
	}
	if (!s->iv.nanswers)
		sb_addf(&sum, " %s", ui(s->ul, MSG_NO_STEPS));
	ask_wrap(&s->out, sum.buf, s->width);
	sb_release(&sum);
}

static int save(struct session *s, const char *path, bool force)
{
	char id[256];
	case_save_default_id(path, id, sizeof id);
	struct saved_case c = {
		.id = id,
		.facts = s->iv.facts,
		.order = s->iv.order,
		.nfacts = s->iv.nanswers,
		.outcome = interview_outcome(&s->iv),
		.decided_at = time(NULL),
	};
	struct strbuf err = STRBUF_INIT;
	block_interrupt(true); /* an interrupt waits until the file is whole */
	int rc = case_save(path, force, s->rs, &c, &err);
	block_interrupt(false);
	if (rc < 0)
		fail(EX_IOERR, "%s", err.buf);
	else
		sb_addf(&s->out, "%s %s\n", ask_word(s->ul, AW_SAVED), path);
	sb_release(&err);
	return rc < 0 ? EX_IOERR : 0;
}

/* Refuse a --save that cannot work before anyone answers a question. */
static int check_save(const char *path, bool force)
{
	struct stat st;
	if (!*path)
		return usage_error(&cmd_ask, "--save needs a file name");
	if (lstat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return usage_error(&cmd_ask, "%s: is a directory", path);
		if (!force)
			return usage_error(&cmd_ask, "%s: exists; use --force to replace it",
					   path);
	}
	char dir[4096];
	const char *slash = strrchr(path, '/');
	if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else if (slash)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	else
		snprintf(dir, sizeof dir, ".");
	if (access(dir, W_OK | X_OK) < 0)
		return fail(EX_IOERR, "%s: cannot create: %s", path, strerror(errno));
	return 0;
}

static int interview(struct ctx *ctx, const char *save_path, bool force)
{
	struct session *s = xmalloc(sizeof *s);
	memset(s, 0, sizeof *s);
	s->rs = ctx->rs;
	s->lang = ctx->lang;
	s->ul = ctx->ui;
	s->st = stdout_style();
	s->width = terminal_width();
	s->echo = !isatty(STDIN_FILENO);
	interview_start(&s->iv, s->rs);
	catch_interrupt();
	/* Every prompt must be out before a read; s->out gathers each screen
	 * so that it still takes one write. */
	setvbuf(stdout, NULL, _IONBF, 0);

	const char *title = text_get(&s->rs->title, s->lang);
	sb_addf(&s->out, "%s%s%s\n", s->st->bold, *title ? title : s->rs->name,
		s->st->reset);
	ask_wrap(&s->out, ask_word(s->ul, AW_INTRO), s->width);
	int status = converse(s);
	if (!status) {
		show_outcome(s);
		if (save_path)
			status = save(s, save_path, force);
		int w = flush(s);
		if (!status)
			status = w ? w : verdict_status(interview_outcome(&s->iv)->verdict);
	}
	sb_release(&s->out);
	free(s);
	return status;
}

static int ask(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "save", required_argument, NULL, OPT_SAVE },
		{ "force", no_argument, NULL, OPT_FORCE },
		GLOBAL_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	const char *save_path = NULL;
	bool force = false;
	int opt, r;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (opt == OPT_SAVE)
			save_path = optarg;
		else if (opt == OPT_FORCE)
			force = true;
		else if ((r = ctx_option(ctx, &cmd_ask, opt, optarg)) != 0)
			return r == -1 ? EX_SOFTWARE : r;
	}
	if (optind < argc)
		return usage_error(&cmd_ask, "unexpected argument '%s': the answers come from stdin",
				   argv[optind]);
	if (force && !save_path)
		return usage_error(&cmd_ask, "--force goes with --save FILE");
	int status = save_path ? check_save(save_path, force) : 0;
	if (status || (status = ctx_rules(ctx)))
		return status;
	return interview(ctx, save_path, force);
}

const struct command cmd_ask = {
	.name = "ask",
	.synopsis = "[--save FILE [--force]]",
	.summary = "the interview: answer a few questions, get the verdict and next steps",
	.help = "Asks only the questions the decision needs, one at a time. Answer with\n"
		"ja/nee/weet niet (yes/no/don't know) or a choice's number; at any question\n"
		"type ? (help), waarom (why), terug (back) or stop. Reads the answers line\n"
		"by line from stdin when it is not a terminal. Exit status: the verdict.\n\n"
		"options:\n"
		"  --save FILE       write the case file of the interview (mode 0600), so\n"
		"                    that 'opname decide FILE' decides it again\n"
		"  --force           with --save: replace an existing file\n",
	.exec = ask,
};
