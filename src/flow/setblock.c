/* setblock.c - one paragraph set at a single measure, lines `leading` apart:
 * the headline band, pull-quotes, sidebars, captions and folios. */
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"

struct fixed_width {
	int32_t w;
};

static int32_t fixed(void *ctx, size_t line)
{
	(void)line;
	return ((struct fixed_width *)ctx)->w;
}

static double align_offset(enum np_align a, double width, double natural)
{
	if (a == NP_ALIGN_RIGHT)
		return width - natural;
	if (a == NP_ALIGN_CENTER)
		return (width - natural) / 2;
	return 0;
}

int np_flow_line(const struct flow *f, struct np_para *p, const size_t *breaks, size_t k,
		 int32_t width, int justify, struct np_line_info *info, struct np_line_glyphs **g)
{
	if (f->out->o && f->out->o->text_only) {
		*g = NULL;
		return np_para_line_info(p, breaks, k, width, justify, info);
	}
	*g = np_para_line(p, breaks, k, width, justify, info);
	return *g ? 0 : -1;
}

static int place(struct flow *f, struct np_page *pg, struct np_para *p,
		 const struct np_break_result *r, const struct block_spec *b)
{
	int justify = b->style->align == NP_ALIGN_JUSTIFY;
	for (size_t k = 0; k < r->nlines; k++) {
		struct np_line_info info = {0};
		struct np_line_glyphs *g;
		if (np_flow_line(f, p, r->breaks, k, NP_UNITS(b->width), justify, &info, &g) < 0)
			return -1;
		double nat = NP_PT(info.natural), ind = NP_PT(info.indent);
		int just = info.justified;
		double off = just ? 0 : align_offset(b->style->align, b->width, nat);
		/* x is where the first glyph goes, the indent past */
		struct np_pline ln = {
			.frame = b->frame, .block = b->block, .style = b->style_id,
			.x = b->x + off + ind, .baseline = b->first_baseline + (double)k * b->leading,
			.width = (just ? b->width : nat) - ind, .text = info.text,
			.hyphenated = info.hyphenated, .continues = info.continues, .justified = just, .ratio = info.ratio,
			.letter_spacing = info.letter_spacing,
			.article = f->a ? f->a->id : NULL, .glyphs = g};
		if (np_page_add_line(pg, &ln) < 0) {
			free(info.text);
			np_line_glyphs_free(g);
			return -1;
		}
	}
	return 0;
}

int np_flow_set_block(struct flow *f, struct np_page *pg, const struct block_spec *b)
{
	struct np_para_spec spec = {
		.text = b->text, .len = b->len, .runs = b->runs, .nruns = b->nruns,
		.style = b->style, .lead_style = b->lead_style, .lead_len = b->lead_len,
		.language = f->a ? f->a->language : NULL, .layout = f->g->l,
		.max_box = NP_UNITS(b->width)};
	/* measuring only, or no glyphs wanted: the context keeps the shaped text
	 * for the next measure */
	int glyphs = pg && !(f->out->o && f->out->o->text_only);
	struct np_para *p = glyphs ? np_para_new(f->out->t, &spec) : NULL;
	const struct np_para *shaped = glyphs ? p : np_para_measure(f->out->t, &spec);
	if (!shaped)
		return -1;
	size_t n;
	const struct np_bitem *items = np_para_items(shaped, &n);
	struct np_break_params bp;
	np_break_params_default(&bp);
	bp.justify = b->style->align == NP_ALIGN_JUSTIFY;
	bp.max_hyphen_run = f->g->l->max_hyphen_run;
	struct fixed_width fw = {NP_UNITS(b->width)};
	struct np_break_result r;
	int rc = np_break_paragraph(items, n, fixed, &fw, &bp, &r);
	if (rc == 0 && pg)
		rc = place(f, pg, (struct np_para *)shaped, &r, b);
	if (rc == 0)
		rc = (int)r.nlines;
	np_break_result_fini(&r);
	np_para_free(p);
	return rc;
}

double np_flow_text_natural(struct flow *f, const char *text, const struct np_style *s)
{
	struct np_para_spec spec = {.text = text, .len = strlen(text), .style = s, .layout = f->g->l};
	struct np_para *p = np_para_new(f->out->t, &spec);
	double w = p ? NP_PT(np_para_natural(p)) : 0;
	np_para_free(p);
	return w;
}
