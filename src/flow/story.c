/* story.c - one story through its regions: trial runs, floats, balancing
 * (balance.c), and the run that draws.
 *
 * Outline:
 *   trial run without floats, balanced: where does each body block end?
 *   plan sidebars, pull-quotes, pictures from that; run again with them
 *   balance the last region: the least depth per column (columns left to
 *     right one line deeper at most) at which the rest of the text still fits
 *   run once more, drawing
 * Balancing the trial too puts floats where the text will really be, not
 * below a short last page's text. Trial runs only break and fill slots; a
 * paragraph's breaks are kept across the runs, and it is shaped again only
 * when a run needs its items (paras.c).
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flow/quotecheck.h"

static void reset(struct flow *f)
{
	if (f->pages_mode && !f->trial) {
		np_doc_clear_pages(f->out->doc);
		f->out->emitted = 0;
	}
	if (f->pages_mode)
		f->nregions = 0; /* made again as the text needs them */
	for (size_t i = 0; i < f->nregions; i++)
		f->regions[i].made = 0;
	np_flow_plan_clear(f);
	f->nslots = 0;
	f->cursor = 0;
	f->slot_regions = 0;
	f->used_regions = 0;
	f->overflow = 0;
	f->overset_words = 0;
	f->overset_lines = 0;
	memset(f->ends, 0, f->a->nblocks * sizeof *f->ends);
}

/* Pours the story; a trial run only breaks and fills slots, the final run
 * keeps its plan and has it painted (paint.c): every frame, line and glyph. */
static int run_as(struct flow *f, int draw)
{
	f->trial = !draw;
	reset(f);
	if (np_flow_add_slots(f) != 0)
		return -1;
	np_flow_use_region(f, 0);
	if (draw && np_flow_paint_begin(f) < 0)
		return -1;
	if (np_flow_body(f, 1) < 0)
		return -1;
	if (!draw)
		return 0;
	/* a float moved past the text's last region still stands, on its own */
	int text_regions = f->max_regions;
	f->max_regions = INT_MAX;
	for (size_t i = 0; i < f->nobst; i++)
		if (np_flow_region_at(f, f->obst[i].region))
			np_flow_use_region(f, f->obst[i].region);
	f->max_regions = text_regions;
	return np_flow_paint_end(f);
}

/* A trial run with the limits as they are. */
int np_flow_story_run(struct flow *f)
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

static void unbalance(struct flow *f, int max_regions)
{
	free(f->limit);
	f->limit = NULL;
	free(f->loose);
	f->loose = NULL;
	f->limit_region = -1;
	f->max_regions = max_regions;
}

/* Runs the story as it stands (floats planned) and balances it again. */
static int rebalance(struct flow *f, int max_regions, int thorough, int *spread)
{
	unbalance(f, max_regions);
	int rc = np_flow_story_run(f);
	*spread = INT_MAX;
	if (rc == 0 && !f->overflow)
		rc = np_flow_balance(f, thorough, spread, np_flow_story_run);
	return rc;
}

/* The story run as it stands, balanced, its slots as that run left them (the
 * balancer's last try need not be the limits it kept): the copy desk's
 * pull-quote check judges each spot by it. */
static int run_balanced(struct flow *f, int max_regions, int thorough, int *spread)
{
	if (thorough < 0) {
		*spread = INT_MAX;
		return np_flow_story_run(f);
	}
	int rc = rebalance(f, max_regions, thorough, spread);
	if (rc == 0 && f->limit)
		rc = np_flow_story_run(f);
	return rc;
}

/* A trial run of the story's regions from..last only, unbalanced: resumed at
 * `from` (the slots before it as the last run left them) and stopped when
 * `last` is full. The pull-quote check judges a quote far from the story's
 * end by its own region alone, so a spot costs a few pages, not the story. */
static int run_window(struct flow *f, int from, int last)
{
	unbalance(f, last + 1);
	struct np_flow_resume at = np_flow_resume_point(f, from);
	f->stop_at_overflow = 1;
	int rc = at.block > 1 ? np_flow_resume_run(f, &at) : np_flow_story_run(f);
	f->stop_at_overflow = 0;
	return rc;
}

/* Plans the floats from a trial run of `regions` regions whose last is
 * `depth` cells deep (negative: that depth is the balanced text's), runs and
 * balances. */
static int plan_and_balance(struct flow *f, int max_regions, int regions, int depth, int quiet,
			    int thorough, int *spread)
{
	unbalance(f, max_regions);
	f->nobst = 0;
	f->unset_words = 0;
	f->quiet = quiet;
	int planned = np_flow_obstacles_plan(f, regions, depth);
	f->quiet = 0;
	return planned < 0 ? -1 : rebalance(f, max_regions, thorough, spread);
}

/* A plan of the floats kept aside, to go back to. */
struct plan {
	struct obstacle *obst;
	size_t nobst;
	int unset_words;
};

static int keep_plan(const struct flow *f, struct plan *p)
{
	p->obst = malloc((f->nobst + 1) * sizeof *p->obst);
	if (!p->obst)
		return -1;
	if (f->nobst) /* none when every float failed to find a spot */
		memcpy(p->obst, f->obst, f->nobst * sizeof *p->obst);
	p->nobst = f->nobst;
	p->unset_words = f->unset_words;
	return 0;
}

static void restore_plan(struct flow *f, struct plan *p)
{
	free(f->obst);
	f->obst = p->obst;
	f->nobst = p->nobst;
	f->unset_words = p->unset_words;
	p->obst = NULL;
}

