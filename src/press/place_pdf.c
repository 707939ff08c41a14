/* place_pdf.c - pages of other PDFs (advertisements, PDF pictures) placed on
 * our pages. Cairo 1.16 cannot draw a PDF page, so the renderer leaves the
 * slot empty and lists where each page goes; here each page becomes a form
 * XObject in our file (its content stream as one stream, its /Resources
 * copied with qpdf_oh_copy_foreign_object, its box as /BBox) and our page
 * gets a content stream that clips to the slot and draws it:
 *   /Contents [ q  <Cairo's streams>  Q  <ours> ]
 * so Cairo's coordinate change (it flips y) does not reach ours. A source
 * file is read once, and stays open until the output is written: qpdf copies
 * foreign stream data when it writes. */
#include "press/place.h"
#include "press/place_io.h"
#include "util/pdf_info.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct source {
	const char *path;
	qpdf_data q;
};

static qpdf_data source(struct source *s, size_t *ns, const char *path, char *why, size_t nwhy)
{
	for (size_t i = 0; i < *ns; i++)
		if (strcmp(s[i].path, path) == 0)
			return s[i].q;
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read(q, path, NULL) & QPDF_ERRORS) {
		np_place_failed(q, why, nwhy);
		qpdf_cleanup(&q);
		return NULL;
	}
	qpdf_push_inherited_attributes_to_page(q);
	s[*ns].path = path;
	s[(*ns)++].q = q;
	return q;
}

/* The source page as a form XObject in q; its box in bb, its /Rotate in
 * *rot. */
static qpdf_oh form(qpdf_data q, qpdf_data src, int page, double bb[4], int *rot, char *why,
		    size_t nwhy)
{
	qpdf_oh pg = qpdf_get_page_n(src, (size_t)(page - 1));
	*rot = np_pdf_page_rotate(src, pg);
	if (np_pdf_page_box(src, pg, bb) < 0) {
		snprintf(why, nwhy, "page %d has no usable MediaBox", page);
		return 0;
	}
	unsigned char *content = NULL;
	size_t len = 0;
	if (qpdf_oh_get_page_content_data(src, pg, &content, &len) & QPDF_ERRORS) {
		np_place_failed(src, why, nwhy);
		return 0;
	}
	/* the page object itself is copied (an indirect object, as qpdf wants;
	 * its /Parent is left behind), for its resources */
	qpdf_oh copy = qpdf_oh_copy_foreign_object(q, src, pg);
	qpdf_oh f = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, f, content, len, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	free(content);
	qpdf_oh d = qpdf_oh_get_dict(q, f);
	char bbox[160];
	snprintf(bbox, sizeof bbox, "[%.4f %.4f %.4f %.4f]", bb[0], bb[1], bb[2], bb[3]);
	qpdf_oh_replace_key(q, d, "/Type", qpdf_oh_new_name(q, "/XObject"));
	qpdf_oh_replace_key(q, d, "/Subtype", qpdf_oh_new_name(q, "/Form"));
	qpdf_oh_replace_key(q, d, "/BBox", qpdf_oh_parse(q, bbox));
	qpdf_oh res = qpdf_oh_get_key(q, copy, "/Resources");
	qpdf_oh_replace_key(q, d, "/Resources",
			    qpdf_oh_is_dictionary(q, res) ? res : qpdf_oh_new_dictionary(q));
	return f;
}

/* A content stream of text s, as a new stream object. */
static qpdf_oh text_stream(qpdf_data q, const char *s)
{
	qpdf_oh o = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, o, (const unsigned char *)s, strlen(s), qpdf_oh_new_null(q),
				    qpdf_oh_new_null(q));
	return o;
}

/* The page's /Resources /XObject dictionary, made when missing. */
static qpdf_oh xobjects(qpdf_data q, qpdf_oh page)
{
	qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources");
	if (!qpdf_oh_is_dictionary(q, res)) {
		res = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, page, "/Resources", res);
	}
	qpdf_oh x = qpdf_oh_get_key(q, res, "/XObject");
	if (!qpdf_oh_is_dictionary(q, x)) {
		x = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, res, "/XObject", x);
	}
	return x;
}

/* Our content after Cairo's: Cairo's wrapped in q ... Q. */
static void append_content(qpdf_data q, qpdf_oh page, const char *ours)
{
	qpdf_oh old = qpdf_oh_get_key(q, page, "/Contents");
	qpdf_oh arr = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, arr, text_stream(q, "q\n"));
	if (qpdf_oh_is_array(q, old)) {
		int n = qpdf_oh_get_array_n_items(q, old);
		for (int i = 0; i < n; i++)
			qpdf_oh_append_item(q, arr, qpdf_oh_get_array_item(q, old, i));
	} else if (qpdf_oh_is_stream(q, old)) {
		qpdf_oh_append_item(q, arr, old);
	}
	qpdf_oh_append_item(q, arr, text_stream(q, "Q\n"));
	qpdf_oh_append_item(q, arr, text_stream(q, ours));
	qpdf_oh_replace_key(q, page, "/Contents", arr);
}

