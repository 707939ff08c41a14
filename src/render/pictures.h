/* pictures.h - the pictures of one render (one output), each file decoded at
 * most once and only as far as the output needs it.
 *
 * A picture is known by its file's identity (device and inode), so the same
 * file under two spellings is one picture. What is held per file:
 *   PDF:  a JPEG's bytes, attached to a 1 x 1 stand-in surface (Cairo writes
 *         the bytes as they are, DCTDecode, grey, RGB or CMYK, sized by the
 *         drawing matrix): never decoded; a PNG decoded whole (Cairo needs its
 *         pixels to write it).
 *   PNG, SVG previews: a JPEG decoded with libjpeg-turbo at the smallest
 *         scale (1/8 .. 8/8) that still covers the page at the output's
 *         resolution, CMYK turned into RGB; a PNG decoded by Cairo.
 * Decoded pixels count against a budget per render; passing it is an error.
 * The cache must outlive every Cairo surface drawn with it (the stand-ins
 * point into its bytes).
 */
#ifndef NP_RENDER_PICTURES_H
#define NP_RENDER_PICTURES_H

#include <cairo.h>

#include "render/render.h"

/* Decoded pixels a render may hold (JPEGs passed through to a PDF do not
 * count): 100 megapixels, 400 MB at Cairo's 4 bytes a pixel. */
#define NP_RENDER_MAX_DECODED_PIXELS 100000000LL

struct np_pictures;

/* px_per_pt: the output's resolution (PNG: dpi / 72); page_w, page_h: the
 * largest page, in pt. d receives the warnings and the budget error (may be
 * NULL: then nothing is said). NULL when out of memory. */
struct np_pictures *np_pictures_new(enum np_format format, double px_per_pt, double page_w,
				    double page_h, struct np_diags *d);
void np_pictures_free(struct np_pictures *p);
/* A new page begins (label for the messages). */
void np_pictures_page(struct np_pictures *p, const char *label);
/* The surface to draw the picture at path with (a reference the caller
 * destroys), or NULL when it cannot be decoded (warned once). *again is set
 * when it was drawn on this page already: Cairo 1.16 then names the surface
 * twice in the page's resources (a duplicate key qpdf --check warns about),
 * so the caller draws it inside a group, which has resources of its own and
 * shares the one image. -1 when the decoding budget is passed (an error in
 * d), else 0. */
int np_pictures_get(struct np_pictures *p, const char *path, cairo_surface_t **out, int *again);
/* 1 when a CMYK JPEG stored inverted (Adobe) went into the PDF: it needs
 * /Decode, which Cairo does not write (press/place_jpeg_cmyk.c adds it). */
int np_pictures_inverted_cmyk(const struct np_pictures *p);

struct np_frame;
struct np_pdf_placement;
/* A frame whose picture is a PDF page: drawn with poppler in a preview
 * (opened once a render); in a PDF, nothing is drawn and the placement is
 * kept for press/place_pdf.c. 0, or -1 when out of memory. */
int np_pictures_pdf(struct np_pictures *p, cairo_t *cr, const struct np_frame *f);
/* The PDF pages to place, in the order drawn. */
const struct np_pdf_placement *np_pictures_placements(const struct np_pictures *p, size_t *n);

#endif
