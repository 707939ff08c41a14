/* pages.h - page ranges ("3", "2-5", "1,4-6"): the "pages" option. */
#ifndef NP_PAGES_H
#define NP_PAGES_H

#include <stddef.h>

/* Parses range into sel[1..max) and, when count is not NULL, how many pages
 * it names (beyond max too); 0 or -1 when malformed. */
int np_pages_parse(const char *range, unsigned char *sel, size_t max, unsigned long long *count);

#endif