/* Appends to buf (of cap bytes, *n used) the drawing of one placement: the
 * form's box bb, turned clockwise by rot as a viewer shows the page, scaled
 * into the placement's rectangle (the renderer sized it by the turned box). */
static void draw(char *buf, size_t cap, size_t *n, const struct np_pdf_placement *p,
		 const double bb[4], int rot, double page_h, int k)
{
	int turned = rot == 90 || rot == 270;
	double bw = bb[2] - bb[0], bh = bb[3] - bb[1];
	double s = p->w / (turned ? bh : bw), t = p->h / (turned ? bw : bh);
	double x0 = p->x, y0 = page_h - (p->y + p->h); /* the rectangle's lower left */
	double m[6];                                    /* a b c d e f of the cm */
	switch (rot) {
	case 90: /* the page's left edge on top */
		m[0] = 0, m[1] = -t, m[2] = s, m[3] = 0, m[4] = x0 - s * bb[1],
		m[5] = y0 + t * bb[2];
		break;
	case 180:
		m[0] = -s, m[1] = 0, m[2] = 0, m[3] = -t, m[4] = x0 + s * bb[2],
		m[5] = y0 + t * bb[3];
		break;
	case 270: /* the page's left edge at the foot */
		m[0] = 0, m[1] = t, m[2] = -s, m[3] = 0, m[4] = x0 + s * bb[3],
		m[5] = y0 - t * bb[0];
		break;
	default:
		m[0] = s, m[1] = 0, m[2] = 0, m[3] = t, m[4] = x0 - s * bb[0], m[5] = y0 - t * bb[1];
	}
	char cm[128];
	if (rot) /* the unturned page keeps its bytes of before */
		snprintf(cm, sizeof cm, "%.6f %.6f %.6f %.6f %.4f %.4f", m[0], m[1], m[2], m[3], m[4],
			 m[5]);
	else
		snprintf(cm, sizeof cm, "%.6f 0 0 %.6f %.4f %.4f", m[0], m[3], m[4], m[5]);
	int r = snprintf(buf + *n, cap - *n, "q %.4f %.4f %.4f %.4f re W n %s cm /NpPlaced%d Do Q\n",
			 p->clip_x, page_h - (p->clip_y + p->clip_h), p->clip_w, p->clip_h, cm, k);
	if (r > 0 && (size_t)r < cap - *n)
		*n += (size_t)r;
}

int np_place_pdf(const unsigned char *in, size_t len, const struct np_pdf_placement *v,
		 size_t n, unsigned char **out, size_t *outlen, char *why, size_t nwhy)
{
	qpdf_data q = np_place_open(in, len, why, nwhy);
	if (!q)
		return -1;
	struct source *src = calloc(n ? n : 1, sizeof *src);
	size_t nsrc = 0, cap = 256 * (n + 1); /* a placement's line is under 200 bytes */
	char *ours = malloc(cap);
	int rc = -1, pages = qpdf_get_num_pages(q);
	if (!src || !ours) {
		snprintf(why, nwhy, "out of memory");
		goto done;
	}
	/* placements come in page order: one content stream per page */
	for (size_t i = 0; i < n;) {
		int op = v[i].out_page;
		if (op < 0 || op >= pages) {
			snprintf(why, nwhy, "no page %d to place '%s' on", op + 1, v[i].path);
			goto done;
		}
		qpdf_oh page = qpdf_get_page_n(q, (size_t)op);
		double mb[4];
		if (np_pdf_page_box(q, page, mb) < 0) {
			snprintf(why, nwhy, "our page %d has no MediaBox", op + 1);
			goto done;
		}
		qpdf_oh xo = xobjects(q, page);
		size_t used = 0;
		for (; i < n && v[i].out_page == op; i++) {
			qpdf_data s = source(src, &nsrc, v[i].path, why, nwhy);
			double bb[4];
			int rot = 0;
			qpdf_oh f = s ? form(q, s, v[i].page, bb, &rot, why, nwhy) : 0;
			if (!f)
				goto done;
			char name[32];
			snprintf(name, sizeof name, "/NpPlaced%zu", i);
			qpdf_oh_replace_key(q, xo, name, f);
			draw(ours, cap, &used, &v[i], bb, rot, mb[3], (int)i);
		}
		ours[used] = 0;
		append_content(q, page, ours);
		if (np_place_failed(q, why, nwhy))
			goto done;
	}
	rc = np_place_write(q, out, outlen, why, nwhy);
	q = NULL; /* cleaned up by the writer */
done:
	if (q)
		qpdf_cleanup(&q);
	for (size_t i = 0; i < nsrc; i++)
		qpdf_cleanup(&src[i].q);
	free(src);
	free(ours);
	return rc;
}
