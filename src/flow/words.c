/* words.c - the bundled table of furniture words for en, ru, uk, de and fr,
 * and the overrides an edition or a layout gives (model.h struct np_words).
 * A language is found by its tag ("de-CH"), then its primary subtag ("de");
 * one the table does not know is set in English. "{page}" in a jump text
 * stands for the page's label; a text without it gets the label after it. */
#include "flow/words.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

struct table_entry {
	const char *language;
	const char *on, *from, *page;
	const char *months[12];
	int day_dot; /* "15. Oktober 2024" */
};

/* U+00A0 after an abbreviation, so "стр." never ends a line apart from its
 * number. Russian and Ukrainian months in the genitive, as dates use them. */
static const struct table_entry table[] = {
	{"en", "Continued on page {page}", "Continued from page {page}", "Page",
	 {"January", "February", "March", "April", "May", "June", "July", "August", "September",
	  "October", "November", "December"}, 0},
	{"ru", "Продолжение на\u00A0стр.\u00A0{page}", "Начало на\u00A0стр.\u00A0{page}",
	 "Стр.",
	 {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
	  "октября", "ноября", "декабря"}, 0},
	{"uk", "Продовження на\u00A0стор.\u00A0{page}", "Початок на\u00A0стор.\u00A0{page}",
	 "Стор.",
	 {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
	  "вересня", "жовтня", "листопада", "грудня"}, 0},
	{"de", "Fortsetzung auf Seite {page}", "Fortsetzung von Seite {page}", "Seite",
	 {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
	  "Oktober", "November", "Dezember"}, 1},
	{"fr", "Suite en page {page}", "Suite de la page {page}", "Page",
	 {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
	  "octobre", "novembre", "décembre"}, 0},
};

#define NTABLE (sizeof table / sizeof *table)

/* Length of the primary subtag: "de" of "de-CH". */
static size_t primary(const char *tag)
{
	size_t n = 0;
	while (tag[n] && tag[n] != '-' && tag[n] != '_')
		n++;
	return n;
}

static int same_language(const char *a, const char *b, int exact)
{
	if (exact)
		return strcasecmp(a, b) == 0;
	size_t n = primary(a);
	return n == primary(b) && strncasecmp(a, b, n) == 0;
}

static const struct table_entry *entry(const char *language)
{
	for (int exact = 1; language && exact >= 0; exact--)
		for (size_t i = 0; i < NTABLE; i++)
			if (same_language(table[i].language, language, exact))
				return &table[i];
	return &table[0];
}

/* The override of one field for language: the edition's before the layout's,
 * an exact tag before its primary subtag. offset: of a char * in np_words. */
static const char *override(const struct np_word_sources *ws, const char *language,
			    size_t offset)
{
	if (!ws || !language)
		return NULL;
	const struct np_words *lists[2] = {ws->issue, ws->layout};
	int counts[2] = {ws->nissue, ws->nlayout};
	for (int exact = 1; exact >= 0; exact--)
		for (int l = 0; l < 2; l++)
			for (int i = 0; lists[l] && i < counts[l]; i++) {
				const char *v = *(char *const *)((const char *)&lists[l][i] + offset);
				if (v && same_language(lists[l][i].language, language, exact))
					return v;
			}
	return NULL;
}

void np_words_jump(const struct np_word_sources *ws, const char *language, int to,
		   const char *label, char *out, size_t n)
{
	const char *t = override(ws, language, to ? offsetof(struct np_words, on)
						  : offsetof(struct np_words, from));
	if (!t)
		t = to ? entry(language)->on : entry(language)->from;
	const char *at = strstr(t, "{page}");
	if (at)
		snprintf(out, n, "%.*s%s%s", (int)(at - t), t, label, at + 6);
	else
		snprintf(out, n, "%s %s", t, label);
}

void np_words_date(const struct np_word_sources *ws, const char *language, const char *iso,
		   char *out, size_t n)
{
	int y, m, d;
	out[0] = 0;
	if (!iso || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return;
	const struct table_entry *e = entry(language);
	const char *month = override(ws, language, offsetof(struct np_words, months) +
							   (size_t)(m - 1) * sizeof(char *));
	snprintf(out, n, "%d%s %s %d", d, e->day_dot ? "." : "", month ? month : e->months[m - 1],
		 y);
}

const char *np_words_page(const struct np_word_sources *ws, const char *language)
{
	const char *p = override(ws, language, offsetof(struct np_words, page));
	return p ? p : entry(language)->page;
}
