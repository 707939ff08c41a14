/* press.h - the print pass: the PDF Cairo made, in memory, to the file a
 * printing plant receives (PDF/X-1a or PDF/X-4, CMYK, black on the black
 * plate, trim and bleed boxes, crop marks).
 *
 * Bytes in, bytes out: the pass knows nothing of files or of the layout's
 * objects beyond the options below, so the writer that commits outputs can
 * call it wherever it holds a PDF. Built on libqpdf (reading, objects,
 * deterministic writing) and Little CMS (colour); it parses and writes no
 * PDF syntax of its own beyond the operators of a content stream.
 */
#ifndef NP_PRESS_H
#define NP_PRESS_H

#include <stddef.h>

#include "model/model.h"

/* A colour the layout gave as CMYK or grey: where Cairo drew rgb, the pass
 * writes cmyk exactly (0..1 each). */
struct np_press_ink {
	double rgb[3];
	double cmyk[4];
};

struct np_press_opts {
	enum np_pdfx pdfx;             /* NP_PDFX_1A or NP_PDFX_4 */
	const char *profile;           /* ICC output profile path, or NULL */
	const char *condition;         /* OutputConditionIdentifier, or NULL */
	double bleed;                  /* pt */
	int crop_marks;
	double ink_limit;              /* percent, e.g. 240 */
	const char *title;             /* /Title (the document's), or NULL */
	const struct np_press_ink *inks;
	size_t ninks;
	/* Called, when set, for each PDF placed by np_place_pdf (its form named
	 * /NpPlacedN: n is that N) whose colours had RGB to convert; ctx is
	 * passed back. */
	void (*placed_rgb)(void *ctx, size_t n);
	void *ctx;
};

/* A registered characterisation name the pass knows (IFRA26, FOGRA39, ...)
 * or NULL: with X-1a such a name may stand without a profile. */
const char *np_press_registered(const char *condition);

/* The inks of a layout's CMYK and grey style colours; *n set. Caller frees. */
struct np_press_ink *np_press_layout_inks(const struct np_layout *l, size_t *n);

/* Runs the pass over in[0..n). On success returns 0 with *out (malloc'd,
 * caller frees) and *outn. On failure returns -1 with a message in err
 * (at most errn bytes). */
int np_press_run(const unsigned char *in, size_t n, const struct np_press_opts *o,
		 unsigned char **out, size_t *outn, char *err, size_t errn);

/* One page (1-based) of a PDF as a PDF of its own, with the document's
 * output intent, XMP and /Info (split.c). Same contract as np_press_run. */
int np_press_split_page(const unsigned char *in, size_t n, int page, unsigned char **out,
			size_t *outn, char *err, size_t errn);

#endif
