/* issue.c - a whole edition: every page made from its template, the
 * advertisements placed, then each story poured through its modules: its
 * first module holds the headline band, each jump ends a module with
 * "Continued on page N" and opens the next with a jump head and "Continued
 * from page M". What does not fit is overset and said so; the copyfit figures
 * go into each story's report entry.
 *
 * Stories are independent once the pages are made (jump targets are given),
 * so --jobs lays them out on several threads, each with its own text context
 * (a font map must not be shared) and its own copy of the pages; the copies
 * are merged in story order, so the result is the same whatever the threads.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow/furniture.h"
#include "flow/jumpcheck.h"

/* A flow with no story, for page furniture. */
static void furniture_flow(struct flow *f, const struct flow_geom *g, struct flow_canvas *out)
{
	memset(f, 0, sizeof *f);
	f->g = g;
	f->out = out;
}

int np_flow_band_lines(struct np_text_ctx *t, const struct np_issue *is,
			const struct np_layout *l, int *band_lines)
{
	struct flow_geom g;
	np_flow_grid_setup(&g, l);
	g.words.issue = is->words;
	g.words.nissue = is->nwords;
	struct flow_canvas measure = {.t = t, .label_prefix = ""};
	struct flow f;
	furniture_flow(&f, &g, &measure);
	/* the front band is set only to be measured: an edition without a front
	 * page need not shape an index strip of its thousands of headlines */
	int any_front = 0;
	for (size_t p = 0; p < is->npages; p++)
		any_front |= is->pages[p].template == NP_TEMPLATE_FRONT;
	int front = any_front ? np_flow_front_band(&f, NULL, is, NULL) : 0;
	if (front < 0)
		return -1;
	for (size_t p = 0; p < is->npages; p++)
		band_lines[p] = is->pages[p].template == NP_TEMPLATE_FRONT ? front : 2;
	return 0;
}

static int pages(struct flow *f, const struct np_issue *is, const int *band)
{
	struct np_doc *doc = f->out->doc;
	for (size_t p = 0; p < is->npages; p++)
		if (!np_doc_add_page(doc, f->g->l))
			return -1;
	np_flow_page_labels(is, doc);
	for (size_t p = 0; p < is->npages; p++) {
		struct np_page *pg = &doc->pages[p];
		int rc = is->pages[p].template == NP_TEMPLATE_FRONT ? np_flow_front_band(f, pg, is, doc)
								     : np_flow_running_head(f, pg, is, &is->pages[p]);
		if (rc < 0 || (f->g->l->folio && np_flow_issue_folio(f, pg, is) < 0))
			return -1;
	}
	for (size_t i = 0; i < is->nads; i++) {
		int p = is->ads[i].module.page - 1;
		if (np_flow_ad(f, &doc->pages[p], &is->ads[i], band[p], (int)i + 1) < 0)
			return -1;
	}
	return 0;
}

/* Cut-off rules: under a module that does not reach the page's foot, and
 * down the gutter right of one that does not reach the last column. Only
 * bottom and right edges, so two modules side by side draw one rule. */
static int cutoffs(struct flow *f, const struct np_issue *is, const int *band)
{
	const struct np_layout *l = f->g->l;
	for (size_t i = 0; i < is->nstories + is->nads; i++) {
		const struct np_module *m = i < is->nstories ? NULL : &is->ads[i - is->nstories].module;
		for (size_t k = 0; m || k < is->stories[i].nmodules; k++) {
			const struct np_module *mod = m ? m : &is->stories[i].modules[k];
			struct np_page *pg = &f->out->doc->pages[mod->page - 1];
			int top = band[mod->page - 1] + mod->top - 1;
			int bottom = mod->depth == NP_DEPTH_FOOT ? f->g->ncells : top + mod->depth;
			double x0 = np_layout_column_x(l, mod->col - 1);
			double x1 = np_layout_column_x(l, mod->last - 1) + f->g->colw;
			double y0 = np_flow_cell_top(f, top), y1 = np_flow_cell_top(f, bottom);
			if (bottom < f->g->ncells && np_page_add_rule(pg, x0, y1, x1, y1, 0.5) < 0)
				return -1;
			if (mod->last < l->columns &&
			    np_page_add_rule(pg, x1 + l->gutter / 2, y0, x1 + l->gutter / 2, y1, 0.5) < 0)
				return -1;
			if (m)
				break;
		}
	}
	return 0;
}

/* Cells a jump head takes: the headline again in the jump style, and the
 * "Continued from" line. */
