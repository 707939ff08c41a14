/* jpeg_info.h - what a JPEG's header says (size, colour components, the Adobe
 * marker), read with libjpeg-turbo's own header reader so that a file it
 * accepts here is one it can decode later. */
#ifndef NP_JPEG_INFO_H
#define NP_JPEG_INFO_H

#include <stddef.h>
#include <stdio.h>

struct np_jpeg_info {
	int width, height;
	int components; /* 1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK */
	int adobe;      /* an Adobe APP14 marker: a CMYK file's values are inverted */
	char why[200];  /* on failure: libjpeg's reason, or ours */
};

/* Reads the header (up to the first scan) from f or from memory. 0, or -1
 * with why filled when libjpeg cannot read it or it is a kind no PDF or
 * preview can show (not 8 bits a sample; 2 components). */
int np_jpeg_info_file(FILE *f, struct np_jpeg_info *out);
int np_jpeg_info_mem(const unsigned char *data, size_t len, struct np_jpeg_info *out);
/* 1 for a CMYK picture stored inverted (Adobe's convention): a PDF shows it
 * right only with /Decode [1 0 1 0 1 0 1 0]. */
int np_jpeg_inverted(const struct np_jpeg_info *i);

#endif
