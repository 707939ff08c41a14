/* pdf_info.c - a PDF's page count and page box through libqpdf's C API. */
#include "util/pdf_info.h"

#include <stdio.h>
#include <string.h>

int np_pdf_sniff(const char *path)
{
	char b[5];
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t n = fread(b, 1, sizeof b, f);
	fclose(f);
	return n == sizeof b && memcmp(b, "%PDF-", 5) == 0;
}

static int box(qpdf_data q, qpdf_oh page, const char *key, double out[4])
{
	qpdf_oh b = qpdf_oh_get_key(q, page, key);
	if (!qpdf_oh_is_array(q, b) || qpdf_oh_get_array_n_items(q, b) != 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		qpdf_oh v = qpdf_oh_get_array_item(q, b, i);
		if (!qpdf_oh_is_number(q, v))
			return -1;
		out[i] = qpdf_oh_get_numeric_value(q, v);
	}
	double t;
	if (out[0] > out[2])
		t = out[0], out[0] = out[2], out[2] = t;
	if (out[1] > out[3])
		t = out[1], out[1] = out[3], out[3] = t;
	return out[2] - out[0] > 0.01 && out[3] - out[1] > 0.01 ? 0 : -1;
}

int np_pdf_page_rotate(qpdf_data q, qpdf_oh page)
{
	qpdf_oh r = qpdf_oh_get_key(q, page, "/Rotate");
	if (!qpdf_oh_is_integer(q, r))
		return 0;
	long long v = qpdf_oh_get_int_value(q, r);
	if (v % 90)
		return 0;
	return (int)(((v % 360) + 360) % 360);
}

int np_pdf_page_box(qpdf_data q, qpdf_oh page, double out[4])
{
	double media[4];
	if (box(q, page, "/MediaBox", media) < 0)
		return box(q, page, "/CropBox", out); /* no MediaBox: a broken file, taken kindly */
	if (box(q, page, "/CropBox", out) == 0) {
		/* a CropBox reaching past the MediaBox is cut to it (ISO 32000 14.11.2) */
		for (int i = 0; i < 2; i++) {
			out[i] = out[i] > media[i] ? out[i] : media[i];
			out[i + 2] = out[i + 2] < media[i + 2] ? out[i + 2] : media[i + 2];
		}
		if (out[2] - out[0] > 0.01 && out[3] - out[1] > 0.01)
			return 0;
	}
	for (int i = 0; i < 4; i++)
		out[i] = media[i];
	return 0;
}

int np_pdf_info(const char *path, int page, struct np_pdf_info *out)
{
	memset(out, 0, sizeof *out);
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	int rc = -1;
	if (qpdf_read(q, path, NULL) & QPDF_ERRORS)
		goto fail;
	qpdf_push_inherited_attributes_to_page(q); /* boxes set on /Pages */
	out->npages = qpdf_get_num_pages(q);
	if (qpdf_has_error(q) || out->npages < 1) {
		if (!qpdf_has_error(q))
			snprintf(out->why, sizeof out->why, "it has no pages");
		goto fail;
	}
	if (page < 1 || page > out->npages) {
		rc = 0;
		goto done;
	}
	qpdf_oh pg = qpdf_get_page_n(q, (size_t)(page - 1));
	if (np_pdf_page_box(q, pg, out->box) < 0) {
		snprintf(out->why, sizeof out->why, "page %d has no usable MediaBox", page);
		goto fail;
	}
	out->rotate = np_pdf_page_rotate(q, pg);
	rc = qpdf_has_error(q) ? -1 : 0;
fail:
	if (qpdf_has_error(q)) {
		qpdf_error e = qpdf_get_error(q);
		snprintf(out->why, sizeof out->why, "%s",
			 e ? qpdf_get_error_message_detail(q, e) : "qpdf cannot read it");
		rc = -1;
	}
done:
	qpdf_cleanup(&q);
	return rc;
}
