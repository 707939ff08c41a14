/* fake_text.c - the text layer the flow links against in tests/flow: fixed-
 * width glyphs instead of fonts, so a flow rule is tested without Pango,
 * fontconfig or the command line (neatroff tests its formatter the same way,
 * with a font whose glyphs are all one width).
 *
 * Every character (a UTF-8 sequence) of every style is FAKE_GLYPH pt wide; a
 * space is glue of FAKE_GLYPH pt that stretches by half and shrinks by a
 * fifth; a paragraph ends in the usual fill and forced break. No hyphenation,
 * no kerning. Lines come out as their text and widths; their glyphs are an
 * empty token (nothing here draws).
 *
 * The flow reaches the text layer through these thirteen functions of
 * text/text.h only (the seam: np_para_new, np_para_new_drawn, np_para_free,
 * np_para_items, np_para_natural, np_para_line, np_para_drop_glyphs,
 * np_line_glyphs_free, np_text_ctx_clone, np_text_ctx_free,
 * np_text_merge_missing, np_para_measure, np_para_line_info);
 * tests/cycles_check.py's graph shows it, and this file not linking would
 * show a new one. It counts the paragraphs alive (fake_paras_live, and the
 * most at once), so a test sees whether the flow lets them go.
 */
#include <stdlib.h>
#include <string.h>

#include "fake_text.h"
#include "model/model.h"
#include "text/text.h"

struct np_text_ctx {
	int clones;
	struct np_para *measured; /* np_para_measure's, until its next call */
};

size_t fake_paras_live, fake_paras_peak;

struct np_para {
	char *text;
	struct np_bitem *items;
	size_t n;
	int64_t natural;
	int32_t indent;
};

struct np_line_glyphs {
	int unused;
};

struct np_text_ctx *fake_text_ctx(void)
{
	return calloc(1, sizeof(struct np_text_ctx));
}

struct np_text_ctx *np_text_ctx_clone(const struct np_text_ctx *t, struct np_diags *d)
{
	(void)t;
	(void)d;
	return fake_text_ctx();
}

void np_text_ctx_free(struct np_text_ctx *t)
{
	if (t)
		np_para_free(t->measured);
	free(t);
}

void np_text_merge_missing(struct np_text_ctx *dst, const struct np_text_ctx *src)
{
	dst->clones += src ? 1 : 0;
}

static int push(struct np_para *p, size_t *cap, struct np_bitem it)
{
	if (p->n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		struct np_bitem *v = realloc(p->items, *cap * sizeof *v);
		if (!v)
			return -1;
		p->items = v;
	}
	p->items[p->n++] = it;
	return 0;
}

static int char_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

struct np_para *np_para_new(struct np_text_ctx *t, const struct np_para_spec *spec)
{
	(void)t;
	struct np_para *p = calloc(1, sizeof *p);
	if (!p || !(p->text = malloc(spec->len + 1))) {
		free(p);
		return NULL;
	}
	memcpy(p->text, spec->text, spec->len);
	p->text[spec->len] = 0;
	if (++fake_paras_live > fake_paras_peak)
		fake_paras_peak = fake_paras_live;
	size_t cap = 0;
	int32_t glyph = NP_UNITS(FAKE_GLYPH);
	p->indent = NP_UNITS(spec->indent);
	int rc = 0;
	if (p->indent > 0)
		rc = push(p, &cap, (struct np_bitem){.type = NP_BOX, .width = p->indent});
	for (size_t i = 0; rc == 0 && i < spec->len;) {
		if (spec->text[i] == ' ') {
			rc = push(p, &cap, (struct np_bitem){.type = NP_GLUE, .width = glyph,
							    .stretch = glyph / 2, .shrink = glyph / 5,
							    .pos = (uint32_t)i, .end = (uint32_t)i + 1});
			i++;
			continue;
		}
		size_t start = i;
		int32_t w = 0;
		while (i < spec->len && spec->text[i] != ' ') {
			i += (size_t)char_len((unsigned char)spec->text[i]);
			w += glyph;
		}
		rc = push(p, &cap, (struct np_bitem){.type = NP_BOX, .width = w, .pos = (uint32_t)start,
						    .end = (uint32_t)(i < spec->len ? i : spec->len)});
	}
	uint32_t end = (uint32_t)spec->len;
	if (rc == 0)
		rc = push(p, &cap, (struct np_bitem){.type = NP_GLUE, .stretch = NP_UNITS(10000),
						    .pos = end, .end = end});
	if (rc == 0)
		rc = push(p, &cap, (struct np_bitem){.type = NP_PENALTY, .penalty = -NP_INF_PENALTY,
						    .pos = end, .end = end});
	for (size_t i = 0; i < p->n; i++)
		if (p->items[i].type != NP_PENALTY)
			p->natural += p->items[i].width;
	if (rc < 0) {
		np_para_free(p);
		return NULL;
	}
	return p;
}

