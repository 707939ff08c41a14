/* jpeg_codec.c - the press's JPEG codec (libjpeg-turbo): samples of a JPEG as
 * stored, and CMYK pixels stored again as a plain CMYK JPEG. Apart from
 * images.c so that the ink limit's pass (jpeg_cmyk_limit.c), which images.c
 * calls, uses it without calling back into images.c. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include <jpeglib.h> /* after stdio.h */

#include "press/images.h"

#define JPEG_QUALITY 90

struct jpeg_fail {
	struct jpeg_error_mgr mgr;
	jmp_buf back;
};

static void jpeg_fail_exit(j_common_ptr j)
{
	longjmp(((struct jpeg_fail *)j->err)->back, 1);
}

/* Plain CMYK with no Adobe marker: readers take its samples as they are, so
 * no /Decode inversion is needed. */
unsigned char *np_press_encode_cmyk_jpeg(const uint8_t *cmyk, int w, int h, size_t *len)
{
	struct jpeg_compress_struct j;
	struct jpeg_fail err;
	unsigned char *volatile out = NULL;
	unsigned long outn = 0;
	j.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail_exit;
	if (setjmp(err.back)) {
		jpeg_destroy_compress(&j);
		free(out);
		return NULL;
	}
	jpeg_create_compress(&j);
	unsigned char *o = NULL;
	jpeg_mem_dest(&j, &o, &outn);
	j.image_width = (JDIMENSION)w;
	j.image_height = (JDIMENSION)h;
	j.input_components = 4;
	j.in_color_space = JCS_CMYK;
	jpeg_set_defaults(&j);
	jpeg_set_colorspace(&j, JCS_CMYK);
	j.write_Adobe_marker = FALSE;
	jpeg_set_quality(&j, JPEG_QUALITY, TRUE);
	jpeg_start_compress(&j, TRUE);
	while (j.next_scanline < j.image_height) {
		JSAMPROW row = (JSAMPROW)(cmyk + (size_t)j.next_scanline * (size_t)w * 4);
		jpeg_write_scanlines(&j, &row, 1);
	}
	jpeg_finish_compress(&j);
	out = o;
	jpeg_destroy_compress(&j);
	*len = outn;
	return out;
}

unsigned char *np_press_decode_jpeg(const unsigned char *raw, size_t n, size_t want, int comps)
{
	struct jpeg_decompress_struct j;
	struct jpeg_fail err;
	unsigned char *volatile out = NULL;
	j.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail_exit;
	if (setjmp(err.back)) {
		jpeg_destroy_decompress(&j);
		free(out);
		return NULL;
	}
	jpeg_create_decompress(&j);
	jpeg_mem_src(&j, raw, (unsigned long)n);
	jpeg_read_header(&j, TRUE);
	j.out_color_space = comps == 4 ? JCS_CMYK : comps == 3 ? JCS_RGB : JCS_GRAYSCALE;
	jpeg_start_decompress(&j);
	size_t row = (size_t)j.output_width * (size_t)j.output_components;
	if (row * j.output_height != want || !(out = malloc(want)))
		longjmp(err.back, 1);
	while (j.output_scanline < j.output_height) {
		JSAMPROW r = out + (size_t)j.output_scanline * row;
		jpeg_read_scanlines(&j, &r, 1);
	}
	jpeg_finish_decompress(&j);
	jpeg_destroy_decompress(&j);
	return out;
}
