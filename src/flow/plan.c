/* plan.c - the final run's plan, kept block by block until paint.c has made
 * it into frames and lines (or the story is poured again). */
#include <stdlib.h>

#include "flow/flow_int.h"
#include "util/grow.h"

int np_flow_plan_add(struct flow *f, const struct placed_block *pb)
{
	if (np_grow((void **)&f->placed, &f->capplaced, f->nplaced, sizeof *pb, 64) < 0)
		return -1;
	f->placed[f->nplaced++] = *pb;
	return 0;
}

void np_flow_plan_clear(struct flow *f)
{
	for (size_t i = 0; i < f->nplaced; i++) {
		free(f->placed[i].slot);
		free(f->placed[i].breaks);
	}
	f->nplaced = 0;
}
