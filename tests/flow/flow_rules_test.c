/* flow_rules_test.c - more of the flow's rules on the fixed-width fake text
 * layer (fake_text.c): widows and orphans, a subhead kept with its text, the
 * drop cap. The page is flow_fake_test.c's: 300 x 400 pt, two columns of
 * 125 pt, a 10 pt grid, words "aaaa" five to a line.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_text.h"
#include "flow/flow.h"

static void layout(struct np_layout *l)
{
	fake_layout(l);
	l->folio = 0;
}

static void words(struct np_text *t, int n)
{
	t->len = n ? (size_t)n * 5 - 1 : 0;
	t->text = malloc(t->len + 1);
	for (size_t i = 0; i < t->len; i++)
		t->text[i] = i % 5 == 4 ? ' ' : 'a';
	t->text[t->len] = 0;
}

/* An article of blocks: n[i] > 0 a paragraph of n[i] words, n[i] < 0 a
 * subhead of -n[i] words. */
static struct np_article *article(const int *n, size_t nb)
{
	struct np_article *a = calloc(1, sizeof *a);
	a->id = strdup("rules");
	a->headline = strdup("Head");
	a->blocks = calloc(nb, sizeof *a->blocks);
	a->nblocks = nb;
	for (size_t i = 0; i < nb; i++) {
		a->blocks[i].kind = n[i] < 0 ? NP_BLOCK_SUBHEAD : NP_BLOCK_PARAGRAPH;
		words(&a->blocks[i].text, abs(n[i]));
	}
	return a;
}

static int pour(struct np_text_ctx *t, const struct np_article *a, const struct np_layout *l,
		struct np_diags *d, struct np_doc *doc)
{
	struct np_flow_opts o = {.breaker = NP_BREAK_TOTAL_FIT};
	np_diags_init(d);
	return np_flow_article(t, a, l, &o, d, doc);
}

/* Lines of body block b in the column frame fi of page pg. */
static int lines_in(const struct np_page *pg, int b, size_t fi)
{
	int n = 0;
	for (size_t i = 0; i < pg->nlines; i++)
		n += pg->lines[i].block == b && (size_t)pg->lines[i].frame == fi &&
		     pg->lines[i].style != NP_ST_DROP_CAP;
	return n;
}

/* Whichever line a paragraph's end or start falls on, no column holds one
 * line alone of a paragraph of several: the first paragraph's length sweeps
 * its end across the foot of page 1's first column. */
static void widows_and_orphans(void)
{
	struct np_layout l;
	layout(&l);
	struct np_text_ctx *t = fake_text_ctx();
	for (int lines = 20; lines <= 40; lines++) {
		int n[] = {5 * lines, 5 * 3, 5 * 4, 5 * 200};
		struct np_article *a = article(n, 4);
		struct np_diags d;
		struct np_doc doc;
		int rc = pour(t, a, &l, &d, &doc);
		CHECK(rc == 0, "the flow failed (%d lines)", lines);
		for (size_t p = 0; rc == 0 && p + 1 < doc.npages; p++) /* the last is balanced */
			for (size_t fi = 0; fi < doc.pages[p].nframes; fi++) {
				if (doc.pages[p].frames[fi].kind != NP_FRAME_COLUMN)
					continue;
				for (int b = 1; b <= 3; b++)
					CHECK(lines_in(&doc.pages[p], b, fi) != 1,
					      "first paragraph of %d lines: paragraph %d has one line alone in %s",
					      lines, b, doc.pages[p].frames[fi].id);
			}
		np_doc_fini(&doc);
		np_diags_fini(&d);
		np_article_free(a);
	}
	np_text_ctx_free(t);
	np_layout_fini(&l);
}

/* A subhead never ends a column: its next line is in its own column, right
 * under it. */
