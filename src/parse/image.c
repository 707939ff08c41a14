/* image.c - pixel sizes of pictures, read from the file header alone: the
 * PNG IHDR chunk, or the JPEG header as libjpeg-turbo reads it (its frame
 * size, and a kind of JPEG it can decode); a PDF's page size, by libqpdf. */
#include "parse/pint.h"
#include "util/jpeg_info.h"
#include "util/pdf_info.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

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

/* libjpeg reads the header, so a file accepted here is one it can decode */
static enum np_image_probe jpeg(FILE *f, int *w, int *h, char *why, size_t nwhy)
{
	struct np_jpeg_info info;
	if (np_jpeg_info_file(f, &info) < 0) {
		snprintf(why, nwhy, "%s", info.why);
		return NP_IMG_CORRUPT;
	}
	*w = info.width;
	*h = info.height;
	return NP_IMG_OK;
}

/* A PDF's page count, and the size of the page asked for (libqpdf) */
static enum np_image_probe pdf(const char *path, int page, struct np_image_head *h, char *why,
			       size_t nwhy)
{
	struct np_pdf_info info;
	if (np_pdf_info(path, page ? page : 1, &info) < 0) {
		snprintf(why, nwhy, "%s", info.why);
		return NP_IMG_CORRUPT;
	}
	h->npages = info.npages;
	/* the page as a viewer shows it: a quarter turn swaps its sides */
	int turned = info.rotate == 90 || info.rotate == 270;
	h->width = (int)(info.box[turned ? 3 : 2] - info.box[turned ? 1 : 0] + 0.5);
	h->height = (int)(info.box[turned ? 2 : 3] - info.box[turned ? 0 : 1] + 0.5);
	h->width = h->width < 1 ? 1 : h->width;
	h->height = h->height < 1 ? 1 : h->height;
	return NP_IMG_OK;
}

enum np_image_probe np_image_probe(const char *path, int page, struct np_image_head *h,
				   char *why, size_t nwhy)
{
	int *width = &h->width, *height = &h->height, *is_jpeg = &h->is_jpeg;
	*h = (struct np_image_head){0};
	snprintf(why, nwhy, "no readable size in its header");
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
		rewind(f);
		r = jpeg(f, width, height, why, nwhy);
	} else if (n >= 5 && memcmp(sig, "%PDF-", 5) == 0) {
		h->is_pdf = 1;
		fclose(f);
		return pdf(path, page, h, why, nwhy);
	}
	fclose(f);
	return r;
}
