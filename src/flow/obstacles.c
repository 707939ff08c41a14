/* obstacles.c - pull-quotes, sidebars and pictures: their size in grid cells,
 * where they go (planned before the body is poured), and what they draw.
 *
 * Placement: the wanted spot (after a block: below where that block ended in a
 * trial run without floats; else the layout's default), then the nearest
 * spot that fits on the page and overlaps nothing: other cells of the same
 * columns, then neighbouring column groups, then later pages. A move is a
 * warning that says where and why; an obstacle that fits nowhere is not set,
 * with a warning, and its words count as overset.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"

/* Grid lines a float may stand off the spot asked for and still be "near"
 * it, without a warning; farther, another column or page is said. */
#define MOVE_SAID 8


struct pen {
	struct flow *f;
	struct np_page *pg; /* NULL: measure only */
	int frame;
	double x, w, y; /* y: top of the next line's band */
};

/* Sets text in style id at the pen, advancing it; returns lines or -1. */
static int pen_text(struct pen *p, const char *text, const struct np_run *runs, size_t nruns,
		    enum np_style_id id, double leading)
{
	if (!text || !*text)
		return 0;
	const struct np_style *s = &p->f->g->l->styles[id];
	struct block_spec b = {.text = text, .len = strlen(text), .runs = runs, .nruns = nruns,
			       .style = s, .x = p->x, .first_baseline = p->y + p->f->g->asc,
			       .width = p->w, .leading = leading, .frame = p->frame, .style_id = id};
	if (leading > p->f->g->grid * 1.01)
		b.first_baseline = p->y + s->size * 0.95;
	int n = np_flow_set_block(p->f, p->pg, &b);
	if (n > 0)
		p->y += (n - 1) * leading + (leading > p->f->g->grid * 1.01 ? s->size * 1.25 : p->f->g->grid);
	return n;
}

static void pen_rule(struct pen *p, double width, double gap)
{
	if (p->pg)
		np_page_add_rule(p->pg, p->x, p->y + gap / 2, p->x + p->w, p->y + gap / 2, width);
	p->y += gap;
}

static char *quoted(const char *text)
{
	size_t n = strlen(text) + 8;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "\"%s\"", text); /* the language sets the marks */
	return s;
}

static int pullquote_content(struct pen *p, const struct np_pullquote *q)
{
	const struct np_layout *l = p->f->g->l;
	double lead = l->styles[NP_ST_PULLQUOTE].leading;
	if (l->pullquote_frame == NP_QUOTE_RULES)
		pen_rule(p, l->pullquote_rule, p->f->g->grid * 0.75);
	char *text = quoted(q->text.text);
	if (!text)
		return -1;
	int n = pen_text(p, text, NULL, 0, NP_ST_PULLQUOTE, lead);
	free(text);
	if (n < 0)
		return -1;
	if (q->attribution) {
		p->y += 2;
		if (pen_text(p, q->attribution, NULL, 0, NP_ST_PULLQUOTE_ATTRIBUTION, p->f->g->grid) < 0)
			return -1;
	}
	if (l->pullquote_frame == NP_QUOTE_RULES)
		pen_rule(p, l->pullquote_rule, p->f->g->grid * 0.5);
	return 0;
}

static int sidebar_content(struct pen *p, const struct np_sidebar *s)
{
	double g = p->f->g->grid;
	pen_rule(p, 2, g * 0.5);
	if (pen_text(p, s->title, NULL, 0, NP_ST_SIDEBAR_TITLE, g) < 0)
		return -1;
	for (size_t i = 0; i < s->nentries; i++) {
		const struct np_dateline_entry *e = &s->entries[i];
		if (i > 0)
			pen_rule(p, 0.4, g * 0.5);
		if (pen_text(p, e->place, NULL, 0, NP_ST_SIDEBAR_PLACE, g) < 0 ||
		    pen_text(p, e->date, NULL, 0, NP_ST_SIDEBAR, g) < 0 ||
		    pen_text(p, e->note, NULL, 0, NP_ST_SIDEBAR, g) < 0)
			return -1;
	}
	for (size_t i = 0; i < s->nparagraphs; i++) {
		const struct np_text *t = &s->paragraphs[i];
		p->y += i ? g * 0.25 : 0;
		if (pen_text(p, t->text, t->runs, t->nruns, NP_ST_SIDEBAR, g) < 0)
			return -1;
	}
	pen_rule(p, 0.4, g * 0.5);
	return 0;
}

