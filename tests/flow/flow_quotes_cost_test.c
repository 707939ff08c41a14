/* flow_quotes_cost_test.c - the pull-quote check's cost is bounded per quote
 * (issue 15): a quote far from the story's end is tried on runs of the
 * regions near it, not of the whole story, so a story twice as long with
 * twice the quotes costs about twice as much, not four times. Counted (the
 * regions its trial runs pour, np_flow_opts.quote_regions), not timed, on
 * the fake text layer.
 *
 * The article: paragraphs of twelve words "aaaa" (three lines each on the fake
 * page's 125 pt columns), a pull-quote after every QUOTE_EVERY of them; the
 * layout asks more lines under each quote than a page has, so every quote
 * breaks the rules wherever it is tried: each is tried at every spot it may
 * be, the worst case, and then not set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_text.h"
#include "flow/flow.h"

#define WORDS 12
#define QUOTE_EVERY 40
/* regions poured per quote, at most: MAX_TRIES (40) runs of a few regions
 * each, and the quotes near the end (each tried on whole runs) spread over
 * the rest */
#define PER_QUOTE 200

static struct np_article *article(size_t paras)
{
	struct np_article *a = fake_long_article(paras, WORDS);
	a->npullquotes = paras / QUOTE_EVERY;
	a->pullquotes = calloc(a->npullquotes, sizeof *a->pullquotes);
	for (size_t q = 0; q < a->npullquotes; q++) {
		a->pullquotes[q].text.text = strdup("Quote quote quote");
		a->pullquotes[q].text.len = strlen(a->pullquotes[q].text.text);
		a->pullquotes[q].place.after = (int)(q * QUOTE_EVERY + QUOTE_EVERY / 2);
		a->pullquotes[q].place.column = 2;
	}
	return a;
}

static int emit(void *ctx, const struct np_page *pg)
{
	(void)pg;
	++*(int *)ctx;
	return 0;
}

/* Regions the check poured for an article of `paras` paragraphs; its quotes
 * and pages in *quotes, *pages. */
static long poured(size_t paras, size_t *quotes, int *pages)
{
	struct np_layout l;
	fake_layout(&l);
	l.folio = 0;
	l.pullquote_span = 1;
	l.pullquote_lines_below = 10000;
	struct np_article *a = article(paras);
	struct np_text_ctx *t = fake_text_ctx();
	long regions = 0;
	*pages = 0;
	struct np_flow_opts o = {.breaker = NP_BREAK_TOTAL_FIT, .emit = emit, .emit_ctx = pages,
				 .quote_regions = &regions};
	struct np_diags d;
	struct np_doc doc;
	np_diags_init(&d);
	int rc = np_flow_article(t, a, &l, &o, &d, &doc);
	CHECK(rc == 0, "the article of %zu paragraphs is set (rc %d)", paras, rc);
	*quotes = a->npullquotes;
	if (rc == 0)
		np_doc_fini(&doc);
	np_diags_fini(&d);
	np_text_ctx_free(t);
	np_article_free(a);
	np_layout_fini(&l);
	return regions;
}

int main(void)
{
	size_t q1, q2;
	int p1, p2;
	long r1 = poured(400, &q1, &p1), r2 = poured(800, &q2, &p2);
	fprintf(stderr, "%zu quotes, %d pages: %ld regions poured; %zu quotes, %d pages: %ld\n", q1,
		p1, r1, q2, p2, r2);
	CHECK(p1 >= 10 && p2 >= 2 * p1 - 2, "long articles: %d and %d pages", p1, p2);
	CHECK(r1 > 0, "the check ran (%ld regions poured)", r1);
	CHECK(r2 <= (long)q2 * PER_QUOTE, "%ld regions poured for %zu quotes on %d pages: more than %d a quote",
	      r2, q2, p2, PER_QUOTE);
	CHECK(r2 <= 5 * r1 / 2, "twice the story, %ld regions poured against %ld: growing faster than the story",
	      r2, r1);
	if (fake_failures)
		fprintf(stderr, "flow_quotes_cost_test: %d checks failed\n", fake_failures);
	return fake_failures ? 1 : 0;
}
