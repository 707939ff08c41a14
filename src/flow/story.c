/* story.c - one story through its regions: trial runs, floats, balancing, and
 * the run that draws.
 *
 * Outline:
 *   trial run without floats, balanced: where does each body block end?
 *   plan sidebars, pull-quotes, pictures from that; run again with them
 *   balance the last region: the least depth per column (columns left to
 *     right one line deeper at most) at which the rest of the text still fits
 *   run once more, drawing
 * Balancing the trial too puts floats where the text will really be, not
 * below a short last page's text. Paragraphs are shaped once and kept across
 * the runs; trial runs only break and fill slots.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"

static void reset(struct flow *f)
{
	if (f->pages_mode && !f->trial) {
		np_doc_clear_pages(f->doc);
		f->emitted = 0;
	}
	if (f->pages_mode)
		f->nregions = 0; /* made again as the text needs them */
	for (size_t i = 0; i < f->nregions; i++)
		f->regions[i].made = 0;
	f->nslots = 0;
	f->cursor = 0;
	f->slot_regions = 0;
	f->used_regions = 0;
	f->overflow = 0;
	f->overset_words = 0;
	f->overset_lines = 0;
	memset(f->ends, 0, f->a->nblocks * sizeof *f->ends);
}

/* Pours the story; a trial run only breaks and fills slots, the run that
 * draws makes every frame, line and glyph. */
static int run_as(struct flow *f, int draw)
{
	f->trial = !draw;
	reset(f);
	if (np_flow_add_slots(f) != 0 || np_flow_region(f, 0) < 0)
		return -1;
	if (np_body_flow(f, 1) < 0)
		return -1;
	/* a float moved past the text's last region still stands, on its own */
	int text_regions = f->max_regions;
	f->max_regions = INT_MAX;
	int rc = 0;
	for (size_t i = 0; draw && rc == 0 && i < f->nobst; i++)
		if (np_flow_region_at(f, f->obst[i].region))
			rc = np_flow_region(f, f->obst[i].region);
	f->max_regions = text_regions;
	return rc;
}

static int run(struct flow *f)
{
	return run_as(f, 0);
}

/* Deepest cell used in the last region, over its columns, + 1. */
static int used_depth(const struct flow *f)
{
	int d = 0;
	for (size_t i = 0; i < f->cursor && i < f->nslots; i++)
		if (f->slots[i].region == f->used_regions - 1 && f->slots[i].cell + 1 > d)
			d = f->slots[i].cell + 1;
	return d;
}

/* Column limits in the balanced region: k cells in all, the left columns one
 * deeper when k does not divide. Cells count from the region's k0. */
static void set_limit(struct flow *f, int k)
{
	const struct region *r = &f->regions[f->limit_region];
	int c = r->c1 - r->c0 + 1;
	for (int i = 0; i < c; i++)
		f->limit[i] = r->k0 + k / c + (i < k % c ? 1 : 0);
}

/* Bottom of each column's text in the last region (cells, 0 when the
 * column holds none); a column whose text stops above an obstacle counts as
 * -1: its bottom is the obstacle's, not the text's. */
static void bottoms(const struct flow *f, int *bottom)
{
	int last = f->used_regions - 1;
	const struct region *r = &f->regions[last];
	int ncol = r->c1 - r->c0 + 1;
	for (int c = 0; c < ncol; c++)
		bottom[c] = 0;
	for (size_t i = 0; i < f->cursor && i < f->nslots; i++)
		if (f->slots[i].region == last && !f->slots[i].blank &&
		    f->slots[i].cell + 1 > bottom[f->slots[i].col - r->c0])
			bottom[f->slots[i].col - r->c0] = f->slots[i].cell + 1;
	for (int c = 0; c < ncol; c++) {
		int below = bottom[c], lim = f->limit ? f->limit[c] : r->k1, free = 0;
		for (size_t i = 0; below && below < lim && i < f->nslots; i++)
			free |= f->slots[i].region == last && f->slots[i].col == r->c0 + c &&
				f->slots[i].cell == below;
		if (below && below < lim && !free)
			bottom[c] = -1;
	}
}

/* The spread between the deepest and the shallowest column bottom, in cells. */
static int spread(const struct flow *f, const int *bottom, int ncol, int *deepest)
{
	int lo = f->ncells, hi = -1;
	for (int c = 0; c < ncol; c++)
		if (bottom[c] > 0) {
			lo = bottom[c] < lo ? bottom[c] : lo;
			if (bottom[c] > hi) {
				hi = bottom[c];
				*deepest = c;
			}
		}
	return hi >= lo ? hi - lo : 0;
}

