/* article.c - one article on as many pages of the layout as it needs: every
 * page is one region, made as the text reaches it. The driver: the band
 * measured, the story poured (story.c), the pages out (emit.c), the figures. */
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

int np_flow_article(struct np_text_ctx *t, const struct np_article *a, const struct np_layout *l,
		    const struct np_flow_opts *o, struct np_diags *d, struct np_doc *out)
{
	memset(out, 0, sizeof *out);
	out->layout = l;
	out->articles = calloc(1, sizeof *out->articles);
	struct flow_geom g;
	np_flow_grid_setup(&g, l);
	struct flow_canvas canvas = {.t = t, .d = d, .doc = out, .o = o, .label_prefix = ""};
	struct flow f = {.g = &g, .out = &canvas, .a = a, .pages_mode = 1};
	int rc = out->articles ? np_flow_init(&f) : -1;
	f.max_regions = o && o->max_pages > 0 ? o->max_pages : 1000;
	struct region first = {.c0 = 0, .c1 = l->columns - 1, .jump_from = -1, .jump_to = -1};
	if (rc == 0)
		rc = np_flow_headline_band(&f, NULL, &first, 1);
	if (rc == 0 && f.band_cells >= g.ncells) {
		np_diag_add(d, NP_ERROR, &a->headline_mark, "the headline band is taller than the page");
		rc = -1;
	}
	if (rc == 0) {
		out->narticles = 1;
		out->articles->id = a->id;
		canvas.stats = out->articles; /* pages emitted as they finish count there */
		rc = np_flow_story(&f);
		if (o && o->quote_regions)
			*o->quote_regions += f.quote_regions;
		if (o && o->plan_held)
			*o->plan_held += f.plan_peak;
	}
	if (rc == 0) { /* known before the last page goes out: its proof marks show it */
		out->articles->overset_lines = f.overset_lines;
		out->articles->overset_words = f.overset_words + f.unset_words;
		rc = np_flow_emit(&f, out->npages);
	}
	if (rc == 0 && f.overflow)
		np_diag_add(d, NP_WARNING, &a->mark, "%s: %d words overset: the page limit (%d) was reached",
			    a->id, f.overset_words, f.max_regions);
	if (rc == 0 && !(o && o->emit)) /* nothing was emitted: count it all now */
		rc = np_flow_stats(out, a->id, 0, out->articles);
	if (rc == 0) {
		out->articles->overset_words = f.overset_words + f.unset_words;
		out->articles->words += out->articles->overset_words;
		out->articles->overset_lines = f.overset_lines;
	}
	out->title = dup_or_null(a->headline);
	out->author = dup_or_null(a->byline);
	out->date = dup_or_null(a->date);
	np_flow_fini(&f);
	if (rc < 0)
		np_doc_fini(out);
	return rc;
}