static int jump_head_cells(struct flow *f, double width)
{
	const struct np_style *s = &f->g->l->styles[NP_ST_JUMP_HEAD];
	struct block_spec b = {.text = f->a->headline, .len = strlen(f->a->headline), .style = s,
			       .width = width, .leading = s->leading};
	int n = np_flow_set_block(f, NULL, &b);
	if (n < 0)
		return -1;
	return (int)((n * s->leading) / f->g->grid + 0.999) + 1;
}

/* The story's modules as regions. */
static int regions(struct flow *f, const struct np_story *st, const int *band)
{
	f->regions = calloc(st->nmodules, sizeof *f->regions);
	if (!f->regions)
		return -1;
	f->nregions = f->capregions = st->nmodules;
	for (size_t i = 0; i < st->nmodules; i++) {
		const struct np_module *m = &st->modules[i];
		struct region *r = &f->regions[i];
		r->page = m->page - 1;
		r->c0 = m->col - 1;
		r->c1 = m->last - 1;
		r->top = band[r->page] + m->top - 1;
		r->k1 = m->depth == NP_DEPTH_FOOT ? f->g->ncells : r->top + m->depth;
		r->head = i == 0;
		r->jump_from = i > 0 ? st->modules[i - 1].page - 1 : -1;
		r->jump_to = i + 1 < st->nmodules ? st->modules[i + 1].page - 1 : -1;
		int head;
		if (i == 0) {
			if (np_flow_headline_band(f, NULL, r, 1) < 0)
				return -1;
			head = f->band_cells;
		} else {
			head = jump_head_cells(f, np_flow_region_width(f, r));
		}
		if (head < 0)
			return -1;
		r->k0 = r->top + head;
		if (r->k0 >= r->k1) {
			np_diag_add(f->out->d, NP_WARNING, &m->mark,
				    "%s: the module on page %d is %d grid lines deep; its %s takes %d",
				    f->a->id, m->page, r->k1 - r->top, i ? "jump head" : "headline", head);
			r->k0 = r->k1;
		}
	}
	return 0;
}

/* Lines the story's modules still had free after its text: the slots of all
 * its regions without the balancing limits, less those its text took (a
 * balanced last module leaves its free lines under every column). */
static int empty_lines(struct flow *f)
{
	int used = 0;
	for (size_t i = 0; i < f->cursor && i < f->nslots; i++)
		used += !f->slots[i].blank;
	int *limit = f->limit;
	f->limit = NULL;
	size_t from = f->nslots;
	for (size_t r = 0; r < f->nregions; r++)
		if (np_flow_slots_for_region(f, (int)r) < 0)
			break;
	int capacity = 0;
	for (size_t i = from; i < f->nslots; i++)
		capacity += !f->slots[i].blank;
	f->nslots = from;
	f->limit = limit;
	return capacity > used ? capacity - used : 0;
}

static int outline_add(struct np_doc *doc, const char *title, int page, double y, int level)
{
	struct np_outline *v = realloc(doc->outline, (doc->noutline + 1) * sizeof *v);
	if (!v)
		return -1;
	doc->outline = v;
	doc->outline[doc->noutline++] = (struct np_outline){strdup(title), page, y, level};
	return 0;
}

/* One story poured through its modules on the canvas out (whose pages it
 * paints: frame ids take the story's prefix). */
static int story(const struct flow_geom *g, struct flow_canvas *out, const struct np_story *st,
		 size_t index, const int *band, struct np_article_stats *stats)
{
	char prefix[32];
	snprintf(prefix, sizeof prefix, "s%zu-", (index + 1) % 100000);
	out->label_prefix = prefix;
	struct flow f = {.g = g, .out = out, .a = st->article};
	int rc = np_flow_init(&f);
	if (rc == 0)
		rc = regions(&f, st, band);
	f.max_regions = (int)st->nmodules;
	if (rc == 0)
		rc = np_flow_story(&f);
	const struct region *last = f.regions ? &f.regions[f.nregions - 1] : NULL;
	if (rc == 0)
		rc = np_flow_stats(out->doc, f.a->id, f.overset_words + f.unset_words, stats);
	if (rc == 0) {
		stats->overset_lines = f.overset_lines;
		stats->empty_lines = f.overflow ? 0 : empty_lines(&f);
		snprintf(stats->last_page, sizeof stats->last_page, "%s", out->doc->pages[last->page].label);
		if (f.overflow)
			np_diag_add(out->d, NP_WARNING, &st->mark, "%s: %d lines over on page %s (%d words overset)",
				    f.a->id, f.overset_lines, stats->last_page, stats->overset_words);
		rc = outline_add(out->doc, f.a->headline, f.regions[0].page + 1,
				 np_flow_cell_top(&f, f.regions[0].top), 1);
	}
	if (rc == 0)
		rc = np_jump_checks(&f, &st->mark);
	np_flow_fini(&f);
	out->label_prefix = NULL; /* the prefix was ours */
	return rc;
}

