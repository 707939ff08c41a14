/* pictures.c - the per-render picture cache (see pictures.h): one entry per
 * file identity, made on first use and kept until the render ends. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc/doc.h"
#include "press/place.h"
#include "render/jpeg_decode.h"
#include "render/pdf_preview.h"
#include "render/pictures.h"
#include "util/grow.h"
#include "util/jpeg_info.h"

struct entry {
	dev_t dev;
	ino_t ino;
	cairo_surface_t *surface; /* NULL: could not be decoded (warned) */
	unsigned char *bytes;     /* a JPEG's file, when the surface carries it */
	size_t len;
	unsigned page;            /* the page it was last drawn on */
	struct np_pdf_doc *doc;   /* a PDF in a preview */
	int failed;               /* a PDF that poppler cannot open (warned) */
};

struct np_pictures {
	enum np_format format;
	int min_w, min_h; /* a preview's decoded size covers a page */
	struct np_diags *d;
	struct entry *v;
	size_t n, cap;
	long long decoded;  /* pixels */
	unsigned page;      /* pages begun */
	const char *label;  /* of the page being drawn */
	int inverted_cmyk;
	struct np_pdf_placement *placed; /* PDF output: pages of PDFs to place */
	size_t nplaced, capplaced;
};

struct np_pictures *np_pictures_new(enum np_format format, double px_per_pt, double page_w,
				    double page_h, struct np_diags *d)
{
	struct np_pictures *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->format = format;
	p->min_w = (int)(page_w * px_per_pt + 1);
	p->min_h = (int)(page_h * px_per_pt + 1);
	p->d = d;
	return p;
}

void np_pictures_free(struct np_pictures *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].surface)
			cairo_surface_destroy(p->v[i].surface);
		free(p->v[i].bytes);
		np_pdf_preview_close(p->v[i].doc);
	}
	free(p->v);
	for (size_t i = 0; i < p->nplaced; i++)
		free(p->placed[i].path);
	free(p->placed);
	free(p);
}

void np_pictures_page(struct np_pictures *p, const char *label)
{
	p->page++;
	p->label = label;
}

int np_pictures_inverted_cmyk(const struct np_pictures *p)
{
	return p->inverted_cmyk;
}

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			unsigned char *b = realloc(buf, cap);
			if (!b) {
				free(buf);
				fclose(fp);
				return NULL;
			}
			buf = b;
		}
		size_t got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	int bad = ferror(fp);
	fclose(fp);
	if (bad) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

static void warn(struct np_pictures *p, const char *fmt, const char *path, const char *why)
{
	if (p->d)
		np_diag_add(p->d, NP_WARNING, NULL, fmt, path, why, p->label ? p->label : "?");
}

static int over_budget(struct np_pictures *p, const char *path, long long w, long long h)
{
	if (p->d)
		np_diag_add(p->d, NP_ERROR, NULL,
			    "picture '%s' (%lld x %lld pixels decoded) takes the pictures of this "
			    "output past their budget of %lld megapixels decoded (JPEGs in a PDF "
			    "do not count)", path, w, h, NP_RENDER_MAX_DECODED_PIXELS / 1000000);
	return -1;
}

/* A PDF's JPEG: its bytes on a 1 x 1 stand-in; Cairo writes them as they are
 * and places them by the drawing matrix, whatever the stand-in's size. */
static cairo_surface_t *stand_in(const unsigned char *bytes, size_t len)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	if (cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, bytes, len, NULL, NULL) !=
	    CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return NULL;
	}
	return s;
}

