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
#include "render/render_int.h"
#include "util/atomic.h"

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

static int write_png(const struct np_page *pg, const struct np_layout *l, FILE *fp,
		     const struct np_render_opts *o, const char **lost)
{
	double scale = (o->dpi > 0 ? o->dpi : 96) / 72.0;
	int w = (int)(pg->width * scale + 0.5), h = (int)(pg->height * scale + 0.5);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	*lost = np_draw_page(cr, pg, l, o->debug);
	cairo_destroy(cr);
	int rc = np_png_write(s, fp);
	cairo_surface_destroy(s);
	return rc;
}

static int write_svg(const struct np_page *pg, const struct np_layout *l, FILE *fp,
		     const struct np_render_opts *o, const char **lost)
{
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(np_write_fp, fp, pg->width, pg->height);
	cairo_t *cr = cairo_create(s);
	*lost = np_draw_page(cr, pg, l, o->debug);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	int rc = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(s);
	return rc;
}

/* An output open for pages as they come: the PDF's one stream, or the folder
 * of page files (PNG, SVG). */
struct np_renderer {
	struct np_render_opts o;
	struct np_diags *d;
	char *path;
	struct np_atomic pdf;      /* PDF: the temporary file, renamed at the end */
	FILE *mem;                 /* PDF through the print pass or split: in memory */
	char *membuf;
	size_t memlen;
	int split;                 /* a PDF a page ({label}, {page} in the path) */
	struct np_page_name *names; /* the pages drawn, for their files */
	size_t nnames;
	cairo_surface_t *surface;  /* PDF */
	cairo_t *cr;               /* PDF */
	const struct np_layout *layout;
	int failed;
	int press_failed;          /* said why already */
	struct np_atomic *pages; /* PNG, SVG: page files written, renamed at the end */
	size_t npages;
};

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

struct np_renderer *np_renderer_open(const char *path, const struct np_render_opts *o,
				     const struct np_layout *l, const char *title,
				     const char *author, const char *date, struct np_diags *d)
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
	if (o->format != NP_FMT_PDF)
		return r;
	r->split = np_path_per_page(path);
	if (!r->split && np_atomic_open(&r->pdf, path) < 0) {
		np_diag_add(d, NP_ERROR, NULL, "cannot write '%s': %s", path, strerror(errno));
		free(r->path);
		free(r);
		return NULL;
	}
	if ((o->press || r->split) && !(r->mem = open_memstream(&r->membuf, &r->memlen))) {
		np_diag_add(d, NP_ERROR, NULL, "cannot write '%s': out of memory", path);
		np_atomic_abort(&r->pdf);
		free(r->path);
		free(r);
		return NULL;
	}
	r->surface = cairo_pdf_surface_create_for_stream(np_write_fp, r->mem ? r->mem : r->pdf.fp,
							 l->page_width, l->page_height);
	np_pdf_metadata(r->surface, title, author, date);
	r->cr = cairo_create(r->surface);
	return r;
}

/* A picture the parser accepted but that cannot be decoded (damaged after
 * its header) is left out of the page: say so rather than draw a hole. */
static void picture_lost(struct np_renderer *r, const struct np_page *pg, const char *path)
{
	if (path)
		np_diag_add(r->d, NP_WARNING, NULL,
			    "picture '%s' cannot be decoded: left out of page %s", path, pg->label);
}

/* One page file (PNG, SVG), written whole. */
static int page_file(struct np_renderer *r, const struct np_page *pg)
{
	char *p = np_page_path(r->path, pg->number);
	struct np_atomic a;
	if (!p || np_atomic_open(&a, p) < 0) {
		np_diag_add(r->d, NP_ERROR, NULL, "cannot write '%s': %s", p ? p : r->path,
			    strerror(errno));
		free(p);
		return -1;
	}
	const char *lost = NULL;
	int rc = r->o.format == NP_FMT_PNG ? write_png(pg, r->layout, a.fp, &r->o, &lost)
					   : write_svg(pg, r->layout, a.fp, &r->o, &lost);
	picture_lost(r, pg, lost);
	struct np_atomic *v = rc == 0 ? realloc(r->pages, (r->npages + 1) * sizeof *v) : NULL;
	if (v)
		r->pages = v;
	if (!v || np_atomic_close(&a) < 0) {
		np_atomic_abort(&a);
		np_diag_add(r->d, NP_ERROR, NULL, "cannot write '%s'", p);
		free(p);
		return -1;
	}
	r->pages[r->npages++] = a; /* renamed with the others when all are written */
	free(p);
	return 0;
}

