/* flow_fake_test.c - the flow's own rules on a fixed-width fake text layer
 * (fake_text.c): no Pango, no fonts, no command line. Each check builds a
 * layout and an article in memory, pours it (np_flow_article) and asserts on
 * the placed document: column filling, the baseline grid, balancing, the
 * overset count, text kept clear of a pull-quote.
 *
 * The page: 300 x 400 pt, 20 pt margins, two columns of 125 pt with a 10 pt
 * gutter, a 10 pt grid. Body words are "aaaa" (4 glyphs, 20 pt) so exactly
 * five go on a line (5 x 20 + 4 spaces of 5 = 120 pt; a sixth does not fit
 * even shrunk).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_text.h"
#include "flow/flow.h"

#define WORDS_PER_LINE 5

static void layout(struct np_layout *l)
{
	fake_layout(l);
	l->folio = 0;
}

/* An article of one paragraph of n words "aaaa" (np_article_free frees it). */
static struct np_article *article(int n)
{
	struct np_article *a = calloc(1, sizeof *a);
	a->id = strdup("fake");
	a->headline = strdup("Head");
	a->blocks = calloc(1, sizeof *a->blocks);
	a->nblocks = 1;
	struct np_text *t = &a->blocks[0].text;
	t->len = n ? (size_t)n * 5 - 1 : 0;
	t->text = malloc(t->len + 1);
	for (size_t i = 0; i < t->len; i++)
		t->text[i] = i % 5 == 4 ? ' ' : 'a';
	t->text[t->len] = 0;
	return a;
}

static int pour(struct np_text_ctx *t, const struct np_article *a, const struct np_layout *l,
		int max_pages, struct np_diags *d, struct np_doc *doc)
{
	struct np_flow_opts o = {.breaker = NP_BREAK_TOTAL_FIT, .max_pages = max_pages};
	np_diags_init(d);
	return np_flow_article(t, a, l, &o, d, doc);
}

/* The body lines of a page in column c (0-based: its frame's x). */
static int column_lines(const struct np_page *pg, const struct np_layout *l, int c, double *top,
			double *bottom)
{
	int n = 0;
	*top = INFINITY;
	*bottom = -INFINITY;
	for (size_t i = 0; i < pg->nlines; i++) {
		const struct np_pline *ln = &pg->lines[i];
		const struct np_frame *fr = &pg->frames[ln->frame];
		if (fr->kind != NP_FRAME_COLUMN || fabs(fr->x - np_layout_column_x(l, c)) > 1e-6)
			continue;
		n++;
		*top = ln->baseline < *top ? ln->baseline : *top;
		*bottom = ln->baseline > *bottom ? ln->baseline : *bottom;
	}
	return n;
}

/* Every body line on the grid: its baseline a whole number of grid lines
 * below the first one; five words on each but the last of the paragraph. */
static void grid_and_measure(void)
{
	struct np_layout l;
	struct np_article *a;
	layout(&l);
	a = article(5 * 40 + 3);
	struct np_text_ctx *t = fake_text_ctx();
	struct np_diags d;
	struct np_doc doc;
	int rc = pour(t, a, &l, 0, &d, &doc);
	CHECK(rc == 0, "the flow failed");
	double first = l.margin_top + l.grid * NP_GRID_BASELINE;
	int lines = 0;
	for (size_t p = 0; rc == 0 && p < doc.npages; p++)
		for (size_t i = 0; i < doc.pages[p].nlines; i++) {
			const struct np_pline *ln = &doc.pages[p].lines[i];
			if (ln->block != 1)
				continue;
			lines++;
			double k = (ln->baseline - first) / l.grid;
			CHECK(fabs(k - round(k)) < 1e-6, "line '%s' at %.3f is off the grid", ln->text,
			      ln->baseline);
			int words = np_doc_count_words(ln->text);
			CHECK(words == WORDS_PER_LINE || i + 1 == doc.pages[p].nlines,
			      "line %zu of page %zu has %d words: '%s'", i, p + 1, words, ln->text);
		}
	CHECK(lines == 41, "%d body lines, not 41 (203 words, 5 a line)", lines);
	CHECK(doc.narticles == 1 && doc.articles[0].words == 204 && doc.articles[0].overset_words == 0,
	      "figures: %d words (203 and the headline's), %d overset", doc.articles[0].words, doc.articles[0].overset_words);
	np_doc_fini(&doc);
	np_diags_fini(&d);
	np_text_ctx_free(t);
	np_article_free(a);
	np_layout_fini(&l);
}