/* Slots of region r the unbalanced run filled (blank ones too). */
static int used_slots(const struct flow *f, int r)
{
	int n = 0;
	for (size_t i = 0; i < f->cursor && i < f->nslots; i++)
		n += f->slots[i].region == r;
	return n;
}

/* Slots of region r that the limits of total depth k leave, counted on the
 * unbalanced run's slots (the same geometry without limits). */
static int capacity(struct flow *f, int r, int k)
{
	set_limit(f, k);
	int n = 0;
	for (size_t i = 0; i < f->nslots; i++)
		n += f->slots[i].region == r && f->slots[i].cell < f->limit[f->slots[i].col - f->regions[r].c0];
	return n;
}

/* Where a balancing run may resume: the last block to start before the
 * balanced region; what comes before it does not change with the limits. */
struct resume {
	int block;       /* 1-based */
	size_t first;    /* the region's first slot */
};

static struct resume resume_point(const struct flow *f, int region)
{
	struct resume rs = {1, f->nslots};
	for (size_t i = 0; i < f->nslots; i++)
		if (f->slots[i].region == region) {
			rs.first = i;
			break;
		}
	for (size_t b = 0; b < f->a->nblocks; b++)
		if (f->starts[b].cursor <= rs.first && f->starts[b].used_regions <= region)
			rs.block = (int)b + 1;
	return rs;
}

/* Runs again from the resume point with the limits as they are: the slots
 * before the region and the blocks before the point stand as they were. */
static int resume_run(struct flow *f, const struct resume *rs)
{
	const struct block_start *st = &f->starts[rs->block - 1];
	f->trial = 1;
	for (size_t i = st->cursor; i < rs->first && i < f->nslots; i++)
		f->slots[i].blank = f->slots[i].geo_blank;
	f->nslots = rs->first;
	f->slot_regions = f->limit_region;
	f->cursor = st->cursor;
	f->used_regions = st->used_regions;
	f->overflow = 0;
	f->overset_words = 0;
	f->overset_lines = 0;
	memset(f->ends + rs->block - 1, 0, (f->a->nblocks - (size_t)rs->block + 1) * sizeof *f->ends);
	return np_body_flow(f, rs->block);
}

/* Runs with the limits as they are; 1 when the text fits, 0 when not. */
static int fits_now(struct flow *f, const struct resume *rs)
{
	if ((rs && rs->block > 1 ? resume_run(f, rs) : run(f)) < 0)
		return -1;
	return !f->overflow;
}

/* Levels the column bottoms from the even depth: the deepest column that
 * may still give a line is shortened by one, while the text fits and the
 * bottoms spread over more than a line; ties go to the leftmost column, or
 * (rightmost) to the one whose line has the fewest columns to cross. The
 * evenest limits found so far are kept in best/best_spread. Returns -1 on
 * error. */
static int level(struct flow *f, const struct resume *rs, int C, int rightmost, int *best,
		 int *best_spread)
{
	unsigned char *fixed = calloc((size_t)C, 1);
	int *bottom = calloc((size_t)C, sizeof *bottom);
	int rc = fixed && bottom ? fits_now(f, rs) : -1;
	for (int tries = 0; rc == 1 && tries < 3 * C; tries++) {
		int deepest = -1;
		bottoms(f, bottom);
		int sp = spread(f, bottom, C, &deepest);
		if (sp < *best_spread) {
			*best_spread = sp;
			memcpy(best, f->limit, (size_t)C * sizeof *best);
		}
		if (sp <= 1)
			break;
		deepest = -1;
		for (int c = 0; c < C; c++)
			if (!fixed[c] && bottom[c] > 0 &&
			    (deepest < 0 || bottom[c] > bottom[deepest] ||
			     (rightmost && bottom[c] == bottom[deepest])))
				deepest = c;
		if (deepest < 0)
			break;
		int keep = f->limit[deepest];
		f->limit[deepest] = bottom[deepest] - 1;
		if ((rc = fits_now(f, rs)) == 1)
			continue;
		f->limit[deepest] = keep; /* the text did not fit: put it back */
		fixed[deepest] = 1;
		rc = rc < 0 ? -1 : fits_now(f, rs);
	}
	free(fixed);
	free(bottom);
	return rc < 0 ? -1 : 0;
}

/* Balancing: the least even depth that holds the text (found on the geometry
 * first, then by runs from there), then the column bottoms levelled. */
