/* stream.c - a document's PDF to any FILE*, with no temporary file and no
 * rename: the caller owns the stream (a memory stream for the fuzzer). The
 * metadata dates are fixed as in render.c, so the bytes are reproducible. */
#include <cairo-pdf.h>
#include <stdio.h>
#include <string.h>

#include "np_config.h"
#include "render/render_int.h"
#include "render/stream.h"

static cairo_status_t put(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
						     : CAIRO_STATUS_WRITE_ERROR;
}

static void metadata(cairo_surface_t *s, const struct np_doc *doc)
{
	char date[32];
	const char *d = doc->date && strlen(doc->date) >= 10 ? doc->date : "1970-01-01";
	snprintf(date, sizeof date, "%.10sT00:00:00", d);
	if (doc->title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, doc->title);
	if (doc->author)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, doc->author);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "newsprint " NP_VERSION);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
}

int np_render_pdf_stream(const struct np_doc *doc, FILE *fp, int debug)
{
	double w = doc->npages ? doc->pages[0].width : 612;
	double h = doc->npages ? doc->pages[0].height : 792;
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(put, fp, w, h);
	metadata(s, doc);
	cairo_t *cr = cairo_create(s);
	for (size_t i = 0; i < doc->npages; i++) {
		cairo_pdf_surface_set_size(s, doc->pages[i].width, doc->pages[i].height);
		np_draw_page(cr, &doc->pages[i], doc->layout, debug);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	int rc = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(s);
	return rc;
}
