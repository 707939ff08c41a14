/* article.c - one article on as many pages as it needs.
 *
 * Outline:
 *   measure the headline band
 *   trial run without floats, balanced: where does each body block end?
 *   plan sidebars, pull-quotes, pictures from that; run again with them
 *   balance the last page: the least depth per column (columns left to right
 *     one line deeper at most) at which the rest of the text still fits there
 * Balancing the trial too puts floats where the text will really be, not
 * below a short last page's text.
 * Paragraphs are shaped once and kept across the runs; only breaking and
 * placing are repeated.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"

static void reset(struct flow *f)
{
	np_doc_fini(f->doc);
	f->doc->layout = f->l;
	f->nslots = 0;
	f->cursor = 0;
	f->slot_pages = 0;
	f->used_pages = 0;
	f->overflow = 0;
	f->overset_words = 0;
	memset(f->ends, 0, f->a->nblocks * sizeof *f->ends);
}

/* Pours the article; a trial run only breaks and fills slots, the last run
 * (draw) makes every frame, line and glyph. */
static int run_as(struct flow *f, int draw)
{
	reset(f);
	f->trial = !draw;
	if (np_flow_add_slots(f) != 0 || np_flow_page(f, 0) < 0)
		return -1;
	return np_body_flow(f);
}

static int run(struct flow *f)
{
	return run_as(f, 0);
}

/* Deepest cell used on the last page, over all columns, + 1. */
static int used_depth(const struct flow *f)
{
	int d = 0;
	for (size_t i = 0; i < f->cursor && i < f->nslots; i++)
		if (f->slots[i].page == f->used_pages - 1 && f->slots[i].cell + 1 > d)
			d = f->slots[i].cell + 1;
	return d;
}

static void set_limit(struct flow *f, int k)
{
	int c = f->l->columns;
	for (int i = 0; i < c; i++)
		f->limit[i] = k / c + (i < k % c ? 1 : 0);
}

/* Bottom of the text on the last page: the spread between the deepest and the
 * shallowest column that holds text, in cells (trial runs know the slots). */
static int spread(const struct flow *f)
{
	int last = f->used_pages - 1, lo = f->ncells, hi = -1;
	int *bottom = calloc((size_t)f->l->columns, sizeof *bottom);
	if (!bottom)
		return 0;
	for (size_t i = 0; i < f->cursor && i < f->nslots; i++)
		if (f->slots[i].page == last && !f->slots[i].blank &&
		    f->slots[i].cell + 1 > bottom[f->slots[i].col])
			bottom[f->slots[i].col] = f->slots[i].cell + 1;
	for (int c = 0; c < f->l->columns; c++)
		if (bottom[c]) {
			lo = bottom[c] < lo ? bottom[c] : lo;
			hi = bottom[c] > hi ? bottom[c] : hi;
		}
	free(bottom);
	return hi >= lo ? hi - lo : 0;
}

/* Least total depth k (cells summed over columns) at which the text still
 * ends on page `last`, by bisection; then, since widow and keep rules make
 * that only nearly monotonic, the few depths around it with the least spread
 * between the column bottoms. */
static int balance(struct flow *f)
{
	int last = f->used_pages - 1, C = f->l->columns;
	f->limit = calloc((size_t)C, sizeof *f->limit);
	if (!f->limit)
		return -1;
	f->max_pages = last + 1; /* kept for the runs after: the limits hold them there */
	f->limit_page = last;
	int lo = 0, hi = C * f->ncells;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		set_limit(f, mid);
		if (run(f) < 0)
			return -1;
		if (f->overflow)
			lo = mid + 1;
		else
			hi = mid;
	}
	int best = lo, best_spread = f->ncells + 1;
	for (int k = lo; k <= lo + 2 * C && k <= C * f->ncells; k++) {
		set_limit(f, k);
		if (run(f) < 0)
			return -1;
		int s = f->overflow ? f->ncells + 1 : spread(f);
		if (s < best_spread) {
			best = k;
			best_spread = s;
		}
		if (s <= 1)
			break;
	}
	set_limit(f, best);
	return 0;
}

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

static int stats(struct flow *f)
{
	struct np_doc *doc = f->doc;
	struct np_article_stats *st = calloc(1, sizeof *st);
	if (!st)
		return -1;
	doc->articles = st;
	doc->narticles = 1;
	st->id = f->a->id;
	st->pages = calloc(doc->npages, sizeof *st->pages);
	if (!st->pages)
		return -1;
	int run = 0;
	for (size_t p = 0; p < doc->npages; p++) {
		st->pages[st->npages++] = (int)p + 1;
		for (size_t i = 0; i < doc->pages[p].nlines; i++) {
			const struct np_pline *ln = &doc->pages[p].lines[i];
			if (!ln->article)
				continue;
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
	}
	st->overset_words = f->overset_words;
	st->words += f->overset_words;
	return 0;
}

static void flow_fini(struct flow *f)
{
	for (size_t i = 0; f->paras && i < f->a->nblocks; i++)
		np_para_free(f->paras[i]);
	free(f->paras);
	free(f->ends);
	free(f->slots);
	free(f->obst);
	free(f->limit);
}

static int flow_init(struct flow *f)
{
	const struct np_layout *l = f->l;
	f->top = l->margin_top;
	f->grid = l->grid;
	f->asc = l->grid * 0.75;
	f->ncells = (int)floor((l->page_height - l->margin_top - l->margin_bottom) / l->grid + 1e-6);
	f->colw = np_layout_column_width(l);
	f->max_pages = f->o && f->o->max_pages > 0 ? f->o->max_pages : 1000;
	f->limit_page = -1;
	f->paras = calloc(f->a->nblocks, sizeof *f->paras);
	f->ends = calloc(f->a->nblocks, sizeof *f->ends);
	if (!f->paras || !f->ends)
		return -1;
	return np_headline_band(f, NULL, 1);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

int np_flow_article(struct np_text_ctx *t, const struct np_article *a, const struct np_layout *l,
		    const struct np_flow_opts *o, struct np_diags *d, struct np_doc *out)
{
	memset(out, 0, sizeof *out);
	struct flow f = {.t = t, .a = a, .l = l, .o = o, .d = d, .doc = out};
	int rc = flow_init(&f);
	int max_pages = f.max_pages;
	if (rc == 0 && f.band_cells >= f.ncells) {
		np_diag_add(d, NP_ERROR, &a->headline_mark, "the headline band is taller than the page");
		rc = -1;
	}
	if (rc == 0)
		rc = run(&f);
	if (rc == 0 && !f.overflow)
		rc = balance(&f);
	if (rc == 0 && (a->npullquotes || a->nsidebars || a->nimages)) {
		int depth = used_depth(&f) - f.band_cells;
		if (f.used_pages > 1)
			depth = f.ncells;
		free(f.limit);
		f.limit = NULL;
		f.limit_page = -1;
		f.max_pages = max_pages;
		rc = np_obstacles_plan(&f, f.used_pages, depth) < 0 ? -1 : run(&f);
		if (rc == 0 && !f.overflow)
			rc = balance(&f);
	}
	if (rc == 0)
		rc = run_as(&f, 1);
	if (rc == 0 && f.overflow)
		np_diag_add(d, NP_WARNING, &a->mark, "%s: %d words overset: the page limit (%d) was reached",
			    a->id, f.overset_words, max_pages);
	if (rc == 0)
		rc = stats(&f);
	out->title = dup_or_null(a->headline);
	out->author = dup_or_null(a->byline);
	out->date = dup_or_null(a->date);
	flow_fini(&f);
	if (rc < 0)
		np_doc_fini(out);
	return rc;
}
