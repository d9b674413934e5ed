/* SPDX-License-Identifier: EUPL-1.2 */
/* The interview's words and layout (see ask.h). */
#include <string.h>

#include "ask.h"
#include "opname/glossary.h"
#include "opname/fact.h"

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
	[AW_DATE_ANSWERS] = { "een datum JJJJ-MM-DD / weet niet", "a date YYYY-MM-DD / don't know" },
	[AW_ANSWER_DATE] = {
		"Antwoord met een datum zoals 2024-03-31, of weet niet, of typ ? voor "
		"uitleg of stop om te stoppen.",
		"Answer with a date such as 2024-03-31, or don't know, or type ? for help "
		"or stop to end.",
	},
	[AW_SET_ANSWERS] = {
		"kies 1-{1}, meer mag: 1,3 / 0 = geen / weet niet",
		"choose 1-{1}, more is fine: 1,3 / 0 = none / don't know",
	},
	[AW_ANSWER_SET] = {
		"Typ de nummers of keuzes die passen, met een komma ertussen, zoals 1,3. "
		"Typ 0 als geen past, of weet niet. Typ ? voor uitleg of stop om te stoppen.",
		"Type the numbers or choices that fit, with a comma between them, such as "
		"1,3. Type 0 if none fits, or don't know. Type ? for help or stop to end.",
	},
	[AW_TWICE] = { "U noemt een keuze twee keer: {2}.",
		       "That names one choice twice: {2}." },
	[AW_NONE] = { "geen", "none" },
	[AW_FOR_EXAMPLE] = { "bijvoorbeeld", "for example" },
	[AW_NUMBER_ANSWERS] = { "een heel getal / weet niet", "a whole number / don't know" },
	[AW_ANSWER_NUMBER] = {
		"Antwoord met een heel getal van {1} tot {2}, of weet niet, of typ ? voor "
		"uitleg of stop om te stoppen.",
		"Answer with a whole number from {1} to {2}, or don't know, or type ? for "
		"help or stop to end.",
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
	const struct text *t = fact_value_text(q, v);
	if (fact_type_of(q)->multi && v >= 0) { /* its choices' words, or none */
		int n = 0;
		for (int i = 0; i < q->nchoices; i++) {
			if (!((uint32_t)v >> i & 1))
				continue;
			const struct text *w = q->choices[i].label.s[0] ? &q->choices[i].label
								     : &q->choices[i].text;
			sb_addf(sb, "%s%s", n++ ? ", " : "", text_get(w, lang));
		}
		if (!n)
			sb_adds(sb, ask_word(ul, AW_NONE));
	} else if (t) {
		sb_adds(sb, text_get(t, lang));
	} else if (!fact_type_of(q)->yes_no && v >= 0) { /* a number, and its unit */
		fact_value_put(sb, q, v);
		if (q->unit.s[0])
			sb_addf(sb, " %s", text_get(&q->unit, lang));
	} else
		sb_adds(sb, ask_word(ul, v == FV_TRUE ? AW_YES :
				     v == FV_FALSE ? AW_NO : AW_UNKNOWN));
}

/* The rule file's short word for an answer (a choice's 'label', a bool
 * question's 'labels'); without one, the answer with its question number. */
void ask_answer_label(struct strbuf *sb, const struct ruleset *rs, int fact,
		      fact_value v, int number, int lang, enum ui_lang ul)
{
	const struct question *q = &rs->questions[fact];
	const struct text *label = fact_value_label(q, v);
	if (label && label->s[0]) {
		sb_adds(sb, text_get(label, lang));
		return;
	}
	if (!fact_type_of(q)->listed) /* "ja" alone does not say to what */
		sb_addf(sb, "%d: ", number);
	ask_value_word(sb, rs, fact, v, lang, ul);
}