/* A page that is not the last is filled column by column: the first column
 * to the foot of the page, then the second from the top of the text. */
static void column_filling(void)
{
	struct np_layout l;
	struct np_article *a;
	layout(&l);
	a = article(5 * 100);
	struct np_text_ctx *t = fake_text_ctx();
	struct np_diags d;
	struct np_doc doc;
	int rc = pour(t, a, &l, 0, &d, &doc);
	CHECK(rc == 0 && doc.npages >= 2, "the flow failed or made %zu pages", doc.npages);
	if (rc == 0 && doc.npages >= 2) {
		int ncells = np_flow_grid_lines(&l);
		double last = l.margin_top + (ncells - 1) * l.grid + l.grid * NP_GRID_BASELINE;
		double t0, b0, t1, b1;
		int n0 = column_lines(&doc.pages[0], &l, 0, &t0, &b0);
		int n1 = column_lines(&doc.pages[0], &l, 1, &t1, &b1);
		CHECK(n0 > 0 && fabs(b0 - last) < 1e-6, "column 1 ends at %.2f, not the foot %.2f", b0,
		      last);
		CHECK(n1 == n0 && fabs(b1 - last) < 1e-6 && fabs(t1 - t0) < 1e-6,
		      "column 2: %d lines from %.2f to %.2f; column 1: %d from %.2f", n1, t1, b1, n0, t0);
		/* page 2 has no headline: its text starts on the first grid line */
		n0 = column_lines(&doc.pages[1], &l, 0, &t0, &b0);
		double top = l.margin_top + l.grid * NP_GRID_BASELINE;
		CHECK(n0 > 0 && fabs(t0 - top) < 1e-6, "page 2's first line at %.2f, not %.2f", t0, top);
	}
	np_doc_fini(&doc);
	np_diags_fini(&d);
	np_text_ctx_free(t);
	np_article_free(a);
	np_layout_fini(&l);
}

/* The last page's columns balanced: 24 lines end up 12 and 12, not 24 in
 * the first column. */
static void balancing(void)
{
	struct np_layout l;
	struct np_article *a;
	layout(&l);
	a = article(5 * 24);
	struct np_text_ctx *t = fake_text_ctx();
	struct np_diags d;
	struct np_doc doc;
	int rc = pour(t, a, &l, 0, &d, &doc);
	CHECK(rc == 0 && doc.npages == 1, "the flow failed or made %zu pages", doc.npages);
	if (rc == 0 && doc.npages == 1) {
		double t0, b0, t1, b1;
		int n0 = column_lines(&doc.pages[0], &l, 0, &t0, &b0);
		int n1 = column_lines(&doc.pages[0], &l, 1, &t1, &b1);
		CHECK(n0 == 12 && n1 == 12, "columns of %d and %d lines, not 12 and 12", n0, n1);
		CHECK(fabs(b0 - b1) <= l.grid + 1e-6, "bottoms %.2f and %.2f more than a line apart", b0,
		      b1);
	}
	np_doc_fini(&doc);
	np_diags_fini(&d);
	np_text_ctx_free(t);
	np_article_free(a);
	np_layout_fini(&l);
}

/* Past the page limit the rest is overset, counted in words and lines, and
 * said in a warning. */
