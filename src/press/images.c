/* images.c - the pictures of a PDF made CMYK for the plant.
 *
 * An RGB picture goes through the output profile within the ink limit; a
 * JPEG stays JPEG (libjpeg-turbo, quality 90), checked to be within the
 * limit once decoded (jpeg_within.c), any other becomes Flate-compressed
 * CMYK. Grey pictures stay grey. For X-1a,
 * which allows no transparency, a soft mask (a PNG's alpha) is flattened onto
 * the paper. qpdf decodes the stream data and stores the new.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h> /* decoding; deflate.c compresses */

#include "press/images.h"
#include "press/ink_clamp.h"
#include "press/spaces.h"

static int int_key(qpdf_data q, qpdf_oh dict, const char *key)
{
	qpdf_oh v = qpdf_oh_get_key(q, dict, key);
	return qpdf_oh_is_integer(q, v) ? qpdf_oh_get_int_value_as_int(q, v) : -1;
}

static unsigned char *inflate_all(const unsigned char *raw, size_t n, size_t want)
{
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
	unsigned char *out = d ? malloc(want ? want : 1) : NULL;
	/* exactly want bytes, or it is not the picture its dictionary says */
	if (out && libdeflate_zlib_decompress(d, raw, n, out, want, NULL) != LIBDEFLATE_SUCCESS) {
		free(out);
		out = NULL;
	}
	if (d)
		libdeflate_free_decompressor(d);
	return out;
}

/* Decoded samples of a stream, exactly want bytes long; NULL otherwise.
 * Cairo's two filters are decoded here: qpdf 11.3's buffers grow by copying,
 * which made decoding through it cost more than the conversion. */
