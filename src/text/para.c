/* para.c - shape a paragraph once and turn it into box/glue/penalty items.
 *
 * The paragraph is laid out by Pango at unlimited width (one line); per-byte
 * prefix sums of the characters' advances give the width of any range. Words
 * are boxes, spaces glue (stretching to twice their width, shrinking by a quarter),
 * break chances inside words (after a hyphen or dash, hyphenation
 * points) penalties. Hyphenation points are kept only at cluster starts, so a
 * line never has to be cut inside a ligature.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/para_int.h"

/* Uppercase the lead (or the whole text) as the style asks. Uppercasing may
 * change a character's length (U+0149 "ŉ", 2 bytes, is "ʼN", 3; "ß" is
 * "SS"), so it goes a character at a time and p->map records where each byte
 * of the spec's text went: the inline runs are mapped through it, and bold
 * stays on the letters it was given to. */
static void apply_transform(struct np_para *p, const struct np_para_spec *spec)
{
	const struct np_style *ls = spec->lead_style;
	size_t lead = spec->lead_len;
	int up_lead = lead && ls && ls->transform == NP_TRANSFORM_UPPERCASE;
	int up_all = spec->style->transform == NP_TRANSFORM_UPPERCASE && !lead;
	size_t upto = up_lead ? lead : up_all ? spec->len : 0;
	p->map = NULL;
	if (!upto) {
		p->text = g_strndup(spec->text, spec->len);
		p->len = spec->len;
		p->lead_len = lead;
		return;
	}
	GString *out = g_string_sized_new(spec->len + 16);
	size_t *map = g_new(size_t, spec->len + 1), i = 0;
	while (i < upto) {
		const char *c = spec->text + i;
		size_t k = (size_t)(g_utf8_next_char(c) - c);
		char *u = g_utf8_strup(c, (gssize)k);
		for (size_t j = 0; j < k && i + j <= spec->len; j++)
			map[i + j] = out->len;
		g_string_append(out, u);
		g_free(u);
		i += k;
	}
	size_t up_len = out->len;
	for (i = upto; i <= spec->len; i++)
		map[i] = up_len + (i - upto);
	g_string_append_len(out, spec->text + upto, (gssize)(spec->len - upto));
	p->lead_len = up_lead ? up_len : 0;
	p->len = out->len;
	p->text = g_string_free(out, FALSE);
	p->map = map;
}

static int measure(struct np_para *p)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(p->layout, 0);
	p->pre = calloc(p->len + 1, sizeof *p->pre);
	p->cluster = calloc(p->len + 1, 1);
	if (!p->pre || !p->cluster)
		return -1;
	for (GSList *l = line ? line->runs : NULL; l; l = l->next) {
		PangoGlyphItem *run = l->data;
		PangoItem *it = run->item;
		int *lw = g_new0(int, it->num_chars);
		pango_glyph_item_get_logical_widths(run, p->text, lw);
		const char *c = p->text + it->offset;
		for (int i = 0; i < it->num_chars; i++) {
			p->pre[c - p->text + 1] = lw[i]; /* per char for now, summed below */
			c = g_utf8_next_char(c);
		}
		g_free(lw);
		for (int g = 0; g < run->glyphs->num_glyphs; g++) {
			PangoGlyphInfo *gi = &run->glyphs->glyphs[g];
			size_t at = (size_t)(it->offset + run->glyphs->log_clusters[g]);
			p->cluster[at] = 1;
			if (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
				gunichar ch = gi->glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
				if (!g_unichar_iszerowidth(ch) && !g_unichar_iscntrl(ch))
					g_hash_table_add(p->t->missing, GUINT_TO_POINTER(ch));
			}
		}
	}
	/* pre[b + charlen] held the char's width; make it a prefix sum over bytes */
	int64_t sum = 0;
	for (size_t b = 0; b <= p->len; b++) {
		sum += p->pre[b];
		p->pre[b] = sum;
	}
	p->cluster[p->len] = 1;
	return 0;
}

/* The spec with its text punctuated as its language sets it: `out` borrows
 * everything but the text and runs, which the caller frees. */
static int punctuated(const struct np_para_spec *spec, struct np_para_spec *out)
{
	*out = *spec;
	size_t *map = NULL, len = 0;
	char *text = np_punctuate(spec->language, spec->text, spec->len, &map, &len);
	struct np_run *runs = calloc(spec->nruns + 1, sizeof *runs);
	if (!text || !runs) {
		g_free(text);
		free(map);
		free(runs);
		return -1;
	}
	for (size_t i = 0; i < spec->nruns; i++)
		runs[i] = (struct np_run){map[spec->runs[i].start], map[spec->runs[i].end],
					  spec->runs[i].flags};
	out->text = text;
	out->len = len;
	out->runs = runs;
	out->lead_len = map[spec->lead_len];
	free(map);
	return 0;
}