/* A picture scaled to the width, its height snapped to whole grid lines
 * (cropped about its centre, never distorted), caption and credit on the
 * grid below in a caption frame of their own. */
static int image_content(struct pen *p, const struct np_image *img)
{
	struct flow *f = p->f;
	const double gap = 4; /* between the text above and the picture */
	double exact = p->w * img->pixel_height / (img->pixel_width > 0 ? img->pixel_width : 1);
	int cells = (int)floor(exact / f->g->grid + 0.5);
	cells = cells < 1 ? 1 : cells;
	double pic_h = cells * f->g->grid - gap;
	if (p->pg) {
		struct np_frame *fr = &p->pg->frames[p->frame];
		double scale = p->w / img->pixel_width > pic_h / img->pixel_height
				       ? p->w / img->pixel_width : pic_h / img->pixel_height;
		fr->image = img->path;
		fr->image_jpeg = img->is_jpeg;
		fr->image_pdf = img->is_pdf;
		fr->image_page = img->pdf_page;
		fr->img_w = img->pixel_width * scale;
		fr->img_h = img->pixel_height * scale;
		fr->img_x = p->x + (p->w - fr->img_w) / 2;
		fr->img_y = p->y + gap + (pic_h - fr->img_h) / 2;
		fr->clip_y = p->y + gap;
		fr->clip_h = pic_h;
	}
	p->y += cells * f->g->grid;
	if (!img->caption && !img->credit)
		return 0;
	double top = p->y;
	int parent = p->frame;
	if (p->pg) {
		struct np_frame cap = p->pg->frames[p->frame];
		cap.kind = NP_FRAME_CAPTION;
		cap.image = NULL;
		cap.y = top;
		cap.h = 0; /* set below, once the lines are counted */
		cap.parent = parent;
		snprintf(cap.id + strlen(cap.id), sizeof cap.id - strlen(cap.id), "-cap");
		if ((p->frame = np_page_add_frame(p->pg, &cap)) < 0)
			return -1;
	}
	if (pen_text(p, img->caption, NULL, 0, NP_ST_CAPTION, f->g->grid) < 0 ||
	    pen_text(p, img->credit, NULL, 0, NP_ST_CREDIT, f->g->grid) < 0)
		return -1;
	if (p->pg) {
		p->pg->frames[p->frame].h = p->y - top;
		p->frame = parent;
	}
	return 0;
}

/* Draws (pg) or measures (pg NULL) the content of obstacle o in [x, x+w]
 * from y; returns the height used, or -1. */
static double content(struct flow *f, const struct obstacle *o, struct np_page *pg, int frame,
		      double x, double y, double w)
{
	double pad = 0;
	if ((o->kind == OB_SIDEBAR && f->a->sidebars[o->index].kind == NP_SIDEBAR_BOX) ||
	    (o->kind == OB_PULLQUOTE && f->g->l->pullquote_frame == NP_QUOTE_BOX))
		pad = 6;
	struct pen p = {.f = f, .pg = pg, .frame = frame, .x = x + pad, .w = w - 2 * pad,
			.y = y + pad};
	int rc = 0;
	if (o->kind == OB_PULLQUOTE)
		rc = pullquote_content(&p, &f->a->pullquotes[o->index]);
	else if (o->kind == OB_SIDEBAR)
		rc = sidebar_content(&p, &f->a->sidebars[o->index]);
	else
		rc = image_content(&p, &f->a->images[o->index]);
	return rc < 0 ? -1 : p.y - y + pad;
}

