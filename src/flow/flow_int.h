/* flow_int.h - the flow's working state, shared by the files of src/flow/. */
#ifndef NP_FLOW_INT_H
#define NP_FLOW_INT_H

#include "flow/flow.h"

/* One line slot: a grid baseline in a column, and the free span there. */
struct slot {
	int page;  /* 0-based index in doc->pages */
	int col;
	int cell;  /* grid line, 0-based from the top margin */
	double x, w, baseline;
	unsigned run_start : 1; /* first slot of a column run (top, or below an obstacle) */
	unsigned run_end : 1;   /* last slot of a run */
	unsigned blank : 1;     /* left empty (widow/orphan control, keep-with-next) */
};

enum obst_kind { OB_PULLQUOTE, OB_SIDEBAR, OB_IMAGE };

/* An obstacle planned on a page: whole grid cells, over columns or part of them. */
struct obstacle {
	enum obst_kind kind;
	int index;         /* in the article's pullquotes / sidebars / images */
	int page;          /* 0-based */
	int col, span;     /* columns */
	int cell, ncells;  /* grid lines covered */
	double x0, x1;     /* horizontal extent of the frame, pt */
	int inset;         /* straddles columns: text runs beside it */
	const struct np_mark *mark;
};

/* Where a body block ended in a trial run: for placing what follows it. */
struct block_end {
	int page, col, cell;
	int placed;
};

struct flow {
	struct np_text_ctx *t;
	const struct np_article *a;
	const struct np_layout *l;
	const struct np_flow_opts *o;
	struct np_diags *d;
	struct np_doc *doc;

	double top, grid, asc; /* first cell's top, grid, baseline offset in a cell */
	int ncells, band_cells;
	double colw;
	int max_pages;

	struct obstacle *obst;
	size_t nobst;
	int with_floats; /* place pull-quotes and pictures (not in the first trial run) */

	struct np_para **paras; /* shaped body blocks, kept across trial runs */
	struct block_end *ends;

	struct slot *slots;
	size_t nslots, capslots, cursor;
	int slot_pages; /* pages whose slots are made (the breaker looks ahead) */
	int used_pages; /* pages that hold text */

	int limit_page;  /* balancing: on this page (0-based) column c uses cells < limit[c] */
	int *limit;
	int overflow;    /* text left when max_pages was reached */
	int overset_words;
	int trial;       /* trial run: breaks and slots only, nothing drawn */
};

/* doc.c */
int np_page_add_frame(struct np_page *pg, const struct np_frame *f);
int np_page_add_line(struct np_page *pg, const struct np_pline *ln);
int np_page_add_rule(struct np_page *pg, double x0, double y0, double x1, double y1, double w);
void np_page_fini(struct np_page *pg);
struct np_page *np_doc_add_page(struct np_doc *doc, const struct np_layout *l);

/* setblock.c: a paragraph set at one width from a baseline, leading apart. */
struct block_spec {
	const char *text;
	size_t len;
	const struct np_run *runs;
	size_t nruns;
	const struct np_style *style;
	const struct np_style *lead_style;
	size_t lead_len;
	double x, first_baseline, width, leading;
	int frame, block;
	enum np_style_id style_id;
	int max_lines; /* 0 = any */
};
/* Sets the block; returns the number of lines set (or -1). With pg NULL it only
 * counts lines. */
int np_set_block(struct flow *f, struct np_page *pg, const struct block_spec *b);

/* grid.c */
double np_cell_top(const struct flow *f, int cell);
double np_cell_baseline(const struct flow *f, int cell);
int np_slots_for_page(struct flow *f, int page);

/* page.c */
int np_flow_add_slots(struct flow *f);
int np_flow_page(struct flow *f, int page);
int np_headline_band(struct flow *f, struct np_page *pg, int measure_only);

/* obstacles.c */
int np_obstacle_cells(struct flow *f, enum obst_kind kind, int index, double width);
int np_obstacles_plan(struct flow *f, int npages, int depth);
int np_obstacles_draw(struct flow *f, int page);

/* body.c */
int np_body_flow(struct flow *f);

#endif