/* The limits and looseness of a balanced run, kept aside. */
struct balanced {
	int *limit;
	signed char *loose;
	int limit_region, max_regions;
};

/* Columns beside a pull-quote hold what they hold; when no limits balance the
 * page around it, the quote moved a line or two up or down may (its spot was
 * a wish, not a place). Tried with levelling only, each; the first that
 * balances stays, else everything stands as it was. */
static int nudge_quotes(struct flow *f, int max_regions, int *spread)
{
	static const int moves[] = {-1, 1, -2, 2};
	int balanced = f->limit != NULL;
	struct balanced was = {f->limit, f->loose, f->limit_region, f->max_regions};
	f->limit = NULL;
	f->loose = NULL;
	int rc = 0, moved = 0;
	for (size_t i = 0; balanced && rc == 0 && !moved && i < f->nobst; i++)
		for (size_t m = 0; rc == 0 && !moved && m < sizeof moves / sizeof *moves; m++) {
			if (f->obst[i].kind != OB_PULLQUOTE || !np_flow_obstacle_move(f, i, moves[m]))
				continue;
			int sp;
			rc = rebalance(f, max_regions, 0, &sp);
			if (rc == 0 && sp <= 1) {
				moved = 1;
				*spread = sp;
			} else {
				f->obst[i].cell -= moves[m];
			}
		}
	if (moved || rc < 0) {
		free(was.limit);
		free(was.loose);
		return rc;
	}
	unbalance(f, max_regions);
	f->limit = was.limit;
	f->loose = was.loose;
	f->limit_region = was.limit_region;
	f->max_regions = was.max_regions;
	return 0;
}

/* Floats: planned from the text's extent, which they then change; a
 * one-page story has them planned once more from the balanced result, and
 * the plan that balances better is kept. Only the plan that stays is
 * balanced thoroughly. */
static int plan_floats(struct flow *f, int max_regions)
{
	int regions = f->used_regions, spread, again_spread;
	int depth = regions > 1 ? f->regions[0].k1 - f->regions[0].k0
				: used_depth(f) - f->regions[0].k0;
	int rc = plan_and_balance(f, max_regions, regions, depth, 0, 0, &spread);
	if (rc == 0 && f->used_regions > 1 && spread > 1)
		rc = rebalance(f, max_regions, 1, &spread);
	if (rc != 0 || f->used_regions > 1)
		return rc == 0 && spread > 1 && spread != INT_MAX ? nudge_quotes(f, max_regions, &spread)
								   : rc;
	struct plan first = {0};
	if (keep_plan(f, &first) < 0)
		return -1;
	int again = used_depth(f) - f->regions[0].k0;
	rc = plan_and_balance(f, max_regions, 1, -again, 1, 1, &again_spread);
	if (rc == 0 && again_spread > 1) {
		/* the second plan does not balance: back to the first, thoroughly
		 * balanced; should that be worse still, the second after all */
		struct plan second = {0};
		if (keep_plan(f, &second) < 0) {
			free(first.obst);
			return -1;
		}
		restore_plan(f, &first);
		rc = rebalance(f, max_regions, 0, &spread);
		if (rc == 0 && spread > 1)
			rc = rebalance(f, max_regions, 1, &spread);
		if (rc == 0 && spread > again_spread) {
			restore_plan(f, &second);
			rc = rebalance(f, max_regions, 1, &spread);
		}
		free(second.obst);
	}
	free(first.obst);
	if (rc == 0 && spread > 1 && spread != INT_MAX)
		rc = nudge_quotes(f, max_regions, &spread);
	return rc;
}

int np_flow_story(struct flow *f)
{
	int max_regions = f->max_regions;
	int spread = INT_MAX;
	const struct np_article *a = f->a;
	int floats = a->npullquotes || a->nsidebars || a->nimages;
	int rc = np_flow_story_run(f);
	if (rc == 0 && !f->overflow)
		rc = np_flow_balance(f, !floats, &spread, np_flow_story_run);
	if (rc == 0 && floats)
		rc = plan_floats(f, max_regions);
	if (rc == 0 && floats)
		rc = np_quotes_check(f, max_regions, run_balanced, run_window);
	if (rc == 0 && f->limit && f->used_regions > 1) {
		/* balancing resumed its runs mid-story: check them with a whole run
		 * before drawing (pages may go out as they are drawn) */
		rc = np_flow_story_run(f);
		if (rc == 0 && f->overflow)
			unbalance(f, max_regions);
	}
	if (rc == 0)
		rc = run_as(f, 1);
	if (rc == 0 && f->overflow && f->limit && f->out->emitted == 0) {
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
	f->limit_region = -1;
	f->ends = calloc(f->a->nblocks + 1, sizeof *f->ends);
	f->starts = calloc(f->a->nblocks + 1, sizeof *f->starts);
	f->subfit = calloc(f->a->nblocks + 1, sizeof *f->subfit);
	return np_flow_paras_init(f) == 0 && f->ends && f->starts && f->subfit ? 0 : -1;
}

void np_flow_fini(struct flow *f)
{
	np_flow_paras_fini(f);
	free(f->ends);
	free(f->starts);
	free(f->subfit);
	free(f->slots);
	free(f->spans);
	free(f->obst);
	free(f->limit);
	free(f->loose);
	free(f->regions);
	np_flow_plan_clear(f);
	free(f->placed);
}
