/* emit.c - finished pages out: an article's figures counted page by page,
 * each page handed to o->emit and its content let go of (a long article is
 * not held whole); the same figures counted over a whole document. */
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
		st->words += np_doc_count_words(ln->text);
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
	if (!f->out->o || !f->out->o->emit || !f->out->stats || f->trial)
		return 0;
	for (; f->out->emitted < upto && f->out->emitted < f->out->doc->npages; f->out->emitted++) {
		struct np_page *pg = &f->out->doc->pages[f->out->emitted];
		if (stats_page(pg, f->a->id, f->out->stats, &f->out->stats_run) < 0 ||
		    f->out->o->emit(f->out->o->emit_ctx, pg) < 0)
			return -1;
		release(pg);
	}
	return 0;
}
