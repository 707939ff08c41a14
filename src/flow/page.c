/* page.c - a new page from the layout: columns, headline band (first page),
 * the obstacles planned on it, column rules, folio; then its line slots.
 * np_doc_add_page may move the pages array: page pointers are re-read after. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "flow/flow_int.h"

/* One element of the band: sets it (or only measures it when pg is NULL) with
 * its first baseline 0.78 of its leading below *y; advances *y past it. */
static int band_item(struct flow *f, struct np_page *pg, const char *text, enum np_style_id id,
		     double width, double *y, double gap)
{
	if (!text || !*text)
		return 0;
	const struct np_style *s = &f->l->styles[id];
	struct block_spec b = {.text = text, .len = strlen(text), .style = s, .x = f->l->margin_left,
			       .first_baseline = *y + s->leading * 0.78, .width = width,
			       .leading = s->leading, .frame = 0, .style_id = id};
	if (pg)
		b.frame = (int)pg->nframes - 1;
	int n = np_set_block(f, pg, &b);
	if (n < 0)
		return -1;
	*y += n * s->leading + gap;
	return 0;
}

/* The headline band across the columns of the first page. With pg NULL it only
 * measures, setting f->band_cells. */
int np_headline_band(struct flow *f, struct np_page *pg, int measure_only)
{
	const struct np_layout *l = f->l;
	const struct np_article *a = f->a;
	double measure = l->page_width - l->margin_left - l->margin_right;
	int ds = l->deck_span > 0 && l->deck_span < l->columns ? l->deck_span : l->columns;
	double deckw = ds * f->colw + (ds - 1) * l->gutter;
	if (pg && !measure_only) {
		struct np_frame fr = {.kind = NP_FRAME_HEADLINE, .x = l->margin_left, .y = f->top,
				      .w = measure, .h = f->band_cells * f->grid - f->grid * 0.5,
				      .article = a->id, .parent = -1};
		snprintf(fr.id, sizeof fr.id, "p%d-headline", pg->number);
		if (np_page_add_frame(pg, &fr) < 0)
			return -1;
	}
	struct np_page *p = measure_only ? NULL : pg;
	double y = f->top;
	if (band_item(f, p, a->kicker, NP_ST_KICKER, measure, &y, 4) < 0 ||
	    band_item(f, p, a->headline, NP_ST_HEADLINE, measure, &y, 8) < 0 ||
	    band_item(f, p, a->deck, NP_ST_DECK, deckw, &y, 6) < 0 ||
	    band_item(f, p, a->byline, NP_ST_BYLINE, measure, &y, 0) < 0 ||
	    band_item(f, p, a->byline_title, NP_ST_BYLINE_TITLE, measure, &y, 0) < 0)
		return -1;
	if (measure_only) {
		f->band_cells = (int)ceil((y - f->top) / f->grid) + 1;
		return 0;
	}
	if (l->headline_rule > 0) {
		double ry = np_cell_top(f, f->band_cells) - f->grid * 0.5;
		return np_page_add_rule(pg, l->margin_left, ry, l->margin_left + measure, ry,
					l->headline_rule);
	}
	return 0;
}

static const char *const months[] = {"January", "February", "March", "April", "May", "June",
				     "July", "August", "September", "October", "November",
				     "December"};

static int folio(struct flow *f, struct np_page *pg)
{
	const struct np_layout *l = f->l;
	double measure = l->page_width - l->margin_left - l->margin_right;
	char date[48] = "", text[256];
	int y, m, d;
	if (f->a->date && sscanf(f->a->date, "%d-%d-%d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
		snprintf(date, sizeof date, "%d %s %d", d, months[m - 1], y);
	snprintf(text, sizeof text, "%d%s%s%s%s", pg->number, *date ? "  \xE2\x80\xA2  " : "", date,
		 f->a->section ? "  \xE2\x80\xA2  " : "", f->a->section ? f->a->section : "");
	const struct np_style *s = &l->styles[NP_ST_FOLIO];
	double ftop = l->page_height - l->margin_bottom + 6;
	struct np_frame fr = {.kind = NP_FRAME_FOLIO, .x = l->margin_left, .y = ftop, .w = measure,
			      .h = s->leading + 2, .parent = -1};
	snprintf(fr.id, sizeof fr.id, "p%d-folio", pg->number);
	int fi = np_page_add_frame(pg, &fr);
	if (fi < 0)
		return -1;
	struct block_spec b = {.text = text, .len = strlen(text), .style = s, .x = l->margin_left,
			       .first_baseline = ftop + s->size * 0.9, .width = measure,
			       .leading = s->leading, .frame = fi, .style_id = NP_ST_FOLIO};
	if (np_page_add_rule(pg, l->margin_left, ftop - 2, l->margin_left + measure, ftop - 2, 0.5) < 0)
		return -1;
	return np_set_block(f, pg, &b) < 0 ? -1 : 0;
}

static int columns(struct flow *f, struct np_page *pg, int first)
{
	for (int c = 0; c < f->l->columns; c++) {
		struct np_frame fr = {.kind = NP_FRAME_COLUMN, .x = np_layout_column_x(f->l, c),
				      .y = np_cell_top(f, first), .w = f->colw,
				      .h = (f->ncells - first) * f->grid, .article = f->a->id,
				      .parent = -1};
		snprintf(fr.id, sizeof fr.id, "p%d-col%d", pg->number, c + 1);
		if (np_page_add_frame(pg, &fr) < 0)
			return -1;
	}
	return 0;
}

/* Column rules down the middle of each gutter, broken where an obstacle spans it. */
static int column_rules(struct flow *f, struct np_page *pg, int page, int first)
{
	const struct np_layout *l = f->l;
	for (int c = 0; c + 1 < l->columns && l->column_rule > 0; c++) {
		double x = np_layout_column_x(l, c) + f->colw + l->gutter / 2;
		int start = first;
		for (int k = first; k <= f->ncells; k++) {
			int blocked = 0;
			for (size_t i = 0; i < f->nobst && k < f->ncells; i++) {
				const struct obstacle *o = &f->obst[i];
				blocked |= o->page == page && k >= o->cell && k < o->cell + o->ncells &&
					   o->x0 < x && o->x1 > x;
			}
			if ((blocked || k == f->ncells) && k > start &&
			    np_page_add_rule(pg, x, np_cell_top(f, start), x, np_cell_top(f, k),
					     l->column_rule) < 0)
				return -1;
			if (blocked)
				start = k + 1;
		}
	}
	return 0;
}

/* The line slots of the next page (geometry only); 1 past the page limit. */
int np_flow_add_slots(struct flow *f)
{
	if (f->slot_pages >= f->max_pages)
		return 1;
	return np_slots_for_page(f, f->slot_pages++);
}

/* Makes the document's pages up to `page` (0-based) with their frames and
 * furniture, when a line is set there. Trial runs only count them. */
int np_flow_page(struct flow *f, int page)
{
	if (page + 1 > f->used_pages)
		f->used_pages = page + 1;
	while (!f->trial && (int)f->doc->npages <= page) {
		struct np_page *pg = np_doc_add_page(f->doc, f->l);
		if (!pg)
			return -1;
		int n = (int)f->doc->npages - 1;
		int first = n == 0 ? f->band_cells : 0;
		if (columns(f, pg, first) < 0 || (n == 0 && np_headline_band(f, pg, 0) < 0) ||
		    column_rules(f, pg, n, first) < 0 || (f->l->folio && folio(f, pg) < 0) ||
		    np_obstacles_draw(f, n) < 0)
			return -1;
	}
	return 0;
}
