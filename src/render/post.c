/* post.c - running the post-steps over a rendered PDF, in memory or in the
 * temporary file an output is written to before it is renamed into place. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "press/place.h"
#include "util/atomic.h"
#include "render/post.h"

int np_post_needed(const struct np_pictures *pics)
{
	size_t n;
	np_pictures_placements(pics, &n);
	return np_pictures_inverted_cmyk(pics) || n > 0;
}

int np_post_buffer(unsigned char **buf, size_t *len, const struct np_pictures *pics, char *why,
		   size_t nwhy)
{
	size_t n;
	const struct np_pdf_placement *v = np_pictures_placements(pics, &n);
	if (n) {
		unsigned char *out;
		size_t outlen;
		if (np_place_pdf(*buf, *len, v, n, &out, &outlen, why, nwhy) < 0)
			return -1;
		free(*buf);
		*buf = out;
		*len = outlen;
	}
	if (np_pictures_inverted_cmyk(pics)) {
		unsigned char *out;
		size_t outlen;
		if (np_place_jpeg_cmyk(*buf, *len, &out, &outlen, why, nwhy) < 0)
			return -1;
		free(*buf);
		*buf = out;
		*len = outlen;
	}
	return 0;
}

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	unsigned char *buf = NULL;
	long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) &&
	    fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

int np_post_file(struct np_atomic *a, const struct np_pictures *pics, char *why, size_t nwhy)
{
	size_t len = 0;
	unsigned char *buf = fflush(a->fp) == 0 && !np_atomic_error(a) ? slurp(a->tmp, &len) : NULL;
	if (!buf) {
		snprintf(why, nwhy, "%s", strerror(np_atomic_error(a) ? np_atomic_error(a)
							       : errno ? errno : EIO));
		return -1;
	}
	int rc = np_post_buffer(&buf, &len, pics, why, nwhy);
	if (rc == 0 && np_atomic_rewrite(a, buf, len) < 0) {
		snprintf(why, nwhy, "%s", strerror(errno ? errno : EIO));
		rc = -1;
	}
	free(buf);
	return rc;
}
