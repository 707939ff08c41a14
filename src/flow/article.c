/* article.c - one article on as many pages of the layout as it needs: every
 * page is one region, made as the text reaches it. */
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"

static int count_words(const char *s)
{
	int n = 0, in = 0;
	for (; *s; s++) {
		int sp = *s == ' ';
		n += !sp && !in;
		in = !sp;
	}
	return n;
}

/* Figures of one article from the lines set for it. */
int np_flow_stats(const struct np_doc *doc, const char *id, int overset,
		  struct np_article_stats *st)
{
	memset(st, 0, sizeof *st);
	st->id = id;
	st->pages = calloc(doc->npages + 1, sizeof *st->pages);
	if (!st->pages)
		return -1;
	for (size_t p = 0; p < doc->npages; p++) {
		int run = 0, here = 0;
		for (size_t i = 0; i < doc->pages[p].nlines; i++) {
			const struct np_pline *ln = &doc->pages[p].lines[i];
			enum np_frame_kind k = doc->pages[p].frames[ln->frame].kind;
			if (!ln->article || strcmp(ln->article, id) != 0 || k == NP_FRAME_JUMP)
				continue;
			here = 1;
			st->lines++;
			st->words += count_words(ln->text);
			if (ln->block == 0 || ln->style == NP_ST_SUBHEAD)
				continue;
			st->loose_lines += ln->justified && ln->ratio > 1;
			st->tight_lines += ln->justified && ln->ratio < -0.7;
			st->hyphenated_lines += ln->hyphenated;
			run = ln->hyphenated ? run + 1 : 0;
			st->hyphen_runs += run == 3;
		}
		if (here)
			st->pages[st->npages++] = doc->pages[p].number;
	}
	st->overset_words = overset;
	st->words += overset;
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
	struct flow f = {.t = t, .a = a, .l = l, .o = o, .d = d, .doc = out, .pages_mode = 1};
	int rc = np_flow_init(&f);
	f.max_regions = o && o->max_pages > 0 ? o->max_pages : 1000;
	struct region first = {.c0 = 0, .c1 = l->columns - 1, .jump_from = -1, .jump_to = -1};
	if (rc == 0)
		rc = np_headline_band(&f, NULL, &first, 1);
	if (rc == 0 && f.band_cells >= f.ncells) {
		np_diag_add(d, NP_ERROR, &a->headline_mark, "the headline band is taller than the page");
		rc = -1;
	}
	if (rc == 0)
		rc = np_story_flow(&f);
	if (rc == 0 && f.overflow)
		np_diag_add(d, NP_WARNING, &a->mark, "%s: %d words overset: the page limit (%d) was reached",
			    a->id, f.overset_words, f.max_regions);
	out->articles = calloc(1, sizeof *out->articles);
	if (rc == 0 && out->articles) {
		out->narticles = 1;
		rc = np_flow_stats(out, a->id, f.overset_words + f.unset_words, out->articles);
	}
	out->title = dup_or_null(a->headline);
	out->author = dup_or_null(a->byline);
	out->date = dup_or_null(a->date);
	np_flow_fini(&f);
	if (rc < 0)
		np_doc_fini(out);
	return rc;
}