/* Width of an obstacle over `span` columns; an inset one covers span - 1
 * whole columns and the layout's inset share of a column on either side,
 * straddling the gutters between. */
static double obstacle_width(const struct flow *f, int span, int inset)
{
	if (inset)
		return (span - 1) * f->g->colw + span * f->g->l->gutter +
		       2 * f->g->l->pullquote_inset * f->g->colw;
	return span * f->g->colw + (span - 1) * f->g->l->gutter;
}

/* Height in cells, the standoff above and below included. */
int np_flow_obstacle_cells(struct flow *f, enum obst_kind kind, int index, double width)
{
	struct obstacle o = {.kind = kind, .index = index};
	double h = content(f, &o, NULL, 0, 0, 0, width);
	if (h < 0)
		return -1;
	return (int)ceil((h + f->g->grid * 0.5) / f->g->grid - 1e-6);
}

static const char *kind_word(enum obst_kind k)
{
	return k == OB_PULLQUOTE ? "pull-quote" : k == OB_SIDEBAR ? "sidebar" : "picture";
}

/* Whether o meets another obstacle (o itself may stand in f->obst). */
static int collides(const struct flow *f, const struct obstacle *o)
{
	for (size_t i = 0; i < f->nobst; i++) {
		const struct obstacle *q = &f->obst[i];
		if (q != o && q->region == o->region && q->x0 < o->x1 + f->g->l->standoff &&
		    o->x0 < q->x1 + f->g->l->standoff && q->cell < o->cell + o->ncells &&
		    o->cell < q->cell + q->ncells)
			return 1;
	}
	return 0;
}

static void set_columns(const struct flow *f, struct obstacle *o, int col)
{
	double w = obstacle_width(f, o->span, o->inset);
	o->col = col;
	if (o->inset) {
		double a = np_layout_column_x(f->g->l, col);
		double b = np_layout_column_x(f->g->l, col + o->span) + f->g->colw;
		o->x0 = (a + b) / 2 - w / 2;
	} else {
		o->x0 = np_layout_column_x(f->g->l, col);
	}
	o->x1 = o->x0 + w;
}

/* Cells of region r that obstacles may take, from k0: all but a jump line's. */
static int room(const struct region *r)
{
	return r->k1 - r->k0 - (r->jump_to >= 0 ? 1 : 0);
}

int np_flow_obstacle_move(struct flow *f, size_t i, int d)
{
	struct obstacle *o = &f->obst[i];
	const struct region *r = &f->regions[o->region];
	o->cell += d;
	if (o->cell >= r->k0 && o->cell + o->ncells <= r->k0 + room(r) && !collides(f, o))
		return 1;
	o->cell -= d;
	return 0;
}

int np_flow_obstacle_place(struct flow *f, size_t i, int region, int col, int cell)
{
	struct obstacle *o = &f->obst[i], was = *o;
	const struct region *r = &f->regions[region];
	if (col < r->c0 || col + o->span - 1 + (o->inset ? 1 : 0) > r->c1)
		return 0;
	o->region = region;
	o->page = r->page;
	o->cell = cell;
	set_columns(f, o, col);
	if (cell >= r->k0 && cell + o->ncells <= r->k0 + room(r) && !collides(f, o))
		return 1;
	*o = was;
	return 0;
}

/* Nearest free spot to (region, col, cell): cells first, then column groups
 * of the region, then later regions. */
