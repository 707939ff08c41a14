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
	const struct np_style *s = &p->f->l->styles[id];
	struct block_spec b = {.text = text, .len = strlen(text), .runs = runs, .nruns = nruns,
			       .style = s, .x = p->x, .first_baseline = p->y + p->f->asc,
			       .width = p->w, .leading = leading, .frame = p->frame, .style_id = id};
	if (leading > p->f->grid * 1.01)
		b.first_baseline = p->y + s->size * 0.95;
	int n = np_set_block(p->f, p->pg, &b);
	if (n > 0)
		p->y += (n - 1) * leading + (leading > p->f->grid * 1.01 ? s->size * 1.25 : p->f->grid);
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
	const struct np_layout *l = p->f->l;
	double lead = l->styles[NP_ST_PULLQUOTE].leading;
	if (l->pullquote_frame == NP_QUOTE_RULES)
		pen_rule(p, l->pullquote_rule, p->f->grid * 0.75);
	char *text = quoted(q->text.text);
	if (!text)
		return -1;
	int n = pen_text(p, text, NULL, 0, NP_ST_PULLQUOTE, lead);
	free(text);
	if (n < 0)
		return -1;
	if (q->attribution) {
		p->y += 2;
		if (pen_text(p, q->attribution, NULL, 0, NP_ST_PULLQUOTE_ATTRIBUTION, p->f->grid) < 0)
			return -1;
	}
	if (l->pullquote_frame == NP_QUOTE_RULES)
		pen_rule(p, l->pullquote_rule, p->f->grid * 0.5);
	return 0;
}

