/* text_int.h - what the files of the text module share. */
#ifndef NP_TEXT_INT_H
#define NP_TEXT_INT_H

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "text/text.h"

struct np_hyph_dicts;
struct np_para_memo;
struct np_hyph_width;

struct np_text_ctx {
	FcConfig *fc;
	PangoFontMap *fontmap;
	PangoContext *pango;
	struct np_hyph_dicts *hyph;
	GHashTable *missing; /* gunichar -> 1: characters no bundled font has */
	GHashTable *families; /* family name -> 1 */
	char *fonts_dir, *hyphen_dir; /* to make another context like this one */
	GPtrArray *more_fonts;          /* folders added to fonts_dir (--fonts), likewise */
	char *except_dir;             /* the project's hyphenation exceptions */
	struct np_para_memo *memo;    /* the last paragraph measured (measure.c) */
	/* frees it: a pointer measure.c sets, so this file does not call that one
	 * (measure.c calls para.c, which calls back here through attrs.c) */
	void (*memo_free)(struct np_para_memo *m);
	GHashTable *hyph_cache;       /* words' hyphenation points (hyph_cache.c) */
	struct np_hyph_width *hyph_widths; /* a hyphen's width by the attributes at a text's
					    start (hyph_width.c) */
	size_t nhyph_widths;
};

/* Lets go of the hyphen widths measured (hyph_width.c). */
void np_hyph_widths_forget(struct np_text_ctx *t);

/* np_hyph_points through the context's cache of words. */
int np_hyph_points_cached(struct np_text_ctx *t, const char *language, const char *word,
			  size_t len, int left, int right, size_t *points, int max);

PangoFontDescription *np_text_font_desc(const struct np_style *s);

/* 1 when the language binds a one-letter word to the next with a no-break
 * space by convention (np_punctuate puts it there): a preference of style,
 * which a narrow column may break at a price (items.c), unlike the no-break
 * spaces of initials, units and dashes. */
int np_punct_binds_one_letter(const char *language);

/* Text with the language's quotes, dashes and no-break spaces (g_malloc'd);
 * *map (malloc'd, len + 1 entries) takes every old byte offset to the new. */
char *np_punctuate(const char *language, const char *text, size_t len, size_t **map,
		   size_t *out_len);

struct np_hyph_dicts *np_hyph_dicts_new(const char *dir, const char *except_dir);
/* One more owner of h (another thread's context); np_hyph_dicts_free lets
 * go of one, the last frees it. */
struct np_hyph_dicts *np_hyph_dicts_ref(struct np_hyph_dicts *h);
void np_hyph_dicts_free(struct np_hyph_dicts *h);
/* 1 when h reads its exception lists from except_dir (NULL: none). */
int np_hyph_dicts_same_lists(const struct np_hyph_dicts *h, const char *except_dir);
int np_hyph_points(struct np_hyph_dicts *h, const char *language, const char *word,
		   size_t len, int left, int right, size_t *points, int max);

#endif
