/* jpeg_cmyk_limit.c - a CMYK JPEG over the ink limit brought under it.
 *
 * A CMYK JPEG is the photographer's or the agency's separation and passes
 * through the print pass untouched, unless somewhere its total ink exceeds
 * what the plant's paper takes (a 400% rich black in an advertiser's file):
 * then it is decoded (the /Decode of Adobe's inverted JPEGs honoured), each
 * pixel over the limit keeps its black and has its cyan, magenta and yellow
 * scaled down together into the room left (the hue kept, the shadows a little
 * flatter, as a separation with undercolour removal would print them), and
 * it is encoded again as a plain CMYK JPEG (no Adobe marker, no /Decode),
 * checked to stay within the limit once decoded (jpeg_within.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "press/images.h"
#include "press/ink_clamp.h"

/* /Decode [1 0 1 0 1 0 1 0]: the samples are stored inverted. */
static int inverted(qpdf_data q, qpdf_oh d)
{
	qpdf_oh dec = qpdf_oh_get_key(q, d, "/Decode");
	return qpdf_oh_is_array(q, dec) && qpdf_oh_get_array_n_items(q, dec) == 8 &&
	       qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, dec, 0)) > 0.5;
}

int np_press_cmyk_jpeg_limit(qpdf_data q, qpdf_oh img, double over, double limit, char *err,
			     size_t errn)
{
	qpdf_oh d = qpdf_oh_get_dict(q, img);
	int w = -1, h = -1;
	qpdf_oh wv = qpdf_oh_get_key(q, d, "/Width"), hv = qpdf_oh_get_key(q, d, "/Height");
	if (qpdf_oh_is_integer(q, wv) && qpdf_oh_is_integer(q, hv)) {
		w = qpdf_oh_get_int_value_as_int(q, wv);
		h = qpdf_oh_get_int_value_as_int(q, hv);
	}
	unsigned char *raw = NULL;
	size_t n = 0;
	if (w < 1 || h < 1 || qpdf_oh_is_dictionary(q, qpdf_oh_get_key(q, d, "/DecodeParms")) ||
	    (qpdf_oh_get_stream_data(q, img, qpdf_dl_none, NULL, &raw, &n) & QPDF_ERRORS)) {
		free(raw);
		snprintf(err, errn, "a CMYK JPEG cannot be read");
		return -1;
	}
	uint8_t *px = np_press_decode_jpeg(raw, n, (size_t)w * (size_t)h * 4, 4);
	free(raw);
	if (!px) {
		snprintf(err, errn, "a CMYK JPEG (%dx%d) cannot be decoded", w, h);
		return -1;
	}
	size_t npx = (size_t)w * (size_t)h;
	if (inverted(q, d))
		for (size_t i = 0; i < npx * 4; i++)
			px[i] = (uint8_t)(255 - px[i]);
	int max = 0, top = (int)(over * 255 + 0.5), room_all = (int)(limit * 255);
	for (size_t i = 0; i < npx; i++) {
		const uint8_t *p = px + 4 * i;
		int t = p[0] + p[1] + p[2] + p[3];
		max = t > max ? t : max;
	}
	if (max <= top) {
		free(px);
		return 0; /* within the limit: the file's own bytes, untouched */
	}
	np_press_clamp_ink(px, npx, room_all);
	size_t len = 0;
	int dct = 0;
	unsigned char *enc = np_press_encode_cmyk_within(px, w, h, room_all, &len, &dct);
	free(px);
	if (!enc) {
		snprintf(err, errn, "out of memory limiting the ink of a CMYK JPEG");
		return -1;
	}
	qpdf_oh_replace_stream_data(q, img, enc, len,
				    qpdf_oh_new_name(q, dct ? "/DCTDecode" : "/FlateDecode"),
				    qpdf_oh_new_null(q));
	free(enc);
	qpdf_oh_remove_key(q, d, "/Decode");
	qpdf_oh_remove_key(q, d, "/DecodeParms");
	return 0;
}
