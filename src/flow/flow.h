/* flow.h - geometry: pages from the layout, obstacles placed first, body text
 * poured into the line slots of the baseline grid.
 *
 * The result is a document of placed pages: frames (columns, headline band,
 * pull-quotes, sidebars, pictures, folios), rules, and lines, each line with
 * its glyphs ready to draw. Lengths in pt, origin top-left, y down.
 */
#ifndef NP_FLOW_H
#define NP_FLOW_H

#include "model/model.h"
#include "text/text.h"

enum np_frame_kind {
	NP_FRAME_COLUMN,
	NP_FRAME_HEADLINE,
	NP_FRAME_PULLQUOTE,
	NP_FRAME_SIDEBAR,
	NP_FRAME_IMAGE,
	NP_FRAME_CAPTION,
	NP_FRAME_FOLIO,
	NP_FRAME_SUBHEAD,
	NP_FRAME_JUMP,         /* jump lines and jump heads */
	NP_FRAME_NAMEPLATE,
	NP_FRAME_RUNNING_HEAD,
	NP_FRAME_INDEX,
	NP_FRAME_AD,
	NP_FRAME_KIND_COUNT
};

const char *np_frame_kind_name(enum np_frame_kind k);

struct np_frame {
	char id[48];
	enum np_frame_kind kind;
	double x, y, w, h;
	const char *article; /* id, borrowed from the model; NULL for furniture */
	int parent;          /* index of the enclosing frame, -1 for none */
	double tint;         /* background grey 0..1, 0 = none */
	const char *image;   /* path of the PNG or JPEG drawn in this frame (borrowed) */
	int image_jpeg;      /* it is a JPEG: embedded in the PDF as it is */
	int image_pdf;       /* it is a PDF: its page image_page placed whole */
	int image_page;
	double img_x, img_y, img_w, img_h; /* where the picture is drawn, scaled whole */
	double clip_y, clip_h;             /* the part shown: the frame's width, these rows */
};

struct np_rule {
	double x0, y0, x1, y1; /* pt */
	double width;          /* pt */
	double grey;           /* 0 black .. 1 white */
};

struct np_pline {
	int frame; /* index in the page's frames */
	int block; /* 1-based body block, 0 for other text */
	enum np_style_id style;
	/* pt; x is where the first glyph goes (a first-line indent past the measure's
	 * start), width the measure the line is set to from there */
	double x, baseline, width;
	char *text;
	int hyphenated;
	int continues; /* its last word goes on, unhyphenated, on the next line */
	int jump;      /* a jump line: 1 "continued on", -1 "continued from" jump_page */
	char jump_page[16];
	int justified;
	double ratio;
	const char *article;
	struct np_line_glyphs *glyphs; /* owned */
};

struct np_page {
	int number;
	char label[16]; /* as printed in folios and jump lines: "5", "A3" */
	double width, height;
	struct np_frame *frames;
	size_t nframes, capf;
	struct np_pline *lines;
	size_t nlines, capl;
	struct np_rule *rules;
	size_t nrules, capr;
};

struct np_article_stats {
	const char *id;
	int *pages;
	size_t npages;
	int lines, words, overset_words;
	int overset_lines, empty_lines; /* copyfit: lines over, lines left empty */
	char last_page[16];             /* label of the page it ends on */
	int loose_lines, tight_lines, hyphen_runs, hyphenated_lines;
};

/* A PDF outline entry: a page, or a story on its first page. */
struct np_outline {
	char *title;
	int page;   /* 1-based */
	double y;   /* pt from the page's top */
	int level;  /* 0 page, 1 story */
};

struct np_doc {
	struct np_outline *outline;
	size_t noutline;
	struct np_page *pages;
	size_t npages;
	struct np_article_stats *articles;
	size_t narticles;
	const struct np_layout *layout;
	char *title, *author, *date; /* for PDF metadata (owned) */
};

struct np_flow_opts {
	enum np_break_mode breaker;
	int max_pages; /* 0 = 1000 */
	int jobs;      /* editions: stories laid out by this many threads (0, 1: one) */
	/* articles: each page as soon as it is finished (may be NULL). The flow
	 * then keeps only its number and size: a long article is not held whole.
	 * Returns 0, or -1 to stop. */
	int (*emit)(void *ctx, const struct np_page *pg);
	void *emit_ctx;
	int debug;
};

/* Sets one article on as many pages of the layout as it needs. Returns 0, or -1
 * with an error in d. Layout problems (a moved pull-quote, overset) are
 * warnings in d. */
int np_flow_article(struct np_text_ctx *t, const struct np_article *a, const struct np_layout *l,
		    const struct np_flow_opts *o, struct np_diags *d, struct np_doc *out);
void np_doc_fini(struct np_doc *doc);

/* Grid lines the page template takes atop each page of an edition (the
 * nameplate, a running head): band_lines[npages]. Returns 0 or -1. */
int np_issue_band_lines(struct np_text_ctx *t, const struct np_issue *is,
			const struct np_layout *l, int *band_lines);
/* Grid lines of a page's body area in the layout. */
int np_layout_grid_lines(const struct np_layout *l);
/* Sets a whole edition: page templates, advertisements, every story through
 * its modules and jumps. Returns 0, or -1 with an error in d; copyfit
 * problems (overset, short stories, headlines that do not fit) are warnings. */
int np_flow_issue(struct np_text_ctx *t, const struct np_issue *is, const struct np_layout *l,
		  const struct np_flow_opts *o, struct np_diags *d, struct np_doc *out);

#endif
