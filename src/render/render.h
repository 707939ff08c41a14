/* render.h - placed pages to PDF, PNG or SVG, through Cairo.
 *
 * The only module that draws on Cairo surfaces. Files are written whole or not
 * at all (util/atomic.h). The same placed pages feed every format and the
 * debug overlay.
 */
#ifndef NP_RENDER_H
#define NP_RENDER_H

#include "doc/doc.h"
#include "press/press.h"

enum np_format { NP_FMT_PDF, NP_FMT_PNG, NP_FMT_SVG };

struct np_outputs;

struct np_render_opts {
	enum np_format format;
	double dpi;                  /* PNG, default 96 */
	int debug;                   /* columns, gutters, grid, frame outlines */
	const unsigned char *pages;  /* pages[n] != 0: write page n (1-based); NULL: all */
	size_t npages_sel;           /* size of pages[] */
	/* called after each page drawn (may be NULL): pages done, pages in all */
	void (*progress)(void *ctx, int done, int total);
	void *progress_ctx;
	/* PDF: the print pass to run over Cairo's PDF before it is written
	 * (PDF/X); NULL writes Cairo's PDF as it is */
	const struct np_press_opts *press;
	/* the command's outputs (util/outputs.h): files are opened in it and
	 * left whole for the caller to commit with the others. NULL: the
	 * renderer commits its own files when closed */
	struct np_outputs *outputs;
	/* when not NULL, the print pass's time in ms is added here (--timings) */
	double *press_ms;
};

/* A PDF output path with {label} or {page} in it writes a file a page. */
int np_path_per_page(const char *path);
struct np_page_name {
	int number;
	char label[16];
};
/* "out/{label}.pdf" -> "out/A1.pdf" (malloc'd). */
char *np_page_name_fill(const char *path, const struct np_page_name *pg);
/* Format from a file name's extension; -1 when unknown. */
int np_format_from_path(const char *path);
/* Page file name for PNG/SVG: "front.png", 3 -> "front-3.png" (malloc'd). */
char *np_page_path(const char *path, int page);
/* An output open for pages as the flow finishes them, so a long article's
 * pages need not all be held at once. */
struct np_renderer;

/* Opens path for pages to come (PDF: its one stream, with the metadata given;
 * PNG, SVG: a file per page). NULL with an error in d. */
struct np_renderer *np_renderer_open(const char *path, const struct np_render_opts *o,
				     const struct np_layout *l, const char *title,
				     const char *author, const char *date, struct np_diags *d);
/* Draws one page (skipped when not among o->pages). 0 or -1. */
int np_renderer_page(struct np_renderer *r, const struct np_page *pg);
/* Finishes: adds doc's outline (doc may be NULL) and closes the files, then
 * (without o->outputs) renames them into place (commit) or removes them.
 * Returns 0, or -1 with an error in d ("PATH: cannot write: REASON"); frees r. */
int np_renderer_close(struct np_renderer *r, const struct np_doc *doc, int commit);

/* Writes the document; 0, or -1 with an error in d (no output left behind). */
int np_render(const struct np_doc *doc, const char *path, const struct np_render_opts *o,
	      struct np_diags *d);

#endif
