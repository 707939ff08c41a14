/* flow_release_test.c - a long article is not held whole (issue 15, memory
 * flat in pages): its pages go out and are let go of as they are finished,
 * and no more than a bounded few of its paragraphs are shaped at once, however
 * many trial runs pour it again from its start. Counted on the fake text layer
 * (fake_text.c counts its paragraphs alive), so the bound is exact and the
 * test runs in well under a second.
 *
 * The article: 1,500 paragraphs of twelve words "aaaa" (three lines each on
 * the fake page's 125 pt columns: 5, 5, 2 words), about 70 pages; then the
 * same at twice the length, about 140 pages: the plan of the run that draws
 * (np_flow_opts.plan_held) holds a block or two at once at either length, as
 * it is painted block by block, not the whole story.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_text.h"
#include "flow/flow.h"

#define PARAS 1500
#define WORDS 12
#define LINES_EACH 3
/* paras.c keeps at most 256 alive; np_para_measure's one and the one being
 * set come on top */
#define LIVE_BOUND 260
/* the plan is painted after each block: one at a time */
#define PLAN_BOUND 2


struct seen {
	int pages;
	long body_lines;
	int out_of_order;
};

static int emit(void *ctx, const struct np_page *pg)
{
	struct seen *s = ctx;
	if (pg->number != s->pages + 1)
		s->out_of_order++;
	s->pages++;
	for (size_t i = 0; i < pg->nlines; i++)
		s->body_lines += pg->lines[i].style == NP_ST_BODY ||
				 pg->lines[i].style == NP_ST_BODY_FIRST;
	return 0;
}

/* Sets an article of `paras` paragraphs; *plan gets the most blocks its plan
 * held at once. */
static void set_article(size_t paras, size_t *plan)
{
	struct np_layout l;
	fake_layout(&l);
	l.folio = 0;
	struct np_article *a = fake_long_article(paras, WORDS);
	struct np_text_ctx *t = fake_text_ctx();
	struct seen s = {0};
	*plan = 0;
	struct np_flow_opts o = {.breaker = NP_BREAK_TOTAL_FIT, .emit = emit, .emit_ctx = &s,
				 .plan_held = plan};
	struct np_diags d;
	struct np_doc doc;
	np_diags_init(&d);
	fake_paras_peak = fake_paras_live;
	int rc = np_flow_article(t, a, &l, &o, &d, &doc);
	CHECK(rc == 0, "the article is set (rc %d)", rc);
	CHECK(s.body_lines == (long)paras * LINES_EACH, "every line goes out: %ld of %zu",
	      s.body_lines, paras * LINES_EACH);
	CHECK(s.pages > (int)paras / 40 && s.out_of_order == 0, "%d pages out in order (%d not)",
	      s.pages, s.out_of_order);
	CHECK(rc != 0 || (size_t)s.pages == doc.npages, "every page goes out: %d of %zu", s.pages,
	      doc.npages);
	size_t held = 0;
	for (size_t p = 0; rc == 0 && p < doc.npages; p++)
		held += doc.pages[p].nlines + doc.pages[p].nframes;
	CHECK(held == 0, "the pages out are let go of: %zu lines and frames still held", held);
	CHECK(fake_paras_peak <= LIVE_BOUND,
	      "at most %d paragraphs shaped at once, not the story's %zu: %zu were", LIVE_BOUND,
	      paras, fake_paras_peak);
	CHECK(*plan >= 1 && *plan <= PLAN_BOUND,
	      "the plan holds at most %d blocks at once, not the story's %zu: %zu", PLAN_BOUND,
	      paras, *plan);
	if (rc == 0)
		np_doc_fini(&doc);
	np_diags_fini(&d);
	np_text_ctx_free(t);
	np_article_free(a);
	np_layout_fini(&l);
}

int main(void)
{
	size_t plan, plan2;
	set_article(PARAS, &plan);
	set_article(2 * PARAS, &plan2);
	CHECK(plan2 <= plan, "twice the story, the plan no larger: %zu blocks against %zu", plan2,
	      plan);
	if (fake_failures)
		fprintf(stderr, "flow_release_test: %d checks failed\n", fake_failures);
	return fake_failures ? 1 : 0;
}
