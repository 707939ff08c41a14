/* draw.c - one placed page onto a Cairo context: tints, pictures, rules, lines,
 * and the debug overlay. */
#include <pango/pangocairo.h>

#include "render/render_int.h"
#include "text/glyphs.h"

static void tints(cairo_t *cr, const struct np_page *pg)
{
	for (size_t i = 0; i < pg->nframes; i++) {
		const struct np_frame *f = &pg->frames[i];
		if (f->tint <= 0)
			continue;
		cairo_set_source_rgb(cr, f->tint, f->tint, f->tint);
		cairo_rectangle(cr, f->x, f->y, f->w, f->h);
		cairo_fill(cr);
	}
}

static void rules(cairo_t *cr, const struct np_page *pg)
{
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	for (size_t i = 0; i < pg->nrules; i++) {
		const struct np_rule *r = &pg->rules[i];
		cairo_set_source_rgb(cr, r->grey, r->grey, r->grey);
		cairo_set_line_width(cr, r->width);
		cairo_move_to(cr, r->x0, r->y0);
		cairo_line_to(cr, r->x1, r->y1);
		cairo_stroke(cr);
	}
}

static void line(cairo_t *cr, const struct np_pline *ln, const struct np_layout *l)
{
	const struct np_line_glyphs *g = ln->glyphs;
	if (!g)
		return;
	const double *c = l->styles[ln->style].color;
	cairo_set_source_rgb(cr, c[0], c[1], c[2]);
	double x = ln->x; /* the indent is in it */
	for (size_t i = 0; i < g->nitems; i++) {
		cairo_move_to(cr, x, ln->baseline);
		pango_cairo_show_glyph_item(cr, g->text, g->items[i]);
		x += NP_PT(pango_glyph_string_get_width(g->items[i]->glyphs));
	}
}

static void debug_overlay(cairo_t *cr, const struct np_page *pg, const struct np_layout *l)
{
	cairo_save(cr);
	cairo_set_line_width(cr, 0.25);
	/* baseline grid over the text area */
	cairo_set_source_rgba(cr, 0, 0.6, 0.9, 0.35);
	double bottom = pg->height - l->margin_bottom;
	for (double y = l->margin_top + l->grid * NP_GRID_BASELINE; y <= bottom; y += l->grid) {
		cairo_move_to(cr, l->margin_left, y);
		cairo_line_to(cr, pg->width - l->margin_right, y);
	}
	cairo_stroke(cr);
	/* columns and gutters */
	cairo_set_source_rgba(cr, 0.1, 0.3, 1, 0.08);
	for (int c = 0; c < l->columns; c++)
		cairo_rectangle(cr, np_layout_column_x(l, c), l->margin_top,
				np_layout_column_width(l), bottom - l->margin_top);
	cairo_fill(cr);
	/* frame outlines */
	cairo_set_line_width(cr, 0.6);
	for (size_t i = 0; i < pg->nframes; i++) {
		const struct np_frame *f = &pg->frames[i];
		if (f->kind == NP_FRAME_COLUMN)
			cairo_set_source_rgba(cr, 0.1, 0.3, 1, 0.6);
		else
			cairo_set_source_rgba(cr, 0.9, 0, 0.5, 0.8);
		cairo_rectangle(cr, f->x, f->y, f->w, f->h);
		cairo_stroke(cr);
	}
	cairo_restore(cr);
}

int np_draw_page(cairo_t *cr, const struct np_page *pg, const struct np_layout *l, int debug,
		 struct np_pictures *pics)
{
	tints(cr, pg);
	if (np_draw_images(cr, pg, pics) < 0)
		return -1;
	rules(cr, pg);
	for (size_t i = 0; i < pg->nlines; i++)
		line(cr, &pg->lines[i], l);
	if (debug)
		debug_overlay(cr, pg, l);
	return 0;
}