static unsigned char *samples(qpdf_data q, qpdf_oh s, size_t want, int comps)
{
	QPDF_BOOL filtered = QPDF_FALSE;
	unsigned char *buf = NULL, *out = NULL;
	size_t len = 0;
	qpdf_oh d = qpdf_oh_get_dict(q, s);
	qpdf_oh f = qpdf_oh_get_key(q, d, "/Filter");
	int flate = qpdf_oh_is_name_and_equals(q, f, "/FlateDecode");
	int dct = qpdf_oh_is_name_and_equals(q, f, "/DCTDecode");
	if ((flate || dct) && !qpdf_oh_is_dictionary(q, qpdf_oh_get_key(q, d, "/DecodeParms")) &&
	    !(qpdf_oh_get_stream_data(q, s, qpdf_dl_none, NULL, &buf, &len) & QPDF_ERRORS)) {
		out = flate ? inflate_all(buf, len, want) : np_press_decode_jpeg(buf, len, want, comps);
		free(buf);
		return out;
	}
	if ((qpdf_oh_get_stream_data(q, s, qpdf_dl_all, &filtered, &buf, &len) & QPDF_ERRORS) ||
	    !filtered || len != want) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* alpha over white paper, in place: c*a + 255*(1-a) */
static int flatten(qpdf_data q, qpdf_oh img, uint8_t *px, int comps, int w, int h)
{
	qpdf_oh m = qpdf_oh_get_key(q, qpdf_oh_get_dict(q, img), "/SMask");
	if (!qpdf_oh_is_stream(q, m))
		return 0;
	qpdf_oh md = qpdf_oh_get_dict(q, m);
	if (int_key(q, md, "/Width") != w || int_key(q, md, "/Height") != h ||
	    int_key(q, md, "/BitsPerComponent") != 8)
		return -1;
	uint8_t *a = samples(q, m, (size_t)w * (size_t)h, 1);
	if (!a)
		return -1;
	for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
		for (int c = 0; c < comps; c++) {
			uint8_t *p = px + i * (size_t)comps + c;
			*p = (uint8_t)((*p * a[i] + 255 * (255 - a[i]) + 127) / 255);
		}
	free(a);
	qpdf_oh_remove_key(q, qpdf_oh_get_dict(q, img), "/SMask");
	return 0;
}

static void store(qpdf_data q, qpdf_oh img, unsigned char *data, size_t len, const char *filter,
		  const char *space)
{
	qpdf_oh_replace_stream_data(q, img, data, len, qpdf_oh_new_name(q, filter),
				    qpdf_oh_new_null(q));
	qpdf_oh d = qpdf_oh_get_dict(q, img);
	qpdf_oh_replace_key(q, d, "/ColorSpace", qpdf_oh_new_name(q, space));
	qpdf_oh_remove_key(q, d, "/Decode");
	qpdf_oh_remove_key(q, d, "/DecodeParms");
	/* a RIP resamples as the plant set it up, not as a viewer would (PDF/A
	 * forbids the key; preflight profiles for PDF/X warn of it) */
	qpdf_oh_remove_key(q, d, "/Interpolate");
	free(data);
}

int np_press_image(qpdf_data q, qpdf_oh img, struct np_colour *c, enum np_pdfx pdfx,
		   char *err, size_t errn)
{
	qpdf_oh d = qpdf_oh_get_dict(q, img);
	qpdf_oh cs = qpdf_oh_get_key(q, d, "/ColorSpace");
	int family = np_press_space_family(q, cs); /* ICC-based spaces by theirs */
	if ((family == 1 || family == 4) && !qpdf_oh_is_name(q, cs))
		qpdf_oh_replace_key(q, d, "/ColorSpace",
				    cs = qpdf_oh_new_name(q, family == 1 ? "/DeviceGray"
									 : "/DeviceCMYK"));
	int rgb = family == 3;
	int gray = qpdf_oh_is_name_and_equals(q, cs, "/DeviceGray");
	int mask = qpdf_oh_is_stream(q, qpdf_oh_get_key(q, d, "/SMask")) && pdfx == NP_PDFX_1A;
	if (qpdf_oh_is_name_and_equals(q, cs, "/DeviceCMYK") && !mask) {
		double kept, over = np_colour_ink_limit(c, &kept);
		int dct = qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, d, "/Filter"),
						     "/DCTDecode");
		return dct ? np_press_cmyk_jpeg_limit(q, img, over, kept, err, errn) : 0;
	}
	if ((gray && !mask) || qpdf_oh_is_bool(q, qpdf_oh_get_key(q, d, "/ImageMask")))
		return 0;
	int w = int_key(q, d, "/Width"), h = int_key(q, d, "/Height");
	int comps = rgb ? 3 : gray ? 1 : qpdf_oh_is_name_and_equals(q, cs, "/DeviceCMYK") ? 4 : 0;
	if (!comps || int_key(q, d, "/BitsPerComponent") != 8 || w < 1 || h < 1) {
		snprintf(err, errn, "a picture in a colour space the print pass does not convert");
		return -1;
	}
	qpdf_oh f = qpdf_oh_get_key(q, d, "/Filter");
	int jpeg = qpdf_oh_is_or_has_name(q, f, "/DCTDecode");
	size_t npx = (size_t)w * (size_t)h;
	uint8_t *px = samples(q, img, npx * (size_t)comps, comps);
	if (!px || (mask && flatten(q, img, px, comps, w, h) < 0)) {
		free(px);
		snprintf(err, errn, "a picture (%dx%d) cannot be decoded", w, h);
		return -1;
	}
	uint8_t *out = px;
	if (rgb) {
		/* converted in place, the RGB moved to the end of the grown buffer:
		 * a 0.6 Mpixel picture then needs 2.4 MB at once, not 4.2 */
		out = realloc(px, npx * 4);
		if (out) {
			memmove(out + npx, out, npx * 3);
			np_colour_pixels(c, out + npx, out, npx);
		} else {
			free(px);
		}
		comps = 4;
	}
	size_t len = 0;
	int dct = 0;
	unsigned char *enc = NULL;
	if (out && comps == 4) {
		/* converted pixels are within the limit already; a CMYK one
		 * flattened for X-1a is held to it as a CMYK JPEG would be */
		double kept;
		np_colour_ink_limit(c, &kept);
		int limit = (int)(kept * 255);
		np_press_clamp_ink(out, npx, limit);
		enc = jpeg ? np_press_encode_cmyk_within(out, w, h, limit, &len, &dct)
			   : np_press_deflate(out, npx * 4, NP_PRESS_PICTURE_FLATE, &len);
	} else if (out) {
		enc = np_press_deflate(out, npx * (size_t)comps, NP_PRESS_PICTURE_FLATE, &len);
	}
	free(out);
	if (!enc) {
		snprintf(err, errn, "out of memory converting a picture");
		return -1;
	}
	store(q, img, enc, len, dct ? "/DCTDecode" : "/FlateDecode",
	      comps == 4 ? "/DeviceCMYK" : "/DeviceGray");
	return 0;
}
