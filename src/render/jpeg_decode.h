/* jpeg_decode.h - a JPEG decoded for a preview with libjpeg-turbo, scaled
 * down while decoding (scale_num / 8) and CMYK turned into RGB. */
#ifndef NP_RENDER_JPEG_DECODE_H
#define NP_RENDER_JPEG_DECODE_H

#include <cairo.h>
#include <stddef.h>

/* Decodes data into an RGB24 surface of at least min_w x min_h pixels (the
 * picture's own size when smaller), or NULL with why filled. *damaged is set
 * (and why filled) when libjpeg warned about the data after the header (the
 * surface then holds what could be read: grey where the data stops).
 * max_pixels: the decoded size allowed; over it, NULL and *over set. */
cairo_surface_t *np_jpeg_decode(const unsigned char *data, size_t len, int min_w, int min_h,
				long long max_pixels, int *damaged, int *over, char *why,
				size_t nwhy);

#endif
