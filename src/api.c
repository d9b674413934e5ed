/* SPDX-License-Identifier: EUPL-1.2 */
/* The embedding API (include/opname.h): opaque handles over the core's
 * model, loader, case reader, engine and interview. It prints nothing and
 * never exits: out of memory, the core's allocator longjmps back here
 * (util_out_of_memory), and the call returns OPNAME_ENOMEM. What the failed
 * call had allocated by then is lost: a process out of memory has larger
 * worries than that leak. */
#include "opname.h"

#include <errno.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "opname/answer.h"
#include "opname/case.h"
#include "opname/engine.h"
#include "opname/interview.h"
#include "opname/output.h"
#include "opname/text-expr.h"
#include "opname/rules.h"
#include "opname/version.h"

struct opname_rules {
	struct ruleset *rs;
};

struct opname_case {
	const struct opname_rules *rules;
	struct arena *arena; /* the id and strings of a parsed case */
	struct case_file c;
};

struct opname_outcome {
	const struct ruleset *rs;
	struct outcome o;
	struct arena *texts; /* texts with their placeholders filled in, or NULL */
};

/* A text of the outcome with its dates and numbers (text-expr.h), kept
 * until the outcome is freed; the text itself when it has none. The kept
 * copies are a cache, not part of the outcome's value: hence the cast at
 * the callers, whose outcome is const. */
static const char *rendered(opname_outcome *o, const char *s, int lang)
{
	if (!s || (!strchr(s, '{') && !strchr(s, '}')))
		return s;
	struct strbuf sb = STRBUF_INIT;
	text_render(&sb, o->rs, s, &o->o, lang, false);
	if (!o->texts)
		o->texts = arena_new();
	const char *copy = arena_strndup(o->texts, sb.buf ? sb.buf : "", sb.len);
	sb_release(&sb);
	return copy;
}

struct opname_interview {
	struct interview iv;
};

struct opname_diags {
	char *file;
	struct diag d;
};

/* ---- out of memory: back to the API call, never exit ---- */

static _Thread_local jmp_buf *oom_return;

static void oom(void)
{
	if (oom_return)
		longjmp(*oom_return, 1);
	abort(); /* not inside an API call: a bug, not a shortage */
}

/* From GUARD to every return through DONE(r), an allocation failure
 * returns OPNAME_ENOMEM from the API function they are in. */
#define GUARD                                            \
	jmp_buf env_, *outer_ = oom_return;              \
	util_out_of_memory = oom;                        \
	if (setjmp(env_)) {                              \
		oom_return = outer_;                     \
		return OPNAME_ENOMEM;                    \
	}                                                \
	oom_return = &env_
#define DONE(r) (oom_return = outer_, (r))

static void *alloc_zero(size_t n)
{
	void *p = calloc(1, n);
	if (!p)
		oom();
	return p;
}

const char *opname_version(void)
{
	return opname_version_text;
}

/* ---- diagnostics ---- */

static opname_diags *diags_new(const char *file)
{
	opname_diags *d = alloc_zero(sizeof *d);
	d->file = xstrdup(file);
	diag_init(&d->d, d->file);
	return d;
}

/* Hand the diagnostics to the caller, or drop them. Each message is cut
 * at the end of its line, so that it reads as a string of its own. */
static void diags_give(opname_diags *d, opname_diags **out)
{
	if (!out) {
		opname_diags_free(d);
		return;
	}
	for (int i = 0; i < d->d.nentries; i++)
		d->d.text.buf[d->d.entries[i].at + d->d.entries[i].len] = '\0';
	*out = d;
}

size_t opname_diags_count(const opname_diags *d)
{
	return d ? (size_t)d->d.nentries : 0;
}

const char *opname_diag_file(const opname_diags *d, size_t i)
{
	(void)i;
	return d->file;
}

int opname_diag_line(const opname_diags *d, size_t i)
{
	return d->d.entries[i].line;
}

int opname_diag_column(const opname_diags *d, size_t i)
{
	return d->d.entries[i].col;
}

int opname_diag_is_warning(const opname_diags *d, size_t i)
{
	return d->d.entries[i].warning;
}

const char *opname_diag_message(const opname_diags *d, size_t i)
{
	return d->d.text.buf + d->d.entries[i].at;
}

void opname_diags_free(opname_diags *d)
{
	if (!d)
		return;
	diag_release(&d->d);
	free(d->file);
	free(d);
}

/* ---- rule files ---- */

static int rules_made(struct ruleset *rs, opname_diags *d, opname_rules **out,
		      opname_diags **diags)
{
	if (!rs) {
		diags_give(d, diags);
		return OPNAME_EINVAL;
	}
	opname_diags_free(d);
	*out = alloc_zero(sizeof **out);
	(*out)->rs = rs;
	return OPNAME_OK;
}

