/* balance.c - the last region's columns ending within a line of each other.
 *
 * Outline:
 *   the least even depth that holds the text, from the geometry, then by runs
 *   level: the deepest column one line shorter, while the text fits
 *   thorough, when still more than a line apart:
 *     search: every choice of columns a line shorter or deeper than even
 *     loosen: a paragraph a line longer or shorter, levelled and searched
 * Each try is a trial run of the region alone, resumed from the last block
 * to start before it; the limits that end evenest stay in f->limit.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"

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

/* Slots of region r the unbalanced run filled: all (blank ones too) in *all,
 * those that hold lines in *lines. */
static void used_slots(const struct flow *f, int r, int *all, int *lines)
{
	*all = *lines = 0;
	for (size_t i = 0; i < f->cursor && i < f->nslots; i++)
		if (f->slots[i].region == r) {
			++*all;
			*lines += !f->slots[i].blank;
		}
}

/* Slots of region r under the limits as they are, counted on the unbalanced
 * run's slots (the same geometry without limits). */
static int limited_slots(const struct flow *f, int r)
{
	int n = 0;
	for (size_t i = 0; i < f->nslots; i++)
		n += f->slots[i].region == r && f->slots[i].cell < f->limit[f->slots[i].col - f->regions[r].c0];
	return n;
}

/* Slots of region r that the limits of total depth k leave. */
static int capacity(struct flow *f, int r, int k)
{
	set_limit(f, k);
	return limited_slots(f, r);
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
	f->runs++;
	if ((rs && rs->block > 1 ? resume_run(f, rs) : np_story_run(f)) < 0)
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

/* When levelling leaves the bottoms more than a line apart (a widow or an
 * orphan moved a line over and left a column short), every choice of columns
 * E-2 or E-1 deep (E the even depth), then E-1 or E, then E or E+1, is tried:
 * fewest lines first, the short columns to the right first. C columns make
 * 3 * 2^C runs at most, of the last region only, and those that cannot hold
 * the text's lines are skipped unrun. */
#define SEARCH_MAX_COLUMNS 8

static int search(struct flow *f, const struct resume *rs, int C, const int *even, int lines,
		  int *best, int *best_spread)
{
	const struct region *r = &f->regions[f->limit_region];
	int *bottom = calloc((size_t)C, sizeof *bottom);
	if (!bottom)
		return -1;
	int rc = 0;
	for (int up = -1; up < 2 && rc >= 0 && *best_spread > 1; up++)
		for (int shorts = C; shorts >= 0 && rc >= 0 && *best_spread > 1; shorts--)
			for (unsigned mask = 0; mask < 1u << C && rc >= 0 && *best_spread > 1; mask++) {
				if (__builtin_popcount(mask) != shorts)
					continue;
				for (int c = 0; c < C; c++) {
					int lim = even[c] - 1 + up + !(mask >> (C - 1 - c) & 1);
					f->limit[c] = lim < r->k0 + 1 ? r->k0 + 1 : lim > r->k1 ? r->k1 : lim;
				}
				if (limited_slots(f, f->limit_region) < lines)
					continue;
				if ((rc = fits_now(f, rs)) != 1)
					continue;
				int deepest = -1;
				bottoms(f, bottom);
				int sp = spread(f, bottom, C, &deepest);
				if (sp < *best_spread) {
					*best_spread = sp;
					memcpy(best, f->limit, (size_t)C * sizeof *best);
				}
			}
	free(bottom);
	return rc < 0 ? -1 : 0;
}

/* Still more than a line apart: a paragraph of the last region set a line
 * longer or shorter (as a compositor would to balance), each in turn, under
 * the limits found so far levelled, then under every choice of search(). The
 * first that ends within a line stays; the others are forgotten. At most
 * LOOSEN_RUNS runs of the region in all: a long story's last page cannot take
 * seconds. */
#define LOOSEN_RUNS 600

static int loosen(struct flow *f, const struct resume *rs, int C, const int *even, int lines,
		  int *best, int *best_spread)
{
	size_t nb = f->a->nblocks;
	f->loose = calloc(nb, 1);
	int *tried = malloc((size_t)C * sizeof *tried);
	if (!f->loose || !tried) {
		free(tried);
		return -1;
	}
	memcpy(tried, best, (size_t)C * sizeof *tried);
	int rc = 0, spread_was = *best_spread;
	f->runs = 0;
	/* levelling alone first, for every paragraph; then the searches */
	for (int thorough = 0; thorough < 2 && *best_spread > 1; thorough++)
		for (size_t b = (size_t)rs->block - 1; b < nb && rc >= 0 && f->runs < LOOSEN_RUNS; b++) {
			if (f->a->blocks[b].kind != NP_BLOCK_PARAGRAPH)
				continue;
			for (int k = -1; k <= 1 && rc >= 0 && *best_spread > 1; k += 2) {
				f->loose[b] = (signed char)k;
				memcpy(f->limit, tried, (size_t)C * sizeof *tried);
				*best_spread = INT_MAX;
				/* a paragraph whose lines cannot give a line changes nothing */
				f->loose_taken = 0;
				if ((rc = fits_now(f, rs)) < 0 || f->loose_taken == 0)
					continue;
				if (!thorough)
					rc = level(f, rs, C, 0, best, best_spread);
				else if (C <= SEARCH_MAX_COLUMNS)
					rc = search(f, rs, C, even, lines + k, best, best_spread);
			}
			if (*best_spread <= 1)
				break;
			f->loose[b] = 0;
			*best_spread = spread_was;
			memcpy(best, tried, (size_t)C * sizeof *tried);
		}
	free(tried);
	return rc < 0 ? -1 : 0;
}

#define MIN_BALANCED_LINES 4

/* Balancing: the least even depth that holds the text (found on the geometry
 * first, then by runs from there), then the column bottoms levelled; when
 * thorough and still more than a line apart, search() and loosen(). The
 * spread reached goes to *spread_out (INT_MAX: none fits). */
int np_balance(struct flow *f, int thorough, int *spread_out)
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
	int need, lines;
	used_slots(f, last, &need, &lines);
	/* a short story fills fewer columns rather than strand lines one or two
	 * to a column */
	int k = C * (MIN_BALANCED_LINES < depth ? MIN_BALANCED_LINES : depth);
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
	if (thorough && rc == 1 && best_spread > 1 && C <= SEARCH_MAX_COLUMNS &&
	    search(f, &rs, C, even, lines, best, &best_spread) < 0)
		rc = -1;
	if (thorough && rc == 1 && best_spread > 1 && best_spread != INT_MAX &&
	    loosen(f, &rs, C, even, lines, best, &best_spread) < 0)
		rc = -1;
	if (rc >= 0 && best_spread != INT_MAX)
		memcpy(f->limit, best, (size_t)C * sizeof *best);
	*spread_out = best_spread;
	free(even);
	free(best);
	return rc < 0 ? -1 : 0;
}