/* One story's work: what it drew (only the pages it touched, each with its
 * index in the edition), its outline entry, its own diagnostics. */
struct story_job {
	struct np_page *pages;
	int *page_at;
	size_t npages;
	struct np_outline *outline;
	size_t noutline;
	struct np_diags d;
	struct np_article_stats stats;
	int rc;
};

/* Shared by the threads, read-only while they run (but for next, under mu):
 * each thread makes its own canvas for each story. */
struct pool {
	const struct flow_geom *g;
	const struct np_flow_opts *o;
	struct np_text_ctx *t; /* the first thread's; the others clone it */
	const struct np_issue *is;
	const int *band;
	struct story_job *jobs;
	size_t next;
	pthread_mutex_t mu;
};

/* A thread's stories draw on its scratch copy of the edition's pages, one
 * story at a time: a copy per story would cost stories x pages. */
struct worker {
	struct pool *pool;
	struct np_text_ctx *t;
	struct np_doc scratch;
};

static int copy_pages(struct np_doc *dst, const struct np_doc *src)
{
	dst->pages = calloc(src->npages + 1, sizeof *dst->pages);
	if (!dst->pages)
		return -1;
	for (size_t p = 0; p < src->npages; p++) {
		struct np_page *pg = &dst->pages[p];
		pg->number = (int)p + 1;
		pg->width = src->pages[p].width;
		pg->height = src->pages[p].height;
		memcpy(pg->label, src->pages[p].label, sizeof pg->label);
	}
	dst->npages = src->npages;
	dst->layout = src->layout;
	return 0;
}

/* Moves what the story drew off the scratch pages into its job, leaving
 * them blank (number, label and size kept) for the thread's next story. */
static int take(struct story_job *j, struct np_doc *scratch)
{
	size_t n = 0;
	for (size_t p = 0; p < scratch->npages; p++) {
		const struct np_page *pg = &scratch->pages[p];
		n += pg->nframes || pg->nlines || pg->nrules;
	}
	j->pages = calloc(n + 1, sizeof *j->pages);
	j->page_at = calloc(n + 1, sizeof *j->page_at);
	int rc = j->pages && j->page_at ? 0 : -1;
	for (size_t p = 0; p < scratch->npages; p++) {
		struct np_page *pg = &scratch->pages[p];
		if (!pg->nframes && !pg->nlines && !pg->nrules)
			continue;
		struct np_page keep = *pg;
		if (rc == 0) {
			j->page_at[j->npages] = (int)p;
			j->pages[j->npages++] = keep;
		} else {
			np_page_fini(&keep);
		}
		memset(pg, 0, sizeof *pg);
		pg->number = keep.number;
		pg->width = keep.width;
		pg->height = keep.height;
		memcpy(pg->label, keep.label, sizeof pg->label);
	}
	j->outline = scratch->outline;
	j->noutline = scratch->noutline;
	scratch->outline = NULL;
	scratch->noutline = 0;
	return rc;
}

static void job_fini(struct story_job *j)
{
	for (size_t p = 0; p < j->npages; p++)
		np_page_fini(&j->pages[p]);
	free(j->pages);
	free(j->page_at);
	for (size_t i = 0; i < j->noutline; i++)
		free(j->outline[i].title);
	free(j->outline);
	np_diags_fini(&j->d);
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct pool *pl = w->pool;
	for (;;) {
		pthread_mutex_lock(&pl->mu);
		size_t i = pl->next++;
		pthread_mutex_unlock(&pl->mu);
		if (i >= pl->is->nstories)
			break;
		struct story_job *j = &pl->jobs[i];
		struct flow_canvas out = {.t = w->t, .d = &j->d, .doc = &w->scratch, .o = pl->o};
		j->rc = story(pl->g, &out, &pl->is->stories[i], i, pl->band, &j->stats);
		if (take(j, &w->scratch) < 0)
			j->rc = -1;
	}
	return NULL;
}

/* Moves a story's frames, lines and rules onto the edition's pages. */
static int merge_page(struct np_page *dst, struct np_page *src)
{
	int base = (int)dst->nframes;
	for (size_t i = 0; i < src->nframes; i++) {
		struct np_frame fr = src->frames[i];
		fr.parent = fr.parent >= 0 ? fr.parent + base : -1;
		if (np_page_add_frame(dst, &fr) < 0)
			return -1;
	}
	for (size_t i = 0; i < src->nlines; i++) {
		struct np_pline ln = src->lines[i];
		ln.frame += base;
		if (np_page_add_line(dst, &ln) < 0)
			return -1;
		src->lines[i].text = NULL; /* dst owns them now */
		src->lines[i].glyphs = NULL;
	}
	for (size_t i = 0; i < src->nrules; i++) {
		const struct np_rule *r = &src->rules[i];
		if (np_page_add_rule(dst, r->x0, r->y0, r->x1, r->y1, r->width) < 0)
			return -1;
	}
	return 0;
}

