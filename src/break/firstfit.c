/* firstfit.c - the greedy breaker: each line takes as much as fits. Kept for
 * ragged settings (headlines, captions) and as the baseline that total-fit is
 * measured against. */
#include <math.h>
#include <stdlib.h>

#include "break/break_int.h"

static int push(struct np_break_result *r, size_t *cap, size_t b, double ratio)
{
	if (r->nlines == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		size_t *nb = realloc(r->breaks, c * sizeof *nb);
		if (!nb)
			return -1;
		r->breaks = nb;
		double *nr = realloc(r->ratios, c * sizeof *nr);
		if (!nr)
			return -1;
		r->ratios = nr;
		*cap = c;
	}
	r->breaks[r->nlines] = b;
	r->ratios[r->nlines++] = ratio;
	return 0;
}

static int legal(const struct np_bitem *it, size_t b)
{
	if (it[b].type == NP_GLUE)
		return b > 0 && it[b - 1].type == NP_BOX;
	return it[b].type == NP_PENALTY && it[b].penalty < NP_INF_PENALTY;
}

/* How a ragged line may end, best first: at a space or a hyphen or dash of
 * the text; at a dictionary break; inside a word without a hyphen. A ragged
 * line takes the last break of the best kind that fits: a short line is no
 * fault in ragged text, a word cut needlessly is. Justified lines take the
 * last break that fits of any kind. */
static int rank(const struct np_bitem *it, size_t b, int justify)
{
	if (justify || it[b].type != NP_PENALTY || it[b].explicit_hyphen)
		return 0;
	if (it[b].penalty >= NP_ANYWHERE_PENALTY)
		return 2;
	return it[b].flagged ? 1 : 0;
}

/* Best break for a line starting at `start`: the last legal break whose line
 * fits (shrinking if justified); else the first legal break (overfull). */
static size_t fit_line(const struct np_bitem *it, size_t n, const struct np_break_sums *s,
		       size_t start, int32_t w, const struct np_break_params *p, int run,
		       double *ratio)
{
	size_t best = SIZE_MAX, first = SIZE_MAX;
	int best_rank = 3;
	for (size_t b = start; b < n; b++) {
		if (!legal(it, b))
			continue;
		if (first == SIZE_MAX)
			first = b;
		double r = np_break_sums_ratio(it, s, start, b, w, 0, NULL);
		int64_t L = np_break_sums_width(it, s, start, b);
		int fits = p->justify ? r >= -1 : L <= w;
		if (!fits)
			break;
		int too_many = it[b].type == NP_PENALTY && it[b].flagged && p->max_hyphen_run > 0 &&
			       run >= p->max_hyphen_run;
		int k = rank(it, b, p->justify);
		if (!too_many && k <= best_rank) {
			best = b;
			best_rank = k;
			*ratio = r;
		}
		if (it[b].type == NP_PENALTY && it[b].penalty <= -NP_INF_PENALTY)
			break;
	}
	if (best == SIZE_MAX) { /* nothing fits: the first break allowed, overfull */
		for (size_t b = start; b < n && best == SIZE_MAX; b++)
			if (legal(it, b) && !(it[b].type == NP_PENALTY && it[b].flagged &&
					      p->max_hyphen_run > 0 && run >= p->max_hyphen_run))
				best = b;
		if (best == SIZE_MAX)
			best = first;
		*ratio = np_break_sums_ratio(it, s, start, best, w, 0, NULL);
	}
	return best;
}

int np_break_first_fit(const struct np_bitem *it, size_t n, np_width_fn width, void *ctx,
		       const struct np_break_params *p, const struct np_break_sums *s,
		       struct np_break_result *r)
{
	size_t cap = 0, start = 0;
	int run = 0;
	while (start < n) {
		double ratio = 0;
		int32_t w = width(ctx, r->nlines);
		size_t b = fit_line(it, n, s, start, w, p, run, &ratio);
		if (b == SIZE_MAX)
			break;
		if (np_break_sums_width(it, s, start, b) > w && !p->justify)
			r->overfull = 1;
		if (p->justify && np_break_sums_ratio(it, s, start, b, w, 0, NULL) < -1)
			r->overfull = 1;
		if (push(r, &cap, b, isfinite(ratio) ? ratio : 0) < 0)
			return -1;
		run = it[b].type == NP_PENALTY && it[b].flagged ? run + 1 : 0;
		if (b == n - 1)
			break;
		start = np_break_next_start(it, n, b);
	}
	return 0;
}