static void make_layout(struct np_para *p)
{
	p->layout = pango_layout_new(p->t->pango);
	pango_layout_set_single_paragraph_mode(p->layout, TRUE);
	pango_layout_set_text(p->layout, p->text, (int)p->len);
	pango_layout_set_attributes(p->layout, p->attrs);
}

/* The shaped runs, made again when lines are cut: between a paragraph's
 * breaking and its drawing only its items are kept, so a long article does
 * not hold every paragraph's glyphs at once. */
int np_para_glyphs(struct np_para *p)
{
	if (p->layout)
		return 0;
	make_layout(p);
	return pango_layout_get_line_readonly(p->layout, 0) || p->len == 0 ? 0 : -1;
}

void np_para_drop_glyphs(struct np_para *p)
{
	if (p && p->layout) {
		g_object_unref(p->layout);
		p->layout = NULL;
	}
}

/* keep: the layout and the widths stay, for np_para_items_again; layout: the
 * layout stays, for cutting lines (np_para_new_drawn). */
static struct np_para *make(struct np_text_ctx *t, const struct np_para_spec *given, int keep,
			    int layout)
{
	struct np_para_spec ps, *spec = &ps;
	if (punctuated(given, &ps) < 0)
		return NULL;
	struct np_para *p = calloc(1, sizeof *p);
	if (!p) {
		g_free((char *)ps.text);
		free((void *)ps.runs);
		return NULL;
	}
	p->t = t;
	p->keep = keep;
	p->style = spec->style;
	p->justify = spec->style->align == NP_ALIGN_JUSTIFY;
	p->letter_space = p->justify ? spec->letter_space : 0;
	p->letter_threshold = spec->letter_threshold;
	apply_transform(p, spec);
	p->attrs = np_para_attrs(p, spec);
	g_free(p->map); /* only the runs needed it */
	p->map = NULL;
	make_layout(p);
	int rc = measure(p) < 0 || np_para_items_build(p, spec) < 0 ? -1 : 0;
	if (!keep && !layout)
		np_para_drop_glyphs(p); /* the breaker needs only the items */
	if (rc == 0 && keep) {
		p->natural = p->pre[p->len];
	} else if (rc == 0) { /* 5 bytes a byte of text, of no use once the items stand */
		p->natural = p->pre[p->len];
		free(p->pre);
		free(p->cluster);
		p->pre = NULL;
		p->cluster = NULL;
		/* kept for the whole story: no room to grow into */
		struct np_bitem *fit = p->nitems ? realloc(p->items, p->nitems * sizeof *fit) : NULL;
		if (fit) {
			p->items = fit;
			p->cap = p->nitems;
		}
	}
	g_free((char *)ps.text);
	free((void *)ps.runs);
	if (rc < 0) {
		np_para_free(p);
		return NULL;
	}
	return p;
}

struct np_para *np_para_new(struct np_text_ctx *t, const struct np_para_spec *spec)
{
	return make(t, spec, 0, 0);
}

struct np_para *np_para_new_drawn(struct np_text_ctx *t, const struct np_para_spec *spec)
{
	return make(t, spec, 0, 1);
}

struct np_para *np_para_new_kept(struct np_text_ctx *t, const struct np_para_spec *spec)
{
	return make(t, spec, 1, 1);
}

int np_para_items_again(struct np_para *p, const struct np_para_spec *spec)
{
	if (!p->pre || !p->layout)
		return -1;
	p->nitems = 0;
	p->widest = 0;
	p->nword_w = 0;
	return np_para_items_build(p, spec);
}

void np_para_free(struct np_para *p)
{
	if (!p)
		return;
	if (p->layout)
		g_object_unref(p->layout);
	if (p->attrs)
		pango_attr_list_unref(p->attrs);
	g_free(p->text);
	free(p->pre);
	free(p->cluster);
	free(p->items);
	free(p->word_w);
	free(p);
}

const struct np_bitem *np_para_items(const struct np_para *p, size_t *n)
{
	*n = p->nitems;
	return p->items;
}

int64_t np_para_natural(const struct np_para *p)
{
	return p->natural + p->indent;
}
