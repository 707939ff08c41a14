/* images.h - image XObjects to the output's colour (see images.c). */
#ifndef NP_PRESS_IMAGES_H
#define NP_PRESS_IMAGES_H

#include <qpdf/qpdf-c.h>

#include "press/press_int.h"

/* Converts one image XObject in place; 0, or -1 with a message. */
int np_press_image(qpdf_data q, qpdf_oh img, struct np_colour *c, enum np_pdfx pdfx,
		   char *err, size_t errn);

/* data Flate-compressed at level (zlib's 1..9); NULL when out of memory.
 * The pass compresses its streams itself: qpdf 11.3's writer grows its
 * buffers by copying. */
unsigned char *np_press_deflate(const uint8_t *data, size_t n, int level, size_t *len);

#endif
