/* ink_clamp.c - total ink held under a limit, the pixel's black kept.
 *
 * The same rule as Little CMS's ink-limiting device link
 * (cmsCreateInkLimitingDeviceLink): black keeps the detail, and cyan,
 * magenta and yellow are scaled down together into the room the black
 * leaves, so the hue stays and the deepest shadows go a little flatter, as
 * with undercolour removal. Applied to the converted samples themselves
 * rather than folded into the conversion's table, it holds exactly for
 * every pixel, not only at the table's grid points.
 */
#include "press/ink_clamp.h"

void np_press_clamp_ink(uint8_t *cmyk, size_t n, int limit)
{
	if (limit < 0)
		limit = 0;
	for (size_t i = 0; i < n; i++) {
		uint8_t *p = cmyk + 4 * i;
		int cmy = p[0] + p[1] + p[2];
		if (cmy + p[3] <= limit)
			continue;
		if (p[3] > limit)
			p[3] = (uint8_t)limit;
		int room = limit - p[3];
		for (int j = 0; j < 3; j++)
			p[j] = (uint8_t)(cmy > 0 ? p[j] * room / cmy : 0);
	}
}
