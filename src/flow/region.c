/* region.c - the regions a story flows through, and what each one draws when
 * text lands in it: column frames and rules, the headline band (first
 * region), a jump head or a jump line, the floats planned there; in article
 * mode also the page itself with its folio. np_doc_add_page may move the pages
 * array: page pointers are re-read after it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"
#include "util/grow.h"

double np_region_x(const struct flow *f, const struct region *r)
{
	return np_layout_column_x(f->l, r->c0);
}

double np_region_width(const struct flow *f, const struct region *r)
{
	return np_layout_column_x(f->l, r->c1) + f->colw - np_region_x(f, r);
}

/* Article mode makes a region per page as the text needs one. */
const struct region *np_flow_region_at(struct flow *f, int i)
{
	while (f->pages_mode && (int)f->nregions <= i && (int)f->nregions < f->max_regions) {
		if (np_grow((void **)&f->regions, &f->capregions, f->nregions, sizeof *f->regions, 8) < 0)
			return NULL;
		int p = (int)f->nregions;
		f->regions[f->nregions++] = (struct region){
			.page = p, .c0 = 0, .c1 = f->l->columns - 1, .top = 0,
			.k0 = p == 0 ? f->band_cells : 0, .k1 = f->ncells, .head = p == 0,
			.jump_from = -1, .jump_to = -1};
	}
	return i < (int)f->nregions ? &f->regions[i] : NULL;
}

/* The line slots of the next region (geometry only); 1 when there is none. */
int np_flow_add_slots(struct flow *f)
{
	if (!np_flow_region_at(f, f->slot_regions))
		return 1;
	return np_slots_for_region(f, f->slot_regions++);
}

/* ---- the headline band ---------------------------------------------------- */

/* How the text breaks in style s at width w. */
static int measure(struct flow *f, const char *text, const struct np_style *s, double w,
		   struct block_fit *m)
{
	struct block_spec b = {.text = text, .len = strlen(text), .style = s, .width = w,
			       .leading = s->leading, .style_id = NP_ST_HEADLINE};
	return np_measure_block(f, &b, m);
}

/* The headline's style at the largest size (down to the layout's minimum) at
 * which it takes at most max_lines and cuts no word without a hyphen (a word
 * wider than the measure shrinks it), and the narrowest width that keeps its
 * line count and cuts no more words, so its lines come out balanced. */
