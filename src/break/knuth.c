/* knuth.c - total-fit line breaking (Knuth and Plass, "Breaking paragraphs
 * into lines", 1981), over per-line widths from the flow.
 *
 * Outline:
 *   for each pass (no hyphenation; hyphenation; emergency stretch; anything):
 *     active = { start }
 *     for each legal breakpoint b in order:
 *       for each active node a:
 *         r = adjustment ratio of the line a..b at width(a.line)
 *         if r < -1 (overfull) or b is forced: retire a
 *         if -1 <= r <= tolerance: candidate (line+1, fitness, hyphen run) with
 *           demerits = a.demerits + (linepenalty + 100|r|^3)^2 +- penalty^2
 *                      + double-hyphen and fitness-jump demerits
 *       add the best candidate of each (line, fitness, run) class as a node
 *     if a node reached the final forced break: take the cheapest; done
 *     (looseness: the cheapest of the line count nearest the optimum's
 *      + looseness; a pass that does not reach it gives way to the next, up to
 *      the pass with hyphenation: emergency stretch is not spent on it)
 * Nodes are keyed by line number too, since every line may have its own width,
 * and by hyphen run, so the limit on consecutive hyphens stays exact.
 */
#include "break/break.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "break/break_int.h"

struct node {
	size_t pos;    /* item index of the break; SIZE_MAX for the start */
	size_t line;   /* lines before this break's successor line */
	int fitness;   /* 0 tight, 1 decent, 2 loose, 3 very loose */
	int run;       /* consecutive flagged breaks ending here */
	int flagged;
	double demerits;
	double ratio;
	size_t after;  /* first item of the next line (discardables skipped) */
	struct node *prev;
	struct node *next; /* active list */
	struct node *all;  /* every node, for freeing */
};

struct pass {
	const struct np_bitem *it;
	size_t n;
	const struct np_break_sums *s;
	np_width_fn width;
	void *ctx;
	const struct np_break_params *p;
	double tolerance;
	int hyphenate;
	int32_t background; /* emergency stretch per line */
	int allow_overfull;
	struct node *nodes;  /* every node made, newest first (collect() walks them) */
	struct node *active;
	struct node_block *blocks; /* where nodes live: freed together after a pass */
	size_t used;             /* nodes taken from the newest block */
};

/* Nodes come from blocks, not one malloc each: a paragraph makes thousands
 * and a page many paragraphs; a pass frees them all at once. */
#define NODES_PER_BLOCK 256

struct node_block {
	struct node_block *next;
	struct node v[NODES_PER_BLOCK];
};

static int fitness_of(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1)
		return 2;
	return 3;
}

static struct node *node_new(struct pass *ps, size_t pos, size_t line)
{
	if (!ps->blocks || ps->used == NODES_PER_BLOCK) {
		struct node_block *b = malloc(sizeof *b);
		if (!b)
			return NULL;
		b->next = ps->blocks;
		ps->blocks = b;
		ps->used = 0;
	}
	struct node *n = &ps->blocks->v[ps->used++];
	memset(n, 0, sizeof *n);
	n->pos = pos;
	n->line = line;
	n->after = np_break_next_start(ps->it, ps->n, pos);
	n->all = ps->nodes;
	ps->nodes = n;
	return n;
}

static double line_demerits(const struct pass *ps, const struct node *a, size_t b,
			    double r, int flagged)
{
	const struct np_break_params *p = ps->p;
	const struct np_bitem *it = &ps->it[b];
	double ar = fabs(r) < 10 ? fabs(r) : 10;
	double bad = 100.0 * ar * ar * ar;
	double d = (p->line_penalty + bad) * (p->line_penalty + bad);
	if (it->type == NP_PENALTY) {
		double pen = it->penalty;
		if (pen >= 0)
			d += pen * pen;
		else if (pen > -NP_INF_PENALTY)
			d -= pen * pen;
	}
	if (flagged && a->flagged)
		d += p->hyphen_demerits;
	if (b == ps->n - 1 && a->flagged)
		d += p->final_hyphen_demerits;
	if (a->pos != SIZE_MAX && abs(fitness_of(r) - a->fitness) > 1)
		d += p->fitness_demerits;
	return d;
}

/* Adjustment ratio of the line from node a to break b; -INFINITY when it is
 * overfull beyond its shrink. `feasible` is judged with the emergency stretch,
 * the ratio returned (and so the demerits) without it: the last passes admit
 * loose lines but still prefer the least loose. */
static double ratio_to(const struct pass *ps, const struct node *a, size_t b, int32_t width,
		       int *feasible)
{
	double r = np_break_sums_ratio(ps->it, ps->s, a->after, b, width, 0, NULL);
	double rb = ps->background ? np_break_sums_ratio(ps->it, ps->s, a->after, b, width,
							 ps->background, NULL) : r;
	*feasible = rb <= ps->tolerance;
	return r;
}

