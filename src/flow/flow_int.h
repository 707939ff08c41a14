/* flow_int.h - the flow's working state, shared by the files of src/flow/.
 *
 * Planning (no writes to pages): grid.c (the grid, line slots), regions.c
 * (regions, made as text needs them), band.c measuring, obstacles.c planning
 * (floats' cells and spots), body.c (breaks, widows, subheads: where each
 * line goes), balance.c (the last region's limits, by trial runs it is given),
 * story.c (the runs), plan.c (the final run's plan), paras.c (the shaped
 * paragraphs, a few alive at once). Painting: paint.c, the
 * one place that turns the plan into frames and lines, and what it calls to
 * set text (setblock.c, band.c, folio.c, obstacles.c's content); emit.c hands
 * finished pages out. Drivers: article.c, issue.c (with furniture.c).
 * The copy desk's rules: quotecheck.c (pull-quotes, after planning, through
 * story.c's runner), jumpcheck.c (warnings once a story is set), words.c (the
 * furniture's words per language).
 *
 * The text layer is reached through thirteen functions of text/text.h only:
 * np_para_new, np_para_new_drawn, np_para_free, np_para_items, np_para_natural, np_para_line,
 * np_para_drop_glyphs, np_line_glyphs_free, np_text_ctx_clone,
 * np_text_ctx_free, np_text_merge_missing, np_para_measure (a block measured
 * again without shaping), np_para_line_info (a line without glyphs: check),
 * That is the link-time seam
 * tests/flow/fake_text.c fills with fixed-width glyphs. */
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

/* One line slot: a grid baseline in a column, and the free span there. A
 * run holds one for every line of the story so far, so it is kept small (8
 * bytes): its baseline is its cell's (np_flow_cell_baseline), its page its
 * region's, and its span one of the few distinct ones a story has (the
 * columns, and each beside an obstacle), kept once in flow->spans
 * (np_flow_slot_x, np_flow_slot_w, np_flow_slot_page). The widths of the
 * fields hold what a layout and a story can have (grid.c refuses more). */
#define NP_SLOT_REGIONS (1u << 20) /* an article has at most 10,000 pages */
#define NP_SLOT_SPANS (1u << 18)
struct slot {
	unsigned region : 20;   /* index in flow->regions */
	unsigned col : 7;       /* a layout has at most 100 columns */
	unsigned run_start : 1; /* first slot of a column run (top, or below an obstacle) */
	unsigned run_end : 1;   /* last slot of a run */
	unsigned blank : 1;     /* left empty (widow/orphan control, keep-with-next) */
	unsigned geo_blank : 1; /* left empty by the geometry: a one-line run */
	unsigned cell : 14;     /* grid line, 0-based from the top margin (at most 10,000) */
	unsigned span : 18;     /* index in flow->spans */
};

/* A free span of a line: where it starts and how wide it is, pt. */
struct slot_span {
	double x, w;
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

/* The final run's plan for one body block, which paint.c turns into frames
 * and lines: a paragraph's breaks and the slot of each line, or a subhead's
 * first slot and its number of lines. */
struct placed_block {
	int block;             /* 1-based */
	int subhead;           /* a subhead: nlines lines from slot[0] */
	enum np_style_id sid;
	int justify;
	size_t nlines;
	size_t *slot;          /* per line; SIZE_MAX past the last region (overset, counted) */
	size_t *breaks;        /* a paragraph's breaks (np_para_line's), nlines of them */
	int dropcap_lines;     /* lines beside the drop cap, 0: none */
};

/* Where a body block ended in a trial run: for placing what follows it. */
struct block_end {
	int region, cell;
	int16_t col;
	uint8_t placed; /* 0: the trial run did not reach the block (its text was overset) */
};

/* The flow's state by lifetime:
 *   struct flow_geom    the page's grid from the layout: set up once, then
 *                       read-only, shared by every story and every thread
 *   struct flow_canvas  where one thread's work goes: its text context (a
 *                       font map is not shareable), diagnostics, the pages it
 *                       paints and, in article mode, hands out; one a thread
 *   struct flow         the pour of one story: regions, floats, slots,
 *                       balancing and counts, from its first trial run to the
 *                       run that draws; one a story
 * A thread copies none of them: it makes its own canvas and flow and points
 * at the one geometry. */
struct flow_geom {
	const struct np_layout *l;
	double top, grid, asc; /* first cell's top, grid, baseline offset in a cell */
	int ncells;
	double colw;
	struct np_word_sources words; /* the furniture's words: the layout's, an issue's */
};

struct flow_canvas {
	struct np_text_ctx *t;
	struct np_diags *d;
	struct np_doc *doc;
	const struct np_flow_opts *o;
	const char *label_prefix; /* frame ids: "p3-" + prefix + "col2" */
	size_t emitted;  /* article mode: pages handed to o->emit */
	struct np_article_stats *stats; /* article mode: figures, page by page */
	int stats_run;   /* hyphenated lines in a row at the end of the last page counted */
};

struct flow {
	const struct flow_geom *g;
	struct flow_canvas *out;
	const struct np_article *a; /* NULL: page furniture, no story */

