/* images.c - pictures in their frames. A JPEG goes into the PDF as it is (its
 * bytes attached as MIME data); it is decoded with libjpeg-turbo only so that
 * PNG and SVG previews can show it. PNG files are decoded by Cairo. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h> /* after stdio.h: it uses FILE and size_t */

#include "render/render_int.h"

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			unsigned char *b = realloc(buf, cap);
			if (!b) {
				free(buf);
				fclose(fp);
				return NULL;
			}
			buf = b;
		}
		size_t got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	fclose(fp);
	*len = n;
	return buf;
}

/* libjpeg's own error handler exits the process: a damaged picture must
 * only be left out of the page, so errors jump back here. */
struct jpeg_fail {
	struct jpeg_error_mgr mgr;
	jmp_buf back;
};

static void jpeg_fail_exit(j_common_ptr j)
{
	longjmp(((struct jpeg_fail *)j->err)->back, 1);
}

static cairo_surface_t *decode_jpeg(const unsigned char *data, size_t len)
{
	struct jpeg_decompress_struct j;
	struct jpeg_fail err;
	cairo_surface_t *volatile s = NULL;
	j.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail_exit;
	if (setjmp(err.back)) {
		jpeg_destroy_decompress(&j);
		if (s)
			cairo_surface_destroy(s);
		return NULL;
	}
	jpeg_create_decompress(&j);
	jpeg_mem_src(&j, data, (unsigned long)len);
	if (jpeg_read_header(&j, TRUE) != JPEG_HEADER_OK) {
		jpeg_destroy_decompress(&j);
		return NULL;
	}
	j.out_color_space = JCS_EXT_BGRX;
	jpeg_start_decompress(&j);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)j.output_width,
				       (int)j.output_height);
	unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	if (!px)
		longjmp(err.back, 1);
	while (j.output_scanline < j.output_height) {
		JSAMPROW row = px + (size_t)j.output_scanline * (size_t)stride;
		jpeg_read_scanlines(&j, &row, 1);
	}
	jpeg_finish_decompress(&j);
	jpeg_destroy_decompress(&j);
	cairo_surface_mark_dirty(s);
	return s;
}

static cairo_surface_t *load(const char *path, int jpeg)
{
	if (!jpeg)
		return cairo_image_surface_create_from_png(path);
	size_t len = 0;
	unsigned char *data = read_all(path, &len);
	if (!data)
		return NULL;
	cairo_surface_t *s = decode_jpeg(data, len);
	if (!s || cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, data, len, free, data) !=
			  CAIRO_STATUS_SUCCESS)
		free(data);
	return s;
}

const char *np_draw_images(cairo_t *cr, const struct np_page *pg)
{
	const char *lost = NULL;
	for (size_t i = 0; i < pg->nframes; i++) {
		const struct np_frame *f = &pg->frames[i];
		if (!f->image)
			continue;
		cairo_surface_t *s = load(f->image, f->image_jpeg);
		if (!s || cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
			if (s)
				cairo_surface_destroy(s);
			lost = f->image;
			continue;
		}
		int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
		cairo_save(cr);
		cairo_rectangle(cr, f->x, f->clip_y, f->w, f->clip_h);
		cairo_clip(cr);
		cairo_translate(cr, f->img_x, f->img_y);
		cairo_scale(cr, f->img_w / w, f->img_h / h);
		cairo_set_source_surface(cr, s, 0, 0);
		cairo_paint(cr);
		cairo_restore(cr);
		cairo_surface_destroy(s);
	}
	return lost;
}
