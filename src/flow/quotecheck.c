/* quotecheck.c - pull-quotes held to the copy desk's rules.
 *
 * Outline:
 *   run the story with its planned floats, balanced (through the runner
 *   story.c gives: no call back into the file that calls this one)
 *   for each pull-quote that breaks a rule (too few lines under it in a
 *   column it spans; its region's quotes over their share of the area):
 *     try it higher in its region, line by line; then in the story's other
 *     regions, a third of the way down and at the top, column group by group;
 *     each try a balanced trial run; the first spot that keeps the rules stays
 *     none does: the quote is not set (a warning; its words count as overset)
 *   balance thoroughly once more when anything moved
 * Moving a quote moves the text, so each spot is judged on its own run.
 * A quote more than FAR regions above the text's last region cannot balance
 * it (the balancer does that afterwards): its spots are judged by its own
 * region, on runs of the regions near it alone (story.c's window, resumed
 * there), and only its own region and the next are tried. So a long story's
 * check costs a few regions a quote, not the story a spot; the quotes near
 * the end keep the whole balanced runs, and a short story is checked as
 * before.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "flow/quotecheck.h"

#define MAX_TRIES 40 /* spots tried for one quote */
#define NEAR 3       /* lines up a quote is tried first, one by one */
#define MOVE_SAID 8  /* a move farther than this, or to another region, is said */
#define FAR 3        /* regions above the text's last from which a quote is far */
#define AHEAD 1      /* regions past its own a far quote is tried in */

/* Lines of text under obstacle o in the fewest of the columns it spans. */
static int lines_under(const struct flow *f, const struct obstacle *o)
{
	const struct region *r = &f->regions[o->region];
	int least = -1;
	for (int c = r->c0; c <= r->c1; c++) {
		double x0 = np_layout_column_x(f->g->l, c), x1 = x0 + f->g->colw;
		if (x1 <= o->x0 || x0 >= o->x1)
			continue;
		int n = 0;
		for (size_t i = 0; i < f->cursor && i < f->nslots; i++) {
			const struct slot *s = &f->slots[i];
			n += s->region == o->region && s->col == c && !s->blank &&
			     s->cell >= o->cell + o->ncells;
		}
		least = least < 0 || n < least ? n : least;
	}
	return least < 0 ? 0 : least;
}

/* Grid cells times columns the region gives the story's text. */
static int region_area(const struct flow *f, int ri)
{
	const struct region *r = &f->regions[ri];
	return (r->k1 - r->k0) * (r->c1 - r->c0 + 1);
}

/* The area of the quotes standing in o's region up to quote i (the later
 * ones give way to the earlier). */
static int quotes_area(const struct flow *f, size_t i)
{
	int a = 0;
	for (size_t j = 0; j <= i; j++) {
		const struct obstacle *q = &f->obst[j];
		if (q->kind == OB_PULLQUOTE && q->region == f->obst[i].region)
			a += q->ncells * q->span;
	}
	return a;
}

/* A page's label; in article mode the pages are made only as they are
 * drawn, and numbered from 1. */
static const char *label(const struct flow *f, int page, char *buf, size_t n)
{
	if (!f->pages_mode && page < (int)f->out->doc->npages)
		return f->out->doc->pages[page].label;
	snprintf(buf, n, "%d", page + 1);
	return buf;
}

/* Why quote i breaks a rule where it stands, in why; 0 when it keeps them. */
static int fault(const struct flow *f, size_t i, char *why, size_t n)
{
	const struct obstacle *o = &f->obst[i];
	char buf[16];
	const char *page = label(f, o->page, buf, sizeof buf);
	int area = region_area(f, o->region), taken = quotes_area(f, i);
	if (taken > f->g->l->pullquote_max_share * area + 1e-9) {
		snprintf(why, n, "pull-quotes would take %d%% of the story's area on page %s, more than pullquote.max_share (%.0f%%)",
			 100 * taken / (area ? area : 1), page, 100 * f->g->l->pullquote_max_share);
		return 1;
	}
	int under = lines_under(f, o);
	if (under < f->g->l->pullquote_lines_below) {
		snprintf(why, n, "%d line%s of text under it on page %s, fewer than pullquote.lines_below (%d)",
			 under, under == 1 ? "" : "s", page, f->g->l->pullquote_lines_below);
		return 1;
	}
	return 0;
}

/* How far apart, in lines, the columns of the text's last region end (the
 * deepest line of each; columns without text aside), as a reader sees them:
 * the balancer's own figure leaves out a column that ends above a float. */
