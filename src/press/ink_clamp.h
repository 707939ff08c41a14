/* ink_clamp.h - total ink held under a limit (see ink_clamp.c). */
#ifndef NP_PRESS_INK_CLAMP_H
#define NP_PRESS_INK_CLAMP_H

#include <stddef.h>
#include <stdint.h>

/* n 8-bit CMYK pixels in place, each made to total at most limit (the sum
 * of its four samples, 0..1020): C, M and Y scaled under the black. */
void np_press_clamp_ink(uint8_t *cmyk, size_t n, int limit);

#endif
