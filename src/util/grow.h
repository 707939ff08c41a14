/* grow.h - room for one more element in a growing array. */
#ifndef NP_GROW_H
#define NP_GROW_H

#include <stddef.h>

/* Makes *v (holding n of *cap elements of sz bytes) able to take one more,
 * doubling it (from `first` elements) when full. Returns 0, or -1 when out of
 * memory (*v and *cap unchanged). *v may move: pointers into it are invalid. */
int np_grow(void **v, size_t *cap, size_t n, size_t sz, size_t first);

#endif