	int band_cells;
	int max_regions; /* article mode: the page limit */

	struct region *regions;
	size_t nregions, capregions;
	int pages_mode;  /* article mode: a region is a whole page, made as needed */

	struct obstacle *obst;
	size_t nobst;

	/* body paragraphs (paras.c): a few shaped at once; each one's breaks
	 * memo and natural width kept across the runs */
	struct flow_paras {
		struct np_para **p;          /* per block; NULL: not alive */
		struct np_break_memo *memo;  /* per block */
		int64_t *natural;            /* per block, Pango units; -1: not known */
		struct para_turn {           /* per block: whether its item `item` is a */
			uint32_t item;       /* hyphen break (UINT32_MAX: none asked yet; */
			int32_t hyphen;      /* a paragraph has fewer items than bytes) */
		} *turn;
		int *prev, *next;            /* the alive, most recently used first */
		int head, tail;              /* block indexes (0-based); -1: none */
		size_t live;
		int first;                   /* the first paragraph's index; -1: none */
		struct np_text_packer *packer; /* the texts are kept deflated */
	} paras;
	/* per block: a subhead's lines at a width (lines 0: not counted yet),
	 * counted once though every run asks again */
	struct subhead_fit {
		double w;
		int lines;
	} *subfit;
	struct block_end *ends;
	/* where each block started in the last run, to resume a run there */
	struct block_start {
		size_t cursor;
		int used_regions;
		uint8_t first, after_head; /* the body flow's state */
	} *starts;

	struct slot *slots;
	size_t nslots, capslots, cursor;
	struct slot_span *spans; /* the slots' distinct spans (grid.c), kept across runs */
	size_t nspans, capspans, last_span;
	int slot_regions; /* regions whose slots are made (the breaker looks ahead) */
	int used_regions; /* regions that hold text */

	int limit_region; /* balancing: in this region column c uses cells < limit[c] */
	int *limit;
	int runs;           /* balancing: trial runs made, against a budget */
	int loose_taken;    /* paragraphs set a line longer or shorter as asked */
	signed char *loose; /* balancing: per body block, a line more (1) or fewer (-1), if
			       its lines allow; NULL: none */
	int overflow;    /* text left when the last region was full */
	int stop_at_overflow; /* a window's trial run: no blocks set past the last region */
	long quote_regions;   /* the pull-quote check: regions its runs poured (tests) */
	int overset_words;
	int unset_words; /* words of floats that found no room */
	int overset_lines;
	int quiet;       /* planning again: no warnings */

	/* drop cap on the first paragraph: its letter, size, width (pt), lines */
	char dropcap[8];
	struct np_style dropcap_style;
	double dropcap_w;
	int dropcap_lines;
	int dropcap_block;  /* body block with the cap, 1-based; 0: none */
	size_t dropcap_skip; /* bytes of that block's text the cap takes */
	int trial;       /* trial run: breaks and slots only, no plan kept */