static int ends_apart(const struct flow *f)
{
	if (f->used_regions < 1)
		return 0;
	int last = f->used_regions - 1, lo = INT_MAX, hi = -1;
	const struct region *r = &f->regions[last];
	for (int c = r->c0; c <= r->c1; c++) {
		int b = -1;
		for (size_t i = 0; i < f->cursor && i < f->nslots; i++) {
			const struct slot *sl = &f->slots[i];
			if (sl->region == last && sl->col == c && !sl->blank && sl->cell > b)
				b = sl->cell;
		}
		if (b >= 0) {
			lo = b < lo ? b : lo;
			hi = b > hi ? b : hi;
		}
	}
	return hi < 0 ? 0 : hi - lo;
}

/* The spots tried for one quote: the first that keeps the rules and leaves
 * the last region's columns within a line of each other wins; failing that,
 * the first that keeps the rules. */
struct search {
	np_story_runner run;
	int max_regions, tries;
	int found; /* a spot keeping the rules but not balancing: region, col, cell */
	int region, col, cell;
};

/* Tries quote i at a spot: 1 when it keeps the rules there and balances (it
 * stays), 0 when not (it goes back), -1 on error. */
static int try_spot(struct flow *f, struct search *s, size_t i, int region, int col, int cell)
{
	struct obstacle was = f->obst[i];
	if (s->tries >= MAX_TRIES || !np_flow_obstacle_place(f, i, region, col, cell))
		return 0;
	s->tries++;
	char why[192];
	int spread;
	if (s->run(f, s->max_regions, 1, &spread) < 0)
		return -1;
	f->quote_regions += f->used_regions;
	if (!fault(f, i, why, sizeof why)) {
		(void)spread;
		if (ends_apart(f) <= 1)
			return 1;
		if (!s->found)
			*s = (struct search){s->run, s->max_regions, s->tries, 1, region, col, cell};
	}
	f->obst[i] = was;
	return 0;
}

/* A spot for quote i that keeps the rules: higher in its own region first,
 * then the story's other regions. 1 found, 0 none, -1 error. */
static int find_spot(struct flow *f, np_story_runner run, size_t i, int max_regions)
{
	static const int around[] = {0, -1, 1, -2, 2};
	struct obstacle o = f->obst[i];
	const struct region *own = &f->regions[o.region];
	struct search s = {.run = run, .max_regions = max_regions};
	int rc = 0;
	/* a few lines up; about a third of the way down its region; its top */
	int third = own->k0 + (own->k1 - own->k0 - o.ncells) / 3;
	for (int k = o.cell - 1; rc == 0 && k >= o.cell - NEAR && k >= own->k0; k--)
		rc = try_spot(f, &s, i, o.region, o.col, k);
	for (size_t a = 0; rc == 0 && a < sizeof around / sizeof *around; a++)
		if (third + around[a] < o.cell - NEAR)
			rc = try_spot(f, &s, i, o.region, o.col, third + around[a]);
	if (rc == 0 && own->k0 < o.cell - NEAR)
		rc = try_spot(f, &s, i, o.region, o.col, own->k0);
	for (int g = 0; rc == 0 && g < (int)f->nregions; g++) {
		const struct region *r = &f->regions[g];
		int down = r->k0 + (r->k1 - r->k0 - o.ncells) / 3;
		for (int c = r->c0; rc == 0 && c + o.span - 1 <= r->c1; c++) {
			if (g == o.region && c == o.col)
				continue;
			rc = try_spot(f, &s, i, g, c, down);
			if (rc == 0 && down != r->k0)
				rc = try_spot(f, &s, i, g, c, r->k0);
		}
	}
	if (rc != 0 || !s.found)
		return rc;
	int spread;
	np_flow_obstacle_place(f, i, s.region, s.col, s.cell);
	f->quote_regions += f->used_regions;
	return s.run(f, max_regions, 1, &spread) < 0 ? -1 : 1;
}

/* The slots of regions from `stale` on are not those of the quotes as they
 * stand: window runs stop short, and a spot tried and given up leaves them. */
struct window {
	np_story_window run;
	int stale; /* INT_MAX: all stand */
};

/* Regions from..last run again (from no later than the first stale one);
 * those before `last` stand after it. */
static int run_window(struct flow *f, struct window *w, int from, int last)
{
	from = from < w->stale ? from : w->stale;
	if (w->run(f, from, last) < 0)
		return -1;
	f->quote_regions += f->used_regions - from;
	w->stale = last;
	return 0;
}

/* Tries far quote i at a spot on a window's run: 1 when it keeps the rules
 * there (it stays), 0 when not (it goes back), -1 on error. */
