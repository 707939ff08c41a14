/* place.h - post-steps over the plain PDF Cairo wrote: bytes in, bytes out,
 * with libqpdf. They put into the file what Cairo 1.16 cannot write (the
 * /Decode of Adobe's inverted CMYK JPEGs; PDF pages placed as form XObjects)
 * and run before the PDF/X print pass, so plain PDF gets them too. Each writes
 * deterministic output (qpdf's deterministic /ID, streams left encoded). */
#ifndef NP_PRESS_PLACE_H
#define NP_PRESS_PLACE_H

#include <stddef.h>

/* Adds /Decode [1 0 1 0 1 0 1 0] to every DCTDecode /DeviceCMYK image whose
 * JPEG has an Adobe marker (stored inverted) and has no /Decode yet. *out is
 * malloc'd. 0, or -1 with why filled. */
int np_place_jpeg_cmyk(const unsigned char *in, size_t len, unsigned char **out,
		       size_t *outlen, char *why, size_t nwhy);

#endif
