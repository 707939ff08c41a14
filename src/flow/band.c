/* band.c - the headline band atop a story's first region: kicker, headline
 * (fitted and balanced), deck, byline; measured when planning, set when
 * painting. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"


/* How the text breaks in style s at width w. */
static int measure(struct flow *f, const char *text, const struct np_style *s, double w,
		   struct block_fit *m)
{
	struct block_spec b = {.text = text, .len = strlen(text), .style = s, .width = w,
			       .leading = s->leading, .style_id = NP_ST_HEADLINE};
	return np_flow_measure_block(f, &b, m);
}

/* The headline's style at the largest size (down to the layout's minimum) at
 * which it takes at most max_lines and cuts no word without a hyphen (a word
 * wider than the measure shrinks it), and the narrowest width that keeps its
 * line count and cuts no more words, so its lines come out balanced. */
static void fit_headline(struct flow *f, double width, struct np_style *s, double *w)
{
	const struct np_layout *l = f->g->l;
	*s = l->styles[NP_ST_HEADLINE];
	*w = width;
	const char *h = f->a->headline;
	struct block_fit m;
	if (measure(f, h, s, width, &m) < 0)
		return;
	double size0 = s->size, lead0 = s->leading;
	while ((m.lines > l->headline_max_lines || m.broken) && s->size - 1 >= l->headline_min_size &&
	       l->headline_min_size > 0) {
		s->size -= 1;
		s->leading = lead0 * s->size / size0;
		if (measure(f, h, s, width, &m) < 0)
			return;
	}
	int n = m.lines;
	if (n > l->headline_max_lines && !f->trial && l->headline_min_size > 0)
		np_diag_add(f->out->d, NP_WARNING, &f->a->headline_mark,
			    "headline of '%s' takes %d lines at %.1f pt, more than the %d allowed",
			    f->a->id, n, s->size, l->headline_max_lines);
	if (n <= 1)
		return;
	struct block_fit m0 = m;
	double lo = width * 0.4, hi = width;
	for (int i = 0; i < 12; i++) {
		double mid = (lo + hi) / 2;
		if (measure(f, h, s, mid, &m) < 0)
			return;
		if (m.lines > n || m.broken > m0.broken || m.hyphens > m0.hyphens ||
		    m.compounds > m0.compounds)
			lo = mid;
		else
			hi = mid;
	}
	*w = hi + 0.01;
}

/* One element of the band at (x, *y): set (or measured when pg is NULL) with
 * its first baseline NP_LEADING_BASELINE of its leading below *y (or its
 * size, if more);
 * *y moves past it. */
static int band_item(struct flow *f, struct np_page *pg, int frame, const char *text,
		     enum np_style_id id, const struct np_style *s, double x, double width,
		     double *y, double gap)
{
	if (!text || !*text)
		return 0;
	/* a tight leading (a headline's) would lift the capitals above the band */
	double lead = s->leading * NP_LEADING_BASELINE;
	double drop = lead > s->size * 0.95 ? lead : s->size * 0.95;
	struct block_spec b = {.text = text, .len = strlen(text), .style = s, .x = x,
			       .first_baseline = *y + drop, .width = width,
			       .leading = s->leading, .frame = frame, .style_id = id};
	int n = np_flow_set_block(f, pg, &b);
	if (n < 0)
		return -1;
	*y += drop - s->leading * NP_LEADING_BASELINE + n * s->leading + gap;
	return 0;
}

/* The headline band atop region r: kicker, headline, deck, byline. With
 * measure_only it sets f->band_cells instead of drawing. */
int np_flow_headline_band(struct flow *f, struct np_page *pg, const struct region *r,
			  int measure_only)
{
	const struct np_layout *l = f->g->l;
	const struct np_article *a = f->a;
	double x = np_flow_region_x(f, r), measure = np_flow_region_width(f, r);
	int cols = r->c1 - r->c0 + 1;
	int ds = l->deck_span > 0 && l->deck_span < cols ? l->deck_span : cols;
	double deckw = ds * f->g->colw + (ds - 1) * l->gutter;
	int fi = 0;
	if (!measure_only) {
		struct np_frame fr = {.kind = NP_FRAME_HEADLINE, .x = x, .y = np_flow_cell_top(f, r->top),
				      .w = measure, .h = f->band_cells * f->g->grid - f->g->grid * 0.5,
				      .article = a->id, .parent = -1};
		snprintf(fr.id, sizeof fr.id, "p%d-%sheadline", pg->number, f->out->label_prefix);
		if ((fi = np_page_add_frame(pg, &fr)) < 0)
			return -1;
	}
	struct np_page *p = measure_only ? NULL : pg;
	struct np_style hs;
	double hw;
	fit_headline(f, measure, &hs, &hw);
	double y = np_flow_cell_top(f, r->top);
	const struct np_style *st = l->styles;
	if (band_item(f, p, fi, a->kicker, NP_ST_KICKER, &st[NP_ST_KICKER], x, measure, &y, 4) < 0 ||
	    band_item(f, p, fi, a->headline, NP_ST_HEADLINE, &hs, x, hw, &y, 8) < 0 ||
	    band_item(f, p, fi, a->deck, NP_ST_DECK, &st[NP_ST_DECK], x, deckw, &y, 6) < 0 ||
	    band_item(f, p, fi, a->byline, NP_ST_BYLINE, &st[NP_ST_BYLINE], x, measure, &y, 0) < 0 ||
	    band_item(f, p, fi, a->byline_title, NP_ST_BYLINE_TITLE, &st[NP_ST_BYLINE_TITLE], x,
		      measure, &y, 0) < 0)
		return -1;
	if (measure_only) {
		f->band_cells = (int)ceil((y - np_flow_cell_top(f, r->top)) / f->g->grid - 1e-6) + 1;
		return 0;
	}
	if (l->headline_rule > 0) {
		double ry = np_flow_cell_top(f, r->k0) - f->g->grid * 0.5;
		return np_page_add_rule(pg, x, ry, x + measure, ry, l->headline_rule);
	}
	return 0;
}
