/* picture_fixture.c - pictures the picture tests make at test time, written
 * with libjpeg-turbo (nothing binary is kept in the repository):
 *
 *   picture_fixture cmyk OUT.jpg W H C M Y K        CMYK, no Adobe marker
 *   picture_fixture cmyk-adobe OUT.jpg W H C M Y K  CMYK stored inverted, with
 *                                                   the Adobe marker (Photoshop's way)
 *   picture_fixture rgb OUT.jpg W H R G B
 *   picture_fixture declare OUT.jpg W H             a 16 x 16 grey JPEG whose
 *       header declares W x H: its data ends early (a "decompression bomb" of a
 *       few hundred bytes; libjpeg warns and fills the rest)
 *   picture_fixture inkmax IN.jpg 0|1                prints the highest total ink
 *       (0..1020) of a CMYK JPEG's pixels, its samples inverted when 1 (/Decode)
 * Inks and channels are 0..255. Exit 0, or 1 with a message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

static int write_jpeg(const char *path, int w, int h, int comps, J_COLOR_SPACE cs, int adobe,
		      const unsigned char *px)
{
	FILE *fp = fopen(path, "wb");
	if (!fp) {
		perror(path);
		return 1;
	}
	struct jpeg_compress_struct j;
	struct jpeg_error_mgr err;
	j.err = jpeg_std_error(&err);
	jpeg_create_compress(&j);
	jpeg_stdio_dest(&j, fp);
	j.image_width = (JDIMENSION)w;
	j.image_height = (JDIMENSION)h;
	j.input_components = comps;
	j.in_color_space = cs;
	jpeg_set_defaults(&j);
	j.write_Adobe_marker = adobe ? TRUE : FALSE;
	jpeg_set_quality(&j, 95, TRUE);
	jpeg_start_compress(&j, TRUE);
	unsigned char *row = malloc((size_t)w * (size_t)comps);
	for (int x = 0; x < w; x++)
		memcpy(row + (size_t)x * comps, px, (size_t)comps);
	while (j.next_scanline < j.image_height) {
		JSAMPROW r = row;
		jpeg_write_scanlines(&j, &r, 1);
	}
	jpeg_finish_compress(&j);
	jpeg_destroy_compress(&j);
	free(row);
	return fclose(fp) == 0 ? 0 : 1;
}

/* Rewrites the first SOF0 frame size of the file at path. */
static int declare(const char *path, int w, int h)
{
	FILE *fp = fopen(path, "r+b");
	if (!fp)
		return 1;
	unsigned char b[4096];
	size_t n = fread(b, 1, sizeof b, fp);
	for (size_t i = 0; i + 9 < n; i++)
		if (b[i] == 0xff && b[i + 1] == 0xc0) {
			unsigned char s[4] = {h >> 8, h & 255, w >> 8, w & 255};
			fseek(fp, (long)i + 5, SEEK_SET);
			fwrite(s, 1, 4, fp);
			return fclose(fp) == 0 ? 0 : 1;
		}
	fclose(fp);
	return 1;
}

/* The highest C+M+Y+K of a CMYK JPEG's pixels, as the PDF reads them. */
static int inkmax(const char *path, int invert)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		return 1;
	}
	struct jpeg_decompress_struct j;
	struct jpeg_error_mgr err;
	j.err = jpeg_std_error(&err);
	jpeg_create_decompress(&j);
	jpeg_stdio_src(&j, fp);
	jpeg_read_header(&j, TRUE);
	if (j.num_components != 4) {
		fprintf(stderr, "%s: not CMYK\n", path);
		return 1;
	}
	j.out_color_space = JCS_CMYK;
	jpeg_start_decompress(&j);
	unsigned char *row = malloc((size_t)j.output_width * 4);
	int max = 0;
	while (j.output_scanline < j.output_height) {
		JSAMPROW r = row;
		jpeg_read_scanlines(&j, &r, 1);
		for (JDIMENSION x = 0; x < j.output_width; x++) {
			int t = 0;
			for (int c = 0; c < 4; c++)
				t += invert ? 255 - row[4 * x + c] : row[4 * x + c];
			max = t > max ? t : max;
		}
	}
	jpeg_finish_decompress(&j);
	jpeg_destroy_decompress(&j);
	free(row);
	fclose(fp);
	printf("%d\n", max);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "inkmax") == 0)
		return inkmax(argv[2], atoi(argv[3]));
	if (argc < 5) {
		fprintf(stderr, "usage: picture_fixture cmyk|cmyk-adobe|rgb|declare OUT W H ...\n");
		return 2;
	}
	const char *kind = argv[1], *out = argv[2];
	int w = atoi(argv[3]), h = atoi(argv[4]);
	unsigned char px[4] = {0};
	for (int i = 0; i < 4 && 5 + i < argc; i++)
		px[i] = (unsigned char)atoi(argv[5 + i]);
	if (strcmp(kind, "cmyk") == 0)
		return write_jpeg(out, w, h, 4, JCS_CMYK, 0, px);
	if (strcmp(kind, "cmyk-adobe") == 0) {
		for (int i = 0; i < 4; i++)
			px[i] = (unsigned char)(255 - px[i]);
		return write_jpeg(out, w, h, 4, JCS_CMYK, 1, px);
	}
	if (strcmp(kind, "rgb") == 0)
		return write_jpeg(out, w, h, 3, JCS_RGB, 0, px);
	if (strcmp(kind, "declare") == 0) {
		unsigned char grey[1] = {128};
		return write_jpeg(out, 16, 16, 1, JCS_GRAYSCALE, 0, grey) || declare(out, w, h);
	}
	fprintf(stderr, "picture_fixture: unknown kind '%s'\n", kind);
	return 2;
}
