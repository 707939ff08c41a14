/* stream.c - a document's PDF to any FILE*, with no temporary file and no
 * rename: the caller owns the stream (a memory stream for the fuzzer). The
 * metadata is render.c's, dates fixed, so the bytes are reproducible. */
#include <cairo-pdf.h>
#include <stdio.h>

#include "render/render_int.h"
#include "render/stream.h"

/* The stream and whether a write to it failed: Cairo 1.16 may finish with
 * success after its write callback failed. */
struct sink {
	FILE *fp;
	int failed;
};

static cairo_status_t write_sink(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *k = closure;
	if (np_write_fp(k->fp, data, len) != CAIRO_STATUS_SUCCESS)
		k->failed = 1;
	return k->failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

int np_render_pdf_stream(const struct np_doc *doc, FILE *fp, int debug)
{
	double w = doc->npages ? doc->pages[0].width : 612;
	double h = doc->npages ? doc->pages[0].height : 792;
	struct sink k = {fp, 0};
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_sink, &k, w, h);
	np_pdf_metadata(s, doc->title, doc->author, doc->date);
	cairo_t *cr = cairo_create(s);
	for (size_t i = 0; i < doc->npages; i++) {
		cairo_pdf_surface_set_size(s, doc->pages[i].width, doc->pages[i].height);
		np_draw_page(cr, &doc->pages[i], doc->layout, debug);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	int rc = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && !k.failed ? 0 : -1;
	cairo_surface_destroy(s);
	return rc;
}
