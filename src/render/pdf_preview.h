/* pdf_preview.h - a PDF picture or advertisement drawn in a PNG or SVG
 * preview, with poppler-glib (the PDF output places the page itself, by the
 * post-step press/place_pdf.c). */
#ifndef NP_RENDER_PDF_PREVIEW_H
#define NP_RENDER_PDF_PREVIEW_H

#include <cairo.h>
#include <stddef.h>

struct np_pdf_doc;

/* Opens the PDF at path; NULL with why filled. */
struct np_pdf_doc *np_pdf_preview_open(const char *path, char *why, size_t nwhy);
/* Draws page (1-based) scaled to w x h pt with its top-left corner at x, y.
 * 0, or -1 when poppler has no such page. */
int np_pdf_preview_draw(struct np_pdf_doc *d, int page, cairo_t *cr, double x, double y,
			double w, double h);
void np_pdf_preview_close(struct np_pdf_doc *d);

#endif
