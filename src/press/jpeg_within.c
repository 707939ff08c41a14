/* jpeg_within.c - CMYK pixels stored as a JPEG that stays within the ink
 * limit once decoded.
 *
 * JPEG is lossy: pixels clamped exactly to the limit come back from a
 * decoder several points over it wherever an edge rings (at quality 90 the
 * converted skyline of examples/picture.yaml went from 237.6% to 252.9%,
 * and a plant's preflight measured 248%). The plant's RIP and its preflight
 * see the decoded samples, so the limit has to hold for those: the encoded
 * picture is decoded again and checked, and in each 8x8 block (the unit a
 * JPEG codes; the pass writes CMYK without subsampling) that comes back over
 * the limit, the pixels are clamped again under a limit lowered by the
 * excess, and the picture encoded again. A few rounds bring every block
 * within; should they not, the pixels are stored lossless (Flate), exactly
 * as clamped. The check uses libjpeg-turbo's decoder; another's rounding
 * differs by a unit a sample at most, which the pass's margin of 2 points
 * under the limit covers.
 */
#include <stdlib.h>
#include <string.h>

#include "press/images.h"
#include "press/ink_clamp.h"

#define BLOCK 8
/* A block that came back over has its limit lowered by its excess and this
 * much more (1.6% ink), so the ringing settles in few rounds: the skyline's
 * 3,825 blocks over are within after 4 encodings, where lowering by the
 * excess alone still left 2 blocks over after 6 */
#define SLACK 4
/* the Flate fallback bounds the cost of a picture that would not settle */
#define ROUNDS 6

/* Per block, how far its decoded pixels go over its limit (0 within). */
static int excess(const uint8_t *dec, int w, int h, int limit, int *ex, int bw)
{
	int any = 0;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			const uint8_t *p = dec + 4 * ((size_t)y * (size_t)w + (size_t)x);
			int over = p[0] + p[1] + p[2] + p[3] - limit;
			int *e = ex + (y / BLOCK) * bw + x / BLOCK;
			if (over > *e) {
				*e = over;
				any = 1;
			}
		}
	return any;
}

/* The pixels of blocks that came back over: clamped again, from the
 * picture as given, under their block's lowered limit. */
static void tighten(const uint8_t *cmyk, uint8_t *cur, int w, int h, const int *ex, int *blim,
		    int bw, int bh)
{
	for (int b = 0; b < bw * bh; b++)
		blim[b] -= ex[b] ? ex[b] + SLACK : 0;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			int b = (y / BLOCK) * bw + x / BLOCK;
			if (!ex[b])
				continue;
			size_t i = 4 * ((size_t)y * (size_t)w + (size_t)x);
			memcpy(cur + i, cmyk + i, 4);
			np_press_clamp_ink(cur + i, 1, blim[b]);
		}
}

unsigned char *np_press_encode_cmyk_within(const uint8_t *cmyk, int w, int h, int limit,
					   size_t *len, int *dct)
{
	size_t npx = (size_t)w * (size_t)h;
	int bw = (w + BLOCK - 1) / BLOCK, bh = (h + BLOCK - 1) / BLOCK;
	size_t nb = (size_t)bw * (size_t)bh;
	int *ex = calloc(nb, sizeof *ex), *blim = malloc(nb * sizeof *blim);
	uint8_t *cur = malloc(npx * 4);
	unsigned char *enc = NULL;
	if (!ex || !blim || !cur)
		goto done;
	memcpy(cur, cmyk, npx * 4);
	for (size_t b = 0; b < nb; b++)
		blim[b] = limit;
	for (int round = 0; round < ROUNDS; round++) {
		enc = np_press_encode_cmyk_jpeg(cur, w, h, len);
		uint8_t *dec = enc ? np_press_decode_jpeg(enc, *len, npx * 4, 4) : NULL;
		if (!dec) {
			free(enc);
			enc = NULL;
			goto done;
		}
		memset(ex, 0, nb * sizeof *ex);
		int over = excess(dec, w, h, limit, ex, bw);
		free(dec);
		if (!over) {
			*dct = 1;
			goto done;
		}
		free(enc);
		enc = NULL;
		tighten(cmyk, cur, w, h, ex, blim, bw, bh);
	}
	*dct = 0;
	enc = np_press_deflate(cmyk, npx * 4, NP_PRESS_PICTURE_FLATE, len);
done:
	free(ex);
	free(blim);
	free(cur);
	return enc;
}