	/* the plan of the final run, block by block, for paint.c */
	struct placed_block *placed;
	size_t nplaced, capplaced;
	size_t plan_peak; /* the most blocks the plan held at once (tests) */
};

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
/* What breaking a block at its width gives (np_flow_measure_block). */
struct block_fit {
	int lines;
	int hyphens;   /* lines ending at a dictionary break */
	int compounds; /* lines ending at a hyphen of the text ("women-/led") */
	int broken;    /* lines ending inside a word without a hyphen */
	int runt;      /* its last line is one word, under others */
};
int np_flow_measure_block(struct flow *f, const struct block_spec *b, struct block_fit *m);
/* Sets the block; returns the number of lines set (or -1). With pg NULL it only
 * counts lines. */
int np_flow_set_block(struct flow *f, struct np_page *pg, const struct block_spec *b);
/* Natural width in pt of text set on one line in style s. */
double np_flow_text_natural(struct flow *f, const char *text, const struct np_style *s);

/* grid.c */
/* The page's grid from the layout, the same for an article and an edition. */
void np_flow_grid_setup(struct flow_geom *g, const struct np_layout *l);
double np_flow_cell_top(const struct flow *f, int cell);
double np_flow_cell_baseline(const struct flow *f, int cell);
int np_flow_slots_for_region(struct flow *f, int region);
static inline double np_flow_slot_x(const struct flow *f, const struct slot *s)
{
	return f->spans[s->span].x;
}
static inline double np_flow_slot_w(const struct flow *f, const struct slot *s)
{
	return f->spans[s->span].w;
}
static inline int np_flow_slot_page(const struct flow *f, const struct slot *s)
{
	return f->regions[s->region].page;
}

/* regions.c: geometry of the regions, their slots */
const struct region *np_flow_region_at(struct flow *f, int i);
int np_flow_add_slots(struct flow *f);
double np_flow_region_x(const struct flow *f, const struct region *r);
double np_flow_region_width(const struct flow *f, const struct region *r);

/* band.c */
int np_flow_headline_band(struct flow *f, struct np_page *pg, const struct region *r,
		     int measure_only);

/* folio.c */
int np_flow_folio(struct flow *f, struct np_page *pg, const char *text);

/* Text lands in region i: it holds text (planning, every run). */
void np_flow_use_region(struct flow *f, int i);

/* paint.c: the final run's plan (f->placed, the regions, the floats) made
 * into frames, rules and lines on the pages, in the order the text reaches
 * them; in article mode the pages before go out as they are finished. The
 * only place the flow writes to pages, but for an edition's furniture.
 * The run that draws begins (region 0 made), has each block painted as soon
 * as it is planned (the plan then cleared), and ends with the floats that
 * stand past the text. */
int np_flow_paint_begin(struct flow *f);
int np_flow_paint_planned(struct flow *f);
int np_flow_paint_end(struct flow *f);
/* What region i shows, made once: columns, band, rules, jumps, floats. */
int np_flow_region(struct flow *f, int region);
/* Frees the plan. */
void np_flow_plan_clear(struct flow *f);

/* emit.c */
int np_flow_stats(const struct np_doc *doc, const char *id, int overset,
		  struct np_article_stats *st);
/* Article mode: hands the finished pages before `upto` to o->emit. */
int np_flow_emit(struct flow *f, size_t upto);

/* story.c: trial runs, float planning, balancing, the run that draws */
int np_flow_story(struct flow *f);
int np_flow_story_run(struct flow *f);
int np_flow_init(struct flow *f);
void np_flow_fini(struct flow *f);

/* balance.c: limits for the last region's columns in f->limit (and paragraphs'
 * looseness in f->loose); *spread gets how far apart their bottoms end, in
 * lines (INT_MAX: the text fits under no limits). Thorough: search and loosen
 * when levelling leaves them more than a line apart. Each try of a whole story
 * is a call of trial_run (story.c's trial run: 0, or -1 on error; f->overflow
 * says whether the text fit); a try of the last region alone resumes the body
 * (body.c) itself. */
typedef int (*np_flow_trial_fn)(struct flow *f);
int np_flow_balance(struct flow *f, int thorough, int *spread, np_flow_trial_fn trial_run);

/* resume.c: a trial run resumed at a region, from the last block to start
 * before it; the slots before the region stand. */
struct np_flow_resume {
	int block;    /* 1-based */
	size_t first; /* the region's first slot */
	int region;
};
struct np_flow_resume np_flow_resume_point(const struct flow *f, int region);
int np_flow_resume_run(struct flow *f, const struct np_flow_resume *rs);

/* obstacles.c */
int np_flow_obstacle_cells(struct flow *f, enum obst_kind kind, int index, double width);
int np_flow_obstacles_plan(struct flow *f, int nregions, int depth);
int np_flow_obstacles_draw(struct flow *f, int region);
/* Moves planned obstacle i d cells down (up when d < 0) when it still fits its
 * region clear of the others: 1 when moved, 0 when it stays. */
int np_flow_obstacle_move(struct flow *f, size_t i, int d);
/* Puts planned obstacle i at (region, first column, cell) when it fits there
 * clear of the others: 1 when placed, 0 when it stays where it was. */
int np_flow_obstacle_place(struct flow *f, size_t i, int region, int col, int cell);
/* Takes planned obstacle i out, with a warning saying why; its words are
 * overset. */
void np_flow_obstacle_drop(struct flow *f, size_t i, const char *why);

/* paras.c: paragraph `block` shaped (1-based; made if need be, for drawing
 * at once when draw; NULL when out of memory), valid until the next call
 * here that makes another; its breaks memo (NULL when out of memory); its
 * natural width (-1: failed); let go of once drawn. */
int np_flow_paras_init(struct flow *f);
void np_flow_paras_fini(struct flow *f);
struct np_para *np_flow_para(struct flow *f, int block, enum np_style_id sid, int draw);
struct np_break_memo *np_flow_para_memo(struct flow *f, int block);
/* A paragraph's text, inflated (good until the next call); NULL: no memory. */
const char *np_flow_para_text(struct flow *f, int block);
int64_t np_flow_para_natural(struct flow *f, int block, enum np_style_id sid);
/* 1 when item `item` of the paragraph is a hyphen break, 0 not, -1 failed. */
int np_flow_para_hyphen(struct flow *f, int block, enum np_style_id sid, size_t item);
void np_flow_para_release(struct flow *f, int block);

/* body.c: from block `from` (1-based) on, the flow's state as the last run
 * recorded it there (1: the whole body) */
int np_flow_body(struct flow *f, int from);


/* plan.c: the final run's plan, block by block (the flow owns what pb points
 * to once added) */
int np_flow_plan_add(struct flow *f, const struct placed_block *pb);

/* setblock.c: a subhead's text, style and place at slot sl (its frame left
 * to paint.c), for body.c to count its lines and paint.c to draw them. */
struct block_spec np_flow_subhead_spec(const struct flow *f, const struct slot *sl, int block);
/* setblock.c: line k of a broken paragraph as np_para_line makes it, without
 * its glyphs (NULL) when the flow draws nothing (o->text_only). 0 or -1. */
int np_flow_line(const struct flow *f, struct np_para *p, const size_t *breaks, size_t k,
		 int32_t width, int justify, struct np_line_info *info, struct np_line_glyphs **g);

#endif
