/* image.c - pixel sizes of pictures, read from the file header alone: the
 * PNG IHDR chunk, or the JPEG SOF marker found by walking the segments. No
 * image library is needed to validate an article. */
#include "parse/pint.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 |
	       p[3];
}

static enum np_image_probe png(FILE *f, int *w, int *h)
{
	unsigned char b[16];
	if (fread(b, 1, sizeof b, f) != sizeof b || be32(b) != 13 || memcmp(b + 4, "IHDR", 4))
		return NP_IMG_CORRUPT;
	unsigned long x = be32(b + 8), y = be32(b + 12);
	if (x == 0 || y == 0 || x > 0x7fffffffUL || y > 0x7fffffffUL)
		return NP_IMG_CORRUPT;
	*w = (int)x;
	*h = (int)y;
	return NP_IMG_OK;
}

/* SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share
 * the range but do not. */
static int is_sof(int m)
{
	return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

static enum np_image_probe jpeg(FILE *f, int *w, int *h)
{
	for (;;) {
		int ch = getc(f);
		if (ch != 0xff)
			return NP_IMG_CORRUPT;
		int m;
		while ((m = getc(f)) == 0xff)
			; /* fill bytes */
		if (m == EOF || m == 0xd9 || m == 0xda)
			return NP_IMG_CORRUPT; /* image data before any frame header */
		if (m == 0x01 || (m >= 0xd0 && m <= 0xd7))
			continue; /* markers without a length */
		unsigned char b[7];
		if (fread(b, 1, 2, f) != 2 || be16(b) < 2)
			return NP_IMG_CORRUPT;
		unsigned seglen = be16(b);
		if (is_sof(m)) {
			if (seglen < 8 || fread(b + 2, 1, 5, f) != 5)
				return NP_IMG_CORRUPT;
			*h = (int)be16(b + 3);
			*w = (int)be16(b + 5);
			return *w > 0 && *h > 0 ? NP_IMG_OK : NP_IMG_CORRUPT;
		}
		if (fseek(f, (long)seglen - 2, SEEK_CUR))
			return NP_IMG_CORRUPT;
	}
}

enum np_image_probe np_image_probe(const char *path, int *width, int *height, int *is_jpeg)
{
	static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	FILE *f = fopen(path, "rb");
	if (!f)
		return NP_IMG_CANNOT_OPEN;
	unsigned char sig[8];
	size_t n = fread(sig, 1, sizeof sig, f);
	enum np_image_probe r = NP_IMG_NOT_IMAGE;
	if (ferror(f)) {
		int err = errno;
		fclose(f);
		errno = err;
		return NP_IMG_CANNOT_OPEN;
	}
	if (n == sizeof sig && memcmp(sig, png_sig, sizeof sig) == 0) {
		*is_jpeg = 0;
		r = png(f, width, height);
	} else if (n >= 3 && sig[0] == 0xff && sig[1] == 0xd8 && sig[2] == 0xff) {
		*is_jpeg = 1;
		fseek(f, 2, SEEK_SET);
		r = jpeg(f, width, height);
	}
	fclose(f);
	return r;
}
