/* flow.h - geometry: pages from the layout, obstacles placed first, body text
 * poured into the line slots of the baseline grid.
 *
 * The result is a document of placed pages (doc/doc.h). Lengths in pt, origin
 * top-left, y down.
 */
#ifndef NP_FLOW_H
#define NP_FLOW_H

#include "doc/doc.h"
#include "model/model.h"
#include "text/text.h"

struct np_flow_opts {
	enum np_break_mode breaker;
	int max_pages; /* 0 = 1000 */
	int jobs;      /* editions: stories laid out by this many threads (0, 1: one) */
	/* articles: each page as soon as it is finished (may be NULL). The flow
	 * then keeps only its number and size: a long article is not held whole.
	 * Returns 0, or -1 to stop. */
	int (*emit)(void *ctx, const struct np_page *pg);
	void *emit_ctx;
	int debug;
	/* lines without glyphs: nothing will be drawn (check): their text and
	 * figures only, and no paragraph is shaped again to draw it */
	int text_only;
	/* articles, for tests: the regions the pull-quote check's trial runs
	 * poured are added here (may be NULL): its cost, counted, not timed */
	long *quote_regions;
	/* articles, for tests: the most blocks the plan of the run that draws
	 * held at once is added here (may be NULL): it is painted block by
	 * block, not held for the whole story */
	size_t *plan_held;
};

/* Sets one article on as many pages of the layout as it needs. Returns 0, or -1
 * with an error in d. Layout problems (a moved pull-quote, overset) are
 * warnings in d. */
int np_flow_article(struct np_text_ctx *t, const struct np_article *a, const struct np_layout *l,
		    const struct np_flow_opts *o, struct np_diags *d, struct np_doc *out);

/* Grid lines the page template takes atop each page of an edition (the
 * nameplate, a running head): band_lines[npages]. Returns 0 or -1. */
int np_flow_band_lines(struct np_text_ctx *t, const struct np_issue *is,
			const struct np_layout *l, int *band_lines);
/* Grid lines of a page's body area in the layout. */
int np_flow_grid_lines(const struct np_layout *l);
/* Sets a whole edition: page templates, advertisements, every story through
 * its modules and jumps. Returns 0, or -1 with an error in d; copyfit
 * problems (overset, short stories, headlines that do not fit) are warnings. */
int np_flow_issue(struct np_text_ctx *t, const struct np_issue *is, const struct np_layout *l,
		  const struct np_flow_opts *o, struct np_diags *d, struct np_doc *out);

#endif
