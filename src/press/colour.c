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
#include <string.h>

#include "press/ink_clamp.h"
#include "press/press_int.h"

/* Pictures are kept this far under the ink limit: Little CMS's 8-bit
 * rounding and the plant's own RIP can add a point or two. */
#define INK_MARGIN 0.02

/* The pictures' table: 17 points a channel (the size most CMMs use for
 * 8-bit RGB) builds in 2 ms where Little CMS's default of 33 takes 14, for
 * differences under a unit of 8 bits on photographs. */
#define PIXEL_GRID 17

struct np_colour {
	cmsHPROFILE srgb, out;
	/* made when first needed: a transform takes milliseconds to build */
	cmsHTRANSFORM vector; /* RGB double -> CMYK double (0..100) */
	cmsHTRANSFORM pixels; /* RGB 8 -> CMYK 8 */
	const struct np_press_ink *inks;
	size_t ninks;
	double limit;         /* total ink, 0..4, less the margin */
	unsigned long rgb;    /* RGB colours and pictures converted so far */
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
	c->out = out;
	c->srgb = cmsCreate_sRGBProfile();
	if (!c->srgb) {
		snprintf(err, errn, "out of memory");
		np_colour_free(c);
		return NULL;
	}
	return c;
}

/* The few vector colours are converted through the whole pipeline, which
 * costs nothing to set up; pictures through Little CMS's precalculated
 * table. NULL when Little CMS cannot: the plain conversion stands in. */
static cmsHTRANSFORM transform(struct np_colour *c, int pixels)
{
	cmsHTRANSFORM *t = pixels ? &c->pixels : &c->vector;
	if (!*t && c->out)
		*t = cmsCreateTransform(c->srgb, pixels ? TYPE_RGB_8 : TYPE_RGB_DBL, c->out,
					pixels ? TYPE_CMYK_8 : TYPE_CMYK_DBL,
					INTENT_RELATIVE_COLORIMETRIC,
					cmsFLAGS_BLACKPOINTCOMPENSATION |
						(pixels ? cmsFLAGS_GRIDPOINTS(PIXEL_GRID)
							: cmsFLAGS_NOOPTIMIZE));
	return *t;
}

void np_colour_free(struct np_colour *c)
{
	if (!c)
		return;
	if (c->vector)
		cmsDeleteTransform(c->vector);
	if (c->pixels)
		cmsDeleteTransform(c->pixels);
	if (c->srgb)
		cmsCloseProfile(c->srgb);
	if (c->out)
		cmsCloseProfile(c->out);
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

void np_colour_vector(struct np_colour *c, const double rgb[3], double k[4])
{
	for (size_t i = 0; i < c->ninks; i++)
		if (fabs(rgb[0] - c->inks[i].rgb[0]) < 2e-5 &&
		    fabs(rgb[1] - c->inks[i].rgb[1]) < 2e-5 &&
		    fabs(rgb[2] - c->inks[i].rgb[2]) < 2e-5) {
			for (int j = 0; j < 4; j++)
				k[j] = c->inks[i].cmyk[j];
			return;
		}
	c->rgb++;
	if (fabs(rgb[0] - rgb[1]) < 1e-6 && fabs(rgb[1] - rgb[2]) < 1e-6) {
		k[0] = k[1] = k[2] = 0;
		k[3] = 1 - rgb[0];
		return;
	}
	cmsHTRANSFORM t = transform(c, 0);
	if (t) {
		cmsDoTransform(t, rgb, k, 1);
		for (int j = 0; j < 4; j++)
			k[j] = fmin(1, fmax(0, k[j] / 100));
	} else {
		plain_cmyk(rgb, k);
	}
	limit_ink(k, c->limit);
}

enum { CHUNK = 4096 };

/* Runs of one colour (flat advertisements are mostly runs) are converted
 * once: a chunk's distinct runs are gathered, converted in one call, held
 * within the ink limit, and spread back over their pixels (which have all
 * been read by then: np_colour_pixels may work in place). */
static void convert_runs(cmsHTRANSFORM t, const uint8_t *rgb, uint8_t *cmyk, size_t n, int limit)
{
	uint8_t u[CHUNK * 3], k[CHUNK * 4];
	uint32_t len[CHUNK];
	for (size_t at = 0; at < n; at += CHUNK) {
		size_t end = n - at < CHUNK ? n : at + CHUNK, m = 0;
		const uint8_t *p = rgb + 3 * at, *stop = rgb + 3 * end;
		while (p < stop) {
			const uint8_t r = p[0], g = p[1], b = p[2], *q = p + 3;
			while (q < stop && q[0] == r && q[1] == g && q[2] == b)
				q += 3;
			memcpy(u + 3 * m, p, 3);
			len[m++] = (uint32_t)((q - p) / 3);
			p = q;
		}
		cmsDoTransform(t, u, k, (cmsUInt32Number)m);
		np_press_clamp_ink(k, m, limit);
		uint8_t *o = cmyk + 4 * at;
		for (size_t r = 0; r < m; r++) {
			uint32_t v;
			memcpy(&v, k + 4 * r, 4);
			for (uint32_t x = 0; x < len[r]; x++, o += 4)
				memcpy(o, &v, 4);
		}
	}
}

void np_colour_pixels(struct np_colour *c, const uint8_t *rgb, uint8_t *cmyk, size_t n)
{
	cmsHTRANSFORM t = transform(c, 1);
	int limit = (int)(c->limit * 255);
	c->rgb++;
	if (t) {
		convert_runs(t, rgb, cmyk, n, limit);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		double v[3] = {rgb[3 * i] / 255.0, rgb[3 * i + 1] / 255.0, rgb[3 * i + 2] / 255.0}, k[4];
		plain_cmyk(v, k);
		for (int j = 0; j < 4; j++)
			cmyk[4 * i + j] = (uint8_t)(k[j] * 255 + 0.5);
	}
	np_press_clamp_ink(cmyk, n, limit);
}

unsigned long np_colour_rgb_count(const struct np_colour *c)
{
	return c->rgb;
}

double np_colour_ink_limit(const struct np_colour *c, double *kept)
{
	*kept = c->limit;
	return c->limit + INK_MARGIN;
}
