/* furniture.c - what an edition's pages carry besides stories: the front
 * page's nameplate and index strip, inside pages' running heads, folios,
 * advertisements, and the page labels (A1, A2 ... or 1, 2 ...) they print. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow/furniture.h"

void np_flow_page_labels(const struct np_issue *is, struct np_doc *doc)
{
	const char *letter = NULL;
	int n = 0;
	for (size_t p = 0; p < doc->npages; p++) {
		const char *own = is->pages[p].section_letter;
		if (own && (!letter || strcmp(own, letter) != 0)) {
			letter = own;
			n = 0;
		}
		n++;
		if (letter)
			snprintf(doc->pages[p].label, sizeof doc->pages[p].label, "%.4s%d", letter, n % 100000);
		else
			snprintf(doc->pages[p].label, sizeof doc->pages[p].label, "%d", (int)(p + 1) % 100000);
	}
}

/* Sets text in style id in a new frame of kind k; returns lines or -1. With
 * pg NULL it only counts lines. */
static int furniture_text(struct flow *f, struct np_page *pg, enum np_frame_kind k,
			  const char *id, const char *text, enum np_style_id sid, double x,
			  double y, double w, double leading)
{
	const struct np_style *s = &f->g->l->styles[sid];
	int fi = 0;
	if (pg) {
		struct np_frame fr = {.kind = k, .x = x, .y = y, .w = w, .h = leading, .parent = -1};
		snprintf(fr.id, sizeof fr.id, "p%d-%s", pg->number, id);
		if ((fi = np_page_add_frame(pg, &fr)) < 0)
			return -1;
	}
	struct block_spec b = {.text = text, .len = strlen(text), .style = s, .x = x,
			       .first_baseline = y + leading * NP_LEADING_BASELINE, .width = w,
			       .leading = leading, .frame = fi, .style_id = sid};
	int n = np_flow_set_block(f, pg, &b);
	if (pg && n > 1)
		pg->frames[fi].h = n * leading;
	return n;
}

/* "Commonwealth of common destiny 1 · Iodine ... A4": stories whose first
 * module is on another page than the front. */
static char *index_text(const struct np_issue *is, const struct np_doc *doc)
{
	size_t cap = 64;
	for (size_t i = 0; i < is->nstories; i++)
		cap += strlen(is->stories[i].article->headline) + 24;
	char *s = malloc(cap);
	if (!s)
		return NULL;
	s[0] = 0;
	size_t n = 0; /* the length so far: an index of thousands of stories stays linear */
	for (size_t i = 0; i < is->nstories; i++) {
		const struct np_story *st = &is->stories[i];
		if (st->modules[0].page == 1)
			continue;
		int k = snprintf(s + n, cap - n, "%s%s %s", n ? "  \xE2\x80\xA2  " : "",
				 st->article->headline,
				 doc ? doc->pages[st->modules[0].page - 1].label : "A00");
		n += k > 0 && (size_t)k < cap - n ? (size_t)k : strlen(s + n);
	}
	return s;
}

/* The front page's band: nameplate, date and edition line, index strip. With
 * pg NULL it only measures; returns the grid lines it takes, or -1. */
int np_flow_front_band(struct flow *f, struct np_page *pg, const struct np_issue *is,
		  const struct np_doc *doc)
{
	const struct np_layout *l = f->g->l;
	double x = l->margin_left, w = l->page_width - l->margin_left - l->margin_right;
	double y = l->margin_top, lead = l->styles[NP_ST_NAMEPLATE].leading;
	int n = furniture_text(f, pg, NP_FRAME_NAMEPLATE, "nameplate", is->name, NP_ST_NAMEPLATE, x,
			       y, w, lead);
	if (n < 0)
		return -1;
	y += n * lead + 4;
	char date[48], line[192];
	np_words_date(&f->g->words, is->language, is->date, date, sizeof date);
	snprintf(line, sizeof line, "%s%s%s", date, is->edition ? "  \xE2\x80\xA2  " : "",
		 is->edition ? is->edition : "");
	if (pg) {
		np_page_add_rule(pg, x, y - 2, x + w, y - 2, 1.5);
		np_page_add_rule(pg, x, y + f->g->grid + 2, x + w, y + f->g->grid + 2, 0.5);
	}
	if (furniture_text(f, pg, NP_FRAME_RUNNING_HEAD, "dateline", line, NP_ST_RUNNING_HEAD, x, y,
			   w, f->g->grid) < 0)
		return -1;
	y += f->g->grid + 4;
	char *idx = index_text(is, doc);
	int ni = 0;
	if (idx && *idx)
		ni = furniture_text(f, pg, NP_FRAME_INDEX, "index", idx, NP_ST_INDEX, x, y, w, f->g->grid);
	free(idx);
	if (ni < 0)
		return -1;
	y += ni * f->g->grid;
	if (pg && ni)
		np_page_add_rule(pg, x, y + 2, x + w, y + 2, 1.5);
	return (int)ceil((y - l->margin_top) / f->g->grid - 1e-6) + 1;
}

