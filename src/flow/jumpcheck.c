/* jumpcheck.c - the copy desk's look at a story's modules once it is set: a
 * part before a jump too thin to read (fewer than the layout's
 * jumps.min_lines lines in a column), and a column of a module left empty.
 * Both are warnings naming the page and the story; they leave the pages as
 * they are. */
#include <stdlib.h>

#include "flow/jumpcheck.h"

/* Lines (body lines and subheads: used slots) in each column of region ri,
 * and the slots the column has at all (a column an obstacle covers has none). */
static void count(const struct flow *f, int ri, int *used, int *have)
{
	const struct region *r = &f->regions[ri];
	for (int c = 0; c <= r->c1 - r->c0; c++)
		used[c] = have[c] = 0;
	for (size_t i = 0; i < f->nslots; i++) {
		const struct slot *s = &f->slots[i];
		if (s->region != ri)
			continue;
		have[s->col - r->c0]++;
		used[s->col - r->c0] += i < f->cursor && !s->blank;
	}
}

int np_jump_checks(struct flow *f, const struct np_mark *mark)
{
	int ncols = f->g->l->columns;
	int *used = calloc((size_t)ncols * 2 + 2, sizeof *used);
	if (!used)
		return -1;
	int *have = used + ncols + 1;
	for (int ri = 0; ri < (int)f->nregions; ri++) {
		const struct region *r = &f->regions[ri];
		const char *page = f->out->doc->pages[r->page].label;
		if (ri >= f->slot_regions) {
			np_diag_add(f->out->d, NP_WARNING, mark,
				    "%s: its module on page %s is empty: the text ends before it",
				    f->a->id, page);
			continue;
		}
		count(f, ri, used, have);
		for (int c = 0; c <= r->c1 - r->c0; c++) {
			if (have[c] == 0)
				continue; /* covered by a picture or a sidebar */
			if (used[c] == 0)
				np_diag_add(f->out->d, NP_WARNING, mark,
					    "%s: column %d of its module on page %s is empty",
					    f->a->id, r->c0 + c + 1, page);
			else if (r->jump_to >= 0 && used[c] < f->g->l->jump_min_lines)
				np_diag_add(f->out->d, NP_WARNING, mark,
					    "%s: %d line%s in column %d on page %s before its jump to page %s, fewer than the %d the layout asks for (jumps.min_lines)",
					    f->a->id, used[c], used[c] == 1 ? "" : "s", r->c0 + c + 1, page,
					    f->out->doc->pages[r->jump_to].label, f->g->l->jump_min_lines);
		}
	}
	free(used);
	return 0;
}
