/* pdf_info.h - what a PDF used as a picture or an advertisement offers: its
 * page count and the size of a page, read with libqpdf (no PDF parser of our
 * own). */
#ifndef NP_PDF_INFO_H
#define NP_PDF_INFO_H

#include <qpdf/qpdf-c.h>

struct np_pdf_info {
	int npages;
	double box[4]; /* the page's CropBox (else MediaBox): x0 y0 x1 y1, pt */
	int rotate;    /* its /Rotate, clockwise: 0, 90, 180 or 270 */
	char why[200]; /* on failure */
};

/* 1 when the file at path starts like a PDF ("%PDF-"). */
int np_pdf_sniff(const char *path);
/* Reads path and, when page is in 1..npages, that page's box. 0, or -1 with
 * why filled (unreadable file, no pages, a box of no area). A page out of
 * range is not an error here: npages says so and box is zero. */
int np_pdf_info(const char *path, int page, struct np_pdf_info *out);
/* A page's /Rotate (inherited ones pushed to the page first) as 0, 90, 180
 * or 270: a viewer turns the page clockwise by it; anything not a multiple
 * of 90 is ignored, as viewers do. */
int np_pdf_page_rotate(qpdf_data q, qpdf_oh page);
/* A page's box as a viewer takes it: the CropBox within the MediaBox, else
 * the MediaBox; x0 y0 x1 y1 ordered. 0, or -1 when neither has an area. */
int np_pdf_page_box(qpdf_data q, qpdf_oh page, double out[4]);

#endif
