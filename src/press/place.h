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

/* A page of another PDF to place on a page of ours. Lengths in pt, from the
 * top-left corner of our page, y down (the frames' coordinates). */
struct np_pdf_placement {
	char *path;      /* the PDF (owned by whoever made the list) */
	int page;        /* its page, 1-based */
	int out_page;    /* our page, 0-based */
	double x, y, w, h;                   /* where its page box is drawn */
	double clip_x, clip_y, clip_w, clip_h; /* the part shown */
};

/* Places each page of v (n of them) on its page of in: the page becomes a
 * form XObject (its content, its resources copied by qpdf, its box as
 * /BBox), drawn scaled into its rectangle and clipped, after what Cairo drew
 * (in a q/Q of its own). *out is malloc'd. 0, or -1 with why filled. */
int np_place_pdf(const unsigned char *in, size_t len, const struct np_pdf_placement *v,
		 size_t n, unsigned char **out, size_t *outlen, char *why, size_t nwhy);

#endif