static int load_jpeg(struct np_pictures *p, struct entry *e, const char *path)
{
	char why[200];
	e->bytes = read_all(path, &e->len);
	if (!e->bytes) {
		warn(p, "picture '%s' cannot be read (%s): left out of page %s", path,
		     strerror(errno ? errno : EIO));
		return 0;
	}
	if (p->format == NP_FMT_PDF) {
		struct np_jpeg_info info;
		if (np_jpeg_info_mem(e->bytes, e->len, &info) < 0) {
			warn(p, "picture '%s' cannot be decoded (%s): left out of page %s", path,
			     info.why);
			return 0;
		}
		p->inverted_cmyk |= np_jpeg_inverted(&info);
		e->surface = stand_in(e->bytes, e->len);
		return 0;
	}
	int damaged, over;
	e->surface = np_jpeg_decode(e->bytes, e->len, p->min_w, p->min_h,
				    NP_RENDER_MAX_DECODED_PIXELS - p->decoded, &damaged, &over, why,
				    sizeof why);
	if (over) {
		struct np_jpeg_info info;
		np_jpeg_info_mem(e->bytes, e->len, &info);
		return over_budget(p, path, info.width, info.height);
	}
	if (!e->surface) {
		warn(p, "picture '%s' cannot be decoded (%s): left out of page %s", path, why);
		return 0;
	}
	if (damaged)
		warn(p, "picture '%s' is damaged (%s): drawn as far as it could be read, "
		     "first on page %s", path, why);
	p->decoded += (long long)cairo_image_surface_get_width(e->surface) *
		      cairo_image_surface_get_height(e->surface);
	/* an SVG carries a grey or RGB JPEG's own bytes (sharper than the
	 * decoded preview); a CMYK one, which browsers show unevenly, is
	 * written from the decoded pixels */
	struct np_jpeg_info info;
	if (p->format == NP_FMT_SVG && np_jpeg_info_mem(e->bytes, e->len, &info) == 0 &&
	    info.components != 4 &&
	    cairo_surface_set_mime_data(e->surface, CAIRO_MIME_TYPE_JPEG, e->bytes, e->len, NULL,
					NULL) == CAIRO_STATUS_SUCCESS)
		return 0;
	free(e->bytes);
	e->bytes = NULL;
	return 0;
}

/* The size a PNG's header declares (the parser checked it is there). */
static int png_size(const char *path, long long *w, long long *h)
{
	unsigned char b[24];
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	size_t n = fread(b, 1, sizeof b, fp);
	fclose(fp);
	if (n != sizeof b)
		return -1;
	*w = (long long)b[16] << 24 | b[17] << 16 | b[18] << 8 | b[19];
	*h = (long long)b[20] << 24 | b[21] << 16 | b[22] << 8 | b[23];
	return 0;
}

/* A preview's PNG larger than the page needs, scaled down once (libpng has
 * no scaled decoding), so that each drawing of it filters a page's pixels,
 * not the file's. Takes s. */
static cairo_surface_t *shrink(cairo_surface_t *s, int min_w, int min_h)
{
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	double f = (double)min_w / w > (double)min_h / h ? (double)min_w / w : (double)min_h / h;
	if (f > 0.5)
		return s; /* not worth a pass */
	int sw = (int)(w * f + 1), sh = (int)(h * f + 1);
	cairo_surface_t *t = cairo_image_surface_create(cairo_image_surface_get_format(s), sw, sh);
	cairo_t *cr = cairo_create(t);
	cairo_scale(cr, (double)sw / w, (double)sh / h);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
	cairo_paint(cr);
	cairo_destroy(cr);
	if (cairo_surface_status(t) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(t);
		return s;
	}
	cairo_surface_destroy(s);
	return t;
}

static int load_png(struct np_pictures *p, struct entry *e, const char *path)
{
	long long w, h;
	if (png_size(path, &w, &h) < 0) {
		warn(p, "picture '%s' cannot be read (%s): left out of page %s", path,
		     "no header");
		return 0;
	}
	if (w * h > NP_RENDER_MAX_DECODED_PIXELS - p->decoded)
		return over_budget(p, path, w, h);
	cairo_surface_t *s = cairo_image_surface_create_from_png(path);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		warn(p, "picture '%s' cannot be decoded (%s): left out of page %s", path,
		     cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return 0;
	}
	e->surface = p->format == NP_FMT_PDF ? s : shrink(s, p->min_w, p->min_h);
	p->decoded += w * h;
	return 0;
}

