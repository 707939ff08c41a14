/* flow_int.h - the flow's working state, shared by the files of src/flow/. */
#ifndef NP_FLOW_INT_H
#define NP_FLOW_INT_H

#include "flow/flow.h"
#include "flow/words.h"

/* A rectangle of the grid the story's text may fill: a whole page in article
 * mode, a module of an edition's page in issue mode. A story flows through its
 * regions in order: columns, pages and jumps are the one mechanism. */
struct region {
	int page;        /* 0-based index in doc->pages */
	int c0, c1;      /* columns, inclusive, 0-based */
	int top;         /* first cell of the region (its headline or jump head there) */
	int k0, k1;      /* cells [k0, k1) for body text and floats */
	int head;        /* holds the story's headline band in cells [top, k0) */
	int jump_from;   /* continues from this page (0-based), -1: not a continuation */
	int jump_to;     /* continues on this page, -1: none; its last line is reserved */
	int frame0;      /* index of its first column frame on the page (draw run) */
	int made;        /* frames drawn (draw run) */
};

/* One line slot: a grid baseline in a column, and the free span there. */
struct slot {
	int region; /* index in flow->regions */
	int page;   /* 0-based index in doc->pages */
	int col;
	int cell;  /* grid line, 0-based from the top margin */
	double x, w, baseline;
	unsigned run_start : 1; /* first slot of a column run (top, or below an obstacle) */
	unsigned run_end : 1;   /* last slot of a run */
	unsigned blank : 1;     /* left empty (widow/orphan control, keep-with-next) */
	unsigned geo_blank : 1; /* left empty by the geometry: a one-line run */
};

enum obst_kind { OB_PULLQUOTE, OB_SIDEBAR, OB_IMAGE };

/* An obstacle planned on a page: whole grid cells, over columns or part of them. */
struct obstacle {
	enum obst_kind kind;
	int index;         /* in the article's pullquotes / sidebars / images */
	int region;        /* in flow->regions */
	int page;          /* 0-based */
	int col, span;     /* columns */
	int cell, ncells;  /* grid lines covered */
	double x0, x1;     /* horizontal extent of the frame, pt */
	int inset;         /* straddles columns: text runs beside it */
	const struct np_mark *mark;
};

/* Where a body block ended in a trial run: for placing what follows it. */
struct block_end {
	int region, col, cell;
	int placed; /* 0: the trial run did not reach the block (its text was overset) */
};

struct flow {
	struct np_text_ctx *t;
	const struct np_article *a;
	const struct np_layout *l;
	const struct np_flow_opts *o;
	struct np_diags *d;
	struct np_doc *doc;
	struct np_word_sources words; /* overrides of the furniture's words */

	double top, grid, asc; /* first cell's top, grid, baseline offset in a cell */
	int ncells, band_cells;
	double colw;
	int max_regions; /* article mode: the page limit */

	struct region *regions;
	size_t nregions, capregions;
	int pages_mode;  /* article mode: a region is a whole page, made as needed */
	const char *label_prefix; /* frame ids: "p3-" + prefix + "col2" */

	struct obstacle *obst;
	size_t nobst;

	struct np_para **paras; /* shaped body blocks, kept across trial runs */
	struct block_end *ends;
	/* where each block started in the last run, to resume a run there */
	struct block_start {
		size_t cursor;
		int used_regions;
		int first, after_head; /* the body flow's state */
	} *starts;

	struct slot *slots;
	size_t nslots, capslots, cursor;
	int slot_regions; /* regions whose slots are made (the breaker looks ahead) */
	int used_regions; /* regions that hold text */

	int limit_region; /* balancing: in this region column c uses cells < limit[c] */
	int *limit;
	int runs;           /* balancing: trial runs made, against a budget */
	int loose_taken;    /* paragraphs set a line longer or shorter as asked */
	signed char *loose; /* balancing: per body block, a line more (1) or fewer (-1), if
			       its lines allow; NULL: none */
	int overflow;    /* text left when the last region was full */
	int overset_words;
	int unset_words; /* words of floats that found no room */
	int overset_lines;
	int quiet;       /* planning again: no warnings */
	size_t emitted;  /* article mode: pages handed to o->emit */
	struct np_article_stats *stats; /* article mode: figures, page by page */
	int stats_run;   /* hyphenated lines in a row at the end of the last page counted */

