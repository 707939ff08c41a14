/* proof.c - the proof marks of a preview (proof.h): found from the placed
 * lines and frames of each page, and the document's copyfit figures. */
#include <png.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/proof.h"
#include "text/glyphs.h"
#include "util/jpeg_info.h"

/* A story's last body line on the pages drawn so far: where a paragraph that
 * goes on over a page starts from. */
struct carry {
	const char *article; /* borrowed from the model, as the lines' */
	int block;
	int first; /* it was its paragraph's first line */
};

struct np_proof {
	const struct np_layout *l;
	const struct np_doc *doc;
	int streamed; /* doc is filled as its pages are drawn */
	struct np_text_ctx *t;
	struct np_style label; /* the marks' words */
	struct carry *carry;
	size_t ncarry, capcarry;
};

/* One line of a story's body on this page, with what the marks need. */
struct bline {
	const struct np_pline *ln;
	const struct np_frame *fr;
	int run; /* lines of one run stand in one frame with no obstacle between */
};

struct np_proof *np_proof_new(const struct np_layout *l, const struct np_doc *doc,
			      int streamed, struct np_text_ctx *t)
{
	struct np_proof *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->l = l;
	p->doc = doc;
	p->streamed = streamed;
	p->t = t;
	p->label = l->styles[NP_ST_FOLIO]; /* a bundled sans, bold and small */
	p->label.size = 6.5;
	p->label.leading = 8;
	p->label.weight = 700;
	p->label.italic = 0;
	p->label.small_caps = 0;
	p->label.letter_spacing = 0;
	p->label.indent = 0;
	p->label.transform = NP_TRANSFORM_NONE;
	return p;
}

void np_proof_free(struct np_proof *p)
{
	if (!p)
		return;
	free(p->carry);
	free(p);
}

static struct carry *carry_of(struct np_proof *p, const char *article, int add)
{
	for (size_t i = 0; i < p->ncarry; i++)
		if (!strcmp(p->carry[i].article, article))
			return &p->carry[i];
	if (!add)
		return NULL;
	if (p->ncarry == p->capcarry) {
		size_t cap = p->capcarry ? 2 * p->capcarry : 16;
		struct carry *v = realloc(p->carry, cap * sizeof *v);
		if (!v)
			return NULL;
		p->carry = v;
		p->capcarry = cap;
	}
	p->carry[p->ncarry] = (struct carry){.article = article, .block = -1};
	return &p->carry[p->ncarry++];
}

/* ---- drawing -------------------------------------------------------------- */

/* Words at x, baseline y, in the marks' style and the colour set. */
static void words(struct np_proof *p, cairo_t *cr, double x, double y, const char *text)
{
	if (!p->t)
		return;
	struct np_line_glyphs *g = np_text_label(p->t, &p->label, text, NULL);
	if (!g)
		return;
	for (size_t i = 0; i < g->nitems; i++) {
		cairo_move_to(cr, x, y);
		pango_cairo_show_glyph_item(cr, g->text, g->items[i]);
		x += NP_PT(pango_glyph_string_get_width(g->items[i]->glyphs));
	}
	np_line_glyphs_free(g);
}

/* The box a line stands in: from its cap height to its descent. */
static void line_box(const struct np_proof *p, const struct np_pline *ln,
		     const struct np_frame *fr, double *y, double *h)
{
	(void)fr;
	*h = p->l->grid;
	*y = ln->baseline - 0.78 * *h;
}

/* Named in the gutter left of the line, the line boxed. */
static void flag_line(struct np_proof *p, cairo_t *cr, const struct bline *b, const char *what,
		      double r, double g, double bl)
{
	if (!cr)
		return;
	double y, h;
	line_box(p, b->ln, b->fr, &y, &h);
	cairo_set_source_rgba(cr, r, g, bl, 0.9);
	cairo_set_line_width(cr, 0.8);
	cairo_rectangle(cr, b->fr->x - 1, y, b->fr->w + 2, h);
	cairo_stroke(cr);
	/* under the box's left end, inside the column: the gutter may be narrow */
	words(p, cr, b->fr->x, y + h + p->label.size * 0.8, what);
}

/* Loose and tight lines: a tint in the gutter, deeper the further out. */
static void spacing(cairo_t *cr, const struct np_proof *p, const struct bline *b)
{
	const struct np_pline *ln = b->ln;
	if (!cr || !ln->justified || (ln->ratio <= 1 && ln->ratio >= -0.7))
		return;
	double over = ln->ratio > 1 ? ln->ratio - 1 : -0.7 - ln->ratio;
	double a = 0.5 + 0.4 * (over > 1 ? 1 : over);
	if (ln->ratio > 1)
		cairo_set_source_rgba(cr, 0.1, 0.45, 0.95, a);
	else
		cairo_set_source_rgba(cr, 1, 0.5, 0, a);
	double y, h;
	line_box(p, ln, b->fr, &y, &h);
	cairo_rectangle(cr, b->fr->x - 4.5, y, 3.5, h);
	cairo_fill(cr);
}

