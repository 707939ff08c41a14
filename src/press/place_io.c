/* place_io.c - reading and writing PDF bytes with libqpdf for the post-steps. */
#include "press/place_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int np_place_failed(qpdf_data q, char *why, size_t nwhy)
{
	if (!qpdf_has_error(q))
		return 0;
	qpdf_error e = qpdf_get_error(q);
	snprintf(why, nwhy, "%s", e ? qpdf_get_error_full_text(q, e) : "qpdf failed");
	return 1;
}

qpdf_data np_place_open(const unsigned char *in, size_t len, char *why, size_t nwhy)
{
	qpdf_data q = qpdf_init();
	if (!q) {
		snprintf(why, nwhy, "out of memory");
		return NULL;
	}
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, "PDF", (const char *)in, len, NULL) & QPDF_ERRORS) {
		np_place_failed(q, why, nwhy);
		qpdf_cleanup(&q);
		return NULL;
	}
	return q;
}

int np_place_write(qpdf_data q, unsigned char **out, size_t *outlen, char *why, size_t nwhy)
{
	*out = NULL;
	int rc = -1;
	if (qpdf_init_write_memory(q) & QPDF_ERRORS) {
		np_place_failed(q, why, nwhy);
		goto done;
	}
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_set_decode_level(q, qpdf_dl_none); /* streams copied, not recompressed */
	qpdf_set_object_stream_mode(q, qpdf_o_preserve);
	if (qpdf_write(q) & QPDF_ERRORS) {
		np_place_failed(q, why, nwhy);
		goto done;
	}
	*outlen = qpdf_get_buffer_length(q);
	*out = malloc(*outlen ? *outlen : 1);
	if (!*out) {
		snprintf(why, nwhy, "out of memory");
		goto done;
	}
	memcpy(*out, qpdf_get_buffer(q), *outlen);
	rc = 0;
done:
	qpdf_cleanup(&q);
	return rc;
}