int np_renderer_page(struct np_renderer *r, const struct np_page *pg)
{
	if (r->failed || !selected(&r->o, pg->number))
		return r->failed ? -1 : 0;
	if (r->o.format != NP_FMT_PDF) {
		r->failed = page_file(r, pg) < 0;
		return r->failed ? -1 : 0;
	}
	struct np_page_name *v = r->split ? realloc(r->names, (r->nnames + 1) * sizeof *v) : NULL;
	if (r->split && !v) {
		np_diag_add(r->d, NP_ERROR, NULL, "cannot write '%s': out of memory", r->path);
		r->failed = 1;
		return -1;
	}
	if (v) {
		r->names = v;
		r->names[r->nnames].number = pg->number;
		snprintf(r->names[r->nnames++].label, sizeof v->label, "%s", pg->label);
	}
	cairo_pdf_surface_set_size(r->surface, pg->width, pg->height);
	picture_lost(r, pg, np_draw_page(r->cr, pg, r->layout, r->o.debug));
	cairo_show_page(r->cr);
	return 0;
}

/* Cairo's PDF, held in memory, through the print pass (when asked for);
 * the bytes in *out (malloc'd). -1 after saying why. */
static int press(struct np_renderer *r, int run, unsigned char **out, size_t *outn)
{
	int ok = fclose(r->mem) == 0;
	r->mem = NULL;
	char err[512];
	*out = NULL;
	if (ok && run && r->o.press) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		ok = np_press_run((const unsigned char *)r->membuf, r->memlen, r->o.press, out,
				  outn, err, sizeof err) == 0;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (r->o.press_ms)
			*r->o.press_ms += (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
					  (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
		if (!ok) {
			np_diag_add(r->d, NP_ERROR, NULL, "cannot make '%s' ready for print: %s",
				    r->path, err);
			r->press_failed = 1;
		}
		free(r->membuf);
	} else if (ok && run) {
		*out = (unsigned char *)r->membuf;
		*outn = r->memlen;
	} else {
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
 * own, named from the path; renamed into place with the others at the end
 * (r->pages), all or none. */
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
		unsigned char *page = NULL;
		size_t len = 0;
		if (p && np_press_split_page(pdf, n, (int)i + 1, &page, &len, err, sizeof err) < 0) {
			np_diag_add(r->d, NP_ERROR, NULL, "cannot write '%s': %s", p, err);
			free(p);
			return -1;
		}
		struct np_atomic a;
		struct np_atomic *v = NULL;
		int ok = p && np_atomic_open(&a, p) == 0;
		if (ok) {
			ok = fwrite(page, 1, len, a.fp) == len &&
			     (v = realloc(r->pages, (r->npages + 1) * sizeof *v)) &&
			     np_atomic_close(&a) == 0;
			if (v)
				r->pages = v;
			if (ok)
				r->pages[r->npages++] = a;
			else
				np_atomic_abort(&a);
		}
		free(page);
		if (!ok) {
			np_diag_add(r->d, NP_ERROR, NULL, "cannot write '%s': %s", p ? p : r->path,
				    strerror(errno));
			free(p);
			return -1;
		}
		free(p);
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
		if (cairo_surface_status(r->surface) != CAIRO_STATUS_SUCCESS)
			rc = -1;
		cairo_surface_destroy(r->surface);
		unsigned char *out = NULL;
		size_t outn = 0;
		if (r->mem && press(r, commit && rc == 0, &out, &outn) < 0)
			rc = -1;
		if (rc == 0 && out && r->split)
			rc = split(r, out, outn) < 0 ? (r->press_failed = 1, -1) : 0;
		else if (rc == 0 && out && fwrite(out, 1, outn, r->pdf.fp) != outn)
			rc = -1;
		free(out);
		if (commit && rc == 0 && !r->split)
			rc = np_atomic_commit(&r->pdf);
		else
			np_atomic_abort(&r->pdf);
		if (commit && rc < 0 && !r->press_failed)
			np_diag_add(r->d, NP_ERROR, NULL, "cannot write '%s'", r->path);
	}
	/* page files: all renamed into place, or none (each stays whole) */
	for (size_t i = 0; i < r->npages; i++) {
		char *target = strdup(r->pages[i].path);
		if (commit && rc == 0 && np_atomic_commit(&r->pages[i]) < 0) {
			np_diag_add(r->d, NP_ERROR, NULL, "cannot write '%s'", target ? target : "");
			rc = -1;
		}
		np_atomic_abort(&r->pages[i]);
		free(target);
	}
	free(r->pages);
	free(r->names);
	free(r->path);
	free(r);
	return commit ? rc : 0;
}

int np_render(const struct np_doc *doc, const char *path, const struct np_render_opts *o,
	      struct np_diags *d)
{
	struct np_renderer *r = np_renderer_open(path, o, doc->layout, doc->title, doc->author,
						 doc->date, d);
	int rc = r ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < doc->npages; i++) {
		rc = np_renderer_page(r, &doc->pages[i]);
		progress(o, doc, doc->pages[i].number);
	}
	return r ? (np_renderer_close(r, doc, rc == 0) < 0 || rc < 0 ? -1 : 0) : -1;
}
