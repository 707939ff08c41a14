/* result.c - a breaker's result let go of: by the entry point (break.c) and
 * by the passes (knuth.c) alike, so neither calls back into the other. */
#include <stdlib.h>
#include <string.h>

#include "break/break.h"

void np_break_result_fini(struct np_break_result *r)
{
	free(r->breaks);
	free(r->ratios);
	memset(r, 0, sizeof *r);
}
