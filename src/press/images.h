/* images.h - image XObjects to the output's colour (see images.c). */
#ifndef NP_PRESS_IMAGES_H
#define NP_PRESS_IMAGES_H

#include <qpdf/qpdf-c.h>

#include "press/press_int.h"

/* Converts one image XObject in place; 0, or -1 with a message. */
int np_press_image(qpdf_data q, qpdf_oh img, const struct np_colour *c, enum np_pdfx pdfx,
		   char *err, size_t errn);

#endif
