/* folio.c - the one folio: the page's label, date and section (or the
 * edition's name) under a rule at the page's foot, for articles and editions. */
#include <stdio.h>
#include <string.h>

#include "flow/flow_int.h"

/* The folio under its rule at the page's foot, the same in articles and
 * editions: its first baseline NP_LEADING_BASELINE of the folio's leading
 * below its top, as every block set at its own leading (articles had theirs
 * at 0.9 of the size, 0.6 pt above an edition's on the bundled layouts), in
 * a frame one leading high. */
int np_flow_folio(struct flow *f, struct np_page *pg, const char *text)
{
	const struct np_layout *l = f->g->l;
	const struct np_style *s = &l->styles[NP_ST_FOLIO];
	double x = l->margin_left, w = l->page_width - l->margin_left - l->margin_right;
	double top = l->page_height - l->margin_bottom + 6;
	if (np_page_add_rule(pg, x, top - 2, x + w, top - 2, 0.5) < 0)
		return -1;
	struct np_frame fr = {.kind = NP_FRAME_FOLIO, .x = x, .y = top, .w = w, .h = s->leading,
			      .parent = -1};
	snprintf(fr.id, sizeof fr.id, "p%d-folio", pg->number);
	int fi = np_page_add_frame(pg, &fr);
	if (fi < 0)
		return -1;
	struct block_spec b = {.text = text, .len = strlen(text), .style = s, .x = x,
			       .first_baseline = top + s->leading * NP_LEADING_BASELINE, .width = w,
			       .leading = s->leading, .frame = fi, .style_id = NP_ST_FOLIO};
	int n = np_flow_set_block(f, pg, &b);
	if (n > 1 && n * s->leading > pg->frames[fi].h) /* a folio of two lines */
		pg->frames[fi].h = n * s->leading;
	return n < 0 ? -1 : 0;
}
