/* colour.c - RGB to the output condition's CMYK, through Little CMS.
 *
 * sRGB is taken as the source of every RGB colour and picture (Cairo's and
 * the web's). Relative colorimetric with black-point compensation, so that
 * RGB black becomes the profile's darkest black and not a washed-out grey.
 * Without a profile (a registered condition alone, X-1a) a plain
 * under-colour conversion stands in; docs/print.md says to give one.
 */
#include <lcms2.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "press/press_int.h"

/* Pictures are kept this far under the ink limit: Little CMS's 8-bit
 * rounding and the plant's own RIP can add a point or two. */
#define INK_MARGIN 0.02

struct np_colour {
	cmsHTRANSFORM vector; /* RGB double -> CMYK double (0..100) */
	cmsHTRANSFORM pixels; /* RGB 8 -> CMYK 8 */
	const struct np_press_ink *inks;
	size_t ninks;
	double limit;         /* total ink, 0..4, less the margin */
};

struct np_colour *np_colour_new(const struct np_press_opts *o, char *err, size_t errn)
{
	struct np_colour *c = calloc(1, sizeof *c);
	if (!c) {
		snprintf(err, errn, "out of memory");
		return NULL;
	}
	c->inks = o->inks;
	c->ninks = o->ninks;
	c->limit = (o->ink_limit > 0 ? o->ink_limit : 240) / 100.0 - INK_MARGIN;
	if (!o->profile)
		return c;
	cmsHPROFILE out = cmsOpenProfileFromFile(o->profile, "r");
	if (!out || cmsGetColorSpace(out) != cmsSigCmykData ||
	    cmsGetDeviceClass(out) != cmsSigOutputClass) {
		snprintf(err, errn, "'%s' is not a CMYK output profile (ICC)", o->profile);
		if (out)
			cmsCloseProfile(out);
		free(c);
		return NULL;
	}
	cmsHPROFILE srgb = cmsCreate_sRGBProfile();
	cmsUInt32Number flags = cmsFLAGS_BLACKPOINTCOMPENSATION;
	c->vector = cmsCreateTransform(srgb, TYPE_RGB_DBL, out, TYPE_CMYK_DBL,
				       INTENT_RELATIVE_COLORIMETRIC, flags);
	c->pixels = cmsCreateTransform(srgb, TYPE_RGB_8, out, TYPE_CMYK_8,
				       INTENT_RELATIVE_COLORIMETRIC, flags);
	cmsCloseProfile(srgb);
	cmsCloseProfile(out);
	if (!c->vector || !c->pixels) {
		snprintf(err, errn, "'%s': Little CMS cannot convert to this profile", o->profile);
		np_colour_free(c);
		return NULL;
	}
	return c;
}

void np_colour_free(struct np_colour *c)
{
	if (!c)
		return;
	if (c->vector)
		cmsDeleteTransform(c->vector);
	if (c->pixels)
		cmsDeleteTransform(c->pixels);
	free(c);
}

/* Takes ink off C, M and Y (black keeps the detail) until the total is
 * within limit. */
static void limit_ink(double k[4], double limit)
{
	double cmy = k[0] + k[1] + k[2];
	if (cmy + k[3] <= limit)
		return;
	if (k[3] > limit)
		k[3] = limit;
	double s = cmy > 0 ? (limit - k[3]) / cmy : 0;
	for (int i = 0; i < 3; i++)
		k[i] *= s;
}

/* Without a profile: grey component replaced by black. */
static void plain_cmyk(const double rgb[3], double k[4])
{
	double mx = fmax(rgb[0], fmax(rgb[1], rgb[2]));
	k[3] = 1 - mx;
	for (int i = 0; i < 3; i++)
		k[i] = mx > 0 ? (mx - rgb[i]) / mx : 0;
}

void np_colour_vector(const struct np_colour *c, const double rgb[3], double k[4])
{
	for (size_t i = 0; i < c->ninks; i++)
		if (fabs(rgb[0] - c->inks[i].rgb[0]) < 2e-5 &&
		    fabs(rgb[1] - c->inks[i].rgb[1]) < 2e-5 &&
		    fabs(rgb[2] - c->inks[i].rgb[2]) < 2e-5) {
			for (int j = 0; j < 4; j++)
				k[j] = c->inks[i].cmyk[j];
			return;
		}
	if (fabs(rgb[0] - rgb[1]) < 1e-6 && fabs(rgb[1] - rgb[2]) < 1e-6) {
		k[0] = k[1] = k[2] = 0;
		k[3] = 1 - rgb[0];
		return;
	}
	if (c->vector) {
		cmsDoTransform(c->vector, rgb, k, 1);
		for (int j = 0; j < 4; j++)
			k[j] = fmin(1, fmax(0, k[j] / 100));
	} else {
		plain_cmyk(rgb, k);
	}
	limit_ink(k, c->limit);
}

void np_colour_pixels(const struct np_colour *c, const uint8_t *rgb, uint8_t *cmyk, size_t n)
{
	if (c->pixels) {
		/* Little CMS takes a count of pixels as a 32-bit number */
		for (size_t done = 0; done < n;) {
			size_t step = n - done > 1u << 24 ? 1u << 24 : n - done;
			cmsDoTransform(c->pixels, rgb + 3 * done, cmyk + 4 * done,
				       (cmsUInt32Number)step);
			done += step;
		}
	} else {
		for (size_t i = 0; i < n; i++) {
			double v[3] = {rgb[3 * i] / 255.0, rgb[3 * i + 1] / 255.0,
				       rgb[3 * i + 2] / 255.0}, k[4];
			plain_cmyk(v, k);
			for (int j = 0; j < 4; j++)
				cmyk[4 * i + j] = (uint8_t)(k[j] * 255 + 0.5);
		}
	}
	int limit = (int)(c->limit * 255);
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
