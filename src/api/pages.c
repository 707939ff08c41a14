/* pages.c - page ranges ("3", "2-5", "1,4-6") as the "pages" option gives them. */
#include "api/pages.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int by_start(const void *a, const void *b)
{
	const long *x = a, *y = b;
	return (x[0] > y[0]) - (x[0] < y[0]);
}

/* How many pages the ranges name together (overlaps counted once). */
static unsigned long long union_size(long (*r)[2], size_t n)
{
	qsort(r, n, sizeof *r, by_start);
	unsigned long long total = 0;
	long end = 0; /* the last page counted */
	for (size_t i = 0; i < n; i++) {
		long a = r[i][0] > end ? r[i][0] : end + 1;
		if (r[i][1] >= a)
			total += (unsigned long long)(r[i][1] - a) + 1;
		if (r[i][1] > end)
			end = r[i][1];
	}
	return total;
}

int np_pages_parse(const char *range, unsigned char *sel, size_t max, unsigned long long *count)
{
	const char *s = range;
	if (!*s)
		return -1;
	long (*r)[2] = malloc((strlen(range) / 2 + 1) * sizeof *r); /* a range takes 2 bytes */
	size_t n = 0;
	while (r && *s) {
		char *end;
		errno = 0;
		long a = strtol(s, &end, 10), b = a;
		if (end == s || a < 1 || errno)
			break;
		s = end;
		if (*s == '-') {
			b = strtol(s + 1, &end, 10);
			if (end == s + 1 || b < a || errno)
				break;
			s = end;
		}
		for (long p = a; p <= b && (size_t)p < max; p++)
			sel[p] = 1;
		r[n][0] = a;
		r[n++][1] = b;
		if (*s == ',' && s[1])
			s++;
		else if (*s)
			break;
	}
	int ok = r && !*s;
	if (ok && count)
		*count = union_size(r, n);
	free(r);
	return ok ? 0 : -1;
}
