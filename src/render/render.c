/* render.c - documents to files: PDF (all pages, fonts embedded and subset,
 * fixed metadata dates so identical input gives identical bytes), PNG and SVG
 * (one file per page). */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "np_config.h"
#include "press/place.h"
#include "render/pictures.h"
#include "render/post.h"
#include "render/render_int.h"
#include "util/atomic.h"
#include "render/proof.h"
#include "util/outputs.h"

int np_format_from_path(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return -1;
	if (strcmp(dot, ".pdf") == 0 || strcmp(dot, ".PDF") == 0)
		return NP_FMT_PDF;
	if (strcmp(dot, ".png") == 0 || strcmp(dot, ".PNG") == 0)
		return NP_FMT_PNG;
	if (strcmp(dot, ".svg") == 0 || strcmp(dot, ".SVG") == 0)
		return NP_FMT_SVG;
	return -1;
}

char *np_page_path(const char *path, int page)
{
	const char *dot = strrchr(path, '.');
	size_t stem = dot ? (size_t)(dot - path) : strlen(path);
	size_t n = strlen(path) + 16;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%.*s-%d%s", (int)stem, path, page, dot ? dot : "");
	return s;
}

cairo_status_t np_write_fp(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

int np_path_per_page(const char *path)
{
	return strstr(path, "{label}") || strstr(path, "{page}");
}

char *np_page_name_fill(const char *path, const struct np_page_name *pg)
{
	char num[16];
	snprintf(num, sizeof num, "%d", pg->number);
	size_t n = strlen(path) + 1;
	for (const char *s = path; (s = strchr(s, '{')); s++)
		n += sizeof pg->label + sizeof num;
	char *out = malloc(n), *o = out;
	for (const char *s = path; out && *s;) {
		const char *with = !strncmp(s, "{label}", 7) ? pg->label
				   : !strncmp(s, "{page}", 6) ? num : NULL;
		if (!with) {
			*o++ = *s++;
			continue;
		}
		/* a label is a file name's part, never a folder */
		for (; *with; with++)
			*o++ = *with == '/' ? '-' : *with;
		s += s[1] == 'l' ? 7 : 6;
	}
	if (out)
		*o = 0;
	return out;
}

cairo_status_t np_write_atomic(void *closure, const unsigned char *data, unsigned int len)
{
	return np_atomic_write(closure, data, len) == 0 ? CAIRO_STATUS_SUCCESS
							 : CAIRO_STATUS_WRITE_ERROR;
}

static int selected(const struct np_render_opts *o, int page)
{
	return !o->pages || ((size_t)page < o->npages_sel && o->pages[page]);
}

static void progress(const struct np_render_opts *o, const struct np_doc *doc, int page)
{
	if (!o->progress)
		return;
	int done = 0, total = 0;
	for (size_t i = 0; i < doc->npages; i++) {
		total += selected(o, doc->pages[i].number);
		done += selected(o, doc->pages[i].number) && doc->pages[i].number <= page;
	}
	o->progress(o->progress_ctx, done, total);
}

/* "2024-10-15" -> "2024-10-15T00:00:00"; the epoch when there is no date. */
static void pdf_date(const char *date, char *out, size_t n)
{
	snprintf(out, n, "%.10sT00:00:00", date && strlen(date) >= 10 ? date : "1970-01-01");
}

/* One outline entry per page, and under it one per story that starts there,
 * pointing at the written pages (a --pages selection renumbers them). */
static void outline(cairo_surface_t *s, const struct np_doc *doc, const struct np_render_opts *o)
{
	int *ids = calloc(doc->npages + 1, sizeof *ids), *out = calloc(doc->npages + 1, sizeof *out);
	for (size_t p = 1; ids && out && p <= doc->npages; p++)
		out[p] = out[p - 1] + selected(o, (int)p);
	for (int level = 0; ids && out && level < 2; level++)
		for (size_t i = 0; i < doc->noutline; i++) {
			const struct np_outline *e = &doc->outline[i];
			if (e->level != level || e->page < 1 || (size_t)e->page > doc->npages ||
			    !selected(o, e->page))
				continue;
			char link[64];
			snprintf(link, sizeof link, "page=%d pos=[0 %.1f]", out[e->page], e->y);
			int parent = level ? ids[e->page] : CAIRO_PDF_OUTLINE_ROOT;
			int id = cairo_pdf_surface_add_outline(s, parent, e->title, link,
							       level ? 0 : CAIRO_PDF_OUTLINE_FLAG_OPEN);
			if (level == 0)
				ids[e->page] = id;
		}
	free(ids);
	free(out);
}

/* *drawn: -1 when the pictures' budget stopped the page (they said why). */
static cairo_status_t write_png(const struct np_page *pg, const struct np_layout *l, FILE *fp,
				const struct np_render_opts *o, struct np_pictures *pics,
				struct np_proof *proof, int *drawn)
{
	double scale = (o->dpi > 0 ? o->dpi : 96) / 72.0;
	int w = (int)(pg->width * scale + 0.5), h = (int)(pg->height * scale + 0.5);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	*drawn = np_draw_page(cr, pg, l, o->debug, pics);
	if (*drawn == 0 && proof)
		np_proof_page(proof, cr, pg);
	cairo_destroy(cr);
	cairo_status_t st = cairo_surface_status(s);
	if (*drawn == 0 && st == CAIRO_STATUS_SUCCESS && np_png_write(s, fp) < 0)
		st = CAIRO_STATUS_WRITE_ERROR;
	cairo_surface_destroy(s);
	return st;
}

static cairo_status_t write_svg(const struct np_page *pg, const struct np_layout *l,
				struct np_atomic *a, const struct np_render_opts *o,
				struct np_pictures *pics, struct np_proof *proof, int *drawn)
{
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(np_write_atomic, a, pg->width,
								 pg->height);
	cairo_t *cr = cairo_create(s);
	*drawn = np_draw_page(cr, pg, l, o->debug, pics);
	if (*drawn == 0 && proof)
		np_proof_page(proof, cr, pg);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	return st;
}

/* An output open for pages as they come: the PDF's one stream, or the folder
 * of page files (PNG, SVG). */
struct np_renderer {
	struct np_render_opts o;
	struct np_diags *d;
	char *path;
	struct np_outputs own;     /* the files, when the caller gave no set */
	struct np_outputs *out;    /* where the files are: o.outputs or &own */
	struct np_atomic *pdf;     /* PDF: the temporary file (in *out); NULL when split */
	FILE *mem;                 /* PDF through the print pass or split: in memory */
	char *membuf;
	size_t memlen;
	int split;                 /* a PDF a page ({label}, {page} in the path) */
	struct np_page_name *names; /* the pages drawn, for their files */
	size_t nnames;
	cairo_surface_t *surface;  /* PDF */
	cairo_t *cr;               /* PDF */
	const struct np_layout *layout;
	int failed;                /* an error is in d already */
	struct np_pictures *pics;  /* outlives every surface drawn with it */
	struct np_proof *proof;    /* --debug: the proof marks (render/proof.h) */
};

/* "PATH: cannot write: REASON": the system's reason for a failed write,
 * else Cairo's. */
static void write_error(struct np_renderer *r, const char *path, int err, cairo_status_t st)
{
	if (err || st == CAIRO_STATUS_SUCCESS || st == CAIRO_STATUS_NO_MEMORY)
		np_outputs_error(r->d, path, err);
	else
		np_diag_add(r->d, NP_ERROR, NULL, "%s: cannot write: %s", path,
			    cairo_status_to_string(st));
	r->failed = 1;
}

void np_pdf_metadata(cairo_surface_t *s, const char *title, const char *author, const char *iso)
{
	char date[32];
	pdf_date(iso, date, sizeof date);
	if (title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	if (author)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, author);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "newsprint " NP_VERSION);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* Frees r and what it holds; temporaries not committed are removed.
 * Returns NULL, for the failure paths. */
static struct np_renderer *renderer_free(struct np_renderer *r)
{
	np_outputs_fini(&r->own);
	np_pictures_free(r->pics);
	np_proof_free(r->proof);
	free(r->names);
	free(r->path);
	free(r);
	return NULL;
}

/* doc: the figures the proof marks read (streamed: still being filled). */
static struct np_renderer *renderer_open(const char *path, const struct np_render_opts *o,
					 const struct np_layout *l, const char *title,
					 const char *author, const char *date, struct np_diags *d,
					 const struct np_doc *doc, int streamed)
{
	struct np_renderer *r = calloc(1, sizeof *r);
	if (r)
		r->path = strdup(path);
	if (!r || !r->path) {
		np_diag_add(d, NP_ERROR, NULL, "cannot write '%s': out of memory", path);
		free(r);
		return NULL;
	}
	r->o = *o;
	r->d = d;
	r->layout = l;
	np_outputs_init(&r->own);
	r->out = o->outputs ? o->outputs : &r->own;
	/* previews: PNG at its dpi, SVG pictures at 96 ppi */
	double px_per_pt = o->format == NP_FMT_PNG ? (o->dpi > 0 ? o->dpi : 96) / 72.0
			   : o->format == NP_FMT_SVG ? 96 / 72.0 : 1;
	r->pics = np_pictures_new(o->format, px_per_pt, l->page_width, l->page_height, d);
	if (o->debug)
		r->proof = np_proof_new(l, doc, streamed, o->proof_text);
	if (!r->pics || (o->debug && !r->proof)) {
		np_outputs_error(d, path, 0);
		return renderer_free(r);
	}
	if (o->format != NP_FMT_PDF)
		return r;
	r->split = np_path_per_page(path);
	if (!r->split && !(r->pdf = np_outputs_open(r->out, path, d)))
		return renderer_free(r);
	if ((o->press || r->split) && !(r->mem = open_memstream(&r->membuf, &r->memlen))) {
		np_outputs_error(d, path, 0);
		return renderer_free(r);
	}
	r->surface = r->mem ? cairo_pdf_surface_create_for_stream(np_write_fp, r->mem,
								  l->page_width, l->page_height)
			    : cairo_pdf_surface_create_for_stream(np_write_atomic, r->pdf,
								  l->page_width, l->page_height);
	np_pdf_metadata(r->surface, title, author, date);
	r->cr = cairo_create(r->surface);
	return r;
}

struct np_renderer *np_renderer_open(const char *path, const struct np_render_opts *o,
				     const struct np_layout *l, const char *title,
				     const char *author, const char *date, struct np_diags *d)
{
	return renderer_open(path, o, l, title, author, date, d, o->proof_doc, 1);
}

/* One page file (PNG, SVG), written whole. */
static int page_file(struct np_renderer *r, const struct np_page *pg)
{
	char *p = np_page_path(r->path, pg->number);
	struct np_atomic *a = p ? np_outputs_open(r->out, p, r->d) : NULL;
	if (!a) {
		if (!p)
			np_outputs_error(r->d, r->path, 0);
		free(p);
		return -1;
	}
	int drawn = 0;
	cairo_status_t st = r->o.format == NP_FMT_PNG
				    ? write_png(pg, r->layout, a->fp, &r->o, r->pics, r->proof, &drawn)
				    : write_svg(pg, r->layout, a, &r->o, r->pics, r->proof, &drawn);
	/* closed now (a long edition must not hold a descriptor per page), and
	 * renamed with the others when all are written */
	int closed = np_atomic_close(a);
	int bad = drawn < 0 || closed < 0 || st != CAIRO_STATUS_SUCCESS;
	if (drawn == 0 && bad)
		write_error(r, p, np_atomic_error(a), st);
	free(p);
	return bad ? -1 : 0;
}

int np_renderer_page(struct np_renderer *r, const struct np_page *pg)
{
	if (r->failed || !selected(&r->o, pg->number)) {
		if (r->proof && !r->failed) /* followed, not drawn */
			np_proof_page(r->proof, NULL, pg);
		return r->failed ? -1 : 0;
	}
	if (r->o.format != NP_FMT_PDF) {
		r->failed = page_file(r, pg) < 0;
		return r->failed ? -1 : 0;
	}
	struct np_page_name *v = r->split ? realloc(r->names, (r->nnames + 1) * sizeof *v) : NULL;
	if (r->split && !v) {
		np_outputs_error(r->d, r->path, 0);
		r->failed = 1;
		return -1;
	}
	if (v) {
		r->names = v;
		r->names[r->nnames].number = pg->number;
		snprintf(r->names[r->nnames++].label, sizeof v->label, "%s", pg->label);
	}
	cairo_pdf_surface_set_size(r->surface, pg->width, pg->height);
	/* Cairo's analysis of a PDF page unions every drawing's extents into one
	 * region, each union costing as much as the region has rectangles: a
	 * page of lines makes hundreds (a tenth of a tabloid's time). The paper
	 * drawn first makes it one rectangle that holds every later one. */
	cairo_set_source_rgb(r->cr, 1, 1, 1);
	cairo_rectangle(r->cr, 0, 0, pg->width, pg->height);
	cairo_fill(r->cr);
	r->failed = np_draw_page(r->cr, pg, r->layout, r->o.debug, r->pics) < 0;
	if (!r->failed && r->proof)
		np_proof_page(r->proof, r->cr, pg);
	cairo_show_page(r->cr);
	if (r->failed)
		return -1;
	/* a full disk stops the work at once, not after the last page */
	if (r->pdf && np_atomic_error(r->pdf)) {
		write_error(r, r->path, np_atomic_error(r->pdf), CAIRO_STATUS_WRITE_ERROR);
		return -1;
	}
	return 0;
}

struct rgb_ads {
	struct np_renderer *r;
	unsigned char *warned; /* a flag a placement (NULL: out of memory) */
};

/* A placed PDF drew in RGB: converted for PDF/X, and a warning (so that
 * --strict refuses it) naming the file, once however often it is placed
 * (the pass meets the placements in no fixed order). */
static void placed_rgb(void *ctx, size_t i)
{
	struct rgb_ads *a = ctx;
	struct np_renderer *r = a->r;
	size_t n;
	const struct np_pdf_placement *v = np_pictures_placements(r->pics, &n);
	if (i >= n)
		return;
	for (size_t j = 0; j < n && a->warned; j++)
		if (a->warned[j] && !strcmp(v[j].path, v[i].path))
			return;
	if (a->warned)
		a->warned[i] = 1;
	np_diag_add(r->d, NP_WARNING, NULL,
		    "'%s' draws in RGB: its colours converted to CMYK through the output "
		    "profile for PDF/X", v[i].path);
}

/* Cairo's PDF, held in memory, through the print pass (when asked for);
 * the bytes in *out (malloc'd). -1 after saying why. */
static int press(struct np_renderer *r, int run, unsigned char **out, size_t *outn)
{
	int ok = fclose(r->mem) == 0;
	r->mem = NULL;
	char err[512];
	*out = NULL;
	/* the post-steps (press/place.h) come before the print pass */
	if (ok && run && np_post_needed(r->pics) &&
	    np_post_buffer((unsigned char **)&r->membuf, &r->memlen, r->pics, err, sizeof err) < 0) {
		np_diag_add(r->d, NP_ERROR, NULL, "cannot write '%s': %s", r->path, err);
		ok = 0;
		run = 0; /* said why */
	}
	if (ok && run && r->o.press) {
		size_t nplaced;
		np_pictures_placements(r->pics, &nplaced);
		struct rgb_ads ads = {r, calloc(nplaced ? nplaced : 1, 1)};
		struct np_press_opts o = *r->o.press;
		o.placed_rgb = placed_rgb;
		o.ctx = &ads;
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		ok = np_press_run((const unsigned char *)r->membuf, r->memlen, &o, out, outn, err,
				  sizeof err) == 0;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (r->o.press_ms)
			*r->o.press_ms += (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
					  (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
		free(ads.warned);
		if (!ok)
			np_diag_add(r->d, NP_ERROR, NULL, "cannot make '%s' ready for print: %s",
				    r->path, err);
		free(r->membuf);
	} else if (ok && run) {
		*out = (unsigned char *)r->membuf;
		*outn = r->memlen;
	} else {
		if (run)
			np_outputs_error(r->d, r->path, 0);
		free(r->membuf);
	}
	r->membuf = NULL;
	return ok && (*out || !run) ? 0 : -1;
}

/* Where a page's file really goes, its folder resolved: 'A1/../x.pdf' and
 * 'A2/../x.pdf' are one file. malloc'd; NULL when the folder is not there. */
static char *resolved(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dn = slash ? (size_t)(slash - path) + (slash == path) : 1;
	char *dir = slash ? strndup(path, dn) : strdup(".");
	char *real = dir ? realpath(dir, NULL) : NULL;
	const char *base = slash ? slash + 1 : path;
	size_t n = real ? strlen(real) + strlen(base) + 2 : 0;
	char *out = n ? malloc(n) : NULL;
	if (out)
		snprintf(out, n, "%s/%s", real, base);
	free(dir);
	free(real);
	return out;
}

/* Two pages whose file names meet: said once, -1; else 0. */
static int same_file(struct np_renderer *r, char **where, size_t i, const char *p)
{
	for (size_t j = 0; j < i; j++)
		if (where[j] && where[i] && !strcmp(where[j], where[i])) {
			np_diag_add(r->d, NP_ERROR, NULL, "two pages would both be written to "
				    "'%s': use {page} in the output's name", p);
			return -1;
		}
	return 0;
}

/* A file a page: each page copied out of the document into a file of its
 * own, named from the path, opened in the command's outputs so that all are
 * renamed into place together, or none. */
static int split(struct np_renderer *r, const unsigned char *pdf, size_t n)
{
	char **where = calloc(r->nnames ? r->nnames : 1, sizeof *where);
	if (!where) {
		np_diag_add(r->d, NP_ERROR, NULL, "cannot write '%s': out of memory", r->path);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < r->nnames && rc == 0; i++) {
		char *p = np_page_name_fill(r->path, &r->names[i]);
		where[i] = p ? resolved(p) : NULL;
		rc = same_file(r, where, i, p ? p : r->path);
		free(p);
	}
	for (size_t i = 0; i < r->nnames; i++)
		free(where[i]);
	free(where);
	if (rc < 0)
		return -1;
	for (size_t i = 0; i < r->nnames; i++) {
		char err[512], *p = np_page_name_fill(r->path, &r->names[i]);
		if (!p) {
			np_outputs_error(r->d, r->path, 0);
			return -1;
		}
		unsigned char *page = NULL;
		size_t len = 0;
		if (np_press_split_page(pdf, n, (int)i + 1, &page, &len, err, sizeof err) < 0) {
			np_diag_add(r->d, NP_ERROR, NULL, "cannot write '%s': %s", p, err);
			free(p);
			return -1;
		}
		struct np_atomic *a = np_outputs_open(r->out, p, r->d);
		int bad = !a;
		if (a) {
			bad = np_atomic_write(a, page, len) < 0;
			bad |= np_atomic_close(a) < 0;
			if (bad)
				write_error(r, p, np_atomic_error(a), CAIRO_STATUS_SUCCESS);
		}
		free(page);
		free(p);
		if (bad)
			return -1;
	}
	return 0;
}

int np_renderer_close(struct np_renderer *r, const struct np_doc *doc, int commit)
{
	if (!r)
		return -1;
	int rc = r->failed ? -1 : 0;
	if (r->surface) {
		if (doc)
			outline(r->surface, doc, &r->o);
		cairo_destroy(r->cr);
		cairo_surface_finish(r->surface);
		cairo_status_t st = cairo_surface_status(r->surface);
		cairo_surface_destroy(r->surface);
		int in_memory = r->mem != NULL; /* else Cairo wrote the file itself */
		if (r->mem) {
			unsigned char *out = NULL;
			size_t outn = 0;
			int run = commit && rc == 0 && st == CAIRO_STATUS_SUCCESS;
			if (press(r, run, &out, &outn) < 0)
				rc = -1;
			if (rc == 0 && out && r->split)
				rc = split(r, out, outn);
			else if (rc == 0 && out)
				np_atomic_write(r->pdf, out, outn); /* an error is kept by the file */
			free(out);
		}
		char why[256];
		if (!in_memory && commit && rc == 0 && st == CAIRO_STATUS_SUCCESS &&
		    np_post_needed(r->pics) && np_post_file(r->pdf, r->pics, why, sizeof why) < 0) {
			np_diag_add(r->d, NP_ERROR, NULL, "cannot write '%s': %s", r->path, why);
			r->failed = 1;
			rc = -1;
		}
		int closed = r->pdf ? np_atomic_close(r->pdf) : 0;
		if (commit && rc == 0 && (closed < 0 || st != CAIRO_STATUS_SUCCESS)) {
			write_error(r, r->path, r->pdf ? np_atomic_error(r->pdf) : 0, st);
			rc = -1;
		}
	}
	/* page files and the PDF: all renamed into place, or none */
	if (r->out == &r->own && commit && rc == 0)
		rc = np_outputs_commit(&r->own, r->d);
	renderer_free(r);
	return commit ? rc : 0;
}

int np_render(const struct np_doc *doc, const char *path, const struct np_render_opts *o,
	      struct np_diags *d)
{
	struct np_renderer *r = renderer_open(path, o, doc->layout, doc->title, doc->author,
					      doc->date, d, doc, 0);
	int rc = r ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < doc->npages; i++) {
		rc = np_renderer_page(r, &doc->pages[i]);
		progress(o, doc, doc->pages[i].number);
	}
	return r ? (np_renderer_close(r, doc, rc == 0) < 0 || rc < 0 ? -1 : 0) : -1;
}
