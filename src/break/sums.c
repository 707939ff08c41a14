/* sums.c - prefix sums of widths, stretch and shrink, so any line's measure
 * costs O(1). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "break/break_int.h"

int np_break_sums_init(struct np_break_sums *s, const struct np_bitem *it, size_t n,
		       double letter, double threshold)
{
	s->letter = letter;
	s->threshold = threshold;
	s->box = malloc((n + 1) * sizeof *s->box);
	s->w = malloc((n + 1) * sizeof *s->w);
	s->y = malloc((n + 1) * sizeof *s->y);
	s->z = malloc((n + 1) * sizeof *s->z);
	s->fill = malloc((n + 1) * sizeof *s->fill);
	s->gaps = malloc((n + 1) * sizeof *s->gaps);
	if (!s->w || !s->y || !s->z || !s->fill || !s->box || !s->gaps) {
		np_break_sums_fini(s);
		return -1;
	}
	s->w[0] = s->y[0] = s->z[0] = 0;
	s->fill[0] = 0;
	s->gaps[0] = 0;
	s->box[0] = 0;
	for (size_t i = 0; i < n; i++) {
		int pen = it[i].type == NP_PENALTY;
		int glue = it[i].type == NP_GLUE;
		int fill = glue && it[i].stretch >= NP_FILL;
		s->w[i + 1] = s->w[i] + (pen ? 0 : it[i].width);
		s->y[i + 1] = s->y[i] + (glue && !fill ? it[i].stretch : 0);
		s->z[i + 1] = s->z[i] + (glue ? it[i].shrink : 0);
		s->fill[i + 1] = s->fill[i] + fill;
		s->gaps[i + 1] = s->gaps[i] + (glue && !fill);
		s->box[i + 1] = s->box[i] + (it[i].type == NP_BOX ? it[i].width : 0);
	}
	return 0;
}

void np_break_sums_fini(struct np_break_sums *s)
{
	free(s->w);
	free(s->y);
	free(s->z);
	free(s->fill);
	free(s->box);
	free(s->gaps);
	s->w = s->y = s->z = s->box = NULL;
	s->fill = s->gaps = NULL;
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

double np_break_sums_gap(const struct np_break_sums *s, size_t start, size_t b, double r)
{
	if (start > b)
		return -1;
	int32_t n = s->gaps[b] - s->gaps[start];
	if (n <= 0)
		return -1;
	/* the glue's natural width: all but the boxes (penalties are not summed) */
	double natural = (double)(s->w[b] - s->w[start] - (s->box[b] - s->box[start]));
	double give = r >= 0 ? (double)(s->y[b] - s->y[start]) : (double)(s->z[b] - s->z[start]);
	return (natural + r * give) / n;
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
			   size_t start, size_t b, int32_t width, int32_t background,
			   double *letter)
{
	int64_t L = np_break_sums_width(it, s, start, b);
	if (letter)
		*letter = 0;
	if (start > b)
		start = b;
	double ls = s->letter * (double)(s->box[b] - s->box[start]);
	/* spaces first, as a compositor's H&J does: a line the spaces set well
	 * alone keeps its letters as drawn; only past the threshold (stretching)
	 * or their limit (shrinking) do the letters take up what is left, within
	 * their allowance, and past that the spaces alone again */
	if (L < width) {
		if (s->fill[b] - s->fill[start] > 0)
			return 0;
		double gap = (double)(width - L), y = (double)(s->y[b] - s->y[start] + background);
		/* a line without a space (a piece of an over-long word) is not
		 * letter-spaced out, nor squeezed in below: with a break after every
		 * letter, each length would be feasible in many line counts and the
		 * search would grow with the square of the word; the emergency
		 * passes, which keep few line counts, set such lines */
		if (y <= 0)
			return INFINITY;
		double alone = s->threshold * y;
		if (gap <= alone || ls <= 0)
			return gap / y;
		double take = gap - alone < ls ? gap - alone : ls;
		if (letter)
			*letter = take / ls;
		return (gap - take) / y;
	}
	if (L == width)
		return 0;
	double over = (double)(L - width), z = (double)(s->z[b] - s->z[start]);
	if (z <= 0)
		return -INFINITY; /* nothing gives: the letters are not squeezed alone */
	if (over <= z || ls <= 0)
		return over > z ? -INFINITY : -over / z;
	if (over > z + ls)
		return -INFINITY;
	if (letter)
		*letter = -(over - z) / ls;
	return -1;
}
