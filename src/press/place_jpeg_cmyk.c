/* place_jpeg_cmyk.c - Adobe's inverted CMYK JPEGs in a PDF. Cairo passes a
 * CMYK JPEG through as a DCTDecode /DeviceCMYK image, but a file written by
 * Photoshop (an Adobe APP14 marker) stores its inks inverted, and a PDF shows
 * it as a negative unless the image says /Decode [1 0 1 0 1 0 1 0]. This step
 * finds those images by their own bytes (libjpeg reads the header) and adds
 * the key; nothing else in the file changes. */
#include "press/place.h"
#include "press/place_io.h"
#include "util/jpeg_info.h"

#include <stdio.h>
#include <stdlib.h>

static int is_cmyk_dct(qpdf_data q, qpdf_oh o)
{
	if (!qpdf_oh_is_stream(q, o))
		return 0;
	qpdf_oh dict = qpdf_oh_get_dict(q, o);
	int yes = qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, dict, "/Subtype"), "/Image") &&
		  qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, dict, "/Filter"), "/DCTDecode") &&
		  qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, dict, "/ColorSpace"),
					     "/DeviceCMYK") &&
		  !qpdf_oh_has_key(q, dict, "/Decode");
	return yes;
}

static int inverted(qpdf_data q, qpdf_oh o)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	QPDF_BOOL filtered = QPDF_FALSE;
	if (qpdf_oh_get_stream_data(q, o, qpdf_dl_none, &filtered, &buf, &len) & QPDF_ERRORS)
		return 0;
	struct np_jpeg_info info;
	int yes = np_jpeg_info_mem(buf, len, &info) == 0 && np_jpeg_inverted(&info);
	free(buf);
	return yes;
}

int np_place_jpeg_cmyk(const unsigned char *in, size_t len, unsigned char **out,
		       size_t *outlen, char *why, size_t nwhy)
{
	qpdf_data q = np_place_open(in, len, why, nwhy);
	if (!q)
		return -1;
	/* every object, not only the pages' resources: Cairo may put a page's
	 * drawing, pictures included, in a form XObject of its own */
	int size = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Size"));
	for (int id = 1; id < size; id++) {
		qpdf_oh o = qpdf_get_object_by_id(q, id, 0);
		if (is_cmyk_dct(q, o) && inverted(q, o))
			qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, o), "/Decode",
					    qpdf_oh_parse(q, "[1 0 1 0 1 0 1 0]"));
		qpdf_oh_release_all(q);
	}
	if (np_place_failed(q, why, nwhy)) {
		qpdf_cleanup(&q);
		return -1;
	}
	return np_place_write(q, out, outlen, why, nwhy);
}