struct cand {
	struct node *from;
	double demerits, ratio;
	int used;
};

#define NCLASS(max_run) (4 * ((max_run) + 2))

/* Emergency passes only: at a breakpoint, keep the candidates of the few line
 * counts with the least demerits. With loose lines allowed without limit, a
 * run of text without spaces (a 50,000-letter word) could otherwise reach
 * each breakpoint in any number of lines, and the search would grow with the
 * square of its length. The exact passes keep every line count. */
#define KEEP_LINE_COUNTS 3

static void prune_lines(struct cand *c, size_t nc, size_t per_line)
{
	size_t nlines = nc / per_line;
	if (nlines <= KEEP_LINE_COUNTS)
		return;
	double best[KEEP_LINE_COUNTS];
	size_t which[KEEP_LINE_COUNTS], kept = 0;
	for (size_t l = 0; l < nlines; l++) {
		double d = INFINITY;
		for (size_t k = l * per_line; k < (l + 1) * per_line; k++)
			if (c[k].used && c[k].demerits < d)
				d = c[k].demerits;
		if (d == INFINITY)
			continue;
		size_t at = kept < KEEP_LINE_COUNTS ? kept++ : KEEP_LINE_COUNTS;
		if (at == KEEP_LINE_COUNTS) { /* replace the worst kept if this is better */
			size_t worst = 0;
			for (size_t i = 1; i < kept; i++)
				worst = best[i] > best[worst] ? i : worst;
			if (d >= best[worst]) {
				for (size_t k = l * per_line; k < (l + 1) * per_line; k++)
					c[k].used = 0;
				continue;
			}
			for (size_t k = which[worst] * per_line; k < (which[worst] + 1) * per_line; k++)
				c[k].used = 0;
			at = worst;
		}
		best[at] = d;
		which[at] = l;
	}
}

/* Breakpoint b against every active node:
 *   candidates[line, fitness, hyphen run] = the cheapest way to reach b
 *   for each active node a:
 *     r = ratio of the line a..b; retire a when the line can only be overfull
 *         (or b is forced); skip when infeasible or one hyphen too many
 *     keep a as the candidate of its class when cheapest
 *   (emergency passes: only the three best line counts)
 *   each candidate becomes an active node at b */
static int try_break(struct pass *ps, size_t b)
{
	const struct np_bitem *it = &ps->it[b];
	int forced = it->type == NP_PENALTY && it->penalty <= -NP_INF_PENALTY;
	int flagged = it->type == NP_PENALTY && it->flagged;
	int maxrun = ps->p->max_hyphen_run > 0 ? ps->p->max_hyphen_run : 0;
	/* candidates per (line, class); lines of active nodes span a small range */
	size_t lo = SIZE_MAX, hi = 0;
	for (struct node *a = ps->active; a; a = a->next) {
		lo = a->line < lo ? a->line : lo;
		hi = a->line > hi ? a->line : hi;
	}
	if (!ps->active)
		return 0;
	size_t nc = (hi - lo + 1) * NCLASS(maxrun);
	struct cand stackc[64], *c = nc <= 64 ? stackc : calloc(nc, sizeof *c);
	if (!c)
		return -1;
	memset(c, 0, nc * sizeof *c);
	struct node **link = &ps->active;
	while (*link) {
		struct node *a = *link;
		int32_t w = ps->width(ps->ctx, a->line);
		int feasible;
		double r = ratio_to(ps, a, b, w, &feasible);
		int over = r < -1;
		int run = flagged ? a->run + 1 : 0;
		int run_ok = !maxrun || run <= maxrun;
		/* retire a node once its lines can only be overfull; in the last pass
		 * keep it until an overfull break it may take (hyphen runs) came by */
		int retire = forced || (over && (!ps->allow_overfull || run_ok));
		if (retire)
			*link = a->next;
		else
			link = &a->next;
		if ((over && !ps->allow_overfull) || !feasible || !run_ok)
			continue;
		if (over)
			r = -1;
		int run_class = run > maxrun ? maxrun + 1 : run;
		double d = a->demerits + line_demerits(ps, a, b, r, flagged);
		if (over)
			d += 1e12; /* an overfull line only when nothing else exists */
		size_t k = (a->line - lo) * NCLASS(maxrun) + (size_t)(fitness_of(r) * (maxrun + 2) + run_class);
		if (!c[k].used || d < c[k].demerits) {
			c[k].used = 1;
			c[k].from = a;
			c[k].demerits = d;
			c[k].ratio = r;
		}
	}
	if (ps->background || ps->allow_overfull)
		prune_lines(c, nc, NCLASS(maxrun));
	for (size_t k = 0; k < nc; k++) {
		if (!c[k].used)
			continue;
		struct node *n = node_new(ps, b, c[k].from->line + 1);
		if (!n) {
			if (c != stackc)
				free(c);
			return -1;
		}
		n->fitness = fitness_of(c[k].ratio);
		n->flagged = flagged;
		n->run = flagged ? c[k].from->run + 1 : 0;
		n->demerits = c[k].demerits;
		n->ratio = c[k].ratio;
		n->prev = c[k].from;
		n->next = ps->active;
		ps->active = n;
	}
	if (c != stackc)
		free(c);
	return 0;
}