static void overset(void)
{
	struct np_layout l;
	struct np_article *a;
	layout(&l);
	a = article(5 * 200);
	struct np_text_ctx *t = fake_text_ctx();
	struct np_diags d;
	struct np_doc doc;
	int rc = pour(t, a, &l, 1, &d, &doc);
	CHECK(rc == 0 && doc.npages == 1, "the flow failed or made %zu pages", doc.npages);
	if (rc == 0) {
		int placed = 0;
		for (size_t i = 0; i < doc.pages[0].nlines; i++)
			if (doc.pages[0].lines[i].block == 1)
				placed += np_doc_count_words(doc.pages[0].lines[i].text);
		const struct np_article_stats *st = &doc.articles[0];
		CHECK(st->overset_words == 1000 - placed, "%d words overset, %d placed of 1000",
		      st->overset_words, placed);
		CHECK(st->overset_lines * WORDS_PER_LINE == st->overset_words,
		      "%d lines overset for %d words", st->overset_lines, st->overset_words);
		int said = 0;
		for (size_t i = 0; i < d.n; i++)
			said |= strstr(d.v[i].message, "words overset: the page limit (1) was reached") != NULL;
		CHECK(said, "no overset warning");
	}
	np_doc_fini(&doc);
	np_diags_fini(&d);
	np_text_ctx_free(t);
	np_article_free(a);
	np_layout_fini(&l);
}

/* A pull-quote after the paragraph's start: no body line crosses its frame
 * (with the layout's standoff), and the text still all fits. */
static void pullquote_clear(void)
{
	struct np_layout l;
	struct np_article *a;
	layout(&l);
	l.pullquote_span = 1;
	a = article(5 * 60);
	a->pullquotes = calloc(1, sizeof *a->pullquotes);
	a->npullquotes = 1;
	a->pullquotes[0].text.text = strdup("Quote quote quote");
	a->pullquotes[0].text.len = strlen(a->pullquotes[0].text.text);
	a->pullquotes[0].place.column = 2;
	struct np_text_ctx *t = fake_text_ctx();
	struct np_diags d;
	struct np_doc doc;
	int rc = pour(t, a, &l, 0, &d, &doc);
	CHECK(rc == 0, "the flow failed");
	int quotes = 0;
	for (size_t p = 0; rc == 0 && p < doc.npages; p++) {
		const struct np_page *pg = &doc.pages[p];
		for (size_t f = 0; f < pg->nframes; f++) {
			const struct np_frame *q = &pg->frames[f];
			if (q->kind != NP_FRAME_PULLQUOTE)
				continue;
			quotes++;
			for (size_t i = 0; i < pg->nlines; i++) {
				const struct np_pline *ln = &pg->lines[i];
				if (ln->block != 1)
					continue;
				int across = ln->x < q->x + q->w && ln->x + ln->width > q->x;
				/* the line's grid cell against the frame's rows */
				double top = ln->baseline - l.grid * NP_GRID_BASELINE;
				int down = top + l.grid > q->y + 1e-6 && top < q->y + q->h - 1e-6;
				CHECK(!(across && down), "line '%s' at (%.1f, %.1f) crosses the quote [%.1f %.1f %.1f %.1f]",
				      ln->text, ln->x, ln->baseline, q->x, q->y, q->w, q->h);
			}
		}
	}
	CHECK(quotes == 1, "%d pull-quotes placed, not 1", quotes);
	CHECK(doc.articles[0].overset_words == 0, "%d words overset", doc.articles[0].overset_words);
	np_doc_fini(&doc);
	np_diags_fini(&d);
	np_text_ctx_free(t);
	np_article_free(a);
	np_layout_fini(&l);
}

int main(void)
{
	grid_and_measure();
	column_filling();
	balancing();
	overset();
	pullquote_clear();
	if (fake_failures)
		fprintf(stderr, "flow_fake_test: %d check(s) failed\n", fake_failures);
	else
		printf("flow_fake_test: all checks passed\n");
	return fake_failures ? 1 : 0;
}
