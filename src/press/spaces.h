/* spaces.h - named colour spaces by device family (see spaces.c). */
#ifndef NP_PRESS_SPACES_H
#define NP_PRESS_SPACES_H

#include <qpdf/qpdf-c.h>

#include "press/press_int.h"

/* 1 (grey), 3 (RGB) or 4 (CMYK) for a device, calibrated or ICC-based colour
 * space of that many components; 0 for any other. */
int np_press_space_family(qpdf_data q, qpdf_oh cs);

/* The entries of res's /ColorSpace that are of a family, at most max, into
 * v; how many. */
size_t np_press_named_spaces(qpdf_data q, qpdf_oh res, struct np_named_space *v, size_t max);

/* Removes those entries once the content names device spaces instead. */
void np_press_drop_spaces(qpdf_data q, qpdf_oh res, const struct np_named_space *v, size_t n);

#endif
