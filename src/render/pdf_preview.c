/* pdf_preview.c - PDF pages drawn onto Cairo by poppler-glib, vectors and
 * all (an SVG preview keeps them as vectors). */
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>

#include "render/pdf_preview.h"

struct np_pdf_doc {
	PopplerDocument *doc;
};

struct np_pdf_doc *np_pdf_preview_open(const char *path, char *why, size_t nwhy)
{
	gchar *data = NULL;
	gsize len = 0;
	GError *err = NULL;
	if (!g_file_get_contents(path, &data, &len, &err)) {
		snprintf(why, nwhy, "%s", err->message);
		g_error_free(err);
		return NULL;
	}
	GBytes *bytes = g_bytes_new_take(data, len); /* the document keeps a reference */
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	g_bytes_unref(bytes);
	struct np_pdf_doc *d = doc ? malloc(sizeof *d) : NULL;
	if (!d) {
		snprintf(why, nwhy, "%s", err ? err->message : "out of memory");
		if (err)
			g_error_free(err);
		if (doc)
			g_object_unref(doc);
		return NULL;
	}
	d->doc = doc;
	return d;
}

int np_pdf_preview_draw(struct np_pdf_doc *d, int page, cairo_t *cr, double x, double y,
			double w, double h)
{
	PopplerPage *pg = poppler_document_get_page(d->doc, page - 1);
	if (!pg)
		return -1;
	double pw, ph;
	poppler_page_get_size(pg, &pw, &ph);
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, w / pw, h / ph);
	cairo_rectangle(cr, 0, 0, pw, ph);
	cairo_clip(cr);
	poppler_page_render(pg, cr);
	cairo_restore(cr);
	g_object_unref(pg);
	return 0;
}

void np_pdf_preview_close(struct np_pdf_doc *d)
{
	if (!d)
		return;
	g_object_unref(d->doc);
	free(d);
}