/* An inside page's running head: name, date and section left, page label
 * right; 2 grid lines with its rule. */
int np_flow_running_head(struct flow *f, struct np_page *pg, const struct np_issue *is,
		    const struct np_issue_page *ip)
{
	const struct np_layout *l = f->g->l;
	double x = l->margin_left, w = l->page_width - l->margin_left - l->margin_right;
	char date[48], text[256];
	np_words_date(&f->g->words, is->language, is->date, date, sizeof date);
	snprintf(text, sizeof text, "%s  \xE2\x80\xA2  %s%s%s  \xE2\x80\xA2  %s %s", is->name, date,
		 ip->section ? "  \xE2\x80\xA2  " : "", ip->section ? ip->section : "",
		 np_words_page(&f->g->words, is->language), pg->label);
	if (furniture_text(f, pg, NP_FRAME_RUNNING_HEAD, "runninghead", text, NP_ST_RUNNING_HEAD, x,
			   l->margin_top, w, f->g->grid) < 0)
		return -1;
	double ry = l->margin_top + f->g->grid + 3;
	return np_page_add_rule(pg, x, ry, x + w, ry, 0.75);
}

int np_flow_issue_folio(struct flow *f, struct np_page *pg, const struct np_issue *is)
{
	char date[48], text[192];
	np_words_date(&f->g->words, is->language, is->date, date, sizeof date);
	snprintf(text, sizeof text, "%s  \xE2\x80\xA2  %s  \xE2\x80\xA2  %s", pg->label, is->name, date);
	return np_flow_folio(f, pg, text);
}

/* An advertisement: its picture (cropped to fill the slot; a PDF page is
 * scaled to fit it whole), or a tinted placeholder with its label. */
int np_flow_ad(struct flow *f, struct np_page *pg, const struct np_ad *ad, int top_cell,
		int index)
{
	const struct np_module *m = &ad->module;
	double x = np_layout_column_x(f->g->l, m->col - 1);
	double w = np_layout_column_x(f->g->l, m->last - 1) + f->g->colw - x;
	int k0 = top_cell + m->top - 1;
	int k1 = m->depth == NP_DEPTH_FOOT ? f->g->ncells : k0 + m->depth;
	double grid = f->g->grid;
	double y = np_flow_cell_top(f, k0) + grid * 0.5, h = (k1 - k0) * grid - grid * 0.5;
	struct np_frame fr = {.kind = NP_FRAME_AD, .x = x, .y = y, .w = w, .h = h, .parent = -1};
	snprintf(fr.id, sizeof fr.id, "p%d-ad%d", pg->number, index);
	if (ad->image) {
		double sx = w / ad->pixel_width, sy = h / ad->pixel_height;
		double sc = (sx > sy) != ad->is_pdf ? sx : sy;
		fr.image = ad->image;
		fr.image_jpeg = ad->is_jpeg;
		fr.image_pdf = ad->is_pdf;
		fr.image_page = ad->pdf_page;
		fr.img_w = ad->pixel_width * sc;
		fr.img_h = ad->pixel_height * sc;
		fr.img_x = x + (w - fr.img_w) / 2;
		fr.img_y = y + (h - fr.img_h) / 2;
		fr.clip_y = y;
		fr.clip_h = h;
		return np_page_add_frame(pg, &fr) < 0 ? -1 : 0;
	}
	fr.tint = 0.9;
	int fi = np_page_add_frame(pg, &fr);
	if (fi < 0 || np_page_add_rule(pg, x, y, x + w, y, 0.5) < 0 ||
	    np_page_add_rule(pg, x, y + h, x + w, y + h, 0.5) < 0)
		return -1;
	const struct np_style *s = &f->g->l->styles[NP_ST_AD];
	const char *label = ad->label ? ad->label : "Advertisement";
	struct block_spec b = {.text = label, .len = strlen(label), .style = s, .x = x + 6,
			       .first_baseline = y + h / 2, .width = w - 12,
			       .leading = s->leading, .frame = fi, .style_id = NP_ST_AD};
	return np_flow_set_block(f, pg, &b) < 0 ? -1 : 0;
}
