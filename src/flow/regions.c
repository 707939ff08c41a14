/* regions.c - the regions a story flows through: their place on the page,
 * made as the text needs them in article mode, and their line slots. */
#include "flow/flow_int.h"
#include "util/grow.h"

double np_flow_region_x(const struct flow *f, const struct region *r)
{
	return np_layout_column_x(f->g->l, r->c0);
}

double np_flow_region_width(const struct flow *f, const struct region *r)
{
	return np_layout_column_x(f->g->l, r->c1) + f->g->colw - np_flow_region_x(f, r);
}

/* Article mode makes a region per page as the text needs one. */
const struct region *np_flow_region_at(struct flow *f, int i)
{
	while (f->pages_mode && (int)f->nregions <= i && (int)f->nregions < f->max_regions) {
		if (np_grow((void **)&f->regions, &f->capregions, f->nregions, sizeof *f->regions, 8) < 0)
			return NULL;
		int p = (int)f->nregions;
		f->regions[f->nregions++] = (struct region){
			.page = p, .c0 = 0, .c1 = f->g->l->columns - 1, .top = 0,
			.k0 = p == 0 ? f->band_cells : 0, .k1 = f->g->ncells, .head = p == 0,
			.jump_from = -1, .jump_to = -1};
	}
	return i < (int)f->nregions ? &f->regions[i] : NULL;
}

/* The line slots of the next region (geometry only); 1 when there is none. */
int np_flow_add_slots(struct flow *f)
{
	if (!np_flow_region_at(f, f->slot_regions))
		return 1;
	return np_flow_slots_for_region(f, f->slot_regions++);
}

void np_flow_use_region(struct flow *f, int i)
{
	if (i + 1 > f->used_regions)
		f->used_regions = i + 1;
}
