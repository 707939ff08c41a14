/* render_int.h - what the files of the renderer share. */
#ifndef NP_RENDER_INT_H
#define NP_RENDER_INT_H

#include <cairo.h>
#include <stdio.h>

#include "render/render.h"

/* Both return the path of a picture that could not be decoded and was left
 * out (the last such), or NULL when every picture was drawn. */
const char *np_draw_page(cairo_t *cr, const struct np_page *pg, const struct np_layout *l,
			 int debug);
const char *np_draw_images(cairo_t *cr, const struct np_page *pg);
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
