/* SPDX-License-Identifier: EUPL-1.2 */
/* The tool's own words in Dutch and English. The policy's words (questions,
 * reasons, steps) come from the rule file; these are only the frame. */
#include <string.h>

#include "opname/output.h"

static const char *const msgs[MSG__COUNT][2] = {
	[MSG_VERDICT_ALLOWED] = { "TOEGESTAAN", "ALLOWED" },
	[MSG_VERDICT_NOT_ALLOWED] = { "NIET TOEGESTAAN", "NOT ALLOWED" },
	[MSG_VERDICT_CONSULT] = { "OVERLEG NODIG", "CONSULT FIRST" },
	[MSG_VERDICT_INCOMPLETE] = { "ONVOLLEDIG", "INCOMPLETE" },
	[MSG_WHY] = { "Waarom", "Why" },
	[MSG_RULE] = { "regel", "rule" },
	[MSG_SOURCE] = { "bron", "source" }, /* unless the file has a source_label */
	[MSG_NEXT_STEPS] = { "Wat nu", "Next steps" },
	[MSG_NO_STEPS] = { "(geen)", "(none)" },
	[MSG_NEXT_STEPS_IF] = { "Als het geldt", "If it applies" },
	[MSG_UNKNOWN_FACTS] = { "Niet bekend", "Not known" },
	[MSG_MISSING_FACT] = { "Nog niet beantwoord", "Not yet answered" },
	[MSG_INCOMPLETE_REASON] = {
		"Er zijn niet genoeg antwoorden om te beslissen.",
		"There are not enough answers to decide.",
	},
	[MSG_NO_RULE_REASON] = {
		"Geen enkele regel is van toepassing; het regelbestand is onvolledig.",
		"No rule applies; the rule file is incomplete.",
	},
	[MSG_EXPLAIN_RULE] = { "regel", "rule" },
	[MSG_EXPLAIN_DECIDES] = { "beslist", "decides" },
	[MSG_EXPLAIN_UNKNOWN] = { "onbekend: overleg", "unknown: consult" },
	[MSG_EXPLAIN_STOPPED] = { "gestopt: antwoord ontbreekt", "stopped: answer missing" },
	[MSG_TRI_FALSE] = { "onwaar", "false" },
	[MSG_TRI_TRUE] = { "waar", "true" },
	[MSG_TRI_UNKNOWN] = { "onbekend", "unknown" },
	[MSG_TRI_NOT_EVALUATED] = { "niet nagegaan", "not evaluated" },
	[MSG_COND_ALWAYS] = { "altijd", "always" },
	[MSG_COND_ALL] = { "alle", "all of" },
	[MSG_COND_ANY] = { "een of meer", "any of" },
	[MSG_COND_NOT] = { "niet", "not" },
	[MSG_EXPLAIN_ALLOWED] = { "toegestaan", "allowed" },
	[MSG_EXPLAIN_NOT_ALLOWED] = { "niet toegestaan", "not_allowed" },
	[MSG_EXPLAIN_CONSULT] = { "overleg nodig", "consult" },
	[MSG_EXPLAIN_INCOMPLETE] = { "onvolledig", "incomplete" },
	[MSG_EXPLAIN_STEP] = { "stap", "step" },
};

enum ui_lang ui_lang_of(const char *code)
{
	/* The tool's own words are Dutch and English; any other language of a
	 * rule file gets the English ones. */
	return !code || !strcmp(code, "nl") ? UI_NL : UI_EN;
}

const char *ui(enum ui_lang l, enum ui_msg m)
{
	return msgs[m][l];
}