	/* drop cap on the first paragraph: its letter, size, width (pt), lines */
	char cap[8];
	struct np_style cap_style;
	double cap_w;
	int cap_lines;
	int cap_block;  /* body block with the cap, 1-based; 0: none */
	size_t cap_skip; /* bytes of that block's text the cap takes */
	int trial;       /* trial run: breaks and slots only, nothing drawn */
};

/* doc.c */
int np_page_add_frame(struct np_page *pg, const struct np_frame *f);
int np_page_add_line(struct np_page *pg, const struct np_pline *ln);
int np_page_add_rule(struct np_page *pg, double x0, double y0, double x1, double y1, double w);
void np_page_fini(struct np_page *pg);
struct np_page *np_doc_add_page(struct np_doc *doc, const struct np_layout *l);
void np_doc_clear_pages(struct np_doc *doc);
/* Words of a line as set (runs of non-spaces); 0 for NULL. */
int np_count_words(const char *s);

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
	int max_hyphen_run; /* set by setblock.c from the layout */
};
/* What breaking a block at its width gives (np_measure_block). */
struct block_fit {
	int lines;
	int hyphens; /* lines ending at a dictionary break */
	int compounds; /* lines ending at a hyphen of the text ("women-/led") */
	int broken;  /* lines ending inside a word without a hyphen */
	int runt;    /* its last line is one word, under others */
};
int np_measure_block(struct flow *f, const struct block_spec *b, struct block_fit *m);
/* Sets the block; returns the number of lines set (or -1). With pg NULL it only
 * counts lines. */
int np_set_block(struct flow *f, struct np_page *pg, const struct block_spec *b);
/* Natural width in pt of text set on one line in style s. */
double np_text_natural(struct flow *f, const char *text, const struct np_style *s);

/* grid.c */
double np_cell_top(const struct flow *f, int cell);
double np_cell_baseline(const struct flow *f, int cell);
int np_slots_for_region(struct flow *f, int region);

/* region.c */
const struct region *np_flow_region_at(struct flow *f, int i);
int np_flow_add_slots(struct flow *f);
int np_flow_region(struct flow *f, int region);
int np_headline_band(struct flow *f, struct np_page *pg, const struct region *r,
		     int measure_only);
double np_region_x(const struct flow *f, const struct region *r);
double np_region_width(const struct flow *f, const struct region *r);

/* article.c */
int np_flow_stats(const struct np_doc *doc, const char *id, int overset,
		  struct np_article_stats *st);
/* Article mode: hands the finished pages before `upto` to o->emit. */
int np_flow_emit(struct flow *f, size_t upto);

/* story.c: trial runs, float planning, balancing, the run that draws */
int np_story_flow(struct flow *f);
int np_story_run(struct flow *f);
int np_flow_init(struct flow *f);
void np_flow_fini(struct flow *f);

/* balance.c: limits for the last region's columns in f->limit (and paragraphs'
 * looseness in f->loose); *spread gets how far apart their bottoms end, in
 * lines (INT_MAX: the text fits under no limits). Thorough: search and loosen
 * when levelling leaves them more than a line apart. */
int np_balance(struct flow *f, int thorough, int *spread);

/* obstacles.c */
int np_obstacle_cells(struct flow *f, enum obst_kind kind, int index, double width);
int np_obstacles_plan(struct flow *f, int nregions, int depth);
int np_obstacles_draw(struct flow *f, int region);
/* Moves planned obstacle i d cells down (up when d < 0) when it still fits its
 * region clear of the others: 1 when moved, 0 when it stays. */
int np_obstacle_move(struct flow *f, size_t i, int d);
/* Puts planned obstacle i at (region, first column, cell) when it fits there
 * clear of the others: 1 when placed, 0 when it stays where it was. */
int np_obstacle_place(struct flow *f, size_t i, int region, int col, int cell);
/* Takes planned obstacle i out, with a warning saying why; its words are
 * overset. */
void np_obstacle_drop(struct flow *f, size_t i, const char *why);

/* body.c: from block `from` (1-based) on, the flow's state as the last run
 * recorded it there (1: the whole body) */
int np_body_flow(struct flow *f, int from);

#endif