static void fit_headline(struct flow *f, double width, struct np_style *s, double *w)
{
	const struct np_layout *l = f->l;
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
		np_diag_add(f->d, NP_WARNING, &f->a->headline_mark,
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
 * its first baseline 0.78 of its leading below *y (or its size, if more);
 * *y moves past it. */
static int band_item(struct flow *f, struct np_page *pg, int frame, const char *text,
		     enum np_style_id id, const struct np_style *s, double x, double width,
		     double *y, double gap)
{
	if (!text || !*text)
		return 0;
	/* a tight leading (a headline's) would lift the capitals above the band */
	double drop = s->leading * 0.78 > s->size * 0.95 ? s->leading * 0.78 : s->size * 0.95;
	struct block_spec b = {.text = text, .len = strlen(text), .style = s, .x = x,
			       .first_baseline = *y + drop, .width = width,
			       .leading = s->leading, .frame = frame, .style_id = id};
	int n = np_set_block(f, pg, &b);
	if (n < 0)
		return -1;
	*y += drop - s->leading * 0.78 + n * s->leading + gap;
	return 0;
}

/* The headline band atop region r: kicker, headline, deck, byline. With
 * measure_only it sets f->band_cells instead of drawing. */
int np_headline_band(struct flow *f, struct np_page *pg, const struct region *r, int measure_only)
{
	const struct np_layout *l = f->l;
	const struct np_article *a = f->a;
	double x = np_region_x(f, r), measure = np_region_width(f, r);
	int cols = r->c1 - r->c0 + 1;
	int ds = l->deck_span > 0 && l->deck_span < cols ? l->deck_span : cols;
	double deckw = ds * f->colw + (ds - 1) * l->gutter;
	int fi = 0;
	if (!measure_only) {
		struct np_frame fr = {.kind = NP_FRAME_HEADLINE, .x = x, .y = np_cell_top(f, r->top),
				      .w = measure, .h = f->band_cells * f->grid - f->grid * 0.5,
				      .article = a->id, .parent = -1};
		snprintf(fr.id, sizeof fr.id, "p%d-%sheadline", pg->number, f->label_prefix);
		if ((fi = np_page_add_frame(pg, &fr)) < 0)
			return -1;
	}
	struct np_page *p = measure_only ? NULL : pg;
	struct np_style hs;
	double hw;
	fit_headline(f, measure, &hs, &hw);
	double y = np_cell_top(f, r->top);
	const struct np_style *st = l->styles;
	if (band_item(f, p, fi, a->kicker, NP_ST_KICKER, &st[NP_ST_KICKER], x, measure, &y, 4) < 0 ||
	    band_item(f, p, fi, a->headline, NP_ST_HEADLINE, &hs, x, hw, &y, 8) < 0 ||
	    band_item(f, p, fi, a->deck, NP_ST_DECK, &st[NP_ST_DECK], x, deckw, &y, 6) < 0 ||
	    band_item(f, p, fi, a->byline, NP_ST_BYLINE, &st[NP_ST_BYLINE], x, measure, &y, 0) < 0 ||
	    band_item(f, p, fi, a->byline_title, NP_ST_BYLINE_TITLE, &st[NP_ST_BYLINE_TITLE], x,
		      measure, &y, 0) < 0)
		return -1;
	if (measure_only) {
		f->band_cells = (int)ceil((y - np_cell_top(f, r->top)) / f->grid - 1e-6) + 1;
		return 0;
	}
	if (l->headline_rule > 0) {
		double ry = np_cell_top(f, r->k0) - f->grid * 0.5;
		return np_page_add_rule(pg, x, ry, x + measure, ry, l->headline_rule);
	}
	return 0;
}

/* ---- what a region draws --------------------------------------------------- */

static int folio(struct flow *f, struct np_page *pg)
{
	const struct np_layout *l = f->l;
	double measure = l->page_width - l->margin_left - l->margin_right;
	char date[48], text[256];
	np_words_date(&f->words, f->a->language, f->a->date, date, sizeof date);
	snprintf(text, sizeof text, "%s%s%s%s%s", pg->label, *date ? "  \xE2\x80\xA2  " : "", date,
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

static int columns(struct flow *f, struct np_page *pg, struct region *r)
{
	for (int c = r->c0; c <= r->c1; c++) {
		struct np_frame fr = {.kind = NP_FRAME_COLUMN, .x = np_layout_column_x(f->l, c),
				      .y = np_cell_top(f, r->k0), .w = f->colw,
				      .h = (r->k1 - r->k0) * f->grid, .article = f->a->id,
				      .parent = -1};
		snprintf(fr.id, sizeof fr.id, "p%d-%scol%d", pg->number, f->label_prefix, c + 1);
		int fi = np_page_add_frame(pg, &fr);
		if (fi < 0)
			return -1;
		if (c == r->c0)
			r->frame0 = fi;
	}
	return 0;
}

/* Column rules down the middle of the region's gutters, broken where an
 * obstacle spans them. */
static int column_rules(struct flow *f, struct np_page *pg, int ri)
{
	const struct np_layout *l = f->l;
	const struct region *r = &f->regions[ri];
	int end = r->k1; /* a balanced last page: the rules stop with its text */
	if (ri == f->limit_region && f->limit) {
		end = r->k0;
		for (int c = 0; c <= r->c1 - r->c0; c++)
			end = f->limit[c] > end ? f->limit[c] : end;
		end = end < r->k1 ? end : r->k1;
	}
	for (int c = r->c0; c < r->c1 && l->column_rule > 0; c++) {
		double x = np_layout_column_x(l, c) + f->colw + l->gutter / 2;
		int start = r->k0;
		for (int k = r->k0; k <= end; k++) {
			int blocked = 0;
			for (size_t i = 0; i < f->nobst && k < end; i++) {
				const struct obstacle *o = &f->obst[i];
				blocked |= o->region == ri && k >= o->cell && k < o->cell + o->ncells &&
					   o->x0 < x && o->x1 > x;
			}
			if ((blocked || k == end) && k > start &&
			    np_page_add_rule(pg, x, np_cell_top(f, start), x, np_cell_top(f, k),
					     l->column_rule) < 0)
				return -1;
			if (blocked)
				start = k + 1;
		}
	}
	return 0;
}

/* A line of jump text in its own frame: "Continued on page 5". Its lines carry
 * the page they point to (dir 1: on, -1: from; to) for the report. */
static int jump_line(struct flow *f, struct np_page *pg, const char *text, enum np_style_id id,
		     double x, double w, int cell, int ncells, int dir, const char *to)
{
	if (ncells < 1)
		return 0;
	const struct np_style *s = &f->l->styles[id];
	struct np_frame fr = {.kind = NP_FRAME_JUMP, .x = x, .y = np_cell_top(f, cell), .w = w,
			      .h = ncells * f->grid, .article = f->a->id, .parent = -1};
	snprintf(fr.id, sizeof fr.id, "p%d-%s%s%d", pg->number, f->label_prefix,
		 id == NP_ST_JUMP ? "jump" : "jumphead", cell + 1);
	int fi = np_page_add_frame(pg, &fr);
	if (fi < 0)
		return -1;
	double lead = s->leading > f->grid ? s->leading : f->grid;
	/* one line sits on its cell's baseline; a taller head hangs from its top */
	double base = ncells == 1 ? np_cell_baseline(f, cell) : np_cell_top(f, cell) + s->leading * 0.78;
	struct block_spec b = {.text = text, .len = strlen(text), .style = s, .x = x,
			       .first_baseline = base, .width = w, .leading = lead, .frame = fi,
			       .style_id = id};
	size_t first = pg->nlines;
	if (np_set_block(f, pg, &b) < 0)
		return -1;
	for (size_t i = first; dir && i < pg->nlines; i++) {
		pg->lines[i].jump = dir;
		snprintf(pg->lines[i].jump_page, sizeof pg->lines[i].jump_page, "%s", to);
	}
	return 0;
}

/* Text reached region ri: the region before it says where it went on, and
 * ri, a continuation, says where it came from under the headline again. */
static int jumps(struct flow *f, int ri)
{
	char text[160];
	const struct region *r = &f->regions[ri];
	if (ri > 0 && f->regions[ri - 1].jump_to >= 0) {
		const struct region *p = &f->regions[ri - 1];
		const char *to = f->doc->pages[p->jump_to].label;
		np_words_jump(&f->words, f->a->language, 1, to, text, sizeof text);
		if (jump_line(f, &f->doc->pages[p->page], text, NP_ST_JUMP,
			      np_layout_column_x(f->l, p->c1), f->colw, p->k1 - 1, 1, 1, to) < 0)
			return -1;
	}
	if (r->jump_from >= 0) {
		struct np_page *pg = &f->doc->pages[r->page];
		double x = np_region_x(f, r), w = np_region_width(f, r);
		const char *from = f->doc->pages[r->jump_from].label;
		np_words_jump(&f->words, f->a->language, 0, from, text, sizeof text);
		if (jump_line(f, pg, f->a->headline, NP_ST_JUMP_HEAD, x, w, r->top,
			      r->k0 - r->top - 1, 0, NULL) < 0 ||
		    jump_line(f, pg, text, NP_ST_JUMP, x, w, r->k0 - 1, 1, -1, from) < 0)
			return -1;
	}
	return 0;
}

/* Article mode: the document's pages up to `page`, each with its folio. */
static int pages_upto(struct flow *f, int page)
{
	if (np_flow_emit(f, (size_t)page) < 0) /* the pages before are finished */
		return -1;
	while ((int)f->doc->npages <= page) {
		struct np_page *pg = np_doc_add_page(f->doc, f->l);
		if (!pg || (f->l->folio && folio(f, pg) < 0))
			return -1;
	}
	return 0;
}

/* Text lands in region ri: count it, and in the run that draws, make what the
 * region shows (once). */
int np_flow_region(struct flow *f, int ri)
{
	if (ri + 1 > f->used_regions)
		f->used_regions = ri + 1;
	struct region *r = &f->regions[ri];
	if (f->trial || r->made)
		return 0;
	r->made = 1;
	if (f->pages_mode && pages_upto(f, r->page) < 0)
		return -1;
	struct np_page *pg = &f->doc->pages[r->page];
	if (columns(f, pg, r) < 0 || (r->head && np_headline_band(f, pg, r, 0) < 0) ||
	    column_rules(f, pg, ri) < 0 || jumps(f, ri) < 0)
		return -1;
	return np_obstacles_draw(f, ri);
}
