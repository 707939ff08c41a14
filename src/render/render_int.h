/* render_int.h - what the files of the renderer share. */
#ifndef NP_RENDER_INT_H
#define NP_RENDER_INT_H

#include <cairo.h>
#include <stdio.h>

#include "render/render.h"

struct np_pictures;
/* Both draw the page's pictures from pics (render/pictures.h), which warns
 * about a picture left out; -1 when the pictures' decoding budget is passed
 * (the error is in the cache's diagnostics), else 0. */
int np_draw_page(cairo_t *cr, const struct np_page *pg, const struct np_layout *l, int debug,
		 struct np_pictures *pics);
int np_draw_images(cairo_t *cr, const struct np_page *pg, struct np_pictures *pics);
/* Cairo's write callback onto a FILE * (the closure). */
cairo_status_t np_write_fp(void *closure, const unsigned char *data, unsigned int len);
/* Cairo's write callback onto a struct np_atomic (the closure), which
 * remembers the errno of a failed write: Cairo 1.16 may not report it. */
cairo_status_t np_write_atomic(void *closure, const unsigned char *data, unsigned int len);
/* Title, author (either may be NULL), creator and the fixed dates from an ISO
 * date (the epoch when NULL): the same input gives the same PDF bytes. */
void np_pdf_metadata(cairo_surface_t *s, const char *title, const char *author, const char *iso);
/* Writes an RGB24 image surface as PNG; 0 or -1. */
int np_png_write(cairo_surface_t *s, FILE *fp);

#endif
