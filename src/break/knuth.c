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
 *                      + loose / very loose demerits when the line's spaces
 *                        average wider than loose_gap / very_loose_gap
 *       add the best candidate of each (line, fitness, run) class as a node
 *     if a node reached the final forced break: take the cheapest; done
 *     (looseness: the cheapest of the line count nearest the optimum's
 *      + looseness; a pass that does not reach it gives way to the next, up to
 *      the pass with hyphenation: emergency stretch is not spent on it)
 * Nodes are keyed by line number too, since every line may have its own width,
 * and by hyphen run, so the limit on consecutive hyphens stays exact.
 *
 * Bounded (docs/breaking.md): a paragraph of more than p->exact_words words
 * reaches each breakpoint in more and more line counts, so the search would
 * grow with the square of its length; there only the p->line_window line
 * counts with the least demerits go on from a breakpoint. And a node lives
 * while an active node descends from it (counted references), so memory
 * follows the active list, not the text.
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
	struct node *next; /* active list, or the free list */
	size_t refs;       /* nodes whose prev it is, and 1 while active */
};

struct cand {
	struct node *from;
	double demerits, ratio;
	int used;
};

#define WIDTH_CACHE 64

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
	struct node *active;
	struct node *free;       /* nodes released, to be taken again */
	struct node_block *blocks; /* where nodes live: freed together after a pass */
	size_t used;             /* nodes taken from the newest block */
	/* try_break's candidates per (line, class), kept unused between calls;
	 * `touched` lists the entries a call used, so a call costs what it uses */
	struct cand *c;
	size_t *touched;
	double *line_best;
	size_t cap;
	size_t lo, hi;  /* least and greatest line of the active nodes */
	size_t window;  /* line counts kept at a breakpoint by the exact passes; 0: all */
	/* widths asked of the callback, by line: every active node asks its own */
	size_t wline[WIDTH_CACHE];
	int32_t wval[WIDTH_CACHE];
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
	struct node *n = ps->free;
	if (n) {
		ps->free = n->next;
		goto fill;
	}
	if (!ps->blocks || ps->used == NODES_PER_BLOCK) {
		struct node_block *b = malloc(sizeof *b);
		if (!b)
			return NULL;
		b->next = ps->blocks;
		ps->blocks = b;
		ps->used = 0;
	}
	n = &ps->blocks->v[ps->used++];
fill:
	memset(n, 0, sizeof *n);
	n->pos = pos;
	n->line = line;
	n->after = np_break_next_start(ps->it, ps->n, pos);
	return n;
}

/* Drops one reference to n: a node no active node descends from goes to the
 * free list, and its predecessor loses a reference in turn. */
static void release(struct pass *ps, struct node *n)
{
	while (n && --n->refs == 0) {
		struct node *prev = n->prev;
		n->next = ps->free;
		ps->free = n;
		n = prev;
	}
}

static int32_t width_of(struct pass *ps, size_t line)
{
	size_t k = line % WIDTH_CACHE;
	if (ps->wline[k] != line) {
		ps->wline[k] = line;
		ps->wval[k] = ps->width(ps->ctx, line);
	}
	return ps->wval[k];
}

static double line_demerits(const struct pass *ps, const struct node *a, size_t b,
			    double r, double letter, int flagged)
{
	const struct np_break_params *p = ps->p;
	const struct np_bitem *it = &ps->it[b];
	double ar = fabs(r) < 10 ? fabs(r) : 10;
	double bad = 100.0 * ar * ar * ar;
	double d = (p->line_penalty + bad) * (p->line_penalty + bad);
	d += p->letter_demerits * fabs(letter); /* a tracked line costs, even at a good ratio */
	/* not in the windowed search of a very long paragraph: there the loose
	 * terms set line counts millions of demerits apart, and the flow's widow
	 * and page-turn retries broke a 1 MiB paragraph again several times a pour
	 * (156 s against 11 s, bench/run --stress) */
	if (r > 0 && ps->window == 0 && (p->loose_gap > 0 || p->very_loose_gap > 0)) {
		double gap = np_break_sums_gap(ps->s, a->after, b, r);
		if (p->loose_gap > 0 && gap > p->loose_gap)
			d += p->loose_demerits;
		if (p->very_loose_gap > 0 && gap > p->very_loose_gap)
			d += p->very_loose_demerits;
	}
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
		       int *feasible, double *letter)
{
	double r = np_break_sums_ratio(ps->it, ps->s, a->after, b, width, 0, letter);
	double rb = ps->background ? np_break_sums_ratio(ps->it, ps->s, a->after, b, width,
							 ps->background, NULL) : r;
	*feasible = rb <= ps->tolerance;
	return r;
}

