/* grid.c - the baseline grid and the line slots it leaves beside obstacles.
 *
 * Cell k of a column is the band [top + k*grid, top + (k+1)*grid); its
 * baseline sits `asc` below the band's top. For every cell of every column of
 * a region the free horizontal span is the column minus the obstacles over
 * that cell (with the layout's standoff beside insets); spans narrower than
 * the layout's minimum measure stay empty. A region that jumps keeps the last
 * line of its last column for the jump line.
 */
#include <math.h>
#include <stdlib.h>

#include "flow/flow_int.h"
#include "util/grow.h"

int np_flow_grid_lines(const struct np_layout *l)
{
	return (int)floor((l->page_height - l->margin_top - l->margin_bottom) / l->grid + 1e-6);
}

void np_flow_grid_setup(struct flow_geom *g, const struct np_layout *l)
{
	g->l = l;
	g->top = l->margin_top;
	g->grid = l->grid;
	g->asc = l->grid * NP_GRID_BASELINE;
	g->ncells = np_flow_grid_lines(l);
	g->colw = np_layout_column_width(l);
	g->words = (struct np_word_sources){.layout = l->words, .nlayout = l->nwords};
}

double np_flow_cell_top(const struct flow *f, int cell)
{
	return f->g->top + cell * f->g->grid;
}

double np_flow_cell_baseline(const struct flow *f, int cell)
{
	return np_flow_cell_top(f, cell) + f->g->asc;
}

static int push_slot(struct flow *f, const struct slot *s)
{
	if (np_grow((void **)&f->slots, &f->capslots, f->nslots, sizeof *s, 256) < 0)
		return -1;
	f->slots[f->nslots++] = *s;
	return 0;
}

/* The index of span [x0, x1) in f->spans, added when new. A story has few:
 * the last one found is most often the next one asked for. */
static long span_index(struct flow *f, double x0, double x1)
{
	double w = x1 - x0;
	if (f->last_span < f->nspans && f->spans[f->last_span].x == x0 && f->spans[f->last_span].w == w)
		return (long)f->last_span;
	for (size_t i = 0; i < f->nspans; i++)
		if (f->spans[i].x == x0 && f->spans[i].w == w)
			return (long)(f->last_span = i);
	if (f->nspans >= NP_SLOT_SPANS ||
	    np_grow((void **)&f->spans, &f->capspans, f->nspans, sizeof *f->spans, 16) < 0)
		return -1;
	f->spans[f->nspans] = (struct slot_span){x0, w};
	return (long)(f->last_span = f->nspans++);
}

/* The free span of column c at cell k: [*x0, *x1); 0 when none is wide
 * enough. `mine` lists the region's obstacles (indices into f->obst, in their
 * order). An inset obstacle leaves the wider side of the column to text. */
static int free_span(const struct flow *f, const size_t *mine, size_t nmine, int c, int k,
		     double *x0, double *x1)
{
	double a = np_layout_column_x(f->g->l, c), b = a + f->g->colw;
	for (size_t j = 0; j < nmine; j++) {
		const struct obstacle *o = &f->obst[mine[j]];
		if (k < o->cell || k >= o->cell + o->ncells)
			continue;
		double s = o->inset ? f->g->l->standoff : 0;
		double oa = o->x0 - s, ob = o->x1 + s;
		if (ob <= a || oa >= b)
			continue;
		if (oa - a >= b - ob)
			b = oa < b ? oa : b; /* text keeps the left side */
		else
			a = ob > a ? ob : a;
	}
	*x0 = a;
	*x1 = b;
	return b - a >= f->g->l->min_measure - 1e-6;
}

/* Closes the run of slots that ended at the last slot: a run of one line
 * would strand a line between obstacles or below one; it stays empty. */
static void end_run(struct flow *f)
{
	struct slot *s = &f->slots[f->nslots - 1];
	s->run_end = 1;
	if (s->run_start)
		s->blank = s->geo_blank = 1;
}

int np_flow_slots_for_region(struct flow *f, int ri)
{
	const struct region *r = &f->regions[ri];
	/* the region's obstacles, picked out once: every cell of every column
	 * looked through all of a long article's pull-quotes (a fifth of the
	 * 48-page article's run) */
	if ((unsigned)ri >= NP_SLOT_REGIONS)
		return -1;
	size_t *mine = malloc((f->nobst + 1) * sizeof *mine), nmine = 0;
	if (!mine)
		return -1;
	for (size_t i = 0; i < f->nobst; i++)
		if (f->obst[i].region == ri)
			mine[nmine++] = i;
	int rc = 0;
	for (int c = r->c0; c <= r->c1 && rc == 0; c++) {
		int last = r->k1;
		if (r->jump_to >= 0 && c == r->c1)
			last--; /* "Continued on page N" */
		if (ri == f->limit_region && f->limit)
			last = f->limit[c - r->c0] < last ? f->limit[c - r->c0] : last;
		int prev = 0;
		for (int k = r->k0; k < last; k++) {
			double x0, x1;
			if (!free_span(f, mine, nmine, c, k, &x0, &x1)) {
				if (prev)
					end_run(f);
				prev = 0;
				continue;
			}
			long span = span_index(f, x0, x1);
			struct slot s = {.region = (unsigned)ri, .col = (unsigned)c, .cell = (unsigned)k,
					 .span = (unsigned)span,
					 .run_start = !prev};
			if (span < 0 || push_slot(f, &s) < 0) {
				rc = -1;
				break;
			}
			prev = 1;
		}
		if (prev && rc == 0)
			end_run(f);
	}
	free(mine);
	return rc;
}
