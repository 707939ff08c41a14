/* doc.h - the placed document: pages of frames (columns, headline band,
 * pull-quotes, sidebars, pictures, folios), rules, and lines, each line with
 * its glyphs ready to draw; the outline and each article's figures. The flow
 * makes it, the renderer and the report read it: neither needs the flow.
 * Lengths in pt, origin top-left, y down.
 */
#ifndef NP_DOC_H
#define NP_DOC_H

#include <stddef.h>

#include "model/model.h"

struct np_line_glyphs; /* text/glyphs.h */

/* Where a line's first baseline sits below the top of what holds it, as a
 * share of a measure: a grid cell's baseline is NP_GRID_BASELINE of the grid
 * below the cell's top; a block set at its own leading (a headline, a folio
 * in an edition, a jump head) has its first baseline NP_LEADING_BASELINE of
 * that leading below its top. */
#define NP_GRID_BASELINE 0.75
#define NP_LEADING_BASELINE 0.78

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
	double letter_spacing; /* the letters' change, a share of their width */
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

void np_doc_fini(struct np_doc *doc);

/* Pages are grown by the flow; each add returns -1 when out of memory. */
int np_page_add_frame(struct np_page *pg, const struct np_frame *f); /* its index */
int np_page_add_line(struct np_page *pg, const struct np_pline *ln);
int np_page_add_rule(struct np_page *pg, double x0, double y0, double x1, double y1, double w);
void np_page_fini(struct np_page *pg);
/* A new page of the layout's size, numbered and labelled after the last; NULL
 * when out of memory. May move doc->pages. */
struct np_page *np_doc_add_page(struct np_doc *doc, const struct np_layout *l);
void np_doc_clear_pages(struct np_doc *doc);
/* Words of a line as set (runs of non-spaces); 0 for NULL. */
int np_doc_count_words(const char *s);

#endif