void np_para_free(struct np_para *p)
{
	if (!p)
		return;
	fake_paras_live--;
	free(p->text);
	free(p->items);
	free(p);
}

int np_para_glyphs(struct np_para *p)
{
	(void)p;
	return 0;
}

void np_para_drop_glyphs(struct np_para *p)
{
	(void)p;
}

const struct np_bitem *np_para_items(const struct np_para *p, size_t *n)
{
	*n = p->n;
	return p->items;
}

int64_t np_para_natural(const struct np_para *p)
{
	return p->natural;
}

struct np_line_glyphs *np_para_line(struct np_para *p, const size_t *breaks, size_t k,
				    int32_t width, int justify, struct np_line_info *info)
{
	size_t from = k ? breaks[k - 1] + 1 : 0, to = breaks[k];
	/* what a line starts with after a break: no glue, no penalty */
	while (from < to && p->items[from].type != NP_BOX)
		from++;
	int64_t natural = 0, stretch = 0, shrink = 0;
	size_t last_box = from, text_from = SIZE_MAX;
	for (size_t i = from; i < to; i++) {
		const struct np_bitem *it = &p->items[i];
		if (it->type == NP_PENALTY)
			continue;
		natural += it->width;
		stretch += it->type == NP_GLUE ? it->stretch : 0;
		shrink += it->type == NP_GLUE ? it->shrink : 0;
		if (it->type == NP_BOX) {
			last_box = i;
			if (text_from == SIZE_MAX && !(k == 0 && i == 0 && p->indent > 0))
				text_from = it->pos;
		}
	}
	/* trailing glue (the fill of the last line) is not part of the line */
	for (size_t i = to; i > last_box + 1; i--) {
		const struct np_bitem *it = &p->items[i - 1];
		if (it->type == NP_GLUE) {
			natural -= it->width;
			stretch -= it->stretch;
			shrink -= it->shrink;
		}
	}
	int last = to + 1 >= p->n;
	memset(info, 0, sizeof *info);
	size_t a = text_from == SIZE_MAX ? 0 : text_from;
	size_t b = text_from == SIZE_MAX ? 0 : p->items[last_box].end;
	info->text = malloc(b - a + 1);
	struct np_line_glyphs *g = malloc(sizeof *g);
	if (!info->text || !g) {
		free(info->text);
		free(g);
		info->text = NULL;
		return NULL;
	}
	memcpy(info->text, p->text + a, b - a);
	info->text[b - a] = 0;
	info->natural = (int32_t)natural;
	info->indent = k == 0 ? p->indent : 0;
	if (justify && (!last || natural > width)) {
		int64_t room = width - natural;
		int64_t give = room >= 0 ? stretch : shrink;
		info->ratio = give > 0 ? (double)room / (double)give : 0;
		info->justified = 1;
	}
	return g;
}

void np_line_glyphs_free(struct np_line_glyphs *g)
{
	free(g);
}

const struct np_para *np_para_measure(struct np_text_ctx *t, const struct np_para_spec *spec)
{
	np_para_free(t->measured);
	t->measured = np_para_new(t, spec);
	return t->measured;
}

int np_para_line_info(const struct np_para *p, const size_t *breaks, size_t k, int32_t width,
		      int justify, struct np_line_info *info)
{
	struct np_line_glyphs *g = np_para_line((struct np_para *)p, breaks, k, width, justify, info);
	np_line_glyphs_free(g);
	return g ? 0 : -1;
}

struct np_para *np_para_new_drawn(struct np_text_ctx *t, const struct np_para_spec *spec)
{
	return np_para_new(t, spec);
}

int fake_failures;

void fake_layout(struct np_layout *l)
{
	np_layout_init_defaults(l);
	l->page_width = 300;
	l->page_height = 400;
	l->margin_top = l->margin_bottom = l->margin_left = l->margin_right = 20;
	l->columns = 2;
	l->gutter = 10;
	l->grid = 10;
	l->min_measure = 20;
	l->headline_min_size = 0; /* no fitting: the headline is one short line */
	l->headline_rule = 0;
	l->letter_space_max = 0;
	for (int i = 0; i < NP_ST_COUNT; i++) {
		l->styles[i].size = 10;
		l->styles[i].leading = 10;
		l->styles[i].indent = 0;
	}
}

struct np_article *fake_long_article(size_t paras, size_t words)
{
	struct np_article *a = calloc(1, sizeof *a);
	a->id = strdup("long");
	a->headline = strdup("Head");
	a->blocks = calloc(paras, sizeof *a->blocks);
	a->nblocks = paras;
	for (size_t b = 0; b < paras; b++) {
		struct np_text *t = &a->blocks[b].text;
		a->blocks[b].kind = NP_BLOCK_PARAGRAPH;
		t->len = words * 5 - 1;
		t->text = malloc(t->len + 1);
		for (size_t i = 0; i < t->len; i++)
			t->text[i] = i % 5 == 4 ? ' ' : 'a';
		t->text[t->len] = 0;
	}
	return a;
}
