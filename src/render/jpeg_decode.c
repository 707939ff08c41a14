/* jpeg_decode.c - JPEG pictures for PNG and SVG previews. libjpeg-turbo
 * scales while it decodes (its IDCT at 1/8 .. 8/8), so a 14000-pixel picture
 * in a preview costs the preview's pixels, not its own. CMYK files (Adobe's
 * inverted ones too) are turned into RGB here: the preview is only a preview,
 * so the naive formula stands in for a colour profile. */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h> /* after stdio.h: it uses FILE and size_t */

#include "render/jpeg_decode.h"

struct fail {
	struct jpeg_error_mgr mgr;
	jmp_buf back;
	int warnings;
	char first[JMSG_LENGTH_MAX];
};

static void fail_exit(j_common_ptr j)
{
	longjmp(((struct fail *)j->err)->back, 1);
}

/* libjpeg's warnings (level -1) are damage in the data it went on past
 * ("premature end of data"): kept, the first one for the message */
static void note(j_common_ptr j, int level)
{
	struct fail *f = (struct fail *)j->err;
	if (level >= 0)
		return;
	if (f->warnings++ == 0)
		(*j->err->format_message)(j, f->first);
}

/* The smallest scale n/8 whose output still covers min_w x min_h. */
static void choose_scale(struct jpeg_decompress_struct *j, int min_w, int min_h)
{
	j->scale_denom = 8;
	for (unsigned n = 1; n <= 8; n++) {
		j->scale_num = n;
		jpeg_calc_output_dimensions(j);
		if ((int)j->output_width >= min_w && (int)j->output_height >= min_h)
			return;
	}
}

static unsigned char mul(unsigned a, unsigned b)
{
	return (unsigned char)((a * b + 127) / 255);
}

/* One row of CMYK samples to Cairo's RGB24 (B, G, R, x on little-endian). */
static void cmyk_row(const unsigned char *in, unsigned char *out, unsigned w, int inverted)
{
	for (unsigned x = 0; x < w; x++, in += 4, out += 4) {
		unsigned c = in[0], m = in[1], y = in[2], k = in[3];
		if (!inverted) { /* ink amounts: paper where there is none */
			c = 255 - c;
			m = 255 - m;
			y = 255 - y;
			k = 255 - k;
		}
		uint32_t px = (uint32_t)mul(c, k) << 16 | (uint32_t)mul(m, k) << 8 | mul(y, k);
		memcpy(out, &px, 4);
	}
}

cairo_surface_t *np_jpeg_decode(const unsigned char *data, size_t len, int min_w, int min_h,
				long long max_pixels, int *damaged, int *over, char *why,
				size_t nwhy)
{
	struct jpeg_decompress_struct j;
	struct fail err = {0};
	cairo_surface_t *volatile s = NULL;
	unsigned char *volatile row = NULL;
	*damaged = *over = 0;
	j.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = fail_exit;
	err.mgr.emit_message = note;
	if (setjmp(err.back)) {
		char msg[JMSG_LENGTH_MAX];
		(*j.err->format_message)((j_common_ptr)&j, msg);
		snprintf(why, nwhy, "%s", msg);
		jpeg_destroy_decompress(&j);
		if (s)
			cairo_surface_destroy(s);
		free(row);
		return NULL;
	}
	jpeg_create_decompress(&j);
	jpeg_mem_src(&j, data, (unsigned long)len);
	jpeg_read_header(&j, TRUE);
	int cmyk = j.num_components == 4;
	int inverted = cmyk && j.saw_Adobe_marker;
	j.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGRX;
	choose_scale(&j, min_w, min_h);
	if ((long long)j.output_width * j.output_height > max_pixels) {
		*over = 1;
		snprintf(why, nwhy, "%u x %u pixels decoded", j.output_width, j.output_height);
		jpeg_destroy_decompress(&j);
		return NULL;
	}
	jpeg_start_decompress(&j);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)j.output_width,
				       (int)j.output_height);
	unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	if (!px || (cmyk && !(row = malloc((size_t)j.output_width * 4)))) {
		snprintf(why, nwhy, "out of memory");
		jpeg_destroy_decompress(&j);
		cairo_surface_destroy(s);
		free(row);
		return NULL;
	}
	while (j.output_scanline < j.output_height) {
		unsigned char *dst = px + (size_t)j.output_scanline * (size_t)stride;
		JSAMPROW r = cmyk ? row : dst;
		jpeg_read_scanlines(&j, &r, 1);
		if (cmyk)
			cmyk_row(row, dst, j.output_width, inverted);
	}
	jpeg_finish_decompress(&j);
	jpeg_destroy_decompress(&j);
	free(row);
	cairo_surface_mark_dirty(s);
	if (err.warnings) {
		*damaged = 1;
		snprintf(why, nwhy, "%s", err.first);
	}
	return s;
}