/* ---- one story's body on a page -------------------------------------------- */

/* Its last page: the figures say where it ends (NULL: not known yet). */
static const struct np_article_stats *stats_of(const struct np_proof *p, const char *id)
{
	if (!p->doc)
		return NULL;
	for (size_t i = 0; i < p->doc->narticles; i++)
		if (p->doc->articles[i].id && !strcmp(p->doc->articles[i].id, id))
			return &p->doc->articles[i];
	return NULL;
}

/* While the flow still fills the figures, a story's last page so far is its
 * last only when no page has been begun after it. */
static int ends_here(const struct np_proof *p, const char *id, const struct np_page *pg)
{
	const struct np_article_stats *st = stats_of(p, id);
	if (!st || !st->npages || st->pages[st->npages - 1] != pg->number)
		return 0;
	return !p->streamed || (p->doc->npages && p->doc->pages[p->doc->npages - 1].number ==
						   pg->number);
}

static void story(struct np_proof *p, cairo_t *cr, const struct np_page *pg,
		  const struct bline *v, size_t n)
{
	const char *id = v[0].ln->article;
	struct carry *c = carry_of(p, id, 1);
	int prev_block = c ? c->block : -1, prev_first = c ? c->first : 1;
	int last_page = ends_here(p, id, pg);
	int hy = 0, max_run = p->l->max_hyphen_run;
	for (size_t i = 0; i < n; i++) {
		const struct np_pline *ln = v[i].ln;
		int blk = ln->block;
		int top = i == 0 || v[i].run != v[i - 1].run;
		int bottom = i + 1 == n || v[i].run != v[i + 1].run;
		int pb = i ? v[i - 1].ln->block : prev_block;
		int first = pb != blk;
		/* the next line's block: known on this page; past it, a line that
		 * ends inside a word goes on; the story's last line ends it */
		int next_same = i + 1 < n ? v[i + 1].ln->block == blk
				: ln->hyphenated || ln->continues ? 1 : last_page ? 0 : -1;
		spacing(cr, p, &v[i]);
		if (top && i)
			hy = 0;
		hy = ln->hyphenated ? hy + 1 : 0;
		if (cr && max_run > 0 && hy > max_run) {
			double y, h;
			line_box(p, ln, v[i].fr, &y, &h);
			cairo_set_source_rgba(cr, 0.85, 0.1, 0.6, 0.85);
			cairo_rectangle(cr, v[i].fr->x + v[i].fr->w + 1, y, 3, h);
			cairo_fill(cr);
		}
		if (top && !first && next_same == 0 && (i > 0 || prev_block >= 0))
			flag_line(p, cr, &v[i], "widow", 0.8, 0, 0.6);
		else if (bottom && first && next_same == 1 && !(i + 1 == n && ln->hyphenated))
			flag_line(p, cr, &v[i], "orphan", 0.8, 0, 0.6);
		if (i + 1 == n && (ln->hyphenated || ln->continues))
			flag_line(p, cr, &v[i], "split word", 0.85, 0.1, 0.1);
		prev_first = first;
	}
	if (c) {
		c->block = v[n - 1].ln->block;
		c->first = prev_first;
	}
}

/* ---- overset --------------------------------------------------------------- */

static void overset(struct np_proof *p, cairo_t *cr, const struct np_page *pg)
{
	if (!p->doc)
		return;
	for (size_t a = 0; a < p->doc->narticles; a++) {
		const struct np_article_stats *st = &p->doc->articles[a];
		if ((st->overset_lines <= 0 && st->overset_words <= 0) || !st->id ||
		    !ends_here(p, st->id, pg))
			continue;
		/* the frame of its last line here, else its last column */
		const struct np_frame *fr = NULL;
		const struct np_pline *last = NULL;
		for (size_t i = 0; i < pg->nlines; i++) {
			const struct np_pline *ln = &pg->lines[i];
			const struct np_frame *f = &pg->frames[ln->frame];
			if (ln->article && !strcmp(ln->article, st->id) && f->kind == NP_FRAME_COLUMN) {
				fr = f;
				last = ln;
			}
		}
		for (size_t i = 0; !fr && i < pg->nframes; i++)
			if (pg->frames[i].kind == NP_FRAME_COLUMN && pg->frames[i].article &&
			    !strcmp(pg->frames[i].article, st->id))
				fr = &pg->frames[i];
		if (!fr)
			continue;
		/* at the foot of the frame, or right under the text where an
		 * obstacle below it ends the story's column sooner */
		double h = p->l->grid * 1.4 < fr->h ? p->l->grid * 1.4 : fr->h;
		double y = fr->y + fr->h - h;
		if (last && last->baseline + 0.3 * p->l->grid < y)
			y = last->baseline + 0.3 * p->l->grid;
		cairo_set_source_rgba(cr, 0.85, 0, 0, 0.9);
		cairo_rectangle(cr, fr->x, y, fr->w, h);
		cairo_fill(cr);
		char what[80];
		snprintf(what, sizeof what, "+%d line%s / %d word%s", st->overset_lines,
			 st->overset_lines == 1 ? "" : "s", st->overset_words,
			 st->overset_words == 1 ? "" : "s");
		cairo_set_source_rgb(cr, 1, 1, 1);
		words(p, cr, fr->x + 3, y + h * 0.7, what);
	}
}