static int find_spot(struct flow *f, struct obstacle *o, int ri, int col, int cell, int nregions)
{
	for (int g = ri; g < nregions; g++) {
		const struct region *r = np_flow_region_at(f, g);
		if (!r)
			break;
		int first = r->c0, ncols = r->c1 - r->c0 + 1 - o->span - (o->inset ? 1 : 0) + 1;
		int cells = room(r);
		if (g != ri)
			cell = r->k0;
		for (int dc = 0; dc < 2 * ncols; dc++) {
			int c = col - first + (dc % 2 ? -(dc + 1) / 2 : dc / 2);
			if (c < 0 || c >= ncols)
				continue;
			set_columns(f, o, first + c);
			for (int dk = 0; dk <= 2 * cells; dk++) {
				int k = cell + (dk % 2 ? -(dk + 1) / 2 : dk / 2);
				o->region = g;
				o->page = r->page;
				o->cell = k;
				if (k >= r->k0 && k + o->ncells <= r->k0 + cells && !collides(f, o))
					return 1;
			}
		}
	}
	return 0;
}

static const struct np_placement *placement(const struct flow *f, enum obst_kind k, int i)
{
	return k == OB_PULLQUOTE ? &f->a->pullquotes[i].place
	       : k == OB_SIDEBAR ? &f->a->sidebars[i].place
				 : &f->a->images[i].place;
}

/* The spot asked for: after a block, at a column's top or bottom, or the
 * layout's default (a third of the way down the text of the first region). */
static void wanted(struct flow *f, const struct obstacle *o, const struct np_placement *pl,
		   int *ri, int *col, int *cell, int depth)
{
	const struct region *r = &f->regions[0];
	*ri = 0;
	int ncols = r->c1 - r->c0 + 1;
	*col = r->c0 + (pl->column ? pl->column - 1
			: o->kind == OB_SIDEBAR ? f->g->l->sidebar_column - 1 : (ncols - o->span) / 2);
	enum np_position pos = pl->position ? pl->position
			       : o->kind == OB_SIDEBAR && !pl->after ? f->g->l->sidebar_position
								     : NP_POS_AFTER;
	if (pos == NP_POS_TOP) {
		*cell = r->k0;
	} else if (pos == NP_POS_BOTTOM) { /* the foot of the text, on a short page */
		*cell = r->k0 + (depth < r->k1 - r->k0 ? depth : r->k1 - r->k0) - o->ncells;
	} else if (pl->after && f->ends[pl->after - 1].placed) {
		const struct block_end *e = &f->ends[pl->after - 1];
		*ri = e->region;
		r = np_flow_region_at(f, e->region);
		*cell = e->cell + 1;
		if (!pl->column)
			*col = e->col;
	} else { /* a third of the way down the text */
		int d3 = depth < r->k1 - r->k0 ? depth : r->k1 - r->k0;
		*cell = r->k0 + d3 / 3;
	}
	/* in the text's first region, end above its foot so text follows */
	int d = depth < r->k1 - r->k0 ? depth : r->k1 - r->k0;
	if (pos != NP_POS_TOP && pos != NP_POS_BOTTOM && *ri == 0 && *cell + o->ncells > r->k0 + d - 2)
		*cell = r->k0 + d - 2 - o->ncells > r->k0 ? r->k0 + d - 2 - o->ncells : r->k0;
	if (*col + o->span > r->c1 + 1)
		*col = r->c1 + 1 - o->span;
	if (*col < r->c0)
		*col = r->c0;
}

/* Words of an obstacle that could not be set: they are overset. */
static int obstacle_words(const struct flow *f, enum obst_kind k, int i)
{
	if (k == OB_PULLQUOTE)
		return np_doc_count_words(f->a->pullquotes[i].text.text) +
		       np_doc_count_words(f->a->pullquotes[i].attribution);
	if (k == OB_IMAGE)
		return np_doc_count_words(f->a->images[i].caption) + np_doc_count_words(f->a->images[i].credit);
	const struct np_sidebar *s = &f->a->sidebars[i];
	int n = np_doc_count_words(s->title);
	for (size_t e = 0; e < s->nentries; e++)
		n += np_doc_count_words(s->entries[e].place) + np_doc_count_words(s->entries[e].date) +
		     np_doc_count_words(s->entries[e].note);
	for (size_t p = 0; p < s->nparagraphs; p++)
		n += np_doc_count_words(s->paragraphs[p].text);
	return n;
}

