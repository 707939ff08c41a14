/* split.c - one page of a PDF as a PDF of its own: newspapers send the plant
 * a file a page. qpdf copies the page with what it uses into an empty
 * document; the document's output intent, XMP and /Info go with it, so each
 * file is as print-ready as the whole. */
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "press/press.h"

static int failed(qpdf_data q, const char *what, char *err, size_t errn)
{
	if (!qpdf_has_error(q))
		return 0;
	snprintf(err, errn, "%s: %s", what, qpdf_get_error_full_text(q, qpdf_get_error(q)));
	return 1;
}

int np_press_split_page(const unsigned char *in, size_t n, int page, unsigned char **out,
			size_t *outn, char *err, size_t errn)
{
	qpdf_data src = qpdf_init(), dst = qpdf_init();
	int rc = -1;
	*out = NULL;
	*outn = 0;
	qpdf_silence_errors(src);
	qpdf_silence_errors(dst);
	qpdf_set_suppress_warnings(src, QPDF_TRUE);
	qpdf_set_suppress_warnings(dst, QPDF_TRUE);
	if ((qpdf_read_memory(src, "the PDF", (const char *)in, (unsigned long long)n, NULL) &
	     QPDF_ERRORS) || page < 1 || page > qpdf_get_num_pages(src)) {
		if (!failed(src, "reading the PDF", err, errn))
			snprintf(err, errn, "no page %d", page);
		goto done;
	}
	qpdf_empty_pdf(dst);
	if (qpdf_add_page(dst, src, qpdf_get_page_n(src, (size_t)page - 1), QPDF_FALSE) &
	    QPDF_ERRORS) {
		failed(dst, "copying a page", err, errn);
		goto done;
	}
	/* the output intents: an array in the catalog, as in the whole file */
	qpdf_oh oi = qpdf_oh_get_key(src, qpdf_get_root(src), "/OutputIntents");
	if (qpdf_oh_is_array(src, oi)) {
		qpdf_oh arr = qpdf_oh_new_array(dst);
		for (int i = 0; i < qpdf_oh_get_array_n_items(src, oi); i++) {
			qpdf_oh item = qpdf_oh_get_array_item(src, oi, i);
			/* qpdf copies only indirect objects from one file to another */
			if (!qpdf_oh_is_indirect(src, item))
				item = qpdf_make_indirect_object(src, item);
			qpdf_oh_append_item(dst, arr, qpdf_oh_copy_foreign_object(dst, src, item));
		}
		qpdf_oh_replace_key(dst, qpdf_get_root(dst), "/OutputIntents", arr);
	}
	qpdf_oh xmp = qpdf_oh_get_key(src, qpdf_get_root(src), "/Metadata");
	if (qpdf_oh_is_stream(src, xmp))
		qpdf_oh_replace_key(dst, qpdf_get_root(dst), "/Metadata",
				    qpdf_oh_copy_foreign_object(dst, src, xmp));
	qpdf_oh info = qpdf_oh_get_key(src, qpdf_get_trailer(src), "/Info");
	if (qpdf_oh_is_dictionary(src, info) && !qpdf_oh_is_indirect(src, info))
		info = qpdf_make_indirect_object(src, info);
	if (qpdf_oh_is_dictionary(src, info))
		qpdf_oh_replace_key(dst, qpdf_get_trailer(dst), "/Info",
				    qpdf_oh_copy_foreign_object(dst, src, info));
	char version[16];
	snprintf(version, sizeof version, "%s", qpdf_get_pdf_version(src));
	if (failed(dst, "copying a page", err, errn) || (qpdf_init_write_memory(dst) & QPDF_ERRORS))
		goto done;
	qpdf_set_object_stream_mode(dst, qpdf_o_disable);
	qpdf_set_decode_level(dst, qpdf_dl_none);
	qpdf_set_deterministic_ID(dst, QPDF_TRUE);
	qpdf_force_pdf_version(dst, version);
	if (qpdf_write(dst) & QPDF_ERRORS) {
		failed(dst, "writing a page", err, errn);
		goto done;
	}
	*outn = qpdf_get_buffer_length(dst);
	if (!(*out = malloc(*outn ? *outn : 1))) {
		snprintf(err, errn, "out of memory");
		goto done;
	}
	memcpy(*out, qpdf_get_buffer(dst), *outn);
	rc = 0;
done:
	qpdf_cleanup(&src);
	qpdf_cleanup(&dst);
	return rc;
}
