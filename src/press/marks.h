/* marks.h - crop (trim) marks (see marks.c). */
#ifndef NP_PRESS_MARKS_H
#define NP_PRESS_MARKS_H

#include "press/press_int.h"

/* The room the marks take outside the bleed, pt. */
double np_press_slug(void);
/* Marks at the trim box (off, off, w, h) outside a bleed of bleed pt, as
 * content-stream operators (the page's /NPo01 overprint state). */
void np_press_marks(struct np_buf *b, double off, double w, double h, double bleed);

#endif