#define NCLASS(max_run) (4 * ((max_run) + 2))

/* Emergency passes only: at a breakpoint, keep the candidates of the few line
 * counts with the least demerits. With loose lines allowed without limit, a
 * run of text without spaces (a 50,000-letter word) could otherwise reach
 * each breakpoint in any number of lines, and the search would grow with the
 * square of its length. The exact passes keep every line count of a paragraph
 * of a few thousand words, a window of them beyond (keep_window). */
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

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

/* The exact passes on a long paragraph: the `window` line counts with the
 * least demerits at this breakpoint go on (ties: the fewer lines), the rest
 * are dropped. Where the widths ahead are the same for every line count, the
 * cheapest of a class is the one that can win, so little is lost; the line
 * counts matter only where the widths vary (obstacles) and for looseness. */
static void keep_window(struct pass *ps, size_t nc, size_t per_line, size_t ntouched,
			size_t window)
{
	size_t nlines = nc / per_line, live = 0;
	double *best = ps->line_best;
	for (size_t l = 0; l < nlines; l++)
		best[l] = INFINITY;
	for (size_t i = 0; i < ntouched; i++) {
		const struct cand *c = &ps->c[ps->touched[i]];
		size_t l = ps->touched[i] / per_line;
		if (c->used && c->demerits < best[l])
			best[l] = c->demerits;
	}
	double *sorted = best + nlines;
	for (size_t l = 0; l < nlines; l++)
		if (best[l] < INFINITY)
			sorted[live++] = best[l];
	if (live <= window)
		return;
	qsort(sorted, live, sizeof *sorted, cmp_double);
	double limit = sorted[window - 1];
	size_t below = 0, kept = 0;
	for (size_t i = 0; i < live && sorted[i] < limit; i++)
		below++;
	for (size_t l = 0; l < nlines; l++) {
		int keep = best[l] < limit || (best[l] == limit && below + kept++ < window);
		if (keep)
			continue;
		for (size_t k = l * per_line; k < (l + 1) * per_line; k++)
			ps->c[k].used = 0;
	}
}

/* Room for nc candidates, all unused, and the window's scratch. */
static int reserve(struct pass *ps, size_t nc)
{
	if (nc <= ps->cap)
		return 0;
	size_t cap = nc > 2 * ps->cap ? nc : 2 * ps->cap;
	struct cand *c = realloc(ps->c, cap * sizeof *c);
	if (c)
		ps->c = c;
	size_t *t = realloc(ps->touched, cap * sizeof *t);
	if (t)
		ps->touched = t;
	double *lb = realloc(ps->line_best, 2 * cap * sizeof *lb);
	if (lb)
		ps->line_best = lb;
	if (!c || !t || !lb)
		return -1;
	memset(ps->c + ps->cap, 0, (cap - ps->cap) * sizeof *c);
	ps->cap = cap;
	return 0;
}

/* Breakpoint b against every active node:
 *   candidates[line, fitness, hyphen run] = the cheapest way to reach b
 *   for each active node a:
 *     r = ratio of the line a..b; retire a when the line can only be overfull
 *         (or b is forced); skip when infeasible or one hyphen too many
 *     keep a as the candidate of its class when cheapest
 *   (exact passes: only the p->line_window best line counts; emergency
 *    passes: only the three best)
 *   each candidate becomes an active node at b, in the order of its class;
 *   the nodes retired are released */
