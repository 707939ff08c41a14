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

/* 1 when the text could go on in column col under its last line (cell
 * below - 1): the slot there is free, or left blank (a widow's line carried
 * over) above more of its run; 0 when an obstacle ends the run there, or only
 * blank slots do before one. */
static int room_below(const struct flow *f, int region, int col, int below, int lim)
{
	size_t i = 0;
	while (i < f->nslots && !(f->slots[i].region == region && f->slots[i].col == col &&
				  f->slots[i].cell == below))
		i++;
	if (i == f->nslots)
		return 0;
	for (; i < f->nslots && f->slots[i].region == region && f->slots[i].col == col; i++) {
		if (!f->slots[i].blank)
			return 1;
		if (f->slots[i].run_end)
			return f->slots[i].cell + 1 >= lim; /* blank to the limit: short */
	}
	return 1;
}

/* Bottom of each column's text in the last region (cells, 0 when the
 * column holds none); a column whose text stops above an obstacle counts as
 * -1: its bottom is the obstacle's, not the text's (also when a line left
 * blank for a widow's sake stands between them). */
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
		int below = bottom[c], lim = f->limit ? f->limit[c] : r->k1;
		if (below && below < lim && !room_below(f, last, r->c0 + c, below, lim))
			bottom[c] = -1;
	}
}

/* The spread between the deepest and the shallowest column bottom, in cells. */
static int spread(const struct flow *f, const int *bottom, int ncol)
{
	int lo = f->g->ncells, hi = -1;
	for (int c = 0; c < ncol; c++)
		if (bottom[c] > 0) {
			lo = bottom[c] < lo ? bottom[c] : lo;
			hi = bottom[c] > hi ? bottom[c] : hi;
		}
	return hi >= lo ? hi - lo : 0;
}

/* Where a balancing run may resume (resume.c): the last block to start
 * before the balanced region; what comes before it does not change with the
 * limits. */
struct resume {
	struct np_flow_resume at;
	np_flow_trial_fn whole; /* a run of the whole story, from block 1 */
};

/* Runs with the limits as they are; 1 when the text fits, 0 when not. */
static int fits_now(struct flow *f, const struct resume *rs)
{
	f->runs++;
	if ((rs->at.block > 1 ? np_flow_resume_run(f, &rs->at) : rs->whole(f)) < 0)
		return -1;
	return !f->overflow;
}

/* One balancing of the last region. */
struct balancing {
	struct resume rs;
	int C;          /* the region's columns */
	int lines;      /* lines the text takes there, unbalanced */
	int *even;      /* the even limits */
	int *best;      /* the evenest limits found, */
	int spread;     /* and how far apart their bottoms end (INT_MAX: none) */
	/* the region's slots as the unbalanced run made them: later runs make
	 * them under their limits, and what other limits leave is counted here */
	int *geo_col, *geo_cell;
	size_t ngeo;
};

/* Slots of the region that the limits as they are leave. */
static int capacity(const struct flow *f, const struct balancing *b)
{
	int n = 0;
	for (size_t i = 0; i < b->ngeo; i++)
		n += b->geo_cell[i] < f->limit[b->geo_col[i]];
	return n;
}

/* The last run's bottoms: kept as the best when they end evenest. */
static int judge(struct flow *f, struct balancing *b, int *bottom)
{
	bottoms(f, bottom);
	int sp = spread(f, bottom, b->C);
	if (sp < b->spread) {
		b->spread = sp;
		memcpy(b->best, f->limit, (size_t)b->C * sizeof *b->best);
	}
	return sp;
}

/* Levels the column bottoms from the limits as they are (ran: the last run
 * was made with them): the deepest column that may still give a line is
 * shortened by one, while the text fits and the bottoms spread over more than
 * a line; ties go to the leftmost column, or (rightmost) to the one whose
 * line has the fewest columns to cross. Returns -1 on error. */