static void subhead_kept_with_text(void)
{
	struct np_layout l;
	layout(&l);
	struct np_text_ctx *t = fake_text_ctx();
	for (int lines = 25; lines <= 36; lines++) {
		int n[] = {5 * lines, -2, 5 * 6, 5 * 200};
		struct np_article *a = article(n, 4);
		struct np_diags d;
		struct np_doc doc;
		int rc = pour(t, a, &l, &d, &doc);
		CHECK(rc == 0, "the flow failed (%d lines)", lines);
		int seen = 0;
		for (size_t p = 0; rc == 0 && p < doc.npages; p++) {
			const struct np_page *pg = &doc.pages[p];
			for (size_t i = 0; i < pg->nlines; i++) {
				if (pg->lines[i].block != 2)
					continue;
				seen++;
				const struct np_frame *sh = &pg->frames[pg->lines[i].frame];
				CHECK(sh->kind == NP_FRAME_SUBHEAD, "the subhead's line is in a %s frame",
				      np_frame_kind_name(sh->kind));
				/* the paragraph after it: its first line below, in the same column */
				int next = 0;
				for (size_t k = 0; k < pg->nlines; k++)
					if (pg->lines[k].block == 3 && !next) {
						next = 1;
						const struct np_frame *col = &pg->frames[pg->lines[k].frame];
						CHECK(fabs(col->x - sh->x) < 1e-6 &&
							      fabs(pg->lines[k].baseline - (pg->lines[i].baseline + l.grid)) < 1e-6,
						      "first paragraph of %d lines: the text after the subhead starts at (%.1f, %.1f), the subhead is at (%.1f, %.1f)",
						      lines, col->x, pg->lines[k].baseline, sh->x, pg->lines[i].baseline);
					}
				CHECK(next, "first paragraph of %d lines: no text after the subhead on its page", lines);
			}
		}
		CHECK(seen == 1, "the subhead set %d times", seen);
		np_doc_fini(&doc);
		np_diags_fini(&d);
		np_article_free(a);
	}
	np_text_ctx_free(t);
	np_layout_fini(&l);
}

/* A three-line drop cap: its letter on the third line's baseline, the first
 * three lines set beside it (x past the letter), the fourth back at the
 * column's edge. */
static void drop_cap(void)
{
	struct np_layout l;
	layout(&l);
	l.drop_cap_lines = 3;
	int n[] = {5 * 10};
	struct np_article *a = article(n, 1);
	struct np_text_ctx *t = fake_text_ctx();
	struct np_diags d;
	struct np_doc doc;
	int rc = pour(t, a, &l, &d, &doc);
	CHECK(rc == 0 && doc.npages == 1, "the flow failed");
	if (rc == 0) {
		const struct np_page *pg = &doc.pages[0];
		const struct np_pline *cap = NULL, *body[4] = {0};
		int nb = 0;
		for (size_t i = 0; i < pg->nlines; i++) {
			if (pg->lines[i].style == NP_ST_DROP_CAP)
				cap = &pg->lines[i];
			else if (pg->lines[i].block == 1 && nb < 4)
				body[nb++] = &pg->lines[i];
		}
		CHECK(cap && strcmp(cap->text, "a") == 0, "no drop cap line, or not 'a'");
		CHECK(nb == 4, "%d body lines", nb);
		if (cap && nb == 4) {
			double edge = np_layout_column_x(&l, 0);
			CHECK(fabs(cap->baseline - body[2]->baseline) < 1e-6,
			      "the cap's baseline %.2f is not the third line's %.2f", cap->baseline,
			      body[2]->baseline);
			for (int k = 0; k < 3; k++)
				CHECK(body[k]->x > edge + FAKE_GLYPH, "line %d at x %.2f is not beside the cap",
				      k + 1, body[k]->x);
			CHECK(fabs(body[3]->x - edge) < 1e-6, "line 4 at x %.2f, not the column's %.2f",
			      body[3]->x, edge);
		}
	}
	np_doc_fini(&doc);
	np_diags_fini(&d);
	np_text_ctx_free(t);
	np_article_free(a);
	np_layout_fini(&l);
}

int main(void)
{
	widows_and_orphans();
	subhead_kept_with_text();
	drop_cap();
	if (fake_failures)
		fprintf(stderr, "flow_rules_test: %d check(s) failed\n", fake_failures);
	else
		printf("flow_rules_test: all checks passed\n");
	return fake_failures ? 1 : 0;
}
