/* stream.c - a document's PDF to any FILE*, with no temporary file and no
 * rename: the caller owns the stream (a memory stream for the fuzzer). The
 * metadata is render.c's, dates fixed, so the bytes are reproducible. */
#include <cairo-pdf.h>
#include <stdio.h>

#include "render/render_int.h"
#include "render/stream.h"

int np_render_pdf_stream(const struct np_doc *doc, FILE *fp, int debug)
{
	double w = doc->npages ? doc->pages[0].width : 612;
	double h = doc->npages ? doc->pages[0].height : 792;
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(np_write_fp, fp, w, h);
	np_pdf_metadata(s, doc->title, doc->author, doc->date);
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