static void free_nodes(struct pass *ps)
{
	while (ps->blocks) {
		struct node_block *b = ps->blocks;
		ps->blocks = b->next;
		free(b);
	}
	ps->nodes = NULL;
	ps->used = 0;
}

static int legal_break(const struct pass *ps, size_t b)
{
	const struct np_bitem *it = ps->it;
	if (it[b].type == NP_GLUE)
		return b > 0 && it[b - 1].type == NP_BOX;
	if (it[b].type != NP_PENALTY || it[b].penalty >= NP_INF_PENALTY)
		return 0;
	if (it[b].flagged && !it[b].explicit_hyphen && !ps->hyphenate)
		return 0;
	return 1;
}

/* The final node to take: the cheapest, or with looseness the cheapest of the
 * line count that comes nearest the cheapest's + looseness without passing it
 * (as TeX chooses). NULL when no node reached the end. */
static struct node *final_node(const struct pass *ps, int *reached)
{
	struct node *best = NULL;
	for (struct node *n = ps->nodes; n; n = n->all)
		if (n->pos == ps->n - 1 && (!best || n->demerits < best->demerits))
			best = n;
	int want = ps->p->looseness, got = 0;
	int optimum = best ? (int)best->line : 0;
	for (struct node *n = ps->nodes; best && want && n; n = n->all) {
		if (n->pos != ps->n - 1)
			continue;
		int diff = (int)n->line - optimum;
		if ((diff < got && want <= diff) || (diff > got && want >= diff)) {
			best = n;
			got = diff;
		} else if (diff == got && n->demerits < best->demerits) {
			best = n;
		}
	}
	*reached = got == want;
	return best;
}

static int collect(struct pass *ps, struct np_break_result *r, int *reached)
{
	struct node *best = final_node(ps, reached);
	if (!best)
		return 1;
	r->nlines = best->line;
	r->breaks = malloc(r->nlines * sizeof *r->breaks);
	r->ratios = malloc(r->nlines * sizeof *r->ratios);
	if (!r->breaks || !r->ratios)
		return -1;
	r->demerits = best->demerits;
	for (struct node *n = best; n->prev; n = n->prev) {
		r->breaks[n->line - 1] = n->pos;
		r->ratios[n->line - 1] = n->ratio;
		if (np_break_sums_ratio(ps->it, ps->s, n->prev->after, n->pos,
					ps->width(ps->ctx, n->line - 1), 0, NULL) < -1)
			r->overfull = 1;
	}
	return 0;
}

static int run_pass(struct pass *ps, struct np_break_result *r, int *reached)
{
	ps->nodes = NULL;
	struct node *start = node_new(ps, SIZE_MAX, 0);
	if (!start)
		return -1;
	start->fitness = 1;
	ps->active = start;
	int rc = 0;
	for (size_t b = 0; b < ps->n && ps->active && rc == 0; b++)
		if (legal_break(ps, b))
			rc = try_break(ps, b);
	if (rc == 0)
		rc = collect(ps, r, reached);
	free_nodes(ps);
	return rc;
}

int np_break_total_fit(const struct np_bitem *items, size_t n, np_width_fn width, void *ctx,
		       const struct np_break_params *p, const struct np_break_sums *s,
		       struct np_break_result *r)
{
	struct pass ps = {.it = items, .n = n, .s = s, .width = width, .ctx = ctx, .p = p};
	struct {
		double tol;
		int hyph;
		int32_t bg;
		int over;
	} passes[4] = {
		{p->pretolerance, 0, 0, 0},
		{p->tolerance, 1, 0, 0},
		{p->tolerance, 1, p->emergency_stretch, 0},
		{INFINITY, 1, p->emergency_stretch, 1},
	};
	for (int k = p->pretolerance < 0 ? 1 : 0; k < 4; k++) {
		ps.tolerance = passes[k].tol;
		ps.hyphenate = passes[k].hyph;
		ps.background = passes[k].bg;
		ps.allow_overfull = passes[k].over;
		int reached = 1;
		int rc = run_pass(&ps, r, &reached);
		if (rc < 0)
			return -1;
		if (rc == 0 && !reached && k < 1) {
			np_break_result_fini(r);
			continue;
		}
		if (rc == 0) {
			r->pass = k + 1;
			r->emergency = k >= 2;
			return 0;
		}
	}
	return -1;
}