/* ---- pictures -------------------------------------------------------------- */

static int png_size(FILE *f, int *w, int *h)
{
	png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	if (!info) {
		png_destroy_read_struct(&png, NULL, NULL);
		return -1;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_read_struct(&png, &info, NULL);
		return -1;
	}
	png_init_io(png, f);
	png_read_info(png, info); /* the header only, no pixels */
	*w = (int)png_get_image_width(png, info);
	*h = (int)png_get_image_height(png, info);
	png_destroy_read_struct(&png, &info, NULL);
	return 0;
}

/* The picture's pixels across, from its file's header; 0 when unknown. */
static int pixels_across(const struct np_frame *f)
{
	FILE *fp = fopen(f->image, "rb");
	if (!fp)
		return 0;
	int w = 0, h = 0;
	if (f->image_jpeg) {
		struct np_jpeg_info info;
		if (np_jpeg_info_file(fp, &info) == 0)
			w = info.width;
	} else if (png_size(fp, &w, &h) < 0) {
		w = 0;
	}
	fclose(fp);
	return w;
}

static void pictures(struct np_proof *p, cairo_t *cr, const struct np_page *pg)
{
	for (size_t i = 0; i < pg->nframes; i++) {
		const struct np_frame *f = &pg->frames[i];
		if (!f->image || f->image_pdf || f->img_w <= 0)
			continue;
		int px = pixels_across(f);
		double ppi = px / (f->img_w / 72.0);
		if (px <= 0 || ppi >= NP_PROOF_MIN_PPI)
			continue;
		cairo_set_source_rgba(cr, 0.9, 0.3, 0, 0.9);
		cairo_set_line_width(cr, 2);
		cairo_rectangle(cr, f->x + 1, f->y + 1, f->w - 2, f->h - 2);
		cairo_stroke(cr);
		char what[48];
		snprintf(what, sizeof what, "%.0f ppi", ppi);
		cairo_rectangle(cr, f->x + 1, f->y + 1, 40, 10);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 1, 1, 1);
		words(p, cr, f->x + 3, f->y + 8.5, what);
	}
}

/* ---- a page ------------------------------------------------------------------ */

static int is_body(const struct np_page *pg, const struct np_pline *ln)
{
	return ln->article && ln->block > 0 && pg->frames[ln->frame].kind == NP_FRAME_COLUMN &&
	       (ln->style == NP_ST_BODY || ln->style == NP_ST_BODY_FIRST);
}

void np_proof_page(struct np_proof *p, cairo_t *cr, const struct np_page *pg)
{
	if (cr)
		cairo_save(cr);
	struct bline *v = malloc((pg->nlines ? pg->nlines : 1) * sizeof *v);
	unsigned char *done = calloc(pg->nlines + 1, 1);
	/* each story's body lines in order, in runs: a new frame, or a gap of
	 * more than a line and a half (an obstacle between) */
	for (size_t i = 0; v && done && i < pg->nlines; i++) {
		if (done[i] || !is_body(pg, &pg->lines[i]))
			continue;
		const char *id = pg->lines[i].article;
		size_t n = 0;
		int run = 0;
		for (size_t j = i; j < pg->nlines; j++) {
			const struct np_pline *ln = &pg->lines[j];
			if (done[j] || !is_body(pg, ln) || strcmp(ln->article, id))
				continue;
			done[j] = 1;
			if (n && (ln->frame != v[n - 1].ln->frame ||
				  ln->baseline - v[n - 1].ln->baseline > 1.5 * p->l->grid))
				run++;
			v[n++] = (struct bline){.ln = ln, .fr = &pg->frames[ln->frame], .run = run};
		}
		story(p, cr, pg, v, n);
	}
	free(v);
	free(done);
	if (!cr)
		return;
	pictures(p, cr, pg);
	overset(p, cr, pg);
	cairo_restore(cr);
}
