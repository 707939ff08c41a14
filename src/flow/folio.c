/* folio.c - the one folio: the page's label, date and section (or the
 * edition's name) under a rule at the page's foot, for articles and editions. */
#include <stdio.h>
#include <string.h>

#include "flow/flow_int.h"

/* The folio under its rule at the page's foot. Articles and editions place
 * its first baseline differently (by the style's size, or by its leading):
 * `baseline` is how far below the folio's top, `h` the frame's height for one
 * line, kept as each had them so no report moves. */
int np_flow_folio(struct flow *f, struct np_page *pg, const char *text, double baseline, double h)
{
	const struct np_layout *l = f->g->l;
	const struct np_style *s = &l->styles[NP_ST_FOLIO];
	double x = l->margin_left, w = l->page_width - l->margin_left - l->margin_right;
	double top = l->page_height - l->margin_bottom + 6;
	if (np_page_add_rule(pg, x, top - 2, x + w, top - 2, 0.5) < 0)
		return -1;
	struct np_frame fr = {.kind = NP_FRAME_FOLIO, .x = x, .y = top, .w = w, .h = h, .parent = -1};
	snprintf(fr.id, sizeof fr.id, "p%d-folio", pg->number);
	int fi = np_page_add_frame(pg, &fr);
	if (fi < 0)
		return -1;
	struct block_spec b = {.text = text, .len = strlen(text), .style = s, .x = x,
			       .first_baseline = top + baseline, .width = w,
			       .leading = s->leading, .frame = fi, .style_id = NP_ST_FOLIO};
	int n = np_flow_set_block(f, pg, &b);
	if (n > 1 && n * s->leading > pg->frames[fi].h) /* a folio of two lines */
		pg->frames[fi].h = n * s->leading;
	return n < 0 ? -1 : 0;
}
