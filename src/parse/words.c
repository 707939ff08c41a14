/* words.c - overrides of the furniture's words per language (flow/words.c
 * holds the bundled table), as an issue's `words` or a layout's
 * `jumps.words` give them:
 *   de: {on: "Weiter auf Seite {page}", from: "...", page: "Seite",
 *        months: [Januar, ...]}
 */
#include "parse/pint.h"

#include <stdlib.h>
#include <string.h>

static void one(struct np_pctx *c, const struct np_yt_node *m, struct np_words *w)
{
	static const char *const keys[] = {"on", "from", "page", "months", NULL};
	if (np_ps_expect(c, m, NP_YT_MAP) || np_ps_keys(c, m, w->language, keys))
		return;
	struct {
		const char *key;
		char **to;
	} texts[] = {{"on", &w->on}, {"from", &w->from}, {"page", &w->page}};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		const struct np_yt_node *v = np_ps_get(m, texts[i].key);
		if (v)
			np_ps_text(c, v, texts[i].key, texts[i].to);
	}
	const struct np_yt_node *v = np_ps_get(m, "months");
	if (!v || np_ps_expect(c, v, NP_YT_SEQ))
		return;
	if (v->nitems != 12) {
		np_ps_error(c, &v->mark, "'months' must list 12 names, found %zu", v->nitems);
		return;
	}
	for (size_t i = 0; i < 12; i++)
		np_ps_text(c, v->items[i], "months", &w->months[i]);
}

void np_ps_words(struct np_pctx *c, const struct np_yt_node *v, struct np_words *w, int *n)
{
	if (np_ps_expect(c, v, NP_YT_MAP))
		return;
	for (size_t i = 0; i < v->npairs; i++) {
		const struct np_yt_node *k = v->pairs[i].key;
		if (*n == NP_MAX_WORD_LANGUAGES) {
			np_ps_error(c, &k->mark, "'words' has more than %d languages",
				    NP_MAX_WORD_LANGUAGES);
			return;
		}
		if (!np_ps_valid_language(k->str) || k->len >= sizeof w->language) {
			np_ps_error(c, &k->mark, "expected a BCP 47 tag such as en, de-CH or sr-Latn, "
				    "found '%s'", k->str);
			continue;
		}
		struct np_words *e = &w[(*n)++];
		memcpy(e->language, k->str, k->len + 1);
		one(c, v->pairs[i].value, e);
	}
}
