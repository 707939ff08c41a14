/* break.c - the breaker's entry point: parameters, dispatch, results. */
#include "break/break.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "break/break_int.h"

void np_break_params_default(struct np_break_params *p)
{
	memset(p, 0, sizeof *p);
	p->mode = NP_BREAK_TOTAL_FIT;
	p->justify = 1;
	p->pretolerance = 1.0;
	p->tolerance = 2.0;
	p->line_penalty = 10;
	p->hyphen_demerits = 10000;
	p->final_hyphen_demerits = 5000;
	p->fitness_demerits = 10000;
	p->emergency_stretch = 0;
	p->max_hyphen_run = 2;
	p->letter_threshold = NP_LETTER_THRESHOLD;
	p->letter_demerits = NP_LETTER_DEMERITS;
	p->exact_words = NP_EXACT_WORDS;
	p->line_window = NP_LINE_WINDOW;
}

int np_break_paragraph(const struct np_bitem *items, size_t n, np_width_fn width, void *ctx,
		       const struct np_break_params *p, struct np_break_result *r)
{
	memset(r, 0, sizeof *r);
	if (n == 0)
		return 0;
	struct np_break_sums s;
	if (np_break_sums_init(&s, items, n, p->justify ? p->letter_space : 0,
			       p->letter_threshold) < 0)
		return -1;
	int rc;
	if (p->mode == NP_BREAK_FIRST_FIT || !p->justify)
		rc = np_break_first_fit(items, n, width, ctx, p, &s, r);
	else
		rc = np_break_total_fit(items, n, width, ctx, p, &s, r);
	np_break_sums_fini(&s);
	if (rc < 0)
		np_break_result_fini(r);
	for (size_t i = 0; rc == 0 && i + 1 < r->nlines; i++) {
		r->loosest = r->ratios[i] > r->loosest ? r->ratios[i] : r->loosest;
		r->very_loose += r->ratios[i] > 1;
	}
	return rc;
}

double np_break_ratio(const struct np_bitem *items, size_t from, size_t to, int32_t width,
		      double letter_space, double threshold, double *letter)
{
	/* sums over the line alone: a paragraph's lines each cost their length */
	struct np_break_sums s;
	if (letter)
		*letter = 0;
	if (to < from || np_break_sums_init(&s, items + from, to - from + 1, letter_space,
						       threshold) < 0)
		return 0;
	double r = np_break_sums_ratio(items + from, &s, 0, to - from, width, 0, letter);
	np_break_sums_fini(&s);
	return isfinite(r) ? r : 0;
}
