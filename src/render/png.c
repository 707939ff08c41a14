/* png.c - a rendered page to a PNG file. libpng directly rather than Cairo's
 * writer: previews are made on every save, and fast compression (level 1, no
 * row filters) takes a third of the time for a file a little larger. */
#include <png.h>
#include <setjmp.h>

#include "render/render_int.h"

/* libpng's own handler prints "libpng error: ..." before the program's
 * message says which file and why: return without a word */
static void quiet_error(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_longjmp(png, 1);
}

int np_png_write(cairo_surface_t *s, FILE *fp)
{
	cairo_surface_flush(s);
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	unsigned char *px = cairo_image_surface_get_data(s);
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, quiet_error, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	if (!png || !info || !px) {
		png_destroy_write_struct(&png, &info);
		return -1;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		return -1;
	}
	png_init_io(png, fp);
	png_set_compression_level(png, 1);
	png_set_filter(png, 0, PNG_FILTER_NONE);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
		     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	/* Cairo's RGB24 is a native-endian 32-bit xRGB word: B, G, R, x in
	 * memory on the little-endian machines we build for */
	png_set_bgr(png);
	png_set_filler(png, 0, PNG_FILLER_AFTER);
	for (int y = 0; y < h; y++)
		png_write_row(png, px + (size_t)y * (size_t)stride);
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	return 0;
}
