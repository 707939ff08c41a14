/* grow.c - growing arrays (see grow.h). */
#include "util/grow.h"

#include <stdlib.h>

int np_grow(void **v, size_t *cap, size_t n, size_t sz, size_t first)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : first;
	void *nv = realloc(*v, c * sz);
	if (!nv)
		return -1;
	*v = nv;
	*cap = c;
	return 0;
}
