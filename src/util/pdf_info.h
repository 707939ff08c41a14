/* pdf_info.h - what a PDF used as a picture or an advertisement offers: its
 * page count and the size of a page, read with libqpdf (no PDF parser of our
 * own). */
#ifndef NP_PDF_INFO_H
#define NP_PDF_INFO_H

struct np_pdf_info {
	int npages;
	double box[4]; /* the page's CropBox (else MediaBox): x0 y0 x1 y1, pt */
	char why[200]; /* on failure */
};

/* 1 when the file at path starts like a PDF ("%PDF-"). */
int np_pdf_sniff(const char *path);
/* Reads path and, when page is in 1..npages, that page's box. 0, or -1 with
 * why filled (unreadable file, no pages, a box of no area). A page out of
 * range is not an error here: npages says so and box is zero. */
int np_pdf_info(const char *path, int page, struct np_pdf_info *out);

#endif