static int merge(struct np_doc *out, struct story_job *j, struct np_diags *d)
{
	for (size_t p = 0; p < j->npages; p++)
		if ((size_t)j->page_at[p] < out->npages &&
		    merge_page(&out->pages[j->page_at[p]], &j->pages[p]) < 0)
			return -1;
	for (size_t i = 0; i < j->noutline; i++) {
		const struct np_outline *e = &j->outline[i];
		if (outline_add(out, e->title, e->page, e->y, e->level) < 0)
			return -1;
	}
	for (size_t i = 0; i < j->d.n; i++) {
		const struct np_diag *g = &j->d.v[i];
		struct np_mark m = {g->file, g->line, g->column};
		np_diag_add(d, g->severity, g->file ? &m : NULL, "%s", g->message);
	}
	return j->rc;
}

/* Lays every story out, on `jobs` threads; results merged in story order. */
static int stories(struct pool *pl, struct np_doc *out, struct np_diags *d, int jobs)
{
	size_t n = pl->is->nstories;
	pl->jobs = calloc(n + 1, sizeof *pl->jobs);
	struct worker *w = calloc((size_t)jobs, sizeof *w);
	pthread_t *th = calloc((size_t)jobs, sizeof *th);
	int rc = pl->jobs && w && th ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < n; i++)
		np_diags_init(&pl->jobs[i].d);
	int started = 0;
	pthread_mutex_init(&pl->mu, NULL);
	for (int k = 0; rc == 0 && k < jobs; k++) { /* contexts made before any thread runs */
		w[k].pool = pl;
		w[k].t = k == 0 ? pl->t : np_text_ctx_clone(pl->t, d);
		if (!w[k].t || copy_pages(&w[k].scratch, out) < 0)
			rc = -1;
	}
	for (int k = 1; rc == 0 && k < jobs; k++, started++)
		if (pthread_create(&th[k], NULL, work, &w[k]) != 0)
			break;
	if (rc == 0)
		work(&w[0]);
	for (int k = 1; k <= started; k++)
		pthread_join(th[k], NULL);
	pthread_mutex_destroy(&pl->mu);
	for (size_t i = 0; pl->jobs && i < n; i++) {
		if (rc == 0)
			rc = merge(out, &pl->jobs[i], d);
		out->articles[i] = pl->jobs[i].stats;
		out->narticles = i + 1;
		job_fini(&pl->jobs[i]);
	}
	for (int k = 0; w && k < jobs; k++)
		np_doc_fini(&w[k].scratch);
	for (int k = 1; w && k < jobs; k++)
		if (w[k].t) {
			np_text_merge_missing(pl->t, w[k].t);
			np_text_ctx_free(w[k].t);
		}
	free(pl->jobs);
	free(w);
	free(th);
	return rc;
}

int np_flow_issue(struct np_text_ctx *t, const struct np_issue *is, const struct np_layout *l,
		  const struct np_flow_opts *o, struct np_diags *d, struct np_doc *out)
{
	memset(out, 0, sizeof *out);
	out->layout = l;
	int *band = calloc(is->npages + 1, sizeof *band);
	out->articles = calloc(is->nstories + 1, sizeof *out->articles);
	struct flow_geom g;
	np_flow_grid_setup(&g, l);
	g.words.issue = is->words;
	g.words.nissue = is->nwords;
	struct flow_canvas edition = {.t = t, .d = d, .doc = out, .o = o, .label_prefix = ""};
	struct flow furniture;
	furniture_flow(&furniture, &g, &edition);
	struct pool pl = {.g = &g, .o = o, .t = t, .is = is, .band = band};
	int rc = band && out->articles ? np_flow_band_lines(t, is, l, band) : -1;
	if (rc == 0)
		rc = pages(&furniture, is, band);
	if (rc == 0)
		rc = cutoffs(&furniture, is, band);
	for (size_t p = 0; rc == 0 && p < is->npages; p++) {
		char title[32];
		snprintf(title, sizeof title, "Page %s", out->pages[p].label);
		rc = outline_add(out, title, (int)p + 1, 0, 0);
	}
	int jobs = o && o->jobs > 1 ? o->jobs : 1;
	if ((size_t)jobs > is->nstories)
		jobs = is->nstories > 0 ? (int)is->nstories : 1;
	if (rc == 0)
		rc = stories(&pl, out, d, jobs);
	out->title = strdup(is->name);
	out->date = is->date ? strdup(is->date) : NULL;
	free(band);
	if (rc < 0)
		np_doc_fini(out);
	return rc;
}
