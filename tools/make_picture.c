/* make_picture.c - draws the example picture (examples/pictures/skyline.jpg):
 * a dusk skyline over a river, made here with Cairo and written with
 * libjpeg-turbo, so the project ships a picture whose origin is known (it is
 * the project's own work, CC0). A developer tool; the build does not use it.
 *   cc tools/make_picture.c $(pkg-config --cflags --libs cairo libjpeg) -lm -o mkpic
 *   ./mkpic examples/pictures/skyline.jpg */
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <jpeglib.h>

#define W 1400
#define H 900

static unsigned rnd(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

static void scene(cairo_t *cr)
{
	cairo_pattern_t *sky = cairo_pattern_create_linear(0, 0, 0, H * 0.65);
	cairo_pattern_add_color_stop_rgb(sky, 0, 0.10, 0.16, 0.36);
	cairo_pattern_add_color_stop_rgb(sky, 0.6, 0.78, 0.45, 0.38);
	cairo_pattern_add_color_stop_rgb(sky, 1, 0.98, 0.78, 0.50);
	cairo_set_source(cr, sky);
	cairo_paint(cr);
	cairo_pattern_destroy(sky);
	cairo_set_source_rgb(cr, 1, 0.9, 0.7); /* the sun, low */
	cairo_arc(cr, W * 0.7, H * 0.55, 60, 0, 2 * M_PI);
	cairo_fill(cr);
	unsigned seed = 7;
	for (int layer = 0; layer < 2; layer++) { /* two rows of towers */
		double shade = layer ? 0.12 : 0.28;
		cairo_set_source_rgb(cr, shade, shade * 0.9, shade * 1.2);
		for (double x = -20; x < W; x += 30 + rnd(&seed) % 50) {
			double w = 30 + rnd(&seed) % 60, h = 80 + rnd(&seed) % (layer ? 260 : 180);
			cairo_rectangle(cr, x, H * 0.65 - h, w, h);
		}
		cairo_fill(cr);
	}
	cairo_set_source_rgb(cr, 1, 0.85, 0.5); /* lit windows */
	for (int i = 0; i < 400; i++)
		cairo_rectangle(cr, rnd(&seed) % W, H * 0.65 - 20 - rnd(&seed) % 200, 4, 6);
	cairo_fill(cr);
	cairo_pattern_t *water = cairo_pattern_create_linear(0, H * 0.65, 0, H);
	cairo_pattern_add_color_stop_rgb(water, 0, 0.35, 0.30, 0.40);
	cairo_pattern_add_color_stop_rgb(water, 1, 0.06, 0.08, 0.18);
	cairo_set_source(cr, water);
	cairo_rectangle(cr, 0, H * 0.65, W, H * 0.35);
	cairo_fill(cr);
	cairo_pattern_destroy(water);
	cairo_set_source_rgba(cr, 1, 0.85, 0.6, 0.5); /* the sun on the water */
	for (int i = 0; i < 30; i++)
		cairo_rectangle(cr, W * 0.7 - 50 + rnd(&seed) % 100, H * 0.67 + i * 9, 20 + rnd(&seed) % 60, 2);
	cairo_fill(cr);
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
	cairo_t *cr = cairo_create(s);
	scene(cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	FILE *fp = fopen(argv[1], "wb");
	if (!fp)
		return 1;
	struct jpeg_compress_struct j;
	struct jpeg_error_mgr err;
	j.err = jpeg_std_error(&err);
	jpeg_create_compress(&j);
	jpeg_stdio_dest(&j, fp);
	j.image_width = W;
	j.image_height = H;
	j.input_components = 4;
	j.in_color_space = JCS_EXT_BGRX;
	jpeg_set_defaults(&j);
	jpeg_set_quality(&j, 82, TRUE);
	jpeg_start_compress(&j, TRUE);
	unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	while (j.next_scanline < H) {
		JSAMPROW row = px + (size_t)j.next_scanline * stride;
		jpeg_write_scanlines(&j, &row, 1);
	}
	jpeg_finish_compress(&j);
	jpeg_destroy_compress(&j);
	fclose(fp);
	cairo_surface_destroy(s);
	return 0;
}
