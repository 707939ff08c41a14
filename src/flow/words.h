/* words.h - the words page furniture sets in a story's or an edition's
 * language: jump lines and dates. */
#ifndef NP_FLOW_WORDS_H
#define NP_FLOW_WORDS_H

#include <stddef.h>

#include "model/model.h"

/* The overrides in force: an edition's first, then its layout's (either may
 * be NULL). */
struct np_word_sources {
	const struct np_words *issue;
	int nissue;
	const struct np_words *layout;
	int nlayout;
};

/* "Continued on page A5" (to != 0) or "Continued from page A1" in language. */
void np_words_jump(const struct np_word_sources *ws, const char *language, int to,
		   const char *label, char *out, size_t n);
/* "15 October 2024", "15 октября 2024", "15. Oktober 2024" from an ISO date;
 * "" when there is none. */
void np_words_date(const struct np_word_sources *ws, const char *language, const char *iso,
		   char *out, size_t n);
/* "Page", "Стр.", "Seite": before a page's label in a running head. */
const char *np_words_page(const struct np_word_sources *ws, const char *language);

#endif