static int not_set(struct flow *f, const struct obstacle *o, const char *why)
{
	if (!f->quiet)
		np_diag_add(f->out->d, NP_WARNING, o->mark, "%s: %s: not set (its words are counted as overset)",
		    kind_word(o->kind), why);
	f->unset_words += obstacle_words(f, o->kind, o->index);
	return 1;
}

void np_flow_obstacle_drop(struct flow *f, size_t i, const char *why)
{
	struct obstacle o = f->obst[i];
	memmove(&f->obst[i], &f->obst[i + 1], (f->nobst - i - 1) * sizeof *f->obst);
	f->nobst--;
	not_set(f, &o, why);
}

static int plan_one(struct flow *f, enum obst_kind kind, int i, int nregions, int depth)
{
	const struct np_placement *pl = placement(f, kind, i);
	const struct region *r0 = &f->regions[0];
	int ncols = r0->c1 - r0->c0 + 1;
	int dspan = kind == OB_PULLQUOTE ? f->g->l->pullquote_span
		    : kind == OB_IMAGE ? f->g->l->image_span : 1;
	struct obstacle o = {.kind = kind, .index = i, .span = pl->span ? pl->span : dspan};
	if (o.span > ncols)
		o.span = ncols;
	o.inset = kind == OB_PULLQUOTE && f->g->l->pullquote_inset > 0 && o.span < ncols;
	o.mark = kind == OB_PULLQUOTE ? &f->a->pullquotes[i].mark
		 : kind == OB_SIDEBAR ? &f->a->sidebars[i].mark : &f->a->images[i].mark;
	o.ncells = np_flow_obstacle_cells(f, kind, i, obstacle_width(f, o.span, o.inset));
	if (o.ncells < 0)
		return -1;
	if (kind == OB_IMAGE) {
		const struct np_image *img = &f->a->images[i];
		double ppi = img->pixel_width / (obstacle_width(f, o.span, 0) / 72.0);
		if (ppi < 150 && !f->quiet && !img->is_pdf) /* a PDF's size is in points */
			np_diag_add(f->out->d, NP_WARNING, &img->file_mark,
				    "picture '%s' prints at %.0f pixels per inch (%d px over %.1f in): under 150, it will look soft",
				    img->file, ppi, img->pixel_width, obstacle_width(f, o.span, 0) / 72);
	}
	int ri, col, cell;
	wanted(f, &o, pl, &ri, &col, &cell, depth);
	char why[160];
	if (o.ncells > f->g->ncells) {
		snprintf(why, sizeof why, "%d grid lines tall, taller than a column (%d)", o.ncells,
			 f->g->ncells);
		return not_set(f, &o, why);
	}
	/* another float stands on the spot asked for: that is always said */
	o.region = ri;
	o.page = f->regions[ri].page;
	o.cell = cell;
	set_columns(f, &o, col);
	int taken = collides(f, &o);
	if (!find_spot(f, &o, ri, col, cell, f->pages_mode ? nregions + 1 : (int)f->nregions)) {
		snprintf(why, sizeof why, "no room for %d grid lines over %d columns", o.ncells, o.span);
		return not_set(f, &o, why);
	}
	const struct region *r = &f->regions[o.region];
	int moved = o.region != ri || o.col != col || o.cell != cell;
	if (!f->quiet && moved && (taken || o.region != ri || o.col != col || abs(o.cell - cell) > MOVE_SAID))
		np_diag_add(f->out->d, NP_WARNING, o.mark,
			    "%s moved to page %d, column %d, grid line %d: the spot asked for (page %d, column %d, line %d) %s",
			    kind_word(kind), r->page + 1, o.col + 1, o.cell + 1,
			    f->regions[ri].page + 1, col + 1, cell + 1,
			    taken ? "is taken"
			    : cell < f->regions[ri].k0 ? "is above the column's text"
						       : "is too near the foot of the column");
	struct obstacle *v = realloc(f->obst, (f->nobst + 1) * sizeof *v);
	if (!v)
		return -1;
	f->obst = v;
	f->obst[f->nobst++] = o;
	return 0;
}

