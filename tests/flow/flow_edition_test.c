/* flow_edition_test.c - an edition on the fixed-width fake text layer
 * (fake_text.c): stories in modules of inside pages, one jumping to the next
 * page. Every story's body lines stay inside its modules; the jump says
 * where it goes and where it came from; and --jobs changes nothing: the
 * threads each make their own canvas over the one read-only geometry, so the
 * document laid out on four threads is the one laid out on one, line for
 * line. The page: 300 x 400 pt, two columns of 125 pt, a 10 pt grid.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_text.h"
#include "flow/flow.h"

#define NSTORIES 4


static struct np_article *article(const char *id, int n)
{
	struct np_article *a = calloc(1, sizeof *a);
	a->id = strdup(id);
	a->headline = strdup("Head");
	a->blocks = calloc(1, sizeof *a->blocks);
	a->nblocks = 1;
	struct np_text *t = &a->blocks[0].text;
	t->len = (size_t)n * 5 - 1;
	t->text = malloc(t->len + 1);
	for (size_t i = 0; i < t->len; i++)
		t->text[i] = i % 5 == 4 ? ' ' : (char)('a' + i / 5 % 26);
	t->text[t->len] = 0;
	return a;
}

/* Two inside pages: on page 1 story 1 in column 1 (jumping to page 2's
 * column 1) and story 2 in column 2; on page 2 stories 3 and 4 share column
 * 2, one above the other. */
static struct np_issue *issue(void)
{
	struct np_issue *is = calloc(1, sizeof *is);
	is->name = strdup("Fake Times");
	is->date = strdup("2026-12-06");
	is->npages = 2;
	is->pages = calloc(2, sizeof *is->pages);
	is->pages[0].template = is->pages[1].template = NP_TEMPLATE_INSIDE;
	is->nstories = NSTORIES;
	is->stories = calloc(NSTORIES, sizeof *is->stories);
	static const int words[NSTORIES] = {5 * 45, 5 * 20, 5 * 8, 5 * 9};
	static const struct np_module mods[NSTORIES][2] = {
		{{.page = 1, .col = 1, .last = 1, .top = 1, .depth = NP_DEPTH_FOOT},
		 {.page = 2, .col = 1, .last = 1, .top = 1, .depth = NP_DEPTH_FOOT}},
		{{.page = 1, .col = 2, .last = 2, .top = 1, .depth = NP_DEPTH_FOOT}},
		{{.page = 2, .col = 2, .last = 2, .top = 1, .depth = 15}},
		{{.page = 2, .col = 2, .last = 2, .top = 16, .depth = NP_DEPTH_FOOT}},
	};
	for (int i = 0; i < NSTORIES; i++) {
		char id[16];
		snprintf(id, sizeof id, "story%d", i + 1);
		struct np_story *st = &is->stories[i];
		st->article = article(id, words[i]);
		st->nmodules = i == 0 ? 2 : 1;
		st->modules = calloc(st->nmodules, sizeof *st->modules);
		memcpy(st->modules, mods[i], st->nmodules * sizeof *st->modules);
	}
	return is;
}

static int lay_out(const struct np_issue *is, const struct np_layout *l, int jobs,
		   struct np_diags *d, struct np_doc *doc)
{
	struct np_text_ctx *t = fake_text_ctx();
	struct np_flow_opts o = {.breaker = NP_BREAK_TOTAL_FIT, .jobs = jobs};
	np_diags_init(d);
	int rc = np_flow_issue(t, is, l, &o, d, doc);
	np_text_ctx_free(t);
	return rc;
}

