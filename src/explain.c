/* SPDX-License-Identifier: EUPL-1.2 */
/* --explain (see opname/output.h): every rule tried, and the value of each
 * part of its condition, in the chosen language as text, and as JSON that
 * keeps the nesting of all/any/not, the parts not evaluated, and the
 * conditions of the deciding rule's conditional steps. */
#include "opname/output.h"

static const char *tri_text(enum tri v, enum ui_lang ul)
{
	return ui(ul, (enum ui_msg)(MSG_TRI_FALSE + v));
}

static void explain_node(struct strbuf *sb, const struct ruleset *rs,
			 const struct trace *t, int node, int depth,
			 enum ui_lang ul)
{
	const struct cond *c = &rs->conds[node];
	sb_addf(sb, "%*s", 4 + 2 * depth, "");
	cond_text_in(sb, rs, node, ul);
	sb_addf(sb, ": %s\n", tri_text(t->node[node], ul));
	if (t->node[node] == TRI_NOT_EVALUATED && c->kind != COND_TEST)
		return;
	int kid = node + 1;
	for (int i = 0; i < c->nkids; i++, kid += rs->conds[kid].size)
		explain_node(sb, rs, t, kid, depth + 1, ul);
}

/* The rule that gave the verdict its steps: the deciding one. */
static bool gives_steps(const struct outcome *o, int r)
{
	return o->rule == r && !o->by_unknown && o->verdict != VERDICT_INCOMPLETE;
}

static void explain_steps(struct strbuf *sb, const struct ruleset *rs,
			  const struct rule *rule, const struct trace *t,
			  enum ui_lang ul)
{
	for (int i = 0; i < rule->nsteps; i++) {
		int when = rule->steps[i].when;
		if (when < 0)
			continue;
		sb_addf(sb, "  %s %s: %s\n", ui(ul, MSG_EXPLAIN_STEP),
			rs->steps[rule->steps[i].step].id, tri_text(t->node[when], ul));
		explain_node(sb, rs, t, when, 0, ul);
	}
}

void explain_text(struct strbuf *sb, const struct ruleset *rs,
		  const struct outcome *o, const struct trace *t,
		  enum ui_lang ul)
{
	for (int r = 0; r < t->tried; r++) {
		const struct rule *rule = &rs->rules[r];
		enum tri v = t->node[rule->when];
		const char *what = "";
		if (r == t->tried - 1) {
			if (o->verdict == VERDICT_INCOMPLETE && o->missing_rule == r)
				what = ui(ul, MSG_EXPLAIN_STOPPED);
			else if (o->by_unknown)
				what = ui(ul, MSG_EXPLAIN_UNKNOWN);
			else if (o->rule == r)
				what = ui(ul, MSG_EXPLAIN_DECIDES);
		}
		sb_addf(sb, "%s %s (%s): %s%s%s\n", ui(ul, MSG_EXPLAIN_RULE), rule->id,
			rs->declares_verdicts ? verdict_id(rs, rule->verdict) /* the file's own */
			: ui(ul, (enum ui_msg)(MSG_EXPLAIN_ALLOWED + rule->verdict)),
			tri_text(v, ul), *what ? " — " : "", what);
		explain_node(sb, rs, t, rule->when, 0, ul);
		if (gives_steps(o, r))
			explain_steps(sb, rs, rule, t, ul);
	}
}

static void node_json(struct json *j, const struct ruleset *rs,
		      const struct trace *t, int node)
{
	static const char *const kinds[] = { "always", "all", "any", "not", "test" };
	const struct cond *c = &rs->conds[node];
	json_object(j, JSON_INLINE);
	json_kstring(j, "kind", kinds[c->kind]);
	json_kstring(j, "value", tri_name(t->node[node]));
	if (c->kind == COND_TEST) {
		struct strbuf test = STRBUF_INIT;
		cond_text(&test, rs, node);
		json_kstring(j, "fact", rs->questions[c->fact].id);
		json_kstring(j, "test", test.buf);
		sb_release(&test);
	}
	if (c->kind != COND_TEST && c->kind != COND_TRUE) {
		json_key(j, "parts");
		json_array(j, JSON_INLINE);
		int kid = node + 1;
		for (int i = 0; i < c->nkids; i++, kid += rs->conds[kid].size)
			node_json(j, rs, t, kid);
		json_end(j);
	}
	json_end(j);
}

static void steps_json(struct json *j, const struct ruleset *rs,
		       const struct rule *rule, const struct trace *t)
{
	json_key(j, "steps");
	json_array(j, JSON_INLINE);
	for (int i = 0; i < rule->nsteps; i++) {
		if (rule->steps[i].when < 0)
			continue;
		json_object(j, JSON_INLINE);
		json_kstring(j, "step", rs->steps[rule->steps[i].step].id);
		json_key(j, "condition");
		node_json(j, rs, t, rule->steps[i].when);
		json_end(j);
	}
	json_end(j);
}

void explain_json(struct json *j, const struct ruleset *rs,
		  const struct outcome *o, const struct trace *t)
{
	json_array(j, JSON_INLINE);
	for (int r = 0; r < t->tried; r++) {
		const struct rule *rule = &rs->rules[r];
		json_object(j, JSON_INLINE);
		json_kstring(j, "rule", rule->id);
		json_kstring(j, "verdict", verdict_id(rs, rule->verdict));
		json_kstring(j, "value", tri_name(t->node[rule->when]));
		json_key(j, "condition");
		node_json(j, rs, t, rule->when);
		if (gives_steps(o, r))
			steps_json(j, rs, rule, t);
		json_end(j);
	}
	json_end(j);
}