int opname_rules_parse(const char *buf, size_t len, const char *name,
		       opname_rules **out, opname_diags **diags)
{
	*out = NULL;
	if (diags)
		*diags = NULL;
	GUARD;
	opname_diags *d = diags_new(name);
	struct ruleset *rs = rules_load(buf, len, name, &d->d);
	return DONE(rules_made(rs, d, out, diags));
}

int opname_rules_load(const char *path, opname_rules **out, opname_diags **diags)
{
	*out = NULL;
	if (diags)
		*diags = NULL;
	GUARD;
	opname_diags *d = diags_new(path);
	struct ruleset *rs = rules_load_file(path, &d->d);
	if (!rs && d->d.count == 0) { /* not read: errno says why */
		int e = errno;
		opname_diags_free(d);
		errno = e;
		return DONE(OPNAME_EIO);
	}
	return DONE(rules_made(rs, d, out, diags));
}

void opname_rules_free(opname_rules *r)
{
	if (!r)
		return;
	rules_free(r->rs);
	free(r);
}

const char *opname_rules_name(const opname_rules *r) { return r->rs->name; }
const char *opname_rules_version(const opname_rules *r) { return r->rs->version; }
const char *opname_rules_sha256(const opname_rules *r) { return r->rs->sha256; }

int opname_rules_language(const opname_rules *r, const char *code)
{
	return ruleset_lang(r->rs, code);
}

size_t opname_rules_fact_count(const opname_rules *r)
{
	return (size_t)r->rs->nquestions;
}

const char *opname_rules_fact_id(const opname_rules *r, size_t i)
{
	return i < (size_t)r->rs->nquestions ? r->rs->questions[i].id : NULL;
}

/* ---- cases ---- */

static opname_case *case_new(const opname_rules *r)
{
	opname_case *c = alloc_zero(sizeof *c);
	c->rules = r;
	c->arena = arena_new();
	case_init(r->rs, &c->c);
	return c;
}

int opname_case_new(const opname_rules *r, opname_case **out)
{
	*out = NULL;
	GUARD;
	*out = case_new(r);
	return DONE(OPNAME_OK);
}

int opname_case_parse(const opname_rules *r, const char *buf, size_t len,
		      const char *name, opname_case **out, opname_diags **diags)
{
	*out = NULL;
	if (diags)
		*diags = NULL;
	GUARD;
	opname_case *c = case_new(r);
	opname_diags *d = diags_new(name);
	if (case_read(r->rs, buf, len, c->arena, &c->c, &d->d) < 0) {
		opname_case_free(c);
		diags_give(d, diags);
		return DONE(OPNAME_EINVAL);
	}
	opname_diags_free(d);
	*out = c;
	return DONE(OPNAME_OK);
}

int opname_case_set(opname_case *c, const char *fact, const char *value,
		    opname_diags **diags)
{
	if (diags)
		*diags = NULL;
	GUARD;
	const struct ruleset *rs = c->rules->rs;
	struct strbuf msg = STRBUF_INIT;
	int f = ruleset_find_fact(rs, fact);
	fact_value v;
	if (f < 0)
		unknown_fact_message(rs, fact, &msg);
	else if (fact_value_parse(&rs->questions[f], value, &v) < 0)
		bad_value_message(&rs->questions[f], value, &msg);
	else
		c->c.facts[f] = v;
	if (!msg.len)
		return DONE(OPNAME_OK);
	opname_diags *d = diags_new("--set");
	diag_at(&d->d, 0, 0, "%s", msg.buf);
	sb_release(&msg);
	diags_give(d, diags);
	return DONE(OPNAME_EINVAL);
}

const char *opname_case_id(const opname_case *c)
{
	return c->c.id;
}

void opname_case_free(opname_case *c)
{
	if (!c)
		return;
	arena_free(c->arena);
	free(c);
}

/* ---- deciding ---- */

static int outcome_of(const struct ruleset *rs, const fact_value *facts,
		      const struct outcome *decided, opname_outcome **out)
{
	*out = NULL;
	GUARD;
	opname_outcome *o = alloc_zero(sizeof *o);
	o->rs = rs;
	if (decided)
		o->o = *decided;
	else
		engine_decide(rs, facts, &o->o, NULL);
	*out = o;
	return DONE(OPNAME_OK);
}

int opname_decide(const opname_rules *r, const opname_case *c, opname_outcome **out)
{
	return outcome_of(r->rs, c->c.facts, NULL, out);
}