static int is_jpeg(const char *path)
{
	unsigned char sig[3] = {0};
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return 0;
	size_t n = fread(sig, 1, sizeof sig, fp);
	fclose(fp);
	return n == 3 && sig[0] == 0xff && sig[1] == 0xd8 && sig[2] == 0xff;
}

/* The entry of the file at path, made empty when new (*fresh set); NULL
 * when it cannot be read or out of memory (warned). */
static struct entry *find(struct np_pictures *p, const char *path, int *fresh)
{
	struct stat st;
	*fresh = 0;
	if (stat(path, &st) < 0) {
		warn(p, "picture '%s' cannot be read (%s): left out of page %s", path,
		     strerror(errno));
		return NULL;
	}
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].dev == st.st_dev && p->v[i].ino == st.st_ino)
			return &p->v[i];
	if (np_grow((void **)&p->v, &p->cap, p->n, sizeof *p->v, 8) < 0) {
		warn(p, "picture '%s' cannot be read (%s): left out of page %s", path,
		     "out of memory");
		return NULL;
	}
	*fresh = 1;
	struct entry *e = &p->v[p->n++];
	*e = (struct entry){.dev = st.st_dev, .ino = st.st_ino};
	return e;
}

int np_pictures_get(struct np_pictures *p, const char *path, cairo_surface_t **out, int *again)
{
	*out = NULL;
	*again = 0;
	int fresh;
	struct entry *e = find(p, path, &fresh);
	if (!e)
		return 0;
	if (fresh && (is_jpeg(path) ? load_jpeg(p, e, path) : load_png(p, e, path)) < 0)
		return -1;
	if (!e->surface)
		return 0;
	*out = cairo_surface_reference(e->surface);
	*again = e->page == p->page;
	e->page = p->page;
	return 0;
}

int np_pictures_pdf(struct np_pictures *p, cairo_t *cr, const struct np_frame *f)
{
	if (p->format == NP_FMT_PDF) {
		if (np_grow((void **)&p->placed, &p->capplaced, p->nplaced, sizeof *p->placed, 8) < 0) {
			if (p->d)
				np_diag_add(p->d, NP_ERROR, NULL, "out of memory");
			return -1;
		}
		struct np_pdf_placement *pl = &p->placed[p->nplaced];
		*pl = (struct np_pdf_placement){
			.path = strdup(f->image), .page = f->image_page, .out_page = (int)p->page - 1,
			.x = f->img_x, .y = f->img_y, .w = f->img_w, .h = f->img_h,
			.clip_x = f->x, .clip_y = f->clip_y, .clip_w = f->w, .clip_h = f->clip_h};
		if (!pl->path) {
			if (p->d)
				np_diag_add(p->d, NP_ERROR, NULL, "out of memory");
			return -1;
		}
		p->nplaced++;
		return 0;
	}
	int fresh;
	struct entry *e = find(p, f->image, &fresh);
	if (!e || e->failed)
		return 0;
	char why[200];
	if (fresh && !(e->doc = np_pdf_preview_open(f->image, why, sizeof why))) {
		e->failed = 1;
		warn(p, "picture '%s' cannot be drawn (%s): left out of page %s", f->image, why);
		return 0;
	}
	cairo_save(cr);
	cairo_rectangle(cr, f->x, f->clip_y, f->w, f->clip_h);
	cairo_clip(cr);
	if (np_pdf_preview_draw(e->doc, f->image_page, cr, f->img_x, f->img_y, f->img_w,
				f->img_h) < 0)
		warn(p, "picture '%s' cannot be drawn (%s): left out of page %s", f->image,
		     "no such page");
	cairo_restore(cr);
	return 0;
}

const struct np_pdf_placement *np_pictures_placements(const struct np_pictures *p, size_t *n)
{
	*n = p->nplaced;
	return p->placed;
}
