/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview's words and layout (see ask.h). */
#include <string.h>

#include "ask.h"
#include "opname/glossary.h"

static const char *const words[AW__COUNT][2] = {
	[AW_INTRO] = {
		"Beantwoord de vragen hieronder. Typ ? voor uitleg, waarom om te zien "
		"waarom een vraag nodig is, terug om het vorige antwoord te wijzigen, "
		"of stop om te stoppen.",
		"Answer the questions below. Type ? for help, why to see why a "
		"question is needed, back to change the previous answer, or stop to "
		"end.",
	},
	[AW_QUESTION] = { "Vraag", "Question" },
	[AW_BOOL_ANSWERS] = { "ja / nee / weet niet", "yes / no / don't know" },
	[AW_CHOOSE] = { "Kies", "Choose" },
	[AW_ENTER] = { "Enter =", "Enter =" },
	[AW_YES] = { "ja", "yes" },
	[AW_NO] = { "nee", "no" },
	[AW_UNKNOWN] = { "weet niet", "don't know" },
	[AW_NOT_UNDERSTOOD] = { "Dat antwoord begrijp ik niet: {2}.",
				"That is not an answer I understand: {2}." },
	[AW_NO_SUCH_CHOICE] = { "Dat nummer staat er niet bij: {2}.",
				"There is no choice with that number: {2}." },
	[AW_UNKNOWN_CHOICE] = {
		"Bij deze vraag kan het antwoord geen 'weet niet' zijn: kies wat het "
		"best past, of typ ? voor uitleg.",
		"This question has no 'don't know' answer: choose what fits best, or "
		"type ? for help.",
	},
	[AW_TOO_LONG] = { "Dat antwoord is te lang (meer dan {1} tekens).",
			  "That answer is too long (more than {1} bytes)." },
	[AW_ENCODING] = {
		"Dat antwoord bevat tekens die niet te lezen zijn (geen geldige UTF-8).",
		"That answer holds characters that cannot be read (not valid UTF-8).",
	},
	[AW_ANSWER_BOOL] = {
		"Antwoord met ja, nee of weet niet, of typ ? voor uitleg of stop om te "
		"stoppen.",
		"Answer yes, no or don't know, or type ? for help or stop to end.",
	},
	[AW_ANSWER_CHOICE] = {
		"Kies een nummer van 1 tot {1} of typ een keuze zoals die er staat, of "
		"typ ? voor uitleg of stop om te stoppen.",
		"Choose a number from 1 to {1} or type a choice as it is shown, or type "
		"? for help or stop to end.",
	},
	[AW_NO_HELP] = { "Bij deze vraag is geen verdere uitleg.",
			 "There is no further help for this question." },
	[AW_COMMANDS] = {
		"Typ ook: waarom (waarom deze vraag nodig is), begrippen (uitleg van "
		"woorden), terug (het vorige antwoord wijzigen) of stop (stoppen).",
		"You can also type: why (why this question is needed), terms (what "
		"words mean), back (change the previous answer) or stop (end).",
	},
	[AW_WHY] = { "Regel {1} heeft dit antwoord nodig ({2}).",
		     "Rule {1} needs this answer ({2})." },
	[AW_WHY_STEP] = {
		"Regel {1} geldt al ({2}). Dit antwoord bepaalt of deze stap erbij komt:",
		"Rule {1} holds already ({2}). This answer decides whether this step is added:",
	},
	[AW_WHY_NONE] = { "Geen regel heeft dit antwoord nodig.",
			  "No rule needs this answer." },
	[AW_WHY_SO_FAR] = { "Tot nu toe:", "So far:" },
	[AW_WHY_RULED_OUT] = { "Deze regels gelden niet:", "These rules do not hold:" },
	[AW_WHY_LEADS] = { "Wat elk antwoord betekent:", "What each answer leads to:" },
	[AW_WHY_NEXT] = { "volgende vraag:", "next question:" },
	[AW_WHY_BY_UNKNOWN] = { ", niet te beslissen", ", cannot be decided" },
	[AW_WHY_WITH_STEP] = { "met deze stap", "with this step" },
	[AW_WHY_WITHOUT_STEP] = { "zonder deze stap", "without this step" },
	[AW_TERMS] = { "Begrippen:", "Terms:" },
	[AW_NO_TERMS] = { "Deze vraag gebruikt geen begrippen uit de woordenlijst.",
			  "This question uses no terms of the glossary." },
	[AW_BACK_FIRST] = {
		"Dit is de eerste vraag; er is geen vorig antwoord om te wijzigen.",
		"This is the first question; there is no previous answer to change.",
	},
	[AW_END_OF_INPUT] = {
		"De invoer is afgelopen voordat alle vragen waren beantwoord.",
		"The input ended before every question was answered.",
	},
	[AW_STOPPED] = { "Gestopt voordat alle vragen waren beantwoord.",
			 "Stopped before every question was answered." },
	[AW_ANSWERS] = { "Antwoorden", "Answers" },
	[AW_SAVED] = { "Opgeslagen in", "Saved to" },
	[AW_FROM] = {
		"Antwoorden overgenomen uit {2}: {1}. Typ terug om er een te wijzigen.",
		"Answers taken from {2}: {1}. Type back to change one.",
	},
};

