/* para_int.h - the shaped paragraph, shared by para.c, attrs.c, items.c, line.c. */
#ifndef NP_PARA_INT_H
#define NP_PARA_INT_H

#include "text/text_int.h"

struct np_para {
	struct np_text_ctx *t;
	const struct np_style *style;
	int justify;
	char *text;     /* after transforms (g_malloc'd) */
	size_t len;
	size_t lead_len; /* bytes of the run-in lead in text */
	size_t *map;    /* map[b]: where byte b of the spec's text is in text after an
			   uppercase transform (g_malloc'd; NULL: the same), until
			   the attributes are made */
	PangoLayout *layout; /* NULL between breaking and cutting lines */
	PangoAttrList *attrs;
	int64_t *pre;   /* pre[b]: width of text[0..b) at char boundaries, Pango units
			   (64 bits: a 1 MiB paragraph runs past 2^31 units, 2.1
			   million pt); freed with cluster once the items are built */
	uint8_t *cluster; /* cluster[b]: a glyph cluster starts at byte b */
	int64_t natural; /* width of the whole text, Pango units */
	int64_t widest;  /* of its words, Pango units: max_box above it changes nothing */
	int keep;        /* measure.c's: layout and widths kept, and each word's width */
	int64_t *word_w;
	size_t nword_w, capword_w;
	int32_t indent; /* first-line indent, Pango units */
	double letter_space; /* fraction of the boxes' width, as a last resort */
	double letter_threshold; /* the spaces' ratio before the letters move */
	struct np_bitem *items;
	size_t nitems, cap;
};

PangoAttrList *np_para_attrs(const struct np_para *p, const struct np_para_spec *spec);
int np_para_items_build(struct np_para *p, const struct np_para_spec *spec);
/* The width of a hyphen in the style the text starts with (hyph_width.c). */
int32_t np_para_hyphen_width(struct np_para *p);
/* measure.c's: a paragraph whose layout and widths stay, and its items made
 * again for a spec that differs only in what the items read (max_box). */
struct np_para *np_para_new_kept(struct np_text_ctx *t, const struct np_para_spec *spec);
int np_para_items_again(struct np_para *p, const struct np_para_spec *spec);

#endif