static int balance(struct flow *f)
{
	int last = f->used_regions - 1;
	const struct region *r = &f->regions[last];
	int C = r->c1 - r->c0 + 1, depth = r->k1 - r->k0;
	f->limit = calloc((size_t)C, sizeof *f->limit);
	int *even = calloc((size_t)C, sizeof *even), *best = calloc((size_t)C, sizeof *best);
	if (!f->limit || !even || !best) {
		free(even);
		free(best);
		return -1;
	}
	f->limit_region = last;
	struct resume rs = resume_point(f, last);
	int need = used_slots(f, last), k = 0;
	while (k < C * depth && capacity(f, last, k) < need)
		k += C; /* even depths: k a multiple of C */
	f->max_regions = last + 1;
	int rc;
	for (set_limit(f, k); (rc = fits_now(f, &rs)) == 0 && k < C * depth;)
		set_limit(f, k += C);
	memcpy(even, f->limit, (size_t)C * sizeof *even);
	int best_spread = INT_MAX;
	for (int rightmost = 0; rc == 1 && rightmost < 2 && best_spread > 1; rightmost++) {
		memcpy(f->limit, even, (size_t)C * sizeof *even);
		if (level(f, &rs, C, rightmost, best, &best_spread) < 0)
			rc = -1;
	}
	if (rc >= 0 && best_spread != INT_MAX)
		memcpy(f->limit, best, (size_t)C * sizeof *best);
	free(even);
	free(best);
	return rc < 0 ? -1 : 0;
}

static void unbalance(struct flow *f, int max_regions)
{
	free(f->limit);
	f->limit = NULL;
	f->limit_region = -1;
	f->max_regions = max_regions;
}

int np_story_flow(struct flow *f)
{
	int max_regions = f->max_regions;
	int rc = run(f);
	if (rc == 0 && !f->overflow)
		rc = balance(f);
	const struct np_article *a = f->a;
	/* floats: planned from the text's extent, which they then change; on a
	 * one-page story plan them once more from the balanced result */
	for (int pass = 0; rc == 0 && pass < 2 && (a->npullquotes || a->nsidebars || a->nimages);
	     pass++) {
		int regions = f->used_regions;
		if (pass == 1 && regions > 1)
			break;
		int depth = used_depth(f) - f->regions[0].k0;
		if (regions > 1)
			depth = f->regions[0].k1 - f->regions[0].k0;
		unbalance(f, max_regions);
		f->nobst = 0;
		f->unset_words = 0;
		if (pass == 1)
			f->quiet = 1; /* its warnings were given the first time */
		int planned = np_obstacles_plan(f, regions, pass == 0 ? depth : -depth);
		f->quiet = 0;
		rc = planned < 0 ? -1 : run(f);
		if (rc == 0 && !f->overflow)
			rc = balance(f);
	}
	if (rc == 0 && f->limit && f->used_regions > 1) {
		/* balancing resumed its runs mid-story: check them with a whole run
		 * before drawing (pages may go out as they are drawn) */
		rc = run(f);
		if (rc == 0 && f->overflow)
			unbalance(f, max_regions);
	}
	if (rc == 0)
		rc = run_as(f, 1);
	if (rc == 0 && f->overflow && f->limit && f->emitted == 0) {
		/* balancing resumed runs mid-story; should the whole run disagree
		 * with them, the text is set unbalanced rather than cut */
		unbalance(f, max_regions);
		rc = run_as(f, 1);
	}
	f->max_regions = max_regions;
	return rc;
}

int np_flow_init(struct flow *f)
{
	const struct np_layout *l = f->l;
	f->top = l->margin_top;
	f->grid = l->grid;
	f->asc = l->grid * 0.75;
	f->ncells = (int)floor((l->page_height - l->margin_top - l->margin_bottom) / l->grid + 1e-6);
	f->colw = np_layout_column_width(l);
	f->limit_region = -1;
	if (!f->label_prefix)
		f->label_prefix = "";
	f->paras = calloc(f->a->nblocks + 1, sizeof *f->paras);
	f->ends = calloc(f->a->nblocks + 1, sizeof *f->ends);
	f->starts = calloc(f->a->nblocks + 1, sizeof *f->starts);
	return f->paras && f->ends && f->starts ? 0 : -1;
}

void np_flow_fini(struct flow *f)
{
	for (size_t i = 0; f->paras && i < f->a->nblocks; i++)
		np_para_free(f->paras[i]);
	free(f->paras);
	free(f->ends);
	free(f->starts);
	free(f->slots);
	free(f->obst);
	free(f->limit);
	free(f->regions);
}
