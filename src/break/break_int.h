/* break_int.h - what the breakers of this module share: prefix sums. */
#ifndef NP_BREAK_INT_H
#define NP_BREAK_INT_H

#include "break/break.h"

/* Glue with at least this stretch is infinite ("fil"), as at a paragraph's end. */
#define NP_FILL (1 << 28)

/* Prefix sums: w[i] is the natural width of items[0..i), and so on; fill
 * counts glue of infinite stretch, whose stretch stays out of y. */
struct np_break_sums {
	int64_t *w, *y, *z;
	int64_t *box;  /* widths of boxes only: what letter-spacing can stretch */
	int32_t *fill;
	int32_t *gaps; /* glue items of finite stretch: the spaces a reader sees */
	double letter; /* letter-spacing allowed, fraction of the boxes' width */
	double threshold; /* ratio the spaces reach alone before the letters move */
};

int np_break_sums_init(struct np_break_sums *s, const struct np_bitem *items, size_t n,
		       double letter, double threshold);
void np_break_sums_fini(struct np_break_sums *s);
/* Adjustment ratio of the spaces of the line items[start..b] broken at b;
 * -INFINITY when it cannot shrink enough, 0 when it ends in infinite glue and
 * fits. Spaces first: the letters move only on a line the spaces alone would
 * stretch past s->threshold (or shrink past their limit, -1), and then take
 * what is left, up to s->letter of the boxes' width, before the spaces go
 * on; *letter (may be NULL) gets the share of that allowance used, -1..1. */
double np_break_sums_ratio(const struct np_bitem *items, const struct np_break_sums *s,
			   size_t start, size_t b, int32_t width, int32_t background,
			   double *letter);
/* Mean width of the line's spaces at ratio r (set as np_break_sums_ratio
 * gave it), in width units; -1 for a line without a space. */
double np_break_sums_gap(const struct np_break_sums *s, size_t start, size_t b, double r);
/* Natural width of the line items[start..b] broken at b. */
int64_t np_break_sums_width(const struct np_bitem *items, const struct np_break_sums *s,
			    size_t start, size_t b);

int np_break_total_fit(const struct np_bitem *items, size_t n, np_width_fn width, void *ctx,
		       const struct np_break_params *p, const struct np_break_sums *s,
		       struct np_break_result *r);
int np_break_first_fit(const struct np_bitem *items, size_t n, np_width_fn width, void *ctx,
		       const struct np_break_params *p, const struct np_break_sums *s,
		       struct np_break_result *r);

#endif