enum opname_verdict opname_outcome_verdict(const opname_outcome *o)
{
	/* The defaults keep their numbers; a file's own outcomes are told
	 * apart by id (opname_outcome_verdict_id). */
	if (o->o.verdict == VERDICT_INCOMPLETE)
		return OPNAME_INCOMPLETE;
	return (enum opname_verdict)o->o.verdict;
}

const char *opname_outcome_verdict_id(const opname_outcome *o)
{
	return verdict_id(o->rs, o->o.verdict);
}

const char *opname_outcome_rule(const opname_outcome *o)
{
	return o->o.rule >= 0 ? o->rs->rules[o->o.rule].id : NULL;
}

const char *opname_outcome_reason(const opname_outcome *o, int lang)
{
	if (o->o.verdict == VERDICT_INCOMPLETE)
		return NULL;
	return rendered((opname_outcome *)o, outcome_reason(o->rs, &o->o, lang, UI_EN), lang);
}

size_t opname_outcome_count(const opname_outcome *o, enum opname_list list)
{
	switch (list) {
	case OPNAME_STEPS:
		return (size_t)o->o.nsteps;
	case OPNAME_REFS:
		return (size_t)o->o.nrefs;
	case OPNAME_FACTS_USED:
		return (size_t)o->o.nused;
	case OPNAME_MISSING:
		return o->o.missing >= 0;
	case OPNAME_UNKNOWN:
		return (size_t)o->o.nunknown;
	}
	return 0;
}

const char *opname_outcome_id(const opname_outcome *o, enum opname_list list, size_t i)
{
	if (i >= opname_outcome_count(o, list))
		return NULL;
	const struct ruleset *rs = o->rs;
	switch (list) {
	case OPNAME_STEPS:
		return rs->steps[o->o.steps[i]].id;
	case OPNAME_REFS:
		return rs->parts[o->o.refs[i]].id;
	case OPNAME_FACTS_USED:
		return rs->questions[o->o.used[i]].id;
	case OPNAME_MISSING:
		return rs->questions[o->o.missing].id;
	case OPNAME_UNKNOWN:
		return rs->questions[o->o.unknown[i]].id;
	}
	return NULL;
}

const char *opname_outcome_step_text(const opname_outcome *o, size_t i, int lang)
{
	if (i >= (size_t)o->o.nsteps)
		return NULL;
	return rendered((opname_outcome *)o, text_get(&o->rs->steps[o->o.steps[i]].text, lang), lang);
}

int opname_outcome_json(const opname_outcome *o, const char *id, int lang, char **json)
{
	*json = NULL;
	GUARD;
	int l = lang >= 0 && lang < o->rs->nlangs ? lang : 0;
	struct strbuf sb = STRBUF_INIT;
	struct json j;
	json_init(&j, &sb);
	json_object(&j, JSON_INLINE);
	outcome_json(&j, o->rs, id ? id : "-", &o->o, l, ui_lang_of(o->rs->langs[l]));
	json_end(&j);
	*json = sb.buf;
	return DONE(OPNAME_OK);
}

void opname_outcome_free(opname_outcome *o)
{
	if (o && o->texts)
		arena_free(o->texts);
	free(o);
}

/* ---- the interview ---- */

int opname_interview_new(const opname_rules *r, opname_interview **out)
{
	*out = NULL;
	GUARD;
	opname_interview *iv = alloc_zero(sizeof *iv);
	interview_start(&iv->iv, r->rs);
	*out = iv;
	return DONE(OPNAME_OK);
}

const char *opname_interview_question(const opname_interview *iv)
{
	int f = interview_next(&iv->iv);
	return f >= 0 ? iv->iv.rs->questions[f].id : NULL;
}

const char *opname_interview_text(const opname_interview *iv, int lang)
{
	int f = interview_next(&iv->iv);
	return f >= 0 ? text_get(&iv->iv.rs->questions[f].text, lang) : NULL;
}

int opname_interview_answer(opname_interview *iv, const char *typed)
{
	int f = interview_next(&iv->iv);
	if (f < 0)
		return OPNAME_EINVAL;
	struct answer a;
	if (answer_parse(&iv->iv.rs->questions[f], typed, strlen(typed), &a) != ANSWER_VALUE)
		return OPNAME_EINVAL;
	return interview_answer(&iv->iv, a.value) < 0 ? OPNAME_EINVAL : OPNAME_OK;
}

int opname_interview_back(opname_interview *iv)
{
	return interview_back(&iv->iv) < 0 ? OPNAME_EINVAL : OPNAME_OK;
}

int opname_interview_outcome(const opname_interview *iv, opname_outcome **out)
{
	return outcome_of(iv->iv.rs, NULL, interview_outcome(&iv->iv), out);
}

void opname_interview_free(opname_interview *iv)
{
	free(iv);
}