static int level(struct flow *f, struct balancing *b, int rightmost, int ran)
{
	int C = b->C;
	unsigned char *fixed = calloc((size_t)C, 1);
	int *bottom = calloc((size_t)C, sizeof *bottom);
	int rc = !fixed || !bottom ? -1 : ran ? !f->overflow : fits_now(f, &b->rs);
	for (int tries = 0; rc == 1 && tries < 3 * C; tries++) {
		if (judge(f, b, bottom) <= 1)
			break;
		int deepest = -1;
		for (int c = 0; c < C; c++)
			if (!fixed[c] && bottom[c] > 0 &&
			    (deepest < 0 || bottom[c] > bottom[deepest] ||
			     (rightmost && bottom[c] == bottom[deepest])))
				deepest = c;
		if (deepest < 0)
			break;
		int keep = f->limit[deepest];
		f->limit[deepest] = bottom[deepest] - 1;
		if ((rc = fits_now(f, &b->rs)) == 1)
			continue;
		f->limit[deepest] = keep; /* the text did not fit: put it back */
		fixed[deepest] = 1;
		rc = rc < 0 ? -1 : fits_now(f, &b->rs);
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
 * `lines` lines are skipped unrun. */
#define SEARCH_MAX_COLUMNS 8

static int search(struct flow *f, struct balancing *b, int lines)
{
	const struct region *r = &f->regions[f->limit_region];
	int C = b->C;
	int *bottom = calloc((size_t)C, sizeof *bottom);
	if (!bottom)
		return -1;
	int rc = 0;
	for (int up = -1; up < 2 && rc >= 0 && b->spread > 1; up++)
		for (int shorts = C; shorts >= 0 && rc >= 0 && b->spread > 1; shorts--)
			for (unsigned mask = 0; mask < 1u << C && rc >= 0 && b->spread > 1; mask++) {
				if (__builtin_popcount(mask) != shorts)
					continue;
				for (int c = 0; c < C; c++) {
					int lim = b->even[c] - 1 + up + !(mask >> (C - 1 - c) & 1);
					f->limit[c] = lim < r->k0 + 1 ? r->k0 + 1 : lim > r->k1 ? r->k1 : lim;
				}
				if (capacity(f, b) >= lines && (rc = fits_now(f, &b->rs)) == 1)
					judge(f, b, bottom);
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

static int loosen(struct flow *f, struct balancing *b)
{
	size_t nb = f->a->nblocks;
	int C = b->C;
	f->loose = calloc(nb, 1);
	int *tried = malloc((size_t)C * sizeof *tried);
	if (!f->loose || !tried) {
		free(tried);
		return -1;
	}
	memcpy(tried, b->best, (size_t)C * sizeof *tried);
	int rc = 0, spread_was = b->spread;
	f->runs = 0;
	/* levelling alone first, for every paragraph; then the searches */
	for (int thorough = 0; thorough < 2 && b->spread > 1; thorough++)
		for (size_t i = (size_t)b->rs.at.block - 1; i < nb && rc >= 0 && f->runs < LOOSEN_RUNS; i++) {
			if (f->a->blocks[i].kind != NP_BLOCK_PARAGRAPH)
				continue;
			for (int k = -1; k <= 1 && rc >= 0 && b->spread > 1; k += 2) {
				f->loose[i] = (signed char)k;
				memcpy(f->limit, tried, (size_t)C * sizeof *tried);
				b->spread = INT_MAX;
				/* a paragraph whose lines cannot give a line changes nothing */
				f->loose_taken = 0;
				if ((rc = fits_now(f, &b->rs)) < 0 || f->loose_taken == 0)
					continue;
				if (!thorough)
					rc = level(f, b, 0, 1);
				else if (C <= SEARCH_MAX_COLUMNS)
					rc = search(f, b, b->lines + k);
			}
			if (b->spread <= 1)
				break;
			f->loose[i] = 0;
			b->spread = spread_was;
			memcpy(b->best, tried, (size_t)C * sizeof *tried);
		}
	free(tried);
	return rc < 0 ? -1 : 0;
}

#define MIN_BALANCED_LINES 4

/* Balancing: the least even depth that holds the text (found on the geometry
 * first, then by runs from there), then the column bottoms levelled; when
 * thorough and still more than a line apart, search() and loosen(). The
 * spread reached goes to *spread_out (INT_MAX: none fits). */
int np_flow_balance(struct flow *f, int thorough, int *spread_out, np_flow_trial_fn trial_run)
{
	int last = f->used_regions - 1;
	const struct region *r = &f->regions[last];
	int C = r->c1 - r->c0 + 1, depth = r->k1 - r->k0, need = 0;
	struct balancing b = {.rs = {np_flow_resume_point(f, last), NULL}, .C = C, .spread = INT_MAX};
	b.rs.whole = trial_run;
	f->limit = calloc((size_t)C, sizeof *f->limit);
	b.even = calloc((size_t)C, sizeof *b.even);
	b.best = calloc((size_t)C, sizeof *b.best);
	b.geo_col = malloc((f->nslots - b.rs.at.first + 1) * sizeof *b.geo_col);
	b.geo_cell = malloc((f->nslots - b.rs.at.first + 1) * sizeof *b.geo_cell);
	int rc = f->limit && b.even && b.best && b.geo_col && b.geo_cell ? 0 : -1;
	for (size_t i = b.rs.at.first; rc == 0 && i < f->nslots; i++)
		if (f->slots[i].region == last) {
			b.geo_col[b.ngeo] = f->slots[i].col - r->c0;
			b.geo_cell[b.ngeo++] = f->slots[i].cell;
			if (i < f->cursor) { /* the text's slots: blank ones too */
				need++;
				b.lines += !f->slots[i].blank;
			}
		}
	f->limit_region = last;
	/* a paragraph begun two regions or more before the last (thousands of
	 * words without a break: hostile copy, never a newspaper's) is poured
	 * whole again by every try, so its last region is levelled, not
	 * searched: the search's hundred tries would each cost those pages */
	if (f->starts[b.rs.at.block - 1].used_regions < last)
		thorough = 0;
	/* a short story fills fewer columns rather than strand lines one or two
	 * to a column */
	int k = C * (MIN_BALANCED_LINES < depth ? MIN_BALANCED_LINES : depth);
	if (rc == 0) {
		for (set_limit(f, k); k < C * depth && capacity(f, &b) < need;)
			set_limit(f, k += C); /* even depths: k a multiple of C */
		f->max_regions = last + 1;
		while ((rc = fits_now(f, &b.rs)) == 0 && k < C * depth)
			set_limit(f, k += C);
		memcpy(b.even, f->limit, (size_t)C * sizeof *b.even);
	}
	for (int rightmost = 0; rc == 1 && rightmost < 2 && b.spread > 1; rightmost++) {
		memcpy(f->limit, b.even, (size_t)C * sizeof *b.even);
		if (level(f, &b, rightmost, 0) < 0)
			rc = -1;
	}
	if (thorough && rc == 1 && b.spread > 1 && C <= SEARCH_MAX_COLUMNS &&
	    search(f, &b, b.lines) < 0)
		rc = -1;
	if (thorough && rc == 1 && b.spread > 1 && b.spread != INT_MAX && loosen(f, &b) < 0)
		rc = -1;
	if (rc >= 0 && b.spread != INT_MAX)
		memcpy(f->limit, b.best, (size_t)C * sizeof *b.best);
	*spread_out = b.spread;
	free(b.even);
	free(b.best);
	free(b.geo_col);
	free(b.geo_cell);
	return rc < 0 ? -1 : 0;
}
