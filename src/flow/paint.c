/* paint.c - what a region shows once text lands in it, made once: column
 * frames and rules, the headline band (first region), a jump head or a jump
 * line, the floats planned there; in article mode also the page itself with
 * its folio, the pages before it handed out (emit.c). np_doc_add_page may
 * move the pages array: page pointers are re-read after it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"

static int columns(struct flow *f, struct np_page *pg, struct region *r)
{
	for (int c = r->c0; c <= r->c1; c++) {
		struct np_frame fr = {.kind = NP_FRAME_COLUMN, .x = np_layout_column_x(f->g->l, c),
				      .y = np_flow_cell_top(f, r->k0), .w = f->g->colw,
				      .h = (r->k1 - r->k0) * f->g->grid, .article = f->a->id,
				      .parent = -1};
		snprintf(fr.id, sizeof fr.id, "p%d-%scol%d", pg->number, f->out->label_prefix, c + 1);
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
	const struct np_layout *l = f->g->l;
	const struct region *r = &f->regions[ri];
	int end = r->k1; /* a balanced last page: the rules stop with its text */
	if (ri == f->limit_region && f->limit) {
		end = r->k0;
		for (int c = 0; c <= r->c1 - r->c0; c++)
			end = f->limit[c] > end ? f->limit[c] : end;
		end = end < r->k1 ? end : r->k1;
	}
	for (int c = r->c0; c < r->c1 && l->column_rule > 0; c++) {
		double x = np_layout_column_x(l, c) + f->g->colw + l->gutter / 2;
		int start = r->k0;
		for (int k = r->k0; k <= end; k++) {
			int blocked = 0;
			for (size_t i = 0; i < f->nobst && k < end; i++) {
				const struct obstacle *o = &f->obst[i];
				blocked |= o->region == ri && k >= o->cell && k < o->cell + o->ncells &&
					   o->x0 < x && o->x1 > x;
			}
			if ((blocked || k == end) && k > start &&
			    np_page_add_rule(pg, x, np_flow_cell_top(f, start), x, np_flow_cell_top(f, k),
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
	const struct np_style *s = &f->g->l->styles[id];
	struct np_frame fr = {.kind = NP_FRAME_JUMP, .x = x, .y = np_flow_cell_top(f, cell), .w = w,
			      .h = ncells * f->g->grid, .article = f->a->id, .parent = -1};
	snprintf(fr.id, sizeof fr.id, "p%d-%s%s%d", pg->number, f->out->label_prefix,
		 id == NP_ST_JUMP ? "jump" : "jumphead", cell + 1);
	int fi = np_page_add_frame(pg, &fr);
	if (fi < 0)
		return -1;
	double lead = s->leading > f->g->grid ? s->leading : f->g->grid;
	/* one line sits on its cell's baseline; a taller head hangs from its top */
	double base = ncells == 1 ? np_flow_cell_baseline(f, cell)
				  : np_flow_cell_top(f, cell) + s->leading * NP_LEADING_BASELINE;
	struct block_spec b = {.text = text, .len = strlen(text), .style = s, .x = x,
			       .first_baseline = base, .width = w, .leading = lead, .frame = fi,
			       .style_id = id};
	size_t first = pg->nlines;
	if (np_flow_set_block(f, pg, &b) < 0)
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
	struct np_doc *doc = f->out->doc;
	if (ri > 0 && f->regions[ri - 1].jump_to >= 0) {
		const struct region *p = &f->regions[ri - 1];
		const char *to = doc->pages[p->jump_to].label;
		np_words_jump(&f->g->words, f->a->language, 1, to, text, sizeof text);
		if (jump_line(f, &doc->pages[p->page], text, NP_ST_JUMP,
			      np_layout_column_x(f->g->l, p->c1), f->g->colw, p->k1 - 1, 1, 1, to) < 0)
			return -1;
	}
	if (r->jump_from >= 0) {
		struct np_page *pg = &doc->pages[r->page];
		double x = np_flow_region_x(f, r), w = np_flow_region_width(f, r);
		const char *from = doc->pages[r->jump_from].label;
		np_words_jump(&f->g->words, f->a->language, 0, from, text, sizeof text);
		if (jump_line(f, pg, f->a->headline, NP_ST_JUMP_HEAD, x, w, r->top,
			      r->k0 - r->top - 1, 0, NULL) < 0 ||
		    jump_line(f, pg, text, NP_ST_JUMP, x, w, r->k0 - 1, 1, -1, from) < 0)
			return -1;
	}
	return 0;
}

/* An article's folio: page, date, section. */
static int article_folio(struct flow *f, struct np_page *pg)
{
	char date[48], text[256];
	np_words_date(&f->g->words, f->a->language, f->a->date, date, sizeof date);
	snprintf(text, sizeof text, "%s%s%s%s%s", pg->label, *date ? "  \xE2\x80\xA2  " : "", date,
		 f->a->section ? "  \xE2\x80\xA2  " : "", f->a->section ? f->a->section : "");
	return np_flow_folio(f, pg, text);
}

/* Article mode: the document's pages up to `page`, each with its folio. */
static int pages_upto(struct flow *f, int page)
{
	if (np_flow_emit(f, (size_t)page) < 0) /* the pages before are finished */
		return -1;
	while ((int)f->out->doc->npages <= page) {
		struct np_page *pg = np_doc_add_page(f->out->doc, f->g->l);
		if (!pg || (f->g->l->folio && article_folio(f, pg) < 0))
			return -1;
	}
	return 0;
}

/* Text lands in region ri: count it, and in the run that draws, make what the
 * region shows (once). */
int np_flow_region(struct flow *f, int ri)
{
	struct region *r = &f->regions[ri];
	if (f->trial || r->made)
		return 0;
	r->made = 1;
	if (f->pages_mode && pages_upto(f, r->page) < 0)
		return -1;
	struct np_page *pg = &f->out->doc->pages[r->page];
	if (columns(f, pg, r) < 0 || (r->head && np_flow_headline_band(f, pg, r, 0) < 0) ||
	    column_rules(f, pg, ri) < 0 || jumps(f, ri) < 0)
		return -1;
	return np_flow_obstacles_draw(f, ri);
}

/* ---- the plan's blocks ------------------------------------------------------ */

/* The drop cap's letter, its baseline on the cap's last line (before the
 * rest of its word: the report lists it first). */
static int dropcap(struct flow *f, const struct placed_block *pb)
{
	size_t a = pb->slot[0], b = pb->slot[pb->dropcap_lines - 1];
	if (a == SIZE_MAX || b == SIZE_MAX)
		return 0;
	const struct slot *sl = &f->slots[a];
	const struct region *rg = &f->regions[sl->region];
	struct block_spec bs = {.text = f->dropcap, .len = strlen(f->dropcap),
				.style = &f->dropcap_style, .x = np_flow_slot_x(f, sl),
				.first_baseline = np_flow_cell_baseline(f, f->slots[b].cell), .width = f->dropcap_w + 20,
				.leading = f->g->grid, .frame = rg->frame0 + sl->col - rg->c0,
				.block = pb->block, .style_id = NP_ST_DROP_CAP};
	return np_flow_set_block(f, &f->out->doc->pages[np_flow_slot_page(f, sl)], &bs) < 0 ? -1 : 0;
}

/* A paragraph's lines cut into their slots (the overset ones were counted
 * when planned). */
static int lines(struct flow *f, struct np_para *p, const struct placed_block *pb)
{
	for (size_t k = 0; k < pb->nlines; k++) {
		size_t s = pb->slot[k];
		if (s == SIZE_MAX)
			continue;
		const struct slot *sl = &f->slots[s];
		if (np_flow_region(f, sl->region) < 0)
			return -1;
		struct np_line_info info = {0};
		double dropcap = (int)k < pb->dropcap_lines ? f->dropcap_w : 0;
		int32_t w = NP_UNITS(np_flow_slot_w(f, sl) - dropcap);
		struct np_line_glyphs *g;
		if (np_flow_line(f, p, pb->breaks, k, w, pb->justify, &info, &g) < 0)
			return -1;
		const struct region *rg = &f->regions[sl->region];
		/* x is where the first glyph goes (the report's "where the line starts") */
		double ind = NP_PT(info.indent);
		struct np_pline ln = {.frame = rg->frame0 + sl->col - rg->c0, .block = pb->block,
				      .style = pb->sid, .x = np_flow_slot_x(f, sl) + dropcap + ind,
				      .baseline = np_flow_cell_baseline(f, sl->cell), .width = np_flow_slot_w(f, sl) - dropcap - ind,
				      .text = info.text, .hyphenated = info.hyphenated,
				      .continues = info.continues, .justified = info.justified,
				      .ratio = info.ratio, .letter_spacing = info.letter_spacing,
				      .article = f->a->id, .glyphs = g};
		if (!ln.justified)
			ln.width = NP_PT(info.natural - info.indent);
		if (np_page_add_line(&f->out->doc->pages[np_flow_slot_page(f, sl)], &ln) < 0) {
			free(info.text);
			np_line_glyphs_free(g);
			return -1;
		}
	}
	return 0;
}

/* A subhead is a frame of its own inside its column, whole grid lines tall: a
 * column's text above it ends there, it does not end the column. */
static int subhead(struct flow *f, const struct placed_block *pb)
{
	const struct slot *sl = &f->slots[pb->slot[0]];
	if (np_flow_region(f, sl->region) < 0)
		return -1;
	struct block_spec bs = np_flow_subhead_spec(f, sl, pb->block);
	struct np_page *pg = &f->out->doc->pages[np_flow_slot_page(f, sl)];
	const struct region *rg = &f->regions[sl->region];
	struct np_frame fr = {.kind = NP_FRAME_SUBHEAD, .x = np_flow_slot_x(f, sl), .y = np_flow_cell_top(f, sl->cell),
			      .w = np_flow_slot_w(f, sl), .h = (double)pb->nlines * f->g->grid, .article = f->a->id,
			      .parent = rg->frame0 + sl->col - rg->c0};
	snprintf(fr.id, sizeof fr.id, "p%d-%ssh%d", pg->number, f->out->label_prefix, pb->block);
	bs.frame = np_page_add_frame(pg, &fr);
	return bs.frame < 0 || np_flow_set_block(f, pg, &bs) < 0 ? -1 : 0;
}

static int block(struct flow *f, const struct placed_block *pb)
{
	if (pb->subhead)
		return subhead(f, pb);
	struct np_para *p = np_flow_para(f, pb->block, pb->sid, 1);
	if (!p)
		return -1;
	int rc = pb->dropcap_lines ? dropcap(f, pb) : 0;
	if (rc == 0)
		rc = lines(f, p, pb);
	np_flow_para_release(f, pb->block); /* drawn: its lines have their own glyphs */
	return rc;
}

/* The run that draws paints each block as soon as it is planned, so the plan
 * holds one block at a time, not the story (a 500-page article's plan was
 * 4 MB): a block's plan is final once planned (later blocks only take slots
 * after it), and painting it early makes the same regions in the same order. */
int np_flow_paint_begin(struct flow *f)
{
	for (size_t i = 0; i < f->nregions; i++)
		f->regions[i].made = 0;
	return np_flow_region(f, 0);
}

int np_flow_paint_planned(struct flow *f)
{
	int rc = 0;
	for (size_t i = 0; i < f->nplaced && rc == 0; i++)
		rc = block(f, &f->placed[i]);
	if (f->nplaced > f->plan_peak)
		f->plan_peak = f->nplaced;
	np_flow_plan_clear(f);
	return rc;
}

int np_flow_paint_end(struct flow *f)
{
	/* a float moved past the text's last region still stands, on its own */
	for (size_t i = 0; i < f->nobst; i++)
		if (f->obst[i].region < (int)f->nregions && np_flow_region(f, f->obst[i].region) < 0)
			return -1;
	return 0;
}
