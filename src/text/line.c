/* line.c - cut one line's glyphs out of the shaped paragraph and justify them.
 *
 * The glyph runs of the one-line layout are copied and split at the line's
 * byte range, rebased onto the line's own copy of its text (so a line outlives
 * nothing it points into), and the line's shortfall is spread over its space
 * glyphs in whole Pango units: a justified line ends exactly on its measure.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text/glyphs.h"
#include "text/para_int.h"

/* Where the line made of items (prev, b] starts and ends in the text. */
static void line_range(const struct np_para *p, const size_t *breaks, size_t k, size_t *sb,
		       size_t *eb, size_t *first)
{
	size_t start = k == 0 ? 0 : np_break_next_start(p->items, p->nitems, breaks[k - 1]);
	size_t b = breaks[k];
	*first = start;
	*sb = start < p->nitems ? p->items[start].pos : p->len;
	*eb = p->items[b].pos;
	if (*eb < *sb)
		*eb = *sb;
	while (*eb > *sb && g_unichar_isspace(g_utf8_get_char(g_utf8_prev_char(p->text + *eb))))
		*eb = (size_t)(g_utf8_prev_char(p->text + *eb) - p->text);
}

/* The first glyph whose cluster starts at or after byte `at` of the run
 * (before it, right to left): clusters run in order, ascending left to
 * right and descending right to left, so a line's glyphs are found by
 * bisection and cutting every line of a paragraph of one run stays linear. */