static int same_doc(const struct np_doc *a, const struct np_doc *b)
{
	if (a->npages != b->npages || a->narticles != b->narticles)
		return 0;
	for (size_t p = 0; p < a->npages; p++) {
		const struct np_page *x = &a->pages[p], *y = &b->pages[p];
		if (x->nframes != y->nframes || x->nlines != y->nlines || x->nrules != y->nrules)
			return 0;
		for (size_t i = 0; i < x->nframes; i++)
			if (strcmp(x->frames[i].id, y->frames[i].id) != 0 ||
			    x->frames[i].x != y->frames[i].x || x->frames[i].y != y->frames[i].y ||
			    x->frames[i].h != y->frames[i].h || x->frames[i].parent != y->frames[i].parent)
				return 0;
		for (size_t i = 0; i < x->nlines; i++)
			if (strcmp(x->lines[i].text, y->lines[i].text) != 0 ||
			    x->lines[i].frame != y->lines[i].frame ||
			    x->lines[i].baseline != y->lines[i].baseline || x->lines[i].x != y->lines[i].x)
				return 0;
		for (size_t i = 0; i < x->nrules; i++)
			if (memcmp(&x->rules[i], &y->rules[i], sizeof x->rules[i]) != 0)
				return 0;
	}
	for (size_t i = 0; i < a->narticles; i++)
		if (a->articles[i].lines != b->articles[i].lines ||
		    a->articles[i].words != b->articles[i].words ||
		    a->articles[i].overset_words != b->articles[i].overset_words)
			return 0;
	return 1;
}

/* Each story's body lines inside the box of one of its modules' columns. */
static void lines_in_modules(const struct np_doc *doc, const struct np_issue *is,
			     const struct np_layout *l)
{
	for (size_t p = 0; p < doc->npages; p++) {
		const struct np_page *pg = &doc->pages[p];
		for (size_t i = 0; i < pg->nlines; i++) {
			const struct np_pline *ln = &pg->lines[i];
			if (ln->block != 1 || !ln->article)
				continue;
			int story = ln->article[strlen(ln->article) - 1] - '1', inside = 0;
			const struct np_story *st = &is->stories[story];
			for (size_t m = 0; m < st->nmodules; m++) {
				const struct np_module *mod = &st->modules[m];
				double x0 = np_layout_column_x(l, mod->col - 1);
				double x1 = np_layout_column_x(l, mod->last - 1) + np_layout_column_width(l);
				inside |= (int)p == mod->page - 1 && ln->x >= x0 - 1e-6 &&
					  ln->x + ln->width <= x1 + 1e-6;
			}
			CHECK(inside, "%s's line '%s' on page %zu at x %.1f is outside its modules",
			      ln->article, ln->text, p + 1, ln->x);
		}
	}
}

static int has_line(const struct np_page *pg, const char *text)
{
	for (size_t i = 0; i < pg->nlines; i++)
		if (strcmp(pg->lines[i].text, text) == 0)
			return 1;
	return 0;
}

int main(void)
{
	struct np_layout l;
	fake_layout(&l);
	struct np_issue *is = issue();
	struct np_diags d1, d4;
	struct np_doc one, four;
	int rc1 = lay_out(is, &l, 1, &d1, &one);
	int rc4 = lay_out(is, &l, 4, &d4, &four);
	CHECK(rc1 == 0 && rc4 == 0, "the flow failed: %d, %d", rc1, rc4);
	if (rc1 == 0 && rc4 == 0) {
		CHECK(one.npages == 2 && one.narticles == NSTORIES, "%zu pages, %zu stories",
		      one.npages, one.narticles);
		CHECK(same_doc(&one, &four), "four threads laid the edition out differently");
		CHECK(d1.n == d4.n, "%zu diagnostics on one thread, %zu on four", d1.n, d4.n);
		lines_in_modules(&one, is, &l);
		CHECK(has_line(&one.pages[0], "Continued on page 2"), "no jump line on page 1");
		CHECK(has_line(&one.pages[1], "Continued from page 1"), "no jump head on page 2");
		for (int i = 0; i < NSTORIES; i++)
			CHECK(one.articles[i].overset_words == 0, "story %d: %d words overset", i + 1,
			      one.articles[i].overset_words);
	}
	np_doc_fini(&one);
	np_doc_fini(&four);
	np_diags_fini(&d1);
	np_diags_fini(&d4);
	np_issue_free(is);
	np_layout_fini(&l);
	if (fake_failures)
		fprintf(stderr, "flow_edition_test: %d check(s) failed\n", fake_failures);
	else
		printf("flow_edition_test: all checks passed\n");
	return fake_failures ? 1 : 0;
}
