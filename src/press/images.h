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
/* Flate level for converted pictures (libdeflate's scale): on the edition's
 * advertisements level 1 is the fastest and no larger than 2 to 6. */
#define NP_PRESS_PICTURE_FLATE 1

/* A CMYK JPEG (DCTDecode /DeviceCMYK) whose total ink somewhere exceeds over
 * (0..4) made to stay within limit (0..4) and stored again as a plain CMYK
 * JPEG; within it, left untouched (jpeg_cmyk_limit.c). 0, or -1 with a
 * message. */
int np_press_cmyk_jpeg_limit(qpdf_data q, qpdf_oh img, double over, double limit, char *err,
			     size_t errn);

/* jpeg_codec.c: a JPEG's samples as stored, in comps (1 grey, 3 RGB, 4 CMYK) channels,
 * exactly want bytes (malloc'd); NULL when it cannot be decoded to that. */
unsigned char *np_press_decode_jpeg(const unsigned char *raw, size_t n, size_t want, int comps);

/* w*h CMYK pixels as a plain CMYK JPEG (no Adobe marker), malloc'd; NULL on
 * failure. */
unsigned char *np_press_encode_cmyk_jpeg(const uint8_t *cmyk, int w, int h, size_t *len);

/* w*h CMYK pixels, each within limit (the sum of a pixel's four samples,
 * 0..1020), stored so that they stay within it once decoded
 * (jpeg_within.c): a CMYK JPEG (*dct 1) or, when a JPEG cannot be brought
 * within it, Flate-compressed samples (*dct 0). malloc'd; NULL when out of
 * memory. */
unsigned char *np_press_encode_cmyk_within(const uint8_t *cmyk, int w, int h, int limit,
					   size_t *len, int *dct);

#endif
