/* place_io.h - what the post-steps of place.h share: a PDF read from memory
 * and written back to memory, qpdf's errors as text. Private to src/press/. */
#ifndef NP_PRESS_PLACE_IO_H
#define NP_PRESS_PLACE_IO_H

#include <qpdf/qpdf-c.h>
#include <stddef.h>

/* A qpdf handle over in (which must outlive it), warnings kept quiet; NULL
 * with why filled. */
qpdf_data np_place_open(const unsigned char *in, size_t len, char *why, size_t nwhy);
/* Writes q to a malloc'd buffer (deterministic /ID, streams as they are) and
 * cleans q up. 0, or -1 with why filled. */
int np_place_write(qpdf_data q, unsigned char **out, size_t *outlen, char *why, size_t nwhy);
/* 1 (with why filled from qpdf's error, which is consumed) when q has one. */
int np_place_failed(qpdf_data q, char *why, size_t nwhy);

#endif
