/* resume.c - a trial run resumed at a region: the slots before it and the
 * blocks that start before it stand as the last run left them. The balancer
 * resumes at the last region; the pull-quote check at a quote's region, so
 * that trying a spot costs the pages near it, not the whole story. */
#include <string.h>

#include "flow/flow_int.h"

struct np_flow_resume np_flow_resume_point(const struct flow *f, int region)
{
	struct np_flow_resume rs = {.block = 1, .first = f->nslots, .region = region};
	for (size_t i = 0; i < f->nslots; i++)
		if (f->slots[i].region == region) {
			rs.first = i;
			break;
		}
	/* the starts rise block by block as far as the last run went; past it
	 * (a window's run stops short) they are an older run's, not to be used */
	for (size_t b = 0; b < f->a->nblocks; b++) {
		if (f->starts[b].cursor > rs.first || f->starts[b].used_regions > region)
			break;
		rs.block = (int)b + 1;
	}
	return rs;
}

int np_flow_resume_run(struct flow *f, const struct np_flow_resume *rs)
{
	const struct block_start *st = &f->starts[rs->block - 1];
	f->trial = 1;
	for (size_t i = st->cursor; i < rs->first && i < f->nslots; i++)
		f->slots[i].blank = f->slots[i].geo_blank;
	f->nslots = rs->first;
	f->slot_regions = rs->region;
	f->cursor = st->cursor;
	f->used_regions = st->used_regions;
	f->overflow = 0;
	f->overset_words = 0;
	f->overset_lines = 0;
	memset(f->ends + rs->block - 1, 0, (f->a->nblocks - (size_t)rs->block + 1) * sizeof *f->ends);
	return np_flow_body(f, rs->block);
}