static int try_far(struct flow *f, struct window *w, int *tries, size_t i, int region, int col,
		   int cell)
{
	struct obstacle was = f->obst[i];
	if (*tries >= MAX_TRIES || !np_flow_obstacle_place(f, i, region, col, cell))
		return 0;
	(*tries)++;
	int from = region < was.region ? region : was.region;
	int last = (region > was.region ? region : was.region) + 1;
	char why[192];
	if (run_window(f, w, from, last) < 0)
		return -1;
	if (!fault(f, i, why, sizeof why))
		return 1;
	f->obst[i] = was;
	w->stale = w->stale < from ? w->stale : from;
	return 0;
}

/* A spot for far quote i, as find_spot() seeks one, in its own region and
 * the next AHEAD only; the first that keeps the rules stays. */
static int find_far(struct flow *f, struct window *w, size_t i)
{
	static const int around[] = {0, -1, 1, -2, 2};
	struct obstacle o = f->obst[i];
	const struct region *own = &f->regions[o.region];
	int rc = 0, tries = 0;
	int third = own->k0 + (own->k1 - own->k0 - o.ncells) / 3;
	for (int k = o.cell - 1; rc == 0 && k >= o.cell - NEAR && k >= own->k0; k--)
		rc = try_far(f, w, &tries, i, o.region, o.col, k);
	for (size_t a = 0; rc == 0 && a < sizeof around / sizeof *around; a++)
		if (third + around[a] < o.cell - NEAR)
			rc = try_far(f, w, &tries, i, o.region, o.col, third + around[a]);
	if (rc == 0 && own->k0 < o.cell - NEAR)
		rc = try_far(f, w, &tries, i, o.region, o.col, own->k0);
	for (int g = o.region; rc == 0 && g <= o.region + AHEAD && g < (int)f->nregions; g++) {
		const struct region *r = &f->regions[g];
		int down = r->k0 + (r->k1 - r->k0 - o.ncells) / 3;
		for (int c = r->c0; rc == 0 && c + o.span - 1 <= r->c1; c++) {
			if (g == o.region && c == o.col)
				continue;
			rc = try_far(f, w, &tries, i, g, c, down);
			if (rc == 0 && down != r->k0)
				rc = try_far(f, w, &tries, i, g, c, r->k0);
		}
	}
	return rc;
}

int np_quotes_check(struct flow *f, int max_regions, np_story_runner run, np_story_window window)
{
	int quotes = 0;
	for (size_t i = 0; i < f->nobst; i++)
		quotes += f->obst[i].kind == OB_PULLQUOTE;
	if (!quotes)
		return 0;
	int changed = 0, spread;
	if (run(f, max_regions, -1, &spread) < 0) /* the plan as balanced */
		return -1;
	f->quote_regions += f->used_regions;
	int text_regions = f->used_regions;
	struct window w = {window, INT_MAX};
	char why[192];
	for (size_t i = 0; i < f->nobst; i++) {
		if (f->obst[i].kind != OB_PULLQUOTE)
			continue;
		int far = f->obst[i].region + FAR < text_regions;
		if (far && w.stale <= f->obst[i].region) {
			if (run_window(f, &w, w.stale, f->obst[i].region + 1) < 0)
				return -1;
		} else if (!far && w.stale != INT_MAX) {
			if (run(f, max_regions, 0, &spread) < 0)
				return -1;
			f->quote_regions += f->used_regions;
			w.stale = INT_MAX;
		}
		if (!fault(f, i, why, sizeof why))
			continue;
		changed = 1;
		struct obstacle was = f->obst[i];
		int found = far ? find_far(f, &w, i) : find_spot(f, run, i, max_regions);
		if (found < 0)
			return -1;
		if (found) {
			const struct obstacle *o = &f->obst[i];
			char buf[16];
			if (!f->quiet && (o->region != was.region || abs(o->cell - was.cell) > MOVE_SAID))
				np_diag_add(f->out->d, NP_WARNING, o->mark,
					    "pull-quote moved to page %s, column %d, grid line %d: where it stood, %s",
					    label(f, o->page, buf, sizeof buf), o->col + 1, o->cell + 1, why);
			continue;
		}
		np_flow_obstacle_drop(f, i, why);
		i--; /* the next quote is at i now */
		if (far) {
			w.stale = w.stale < was.region ? w.stale : was.region;
			continue; /* run again when a quote asks */
		}
		if (run(f, max_regions, 0, &spread) < 0)
			return -1;
		f->quote_regions += f->used_regions;
	}
	if (!changed)
		return 0;
	int rc = run(f, max_regions, 1, &spread);
	f->quote_regions += f->used_regions;
	return rc;
}