static int sidebar_content(struct pen *p, const struct np_sidebar *s)
{
	double g = p->f->grid;
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

/* Draws (pg) or measures (pg NULL) the content of obstacle o in [x, x+w]
 * from y; returns the height used, or -1. */
static double content(struct flow *f, const struct obstacle *o, struct np_page *pg, int frame,
		      double x, double y, double w)
{
	double pad = 0;
	if ((o->kind == OB_SIDEBAR && f->a->sidebars[o->index].kind == NP_SIDEBAR_BOX) ||
	    (o->kind == OB_PULLQUOTE && f->l->pullquote_frame == NP_QUOTE_BOX))
		pad = 6;
	struct pen p = {.f = f, .pg = pg, .frame = frame, .x = x + pad, .w = w - 2 * pad,
			.y = y + pad};
	int rc = 0;
	if (o->kind == OB_PULLQUOTE)
		rc = pullquote_content(&p, &f->a->pullquotes[o->index]);
	else if (o->kind == OB_SIDEBAR)
		rc = sidebar_content(&p, &f->a->sidebars[o->index]);
	return rc < 0 ? -1 : p.y - y + pad;
}

static double obstacle_width(const struct flow *f, int span)
{
	return span * f->colw + (span - 1) * f->l->gutter;
}

/* Height in cells, the standoff above and below included. */
int np_obstacle_cells(struct flow *f, enum obst_kind kind, int index, double width)
{
	struct obstacle o = {.kind = kind, .index = index};
	double h = content(f, &o, NULL, 0, 0, 0, width);
	if (h < 0)
		return -1;
	return (int)ceil((h + f->grid * 0.5) / f->grid - 1e-6);
}

static const char *kind_word(enum obst_kind k)
{
	return k == OB_PULLQUOTE ? "pull-quote" : k == OB_SIDEBAR ? "sidebar" : "picture";
}

static int collides(const struct flow *f, const struct obstacle *o)
{
	for (size_t i = 0; i < f->nobst; i++) {
		const struct obstacle *q = &f->obst[i];
		if (q->page == o->page && q->x0 < o->x1 + f->l->standoff &&
		    o->x0 < q->x1 + f->l->standoff && q->cell < o->cell + o->ncells &&
		    o->cell < q->cell + q->ncells)
			return 1;
	}
	return 0;
}

static void set_columns(const struct flow *f, struct obstacle *o, int col)
{
	double w = obstacle_width(f, o->span);
	o->col = col;
	if (o->inset) {
		double a = np_layout_column_x(f->l, col);
		double b = np_layout_column_x(f->l, col + o->span) + f->colw;
		o->x0 = (a + b) / 2 - w / 2;
	} else {
		o->x0 = np_layout_column_x(f->l, col);
	}
	o->x1 = o->x0 + w;
}

/* Nearest free spot to (page, col, cell): cells first, then column groups. */
static int find_spot(struct flow *f, struct obstacle *o, int page, int col, int cell, int npages)
{
	int ncols = f->l->columns - o->span - (o->inset ? 1 : 0) + 1;
	for (int pg = page; pg < npages; pg++) {
		int top = pg == 0 ? f->band_cells : 0, room = f->ncells - top;
		for (int dc = 0; dc < 2 * ncols; dc++) {
			int c = col + (dc % 2 ? -(dc + 1) / 2 : dc / 2);
			if (c < 0 || c >= ncols)
				continue;
			set_columns(f, o, c);
			for (int dk = 0; dk <= 2 * room; dk++) {
				int k = cell + (dk % 2 ? -(dk + 1) / 2 : dk / 2);
				o->page = pg;
				o->cell = k;
				if (k >= top && k + o->ncells <= f->ncells && !collides(f, o))
					return 1;
			}
		}
		cell = pg == page ? top : cell;
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
 * layout's default. */
static void wanted(struct flow *f, const struct obstacle *o, const struct np_placement *pl,
		   int *page, int *col, int *cell, int depth)
{
	int top = f->band_cells;
	*page = 0;
	*col = pl->column ? pl->column - 1 : o->kind == OB_SIDEBAR ? f->l->sidebar_column - 1
								 : (f->l->columns - o->span) / 2;
	enum np_position pos = pl->position ? pl->position
			       : o->kind == OB_SIDEBAR && !pl->after ? f->l->sidebar_position
								     : NP_POS_AFTER;
	if (pos == NP_POS_TOP)
		*cell = top;
	else if (pos == NP_POS_BOTTOM)
		*cell = f->ncells - o->ncells;
	else if (pl->after && f->ends[pl->after - 1].placed) {
		const struct block_end *e = &f->ends[pl->after - 1];
		*page = e->page;
		*cell = e->cell + 1;
		if (!pl->column)
			*col = e->col;
	} else {
		int d = depth < f->ncells - top ? depth : f->ncells - top;
		*cell = top + d / 3;
	}
	if (*col + o->span > f->l->columns)
		*col = f->l->columns - o->span;
	if (*col < 0)
		*col = 0;
}

static int plan_one(struct flow *f, enum obst_kind kind, int i, int npages, int depth)
{
	const struct np_placement *pl = placement(f, kind, i);
	int dspan = kind == OB_PULLQUOTE ? f->l->pullquote_span
		    : kind == OB_IMAGE ? f->l->image_span : 1;
	struct obstacle o = {.kind = kind, .index = i, .span = pl->span ? pl->span : dspan};
	if (o.span > f->l->columns)
		o.span = f->l->columns;
	o.inset = kind == OB_PULLQUOTE && f->l->pullquote_inset > 0 && o.span < f->l->columns;
	o.mark = kind == OB_PULLQUOTE ? &f->a->pullquotes[i].mark
		 : kind == OB_SIDEBAR ? &f->a->sidebars[i].mark : &f->a->images[i].mark;
	o.ncells = np_obstacle_cells(f, kind, i, obstacle_width(f, o.span) - 0);
	if (o.ncells < 0)
		return -1;
	int page, col, cell;
	wanted(f, &o, pl, &page, &col, &cell, depth);
	if (o.ncells > f->ncells - f->band_cells && o.ncells > f->ncells) {
		np_diag_add(f->d, NP_WARNING, o.mark, "%s is %d grid lines tall, taller than a column (%d): not set",
			    kind_word(kind), o.ncells, f->ncells);
		return 1;
	}
	if (!find_spot(f, &o, page, col, cell, npages + 1)) {
		np_diag_add(f->d, NP_WARNING, o.mark, "no room for the %s (%d grid lines over %d columns): not set",
			    kind_word(kind), o.ncells, o.span);
		return 1;
	}
	if (o.page != page || o.col != col || abs(o.cell - cell) > 2)
		np_diag_add(f->d, NP_WARNING, o.mark,
			    "%s moved to page %d, column %d, grid line %d: the spot asked for (page %d, column %d, line %d) %s",
			    kind_word(kind), o.page + 1, o.col + 1, o.cell + 1, page + 1, col + 1,
			    cell + 1, cell + o.ncells > f->ncells ? "is too near the foot of the page"
								 : "is taken");
	struct obstacle *v = realloc(f->obst, (f->nobst + 1) * sizeof *v);
	if (!v)
		return -1;
	f->obst = v;
	f->obst[f->nobst++] = o;
	return 0;
}

/* Plans every obstacle of the article (sidebars first: they stand at fixed
 * spots); `npages` and `depth` describe the trial run without them. Returns
 * the number not set, or -1. */
int np_obstacles_plan(struct flow *f, int npages, int depth)
{
	int unset = 0;
	for (size_t i = 0; i < f->a->nsidebars; i++) {
		int rc = plan_one(f, OB_SIDEBAR, (int)i, npages, depth);
		if (rc < 0)
			return -1;
		unset += rc;
	}
	for (size_t i = 0; i < f->a->npullquotes; i++) {
		int rc = plan_one(f, OB_PULLQUOTE, (int)i, npages, depth);
		if (rc < 0)
			return -1;
		unset += rc;
	}
	return unset;
}

int np_obstacles_draw(struct flow *f, int page)
{
	struct np_page *pg = &f->doc->pages[page];
	int n = 0;
	for (size_t i = 0; i < f->nobst; i++) {
		const struct obstacle *o = &f->obst[i];
		if (o->page != page)
			continue;
		n++;
		struct np_frame fr = {.kind = o->kind == OB_PULLQUOTE ? NP_FRAME_PULLQUOTE
					      : o->kind == OB_SIDEBAR ? NP_FRAME_SIDEBAR
								      : NP_FRAME_IMAGE,
				      .x = o->x0, .y = np_cell_top(f, o->cell), .w = o->x1 - o->x0,
				      .h = o->ncells * f->grid, .article = f->a->id, .parent = -1};
		snprintf(fr.id, sizeof fr.id, "p%d-%s%d", page + 1,
			 o->kind == OB_PULLQUOTE ? "pq" : o->kind == OB_SIDEBAR ? "sb" : "img", n);
		if (o->kind == OB_SIDEBAR && f->a->sidebars[o->index].kind == NP_SIDEBAR_BOX)
			fr.tint = f->l->sidebar_tint;
		int fi = np_page_add_frame(pg, &fr);
		if (fi < 0)
			return -1;
		double top = fr.y + f->grid * 0.5;
		if (content(f, o, pg, fi, fr.x, top, fr.w) < 0)
			return -1;
	}
	return 0;
}
