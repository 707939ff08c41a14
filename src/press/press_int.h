/* press_int.h - what the files of the print pass share. */
#ifndef NP_PRESS_INT_H
#define NP_PRESS_INT_H

#include <stddef.h>
#include <stdint.h>

#include "press/press.h"

/* A growing byte buffer; oom set once an allocation failed (then it stays
 * as it was and further adds do nothing). */
struct np_buf {
	unsigned char *p;
	size_t n, cap;
	int oom;
};
/* Room for n more bytes, so that a known size grows the buffer once. */
void np_buf_reserve(struct np_buf *b, size_t n);
void np_buf_add(struct np_buf *b, const void *p, size_t n);
void np_buf_str(struct np_buf *b, const char *s);
/* A number as a content stream wants it: at most 4 decimals, no exponent,
 * no trailing zeros, '.' whatever the locale. */
void np_buf_num(struct np_buf *b, double v);

/* Colour conversion to the output condition (colour.c). */
struct np_colour;
/* NULL with a message in err when the profile cannot be used. */
struct np_colour *np_colour_new(const struct np_press_opts *o, char *err, size_t errn);
void np_colour_free(struct np_colour *c);
/* An RGB colour of a content stream (0..1) to CMYK (0..1): a layout ink
 * exactly, a grey as black ink, anything else through the profile. */
void np_colour_vector(struct np_colour *c, const double rgb[3], double cmyk[4]);
/* n pixels of 8-bit RGB to 8-bit CMYK through the profile, within the ink
 * limit (less a small margin). In place when rgb is cmyk + n (each pixel
 * is read before its CMYK is written over what was read already). */
void np_colour_pixels(struct np_colour *c, const uint8_t *rgb, uint8_t *cmyk, size_t n);
/* How many RGB colours (not a layout ink) and pictures were converted so far:
 * a placed PDF that raised it drew in RGB. */
unsigned long np_colour_rgb_count(const struct np_colour *c);
/* The ink limit as given (0..4); *kept the limit converted pictures are kept
 * within (less the margin). */
double np_colour_ink_limit(const struct np_colour *c, double *kept);

/* A content stream with every RGB colour operator made CMYK, and the
 * overprint states set by name (/NPo00 .. /NPo11: fill, stroke). 0, or -1
 * with a message. */
int np_press_content(const unsigned char *in, size_t n, struct np_colour *c,
		     struct np_buf *out, char *err, size_t errn);

/* A colour space the resources name (without its '/'), of n components
 * (1, 3 or 4: spaces.c). */
struct np_named_space {
	char name[32];
	int n;
};
/* np_press_content where cs/CS may also name spaces of the resources: an
 * RGB one is converted as DeviceRGB is, a grey or CMYK one becomes
 * DeviceGray or DeviceCMYK with its values as they are. */
int np_press_content_spaces(const unsigned char *in, size_t n, struct np_colour *c,
			    const struct np_named_space *spaces, size_t nspaces,
			    struct np_buf *out, char *err, size_t errn);

#endif
