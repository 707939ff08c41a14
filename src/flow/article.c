/* article.c - one article on as many pages of the layout as it needs: every
 * page is one region, made as the text reaches it. */
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"

/* Adds one page's figures to an article's; *run carries the hyphenated
 * lines in a row over from the page before. */
static int stats_page(const struct np_page *pg, const char *id, struct np_article_stats *st,
		      int *run)
{
	int here = 0;
	for (size_t i = 0; i < pg->nlines; i++) {
		const struct np_pline *ln = &pg->lines[i];
		enum np_frame_kind k = pg->frames[ln->frame].kind;
		if (!ln->article || strcmp(ln->article, id) != 0 || k == NP_FRAME_JUMP)
			continue;
		here = 1;
		st->lines++;
		st->words += np_count_words(ln->text);
		if (ln->block == 0 || ln->style == NP_ST_SUBHEAD)
			continue;
		st->loose_lines += ln->justified && ln->ratio > 1;
		st->tight_lines += ln->justified && ln->ratio < -0.7;
		st->hyphenated_lines += ln->hyphenated;
		*run = ln->hyphenated ? *run + 1 : 0;
		st->hyphen_runs += *run == 3;
	}
	if (here) {
		int *v = realloc(st->pages, (st->npages + 1) * sizeof *v);
		if (!v)
			return -1;
		st->pages = v;
		st->pages[st->npages++] = pg->number;
	}
	return 0;
}

/* Figures of one article from the lines set for it. */
int np_flow_stats(const struct np_doc *doc, const char *id, int overset,
		  struct np_article_stats *st)
{
	memset(st, 0, sizeof *st);
	st->id = id;
	int run = 0;
	for (size_t p = 0; p < doc->npages; p++)
		if (stats_page(&doc->pages[p], id, st, &run) < 0)
			return -1;
	st->overset_words = overset;
	st->words += overset;
	return 0;
}

/* Frees a page's content once it is out; its number, label and size stay. */
static void release(struct np_page *pg)
{
	struct np_page keep = *pg;
	np_page_fini(pg);
	pg->number = keep.number;
	pg->width = keep.width;
	pg->height = keep.height;
	memcpy(pg->label, keep.label, sizeof pg->label);
}

int np_flow_emit(struct flow *f, size_t upto)
{
	if (!f->o || !f->o->emit || !f->stats || f->trial)
		return 0;
	for (; f->emitted < upto && f->emitted < f->doc->npages; f->emitted++) {
		struct np_page *pg = &f->doc->pages[f->emitted];
		if (stats_page(pg, f->a->id, f->stats, &f->stats_run) < 0 ||
		    f->o->emit(f->o->emit_ctx, pg) < 0)
			return -1;
		release(pg);
	}
	return 0;
}

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
	struct flow f = {.t = t, .a = a, .l = l, .o = o, .d = d, .doc = out, .pages_mode = 1,
			 .words = {.layout = l->words, .nlayout = l->nwords}};
	int rc = out->articles ? np_flow_init(&f) : -1;
	f.max_regions = o && o->max_pages > 0 ? o->max_pages : 1000;
	struct region first = {.c0 = 0, .c1 = l->columns - 1, .jump_from = -1, .jump_to = -1};
	if (rc == 0)
		rc = np_headline_band(&f, NULL, &first, 1);
	if (rc == 0 && f.band_cells >= f.ncells) {
		np_diag_add(d, NP_ERROR, &a->headline_mark, "the headline band is taller than the page");
		rc = -1;
	}
	if (rc == 0) {
		out->narticles = 1;
		out->articles->id = a->id;
		f.stats = out->articles; /* pages emitted as they finish count there */
		rc = np_story_flow(&f);
	}
	if (rc == 0)
		rc = np_flow_emit(&f, out->npages);
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
