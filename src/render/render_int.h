/* render_int.h - what the files of the renderer share. */
#ifndef NP_RENDER_INT_H
#define NP_RENDER_INT_H

#include <cairo.h>
#include <stdio.h>

#include "render/render.h"

void np_draw_page(cairo_t *cr, const struct np_page *pg, const struct np_layout *l, int debug);
void np_draw_images(cairo_t *cr, const struct np_page *pg);
/* Writes an RGB24 image surface as PNG; 0 or -1. */
int np_png_write(cairo_surface_t *s, FILE *fp);

#endif