const char *ask_word(enum ui_lang l, enum ask_word w)
{
	return words[w][l];
}

void ask_fill(struct strbuf *sb, enum ui_lang l, enum ask_word w,
	      const char *a, const char *b)
{
	const char *s = words[w][l], *p;
	while ((p = strchr(s, '{')) && (p[1] == '1' || p[1] == '2') && p[2] == '}') {
		sb_add(sb, s, (size_t)(p - s));
		sb_adds(sb, p[1] == '1' ? a : b);
		s = p + 3;
	}
	sb_adds(sb, s);
}

void ask_terms(struct strbuf *sb, const struct ruleset *rs, int f, int lang,
	       enum ui_lang ul, bool say_none)
{
	int terms[OPNAME_MAX_TERMS];
	int n = question_terms(rs, f, lang, terms);
	if (!n) {
		if (say_none)
			sb_addf(sb, "%s\n", ask_word(ul, AW_NO_TERMS));
		return;
	}
	sb_addf(sb, "%s\n", ask_word(ul, AW_TERMS));
	for (int i = 0; i < n; i++) {
		const struct term *t = &rs->terms[terms[i]];
		sb_addf(sb, "- %s: %s\n", text_get(&t->term, lang), text_get(&t->text, lang));
	}
}

void ask_value_word(struct strbuf *sb, const struct ruleset *rs, int fact,
		    fact_value v, int lang, enum ui_lang ul)
{
	const struct question *q = &rs->questions[fact];
	if (q->type == FACT_CHOICE && v >= 0 && v < q->nchoices)
		sb_adds(sb, text_get(&q->choices[v].text, lang));
	else
		sb_adds(sb, ask_word(ul, v == FV_TRUE ? AW_YES :
				     v == FV_FALSE ? AW_NO : AW_UNKNOWN));
}

/* The rule file's short word for an answer (a choice's 'label', a bool
 * question's 'labels'); without one, the answer with its question number. */
void ask_answer_label(struct strbuf *sb, const struct ruleset *rs, int fact,
		      fact_value v, int number, int lang, enum ui_lang ul)
{
	const struct question *q = &rs->questions[fact];
	const struct text *label = NULL;
	if (q->type == FACT_CHOICE && v >= 0 && v < q->nchoices)
		label = &q->choices[v].label;
	else if (q->type == FACT_BOOL)
		label = &q->labels[v == FV_UNKNOWN ? LABEL_UNKNOWN : v];
	if (label && label->s[0]) {
		sb_adds(sb, text_get(label, lang));
		return;
	}
	if (q->type == FACT_BOOL)
		sb_addf(sb, "%d: ", number);
	ask_value_word(sb, rs, fact, v, lang, ul);
}