/* Plans every obstacle of the article (sidebars first: they stand at fixed
 * spots; then pictures, then pull-quotes); `nregions` and `depth` describe
 * the trial run without them. Returns the number not set, or -1. */
int np_flow_obstacles_plan(struct flow *f, int nregions, int depth)
{
	int unset = 0;
	struct {
		enum obst_kind kind;
		size_t n;
	} order[] = {{OB_SIDEBAR, f->a->nsidebars}, {OB_IMAGE, f->a->nimages},
		     {OB_PULLQUOTE, f->a->npullquotes}};
	/* the floats lengthen a short last page's columns: by their area over
	 * the columns, about */
	const struct region *r = &f->regions[0];
	int ncols = r->c1 - r->c0 + 1, area = 0;
	for (size_t k = 0; k < 3 && nregions == 1 && depth >= 0; k++)
		for (size_t i = 0; i < order[k].n; i++) {
			const struct np_placement *pl = placement(f, order[k].kind, (int)i);
			int span = pl->span ? pl->span : order[k].kind == OB_PULLQUOTE ? f->g->l->pullquote_span
							 : order[k].kind == OB_IMAGE ? f->g->l->image_span : 1;
			span = span < ncols ? span : ncols;
			int cells = np_flow_obstacle_cells(f, order[k].kind, (int)i,
						      obstacle_width(f, span, 0));
			area += cells > 0 ? cells * span : 0;
		}
	/* a negative depth is the balanced depth with the floats already in */
	depth = depth < 0 ? -depth : depth + (area + ncols - 1) / ncols;
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < order[k].n; i++) {
			int rc = plan_one(f, order[k].kind, (int)i, nregions, depth);
			if (rc < 0)
				return -1;
			unset += rc;
		}
	return unset;
}

static int draw_one(struct flow *f, const struct obstacle *o, int n)
{
	struct np_page *pg = &f->out->doc->pages[o->page];
	struct np_frame fr = {.kind = o->kind == OB_PULLQUOTE ? NP_FRAME_PULLQUOTE
				      : o->kind == OB_SIDEBAR ? NP_FRAME_SIDEBAR
							      : NP_FRAME_IMAGE,
			      .x = o->x0, .y = np_flow_cell_top(f, o->cell), .w = o->x1 - o->x0,
			      .h = o->ncells * f->g->grid, .article = f->a->id, .parent = -1};
	snprintf(fr.id, sizeof fr.id, "p%d-%s%s%d", pg->number, f->out->label_prefix,
		 o->kind == OB_PULLQUOTE ? "pq" : o->kind == OB_SIDEBAR ? "sb" : "img", n);
	if (o->kind == OB_SIDEBAR && f->a->sidebars[o->index].kind == NP_SIDEBAR_BOX)
		fr.tint = f->g->l->sidebar_tint;
	int fi = np_page_add_frame(pg, &fr);
	if (fi < 0)
		return -1;
	double top = o->kind == OB_IMAGE ? fr.y : fr.y + f->g->grid * 0.5;
	return content(f, o, pg, fi, fr.x, top, fr.w) < 0 ? -1 : 0;
}

int np_flow_obstacles_draw(struct flow *f, int region)
{
	int n = 0;
	for (size_t i = 0; i < f->nobst; i++)
		if (f->obst[i].region == region && draw_one(f, &f->obst[i], ++n) < 0)
			return -1;
	return 0;
}