static int glyph_bound(const PangoGlyphString *g, int at, int rtl)
{
	int lo = 0, hi = g->num_glyphs;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		int c = g->log_clusters[mid];
		if (rtl ? c >= at : c < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Copy of run restricted to [sb, eb), or NULL when they do not meet: only the
 * glyphs of the range are looked at and copied. Line ends are cluster boundaries (break chances are only taken at
 * cluster starts). */
static PangoGlyphItem *cut_run(const struct np_para *p, PangoGlyphItem *run, size_t sb, size_t eb)
{
	size_t ro = (size_t)run->item->offset, re = ro + (size_t)run->item->length;
	if (re <= sb || ro >= eb)
		return NULL;
	size_t a = sb > ro ? sb : ro, b = eb < re ? eb : re;
	const PangoGlyphString *g = run->glyphs;
	int rtl = run->item->analysis.level & 1;
	int lo = glyph_bound(g, rtl ? (int)(b - ro) : (int)(a - ro), rtl);
	int hi = glyph_bound(g, rtl ? (int)(a - ro) : (int)(b - ro), rtl);
	int first = lo < hi ? lo : -1, n = hi - lo;
	PangoGlyphItem *c = g_slice_new0(PangoGlyphItem);
	c->item = pango_item_copy(run->item);
	c->item->offset = (int)a;
	c->item->length = (int)(b - a);
	c->item->num_chars = (int)g_utf8_strlen(p->text + a, (gssize)(b - a));
	c->glyphs = pango_glyph_string_new();
	pango_glyph_string_set_size(c->glyphs, n);
	if (n > 0) {
		memcpy(c->glyphs->glyphs, g->glyphs + first, (size_t)n * sizeof *g->glyphs);
		for (int i = 0; i < n; i++)
			c->glyphs->log_clusters[i] = g->log_clusters[first + i] - (int)(a - ro);
	}
	c->item->offset -= (int)sb;
	return c;
}

static int add_item(struct np_line_glyphs *g, PangoGlyphItem *gi)
{
	PangoGlyphItem **v = realloc(g->items, (g->nitems + 1) * sizeof *v);
	if (!v)
		return -1;
	g->items = v;
	g->items[g->nitems++] = gi;
	return 0;
}

/* A hyphen glyph in the font of the line's last run, appended as its own item. */
static int add_hyphen(struct np_line_glyphs *g)
{
	if (g->nitems == 0)
		return 0;
	PangoGlyphItem *last = g->items[g->nitems - 1];
	PangoGlyphItem *h = g_slice_new0(PangoGlyphItem);
	h->item = pango_item_new();
	h->item->offset = (int)g->len - 1;
	h->item->length = 1;
	h->item->num_chars = 1;
	h->item->analysis = last->item->analysis;
	h->item->analysis.extra_attrs = NULL;
	if (h->item->analysis.font)
		g_object_ref(h->item->analysis.font);
	h->glyphs = pango_glyph_string_new();
	pango_shape("-", 1, &h->item->analysis, h->glyphs);
	return add_item(g, h);
}

/* A space of the text: ordinary or no-break (U+00A0, U+202F, U+2007), which
 * the breaker counted as stretching and shrinking like the others. */
static int is_space_glyph(const struct np_line_glyphs *g, size_t i, int k)
{
	const char *c = g->text + g->items[i]->item->offset + g->items[i]->glyphs->log_clusters[k];
	gunichar u = g_utf8_get_char(c);
	return u == ' ' || u == 0x00A0 || u == 0x202F || u == 0x2007;
}

/* Spreads `extra` units over the glyphs chosen by `spaces` (space glyphs, or
 * every other glyph but the line's last), each in proportion to its advance
 * (as the breaker gives each space stretch and shrink in proportion to its
 * width, and every letter the same share of its own), in whole units: the
 * running total is rounded, so the sum is exact. Returns the advance the
 * chosen glyphs had. */
static int64_t spread(struct np_line_glyphs *g, int32_t extra, int spaces)
{
	int64_t total = 0;
	int lasti = -1, lastk = -1;
	for (size_t i = 0; i < g->nitems; i++)
		for (int k = 0; k < g->items[i]->glyphs->num_glyphs; k++)
			if (!spaces && !is_space_glyph(g, i, k)) {
				lasti = (int)i;
				lastk = k;
			}
	for (size_t i = 0; i < g->nitems; i++)
		for (int k = 0; k < g->items[i]->glyphs->num_glyphs; k++) {
			if (is_space_glyph(g, i, k) != spaces || ((int)i == lasti && k == lastk))
				continue; /* the last glyph's advance would only move the line's end */
			int32_t w = g->items[i]->glyphs->glyphs[k].geometry.width;
			total += w > 0 ? w : 0;
		}
	if (total <= 0 || extra == 0)
		return total;
	int64_t seen = 0, given = 0;
	for (size_t i = 0; i < g->nitems; i++) {
		PangoGlyphString *gs = g->items[i]->glyphs;
		for (int k = 0; k < gs->num_glyphs; k++) {
			int32_t w = gs->glyphs[k].geometry.width;
			if (is_space_glyph(g, i, k) != spaces || ((int)i == lasti && k == lastk) || w <= 0)
				continue;
			seen += w;
			int64_t upto = (int64_t)llround((double)extra * (double)seen / (double)total);
			gs->glyphs[k].geometry.width += (int32_t)(upto - given);
			given = upto;
		}
	}
	return total;
}

/* Justifies to `extra` more units: the spaces take their share (ratio r of
 * their stretch or shrink), letter-spacing the rest. Returns the letters'
 * change as a share of their width (0.02: 2% wider). */
static double justify(struct np_para *p, struct np_line_glyphs *g, size_t first, size_t b,
		      double r, int32_t extra)
{
	int64_t y = 0, z = 0;
	for (size_t i = first; i < b; i++)
		if (p->items[i].type == NP_GLUE) {
			y += p->items[i].stretch;
			z += p->items[i].shrink;
		}
	int32_t space = (int32_t)(r >= 0 ? r * (double)y : r * (double)z);
	if ((extra > 0 && space > extra) || (extra < 0 && space < extra) || y == 0)
		space = extra;
	/* the letters never pass their allowance (the breaker measured it over
	 * every letter, the line's last too, which takes no part): the spaces
	 * take what it leaves */
	int64_t letters = spread(g, 0, 0);
	double most = p->letter_space * (double)letters;
	int32_t rest = extra - space;
	if (rest > most)
		rest = (int32_t)floor(most);
	if (rest < -most)
		rest = (int32_t)-floor(most);
	if (spread(g, 0, 1) > 0)
		space = extra - rest;
	spread(g, space, 1);
	spread(g, extra - space, 0);
	return letters > 0 ? (double)(extra - space) / (double)letters : 0;
}

static char *line_text(const struct np_para *p, size_t sb, size_t eb, int hyphen, size_t *len)
{
	*len = eb - sb + (hyphen ? 1 : 0);
	char *s = malloc(*len + 1);
	if (!s)
		return NULL;
	memcpy(s, p->text + sb, eb - sb);
	if (hyphen)
		s[eb - sb] = '-';
	s[*len] = 0;
	return s;
}

struct np_line_glyphs *np_para_line(struct np_para *p, const size_t *breaks, size_t k,
				    int32_t width, int justify_on, struct np_line_info *info)
{
	size_t sb, eb, first, b = breaks[k];
	line_range(p, breaks, k, &sb, &eb, &first);
	const struct np_bitem *bi = &p->items[b];
	int add_hy = bi->type == NP_PENALTY && bi->flagged && !bi->explicit_hyphen && eb > sb;
	if (np_para_glyphs(p) < 0)
		return NULL;
	struct np_line_glyphs *g = calloc(1, sizeof *g);
	if (!g)
		return NULL;
	g->text = line_text(p, sb, eb, add_hy, &g->len);
	g->indent = k == 0 ? p->indent : 0;
	PangoLayoutLine *line = pango_layout_get_line_readonly(p->layout, 0);
	for (GSList *l = line ? line->runs : NULL; l && g->text; l = l->next) {
		PangoGlyphItem *c = cut_run(p, l->data, sb, eb);
		if (c && add_item(g, c) < 0)
			pango_glyph_item_free(c);
	}
	if (!g->text || (add_hy && add_hyphen(g) < 0)) {
		np_line_glyphs_free(g);
		return NULL;
	}
	int32_t natural = g->indent;
	for (size_t i = 0; i < g->nitems; i++)
		natural += pango_glyph_string_get_width(g->items[i]->glyphs);
	int last = b == p->nitems - 1;
	double ratio = 0, letters = 0;
	int ragged_lead = 0;
	int just = justify_on && natural != width && (!last || natural > width);
	if (just) {
		ratio = np_break_ratio(p->items, first, b, width, p->letter_space,
				       p->letter_threshold, NULL);
		/* a line of the run-in dateline alone ("EVANSVILLE, INDIANA,") is
		 * never stretched past its spaces' limit: it is set ragged */
		if (eb <= p->lead_len && ratio > 1) {
			just = 0;
			ratio = 0;
			ragged_lead = 1;
		}
	}
	if (just)
		letters = justify(p, g, first, b, ratio, width - natural);
	if (info) {
		info->text = strdup(g->text);
		info->hyphenated = bi->type == NP_PENALTY && bi->flagged;
		info->continues = bi->type == NP_PENALTY && !bi->flagged && !last && eb > sb &&
				  !g_unichar_isspace(g_utf8_get_char(p->text + bi->pos));
		info->natural = natural;
		info->indent = g->indent;
		info->ratio = ratio;
		info->letter_spacing = letters;
		info->justified = justify_on && (!last || natural > width) && !ragged_lead;
	}
	return g;
}

int np_para_line_info(const struct np_para *p, const size_t *breaks, size_t k, int32_t width,
		      int justify_on, struct np_line_info *info)
{
	size_t sb, eb, first, b = breaks[k];
	line_range(p, breaks, k, &sb, &eb, &first);
	const struct np_bitem *bi = &p->items[b];
	int add_hy = bi->type == NP_PENALTY && bi->flagged && !bi->explicit_hyphen && eb > sb;
	/* the items tile the text as shaped: their widths are the glyphs' */
	int32_t natural = 0;
	for (size_t i = first; i < b; i++)
		if (p->items[i].type != NP_PENALTY)
			natural += p->items[i].width;
	if (add_hy)
		natural += bi->width;
	size_t len;
	info->text = line_text(p, sb, eb, add_hy, &len);
	if (!info->text)
		return -1;
	int last = b == p->nitems - 1;
	int just = justify_on && natural != width && (!last || natural > width);
	info->hyphenated = bi->type == NP_PENALTY && bi->flagged;
	info->continues = bi->type == NP_PENALTY && !bi->flagged && !last && eb > sb &&
			  !g_unichar_isspace(g_utf8_get_char(p->text + bi->pos));
	info->natural = natural;
	info->indent = k == 0 ? p->indent : 0;
	double used = 0; /* the share of the letters' allowance used, -1..1 */
	double ratio = just ? np_break_ratio(p->items, first, b, width, p->letter_space,
					      p->letter_threshold, &used) : 0;
	/* as np_line_glyphs: a line of the run-in dateline alone is set ragged */
	int ragged_lead = just && eb <= p->lead_len && ratio > 1;
	info->ratio = ragged_lead ? 0 : ratio;
	info->letter_spacing = just && !ragged_lead ? used * p->letter_space : 0;
	info->justified = justify_on && (!last || natural > width) && !ragged_lead;
	return 0;
}

void np_line_glyphs_free(struct np_line_glyphs *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->nitems; i++)
		pango_glyph_item_free(g->items[i]);
	free(g->items);
	free(g->text);
	free(g);
}
