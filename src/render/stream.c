/* stream.c - a document's PDF to any FILE*, with no temporary file and no
 * rename: the caller owns the stream (a memory stream for the fuzzer). The
 * metadata is render.c's, dates fixed, so the bytes are reproducible. The PDF
 * is made in memory first when a post-step (render/post.h) must run over it. */
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>

#include "render/pictures.h"
#include "render/post.h"
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

static int draw(const struct np_doc *doc, FILE *fp, int debug, struct np_pictures *pics)
{
	double w = doc->npages ? doc->pages[0].width : 612;
	double h = doc->npages ? doc->pages[0].height : 792;
	struct sink k = {fp, 0};
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_sink, &k, w, h);
	np_pdf_metadata(s, doc->title, doc->author, doc->date);
	cairo_t *cr = cairo_create(s);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < doc->npages; i++) {
		cairo_pdf_surface_set_size(s, doc->pages[i].width, doc->pages[i].height);
		rc = np_draw_page(cr, &doc->pages[i], doc->layout, debug, pics);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	rc = rc == 0 && cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && !k.failed ? 0 : -1;
	cairo_surface_destroy(s);
	return rc;
}

int np_render_pdf_stream(const struct np_doc *doc, FILE *fp, int debug)
{
	double pw = 0, ph = 0;
	for (size_t i = 0; i < doc->npages; i++) {
		pw = doc->pages[i].width > pw ? doc->pages[i].width : pw;
		ph = doc->pages[i].height > ph ? doc->pages[i].height : ph;
	}
	struct np_pictures *pics = np_pictures_new(NP_FMT_PDF, 1, pw, ph, NULL);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = pics ? open_memstream(&buf, &len) : NULL;
	int rc = mem ? draw(doc, mem, debug, pics) : -1;
	if (mem && fclose(mem) != 0)
		rc = -1;
	char why[256];
	if (rc == 0 && np_post_needed(pics) &&
	    np_post_buffer((unsigned char **)&buf, &len, pics, why, sizeof why) < 0)
		rc = -1;
	if (rc == 0 && fwrite(buf, 1, len, fp) != len)
		rc = -1;
	free(buf);
	np_pictures_free(pics);
	return rc;
}
