/* jpeg_info.c - a JPEG's header through libjpeg-turbo (jpeg_read_header):
 * the library that decodes the pictures also decides what a readable header
 * is, so a picture accepted when the article is read cannot fail later for a
 * reason the header already showed. */
#include "util/jpeg_info.h"

#include <setjmp.h>
#include <string.h>

#include <jpeglib.h> /* after stdio.h: it uses FILE and size_t */

struct fail {
	struct jpeg_error_mgr mgr;
	jmp_buf back;
};

/* libjpeg's default error_exit ends the process: jump back instead */
static void fail_exit(j_common_ptr j)
{
	longjmp(((struct fail *)j->err)->back, 1);
}

/* warnings about the header (extraneous bytes, unknown markers) are not ours
 * to report: the decoder reports damage where it matters */
static void quiet(j_common_ptr j, int level)
{
	(void)j;
	(void)level;
}

static int read_header(FILE *f, const unsigned char *data, size_t len, struct np_jpeg_info *out)
{
	struct jpeg_decompress_struct j;
	struct fail err;
	memset(out, 0, sizeof *out);
	j.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = fail_exit;
	err.mgr.emit_message = quiet;
	if (setjmp(err.back)) {
		(*j.err->format_message)((j_common_ptr)&j, out->why);
		out->why[sizeof out->why - 1] = 0;
		jpeg_destroy_decompress(&j);
		return -1;
	}
	jpeg_create_decompress(&j);
	if (f)
		jpeg_stdio_src(&j, f);
	else
		jpeg_mem_src(&j, data, (unsigned long)len);
	if (jpeg_read_header(&j, TRUE) != JPEG_HEADER_OK) {
		snprintf(out->why, sizeof out->why, "no image in the file");
		jpeg_destroy_decompress(&j);
		return -1;
	}
	out->width = (int)j.image_width;
	out->height = (int)j.image_height;
	out->components = j.num_components;
	out->adobe = j.saw_Adobe_marker;
	int precision = j.data_precision;
	jpeg_destroy_decompress(&j);
	if (precision != 8) {
		snprintf(out->why, sizeof out->why, "%d bits a sample (only 8 are supported)",
			 precision);
		return -1;
	}
	if (out->components != 1 && out->components != 3 && out->components != 4) {
		snprintf(out->why, sizeof out->why, "%d colour components (grey, RGB or CMYK "
			 "are supported)", out->components);
		return -1;
	}
	if (out->width <= 0 || out->height <= 0) {
		snprintf(out->why, sizeof out->why, "no size in its header");
		return -1;
	}
	return 0;
}

int np_jpeg_info_file(FILE *f, struct np_jpeg_info *out)
{
	return read_header(f, NULL, 0, out);
}

int np_jpeg_info_mem(const unsigned char *data, size_t len, struct np_jpeg_info *out)
{
	return read_header(NULL, data, len, out);
}

int np_jpeg_inverted(const struct np_jpeg_info *i)
{
	return i->components == 4 && i->adobe;
}
