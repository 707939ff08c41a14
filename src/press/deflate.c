/* deflate.c - the pass's Flate compression (libdeflate), for converted
 * pictures and the streams it writes itself. */
#include <stdlib.h>

#include <libdeflate.h>

#include "press/images.h"

/* libdeflate rather than zlib: about twice as fast to compress at the same
 * size, five times to decompress (whole buffers are all the pass has). */
unsigned char *np_press_deflate(const uint8_t *data, size_t n, int level, size_t *len)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(level);
	size_t cap = c ? libdeflate_zlib_compress_bound(c, n) : 0;
	unsigned char *out = c ? malloc(cap) : NULL;
	*len = out ? libdeflate_zlib_compress(c, data, n, out, cap) : 0;
	if (c)
		libdeflate_free_compressor(c);
	if (!*len) {
		free(out);
		return NULL;
	}
	return out;
}
