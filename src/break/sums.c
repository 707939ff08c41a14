/* sums.c - prefix sums of widths, stretch and shrink, so any line's measure
 * costs O(1). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "break/break_int.h"

int np_break_sums_init(struct np_break_sums *s, const struct np_bitem *it, size_t n)
{
	s->w = malloc((n + 1) * sizeof *s->w);
	s->y = malloc((n + 1) * sizeof *s->y);
	s->z = malloc((n + 1) * sizeof *s->z);
	s->fill = malloc((n + 1) * sizeof *s->fill);
	if (!s->w || !s->y || !s->z || !s->fill) {
		np_break_sums_fini(s);
		return -1;
	}
	s->w[0] = s->y[0] = s->z[0] = 0;
	s->fill[0] = 0;
	for (size_t i = 0; i < n; i++) {
		int pen = it[i].type == NP_PENALTY;
		int glue = it[i].type == NP_GLUE;
		int fill = glue && it[i].stretch >= NP_FILL;
		s->w[i + 1] = s->w[i] + (pen ? 0 : it[i].width);
		s->y[i + 1] = s->y[i] + (glue && !fill ? it[i].stretch : 0);
		s->z[i + 1] = s->z[i] + (glue ? it[i].shrink : 0);
		s->fill[i + 1] = s->fill[i] + fill;
	}
	return 0;
}

void np_break_sums_fini(struct np_break_sums *s)
{
	free(s->w);
	free(s->y);
	free(s->z);
	free(s->fill);
	s->w = s->y = s->z = NULL;
	s->fill = NULL;
}

size_t np_break_next_start(const struct np_bitem *it, size_t n, size_t b)
{
	size_t i = b == SIZE_MAX ? 0 : b + 1;
	if (b == SIZE_MAX)
		return 0;
	while (i < n && it[i].type != NP_BOX) {
		if (it[i].type == NP_PENALTY && it[i].penalty <= -NP_INF_PENALTY)
			break;
		i++;
	}
	return i;
}

int64_t np_break_sums_width(const struct np_bitem *it, const struct np_break_sums *s,
			    size_t start, size_t b)
{
	if (start > b)
		return 0;
	int64_t L = s->w[b] - s->w[start];
	if (it[b].type == NP_PENALTY)
		L += it[b].width;
	return L;
}

double np_break_sums_ratio(const struct np_bitem *it, const struct np_break_sums *s,
			   size_t start, size_t b, int32_t width, int32_t background)
{
	int64_t L = np_break_sums_width(it, s, start, b);
	if (start > b)
		start = b;
	if (L < width) {
		if (s->fill[b] - s->fill[start] > 0)
			return 0;
		int64_t y = s->y[b] - s->y[start] + background;
		return y > 0 ? (double)(width - L) / (double)y : INFINITY;
	}
	if (L == width)
		return 0;
	int64_t z = s->z[b] - s->z[start];
	return z > 0 ? (double)(width - L) / (double)z : -INFINITY;
}