static int try_break(struct pass *ps, size_t b)
{
	const struct np_bitem *it = &ps->it[b];
	int forced = it->type == NP_PENALTY && it->penalty <= -NP_INF_PENALTY;
	int flagged = it->type == NP_PENALTY && it->flagged;
	int maxrun = ps->p->max_hyphen_run > 0 ? ps->p->max_hyphen_run : 0;
	/* candidates per (line, class); lines of active nodes span a small range */
	size_t lo = ps->lo, hi = ps->hi, next_lo = SIZE_MAX, next_hi = 0;
	if (!ps->active)
		return 0;
	size_t nc = (hi - lo + 1) * NCLASS(maxrun), nt = 0;
	if (reserve(ps, nc) < 0)
		return -1;
	struct cand *c = ps->c;
	struct node *retired = NULL;
	struct node **link = &ps->active;
	while (*link) {
		struct node *a = *link;
		int32_t w = width_of(ps, a->line);
		int feasible;
		double letter;
		double r = ratio_to(ps, a, b, w, &feasible, &letter);
		int over = r < -1;
		int run = flagged ? a->run + 1 : 0;
		int run_ok = !maxrun || run <= maxrun;
		/* retire a node once its lines can only be overfull; in the last pass
		 * keep it until an overfull break it may take (hyphen runs) came by */
		int retire = forced || (over && (!ps->allow_overfull || run_ok));
		if (retire) { /* released once the new nodes hold their references */
			*link = a->next;
			a->next = retired;
			retired = a;
		} else {
			link = &a->next;
			next_lo = a->line < next_lo ? a->line : next_lo;
			next_hi = a->line > next_hi ? a->line : next_hi;
		}
		if ((over && !ps->allow_overfull) || !feasible || !run_ok)
			continue;
		if (over)
			r = -1;
		int run_class = run > maxrun ? maxrun + 1 : run;
		double d = a->demerits + line_demerits(ps, a, b, r, letter, flagged);
		if (over)
			d += 1e12; /* an overfull line only when nothing else exists */
		size_t k = (a->line - lo) * NCLASS(maxrun) + (size_t)(fitness_of(r) * (maxrun + 2) + run_class);
		if (!c[k].used)
			ps->touched[nt++] = k;
		if (!c[k].used || d < c[k].demerits) {
			c[k].used = 1;
			c[k].from = a;
			c[k].demerits = d;
			c[k].ratio = r;
		}
	}
	if (ps->background || ps->allow_overfull)
		prune_lines(c, nc, NCLASS(maxrun));
	else if (ps->window > 0)
		keep_window(ps, nc, NCLASS(maxrun), nt, ps->window);
	qsort(ps->touched, nt, sizeof *ps->touched, cmp_size);
	int rc = 0;
	for (size_t i = 0; i < nt; i++) {
		size_t k = ps->touched[i];
		if (!c[k].used || rc < 0)
			goto clear;
		struct node *n = node_new(ps, b, c[k].from->line + 1);
		if (!n) {
			rc = -1;
			goto clear;
		}
		n->fitness = fitness_of(c[k].ratio);
		n->flagged = flagged;
		n->run = flagged ? c[k].from->run + 1 : 0;
		n->demerits = c[k].demerits;
		n->ratio = c[k].ratio;
		n->prev = c[k].from;
		n->prev->refs++;
		n->refs = 1;
		n->next = ps->active;
		ps->active = n;
		next_lo = n->line < next_lo ? n->line : next_lo;
		next_hi = n->line > next_hi ? n->line : next_hi;
clear:
		c[k].used = 0;
	}
	while (retired) {
		struct node *a = retired;
		retired = a->next;
		release(ps, a);
	}
	ps->lo = next_lo;
	ps->hi = next_hi;
	return rc;
}

static void free_nodes(struct pass *ps)
{
	while (ps->blocks) {
		struct node_block *b = ps->blocks;
		ps->blocks = b->next;
		free(b);
	}
	ps->free = NULL;
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
 * (as TeX chooses). NULL when no node reached the end. After the last
 * (forced) break the active nodes are those that reached it. */
static struct node *final_node(const struct pass *ps, int *reached)
{
	struct node *best = NULL;
	for (struct node *n = ps->active; n; n = n->next)
		if (n->pos == ps->n - 1 && (!best || n->demerits < best->demerits))
			best = n;
	int want = ps->p->looseness, got = 0;
	int optimum = best ? (int)best->line : 0;
	for (struct node *n = ps->active; best && want && n; n = n->next) {
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
	struct node *start = node_new(ps, SIZE_MAX, 0);
	if (!start)
		return -1;
	start->fitness = 1;
	start->refs = 1;
	ps->lo = ps->hi = 0;
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
	for (size_t k = 0; k < WIDTH_CACHE; k++)
		ps.wline[k] = SIZE_MAX;
	/* a paragraph of a few thousand words or fewer is broken exactly */
	size_t spaces = 0;
	for (size_t i = 0; i < n && spaces <= p->exact_words; i++)
		spaces += items[i].type == NP_GLUE;
	ps.window = spaces > p->exact_words ? p->line_window : 0;
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
	int rc = -1;
	for (int k = p->pretolerance < 0 ? 1 : 0; k < 4; k++) {
		ps.tolerance = passes[k].tol;
		ps.hyphenate = passes[k].hyph;
		ps.background = passes[k].bg;
		ps.allow_overfull = passes[k].over;
		int reached = 1;
		rc = run_pass(&ps, r, &reached);
		if (rc < 0)
			break;
		if (rc == 0 && !reached && k < 1) {
			np_break_result_fini(r);
			continue;
		}
		if (rc == 0) {
			r->pass = k + 1;
			r->emergency = k >= 2;
			break;
		}
		rc = -1;
	}
	free(ps.c);
	free(ps.touched);
	free(ps.line_best);
	return rc;
}
