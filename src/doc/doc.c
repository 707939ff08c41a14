/* doc.c - the placed document's containers: pages of frames, rules and lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "text/text.h"
#include "util/grow.h"

static const char *const kind_names[NP_FRAME_KIND_COUNT] = {
	[NP_FRAME_COLUMN] = "column",     [NP_FRAME_HEADLINE] = "headline",
	[NP_FRAME_PULLQUOTE] = "pullquote", [NP_FRAME_SIDEBAR] = "sidebar",
	[NP_FRAME_IMAGE] = "image",       [NP_FRAME_CAPTION] = "caption",
	[NP_FRAME_FOLIO] = "folio",       [NP_FRAME_SUBHEAD] = "subhead",
	[NP_FRAME_JUMP] = "jump",         [NP_FRAME_NAMEPLATE] = "nameplate",
	[NP_FRAME_RUNNING_HEAD] = "running_head", [NP_FRAME_INDEX] = "index",
	[NP_FRAME_AD] = "ad",
};

const char *np_frame_kind_name(enum np_frame_kind k)
{
	return (unsigned)k < NP_FRAME_KIND_COUNT ? kind_names[k] : "other";
}

int np_page_add_frame(struct np_page *pg, const struct np_frame *f)
{
	if (np_grow((void **)&pg->frames, &pg->capf, pg->nframes, sizeof *f, 16) < 0)
		return -1;
	pg->frames[pg->nframes] = *f;
	return (int)pg->nframes++;
}

int np_page_add_line(struct np_page *pg, const struct np_pline *ln)
{
	if (np_grow((void **)&pg->lines, &pg->capl, pg->nlines, sizeof *ln, 64) < 0)
		return -1;
	pg->lines[pg->nlines++] = *ln;
	return 0;
}

int np_page_add_rule(struct np_page *pg, double x0, double y0, double x1, double y1, double w)
{
	if (np_grow((void **)&pg->rules, &pg->capr, pg->nrules, sizeof *pg->rules, 16) < 0)
		return -1;
	pg->rules[pg->nrules++] = (struct np_rule){x0, y0, x1, y1, w, 0};
	return 0;
}

void np_page_fini(struct np_page *pg)
{
	for (size_t i = 0; i < pg->nlines; i++) {
		free(pg->lines[i].text);
		np_line_glyphs_free(pg->lines[i].glyphs);
	}
	free(pg->lines);
	free(pg->frames);
	free(pg->rules);
	memset(pg, 0, sizeof *pg);
}

struct np_page *np_doc_add_page(struct np_doc *doc, const struct np_layout *l)
{
	struct np_page *v = realloc(doc->pages, (doc->npages + 1) * sizeof *v);
	if (!v)
		return NULL;
	doc->pages = v;
	struct np_page *pg = &doc->pages[doc->npages];
	memset(pg, 0, sizeof *pg);
	pg->number = (int)++doc->npages;
	snprintf(pg->label, sizeof pg->label, "%d", pg->number);
	pg->width = l->page_width;
	pg->height = l->page_height;
	return pg;
}

void np_doc_clear_pages(struct np_doc *doc)
{
	for (size_t i = 0; i < doc->npages; i++)
		np_page_fini(&doc->pages[i]);
	free(doc->pages);
	doc->pages = NULL;
	doc->npages = 0;
}

void np_doc_fini(struct np_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->npages; i++)
		np_page_fini(&doc->pages[i]);
	free(doc->pages);
	for (size_t i = 0; i < doc->narticles; i++)
		free(doc->articles[i].pages);
	free(doc->articles);
	for (size_t i = 0; i < doc->noutline; i++)
		free(doc->outline[i].title);
	free(doc->outline);
	free(doc->title);
	free(doc->author);
	free(doc->date);
	memset(doc, 0, sizeof *doc);
}

int np_doc_count_words(const char *s)
{
	int n = 0, in = 0;
	for (; s && *s; s++) {
		int sp = *s == ' ';
		n += !sp && !in;
		in = !sp;
	}
	return n;
}
