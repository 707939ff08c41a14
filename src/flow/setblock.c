/* setblock.c - one paragraph set at a single measure, lines `leading` apart:
 * the headline band, pull-quotes, sidebars, captions and folios. */
#include <stdlib.h>
#include <string.h>

#include "break/break.h"

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

/* What a break of ragged text cost: dictionary breaks, and breaks inside a
 * word without a hyphen (a word wider than the measure). */
static void tally(const struct np_para *p, const struct np_break_result *r, struct block_fit *m)
{
	size_t n;
	const struct np_bitem *it = np_para_items(p, &n);
	memset(m, 0, sizeof *m);
	m->lines = (int)r->nlines;
	for (size_t k = 0; k + 1 < r->nlines; k++) {
		const struct np_bitem *b = &it[r->breaks[k]];
		m->compounds += b->type == NP_PENALTY && b->explicit_hyphen;
		if (b->type != NP_PENALTY || b->explicit_hyphen)
			continue;
		m->hyphens += b->flagged;
		m->broken += b->penalty >= NP_ANYWHERE_PENALTY;
	}
	/* a last line of one word: no space between two of its boxes */
	if (r->nlines >= 2) {
		m->runt = 1;
		for (size_t i = r->breaks[r->nlines - 2] + 2; i < r->breaks[r->nlines - 1]; i++)
			if (it[i].type == NP_GLUE && it[i - 1].type == NP_BOX)
				m->runt = 0;
	}
}

static int break_at(const struct np_para *p, const struct block_spec *b, double width,
		    struct np_break_result *r)
{
	size_t n;
	const struct np_bitem *items = np_para_items(p, &n);
	struct np_break_params bp;
	np_break_params_default(&bp);
	bp.justify = b->style->align == NP_ALIGN_JUSTIFY;
	bp.max_hyphen_run = b->max_hyphen_run;
	struct fixed_width fw = {NP_UNITS(width)};
	return np_break_paragraph(items, n, fixed, &fw, &bp, r);
}

/* Ragged text whose last line is one word (a runt: "coast" under a line
 * of a jump head) is broken at the widest narrower measure that keeps its
 * number of lines, cuts no more words (a compound may break at its own
 * hyphen) and gives the last line a second word: the least change that mends
 * it. The lines are then placed as usual, in the
 * block's own width. */
#define RUNT_STEPS 60 /* measures tried, each 1% of the width narrower */

static int balance_runt(const struct np_para *p, const struct block_spec *b, struct np_break_result *r)
{
	struct block_fit m0, m;
	tally(p, r, &m0);
	for (int i = 1; m0.runt && i <= RUNT_STEPS; i++) {
		struct np_break_result t;
		if (break_at(p, b, b->width * (1 - i / 100.0), &t) < 0)
			return -1;
		tally(p, &t, &m);
		if (m.lines > m0.lines || t.overfull || m.hyphens > m0.hyphens ||
		    m.broken > m0.broken) {
			np_break_result_fini(&t);
			return 0; /* narrower only makes it worse */
		}
		if (!m.runt && m.lines == m0.lines) {
			np_break_result_fini(r);
			*r = t;
			return 0;
		}
		np_break_result_fini(&t);
	}
	return 0;
}

/* Styles whose last line should not be a runt: the display lines. */
static int display_style(enum np_style_id id)
{
	return id == NP_ST_HEADLINE || id == NP_ST_DECK || id == NP_ST_SUBHEAD ||
	       id == NP_ST_JUMP_HEAD || id == NP_ST_CAPTION || id == NP_ST_PULLQUOTE;
}

/* The words of a block cut without a hyphen, named in a warning (once: when
 * the block is drawn in the run that draws). */
static void warn_broken(struct flow *f, const struct np_para *p, const struct np_break_result *r,
			const struct block_spec *b)
{
	size_t n;
	const struct np_bitem *it = np_para_items(p, &n);
	for (size_t k = 0; k + 1 < r->nlines; k++) {
		const struct np_bitem *x = &it[r->breaks[k]];
		if (x->type != NP_PENALTY || x->penalty < NP_ANYWHERE_PENALTY)
			continue;
		size_t s = x->pos, e = x->pos;
		while (s > 0 && b->text[s - 1] != ' ')
			s--;
		while (e < b->len && b->text[e] != ' ')
			e++;
		np_diag_add(f->out->d, NP_WARNING, f->a ? &f->a->headline_mark : NULL,
			    "%s%s%s: the word '%.*s' is wider than the %s's measure (%.1f pt) at the smallest size allowed: broken without a hyphen",
			    f->a ? "'" : "", f->a ? f->a->id : "", f->a ? "'" : "", (int)(e - s),
			    b->text + s, np_style_name(b->style_id), b->width);
	}
}

/* The block's text shaped: with its glyphs (owned by *own) when they are to
 * be drawn; measuring only, or a check that draws nothing, the context keeps
 * the shaped text for the next measure (a headline tried at many sizes). */
static const struct np_para *block_para(struct flow *f, const struct block_spec *b, int glyphs,
					struct np_para **own)
{
	struct np_para_spec spec = {
		.text = b->text, .len = b->len, .runs = b->runs, .nruns = b->nruns,
		.style = b->style, .lead_style = b->lead_style, .lead_len = b->lead_len,
		.language = f->a ? f->a->language : NULL, .layout = f->g->l,
		.max_box = NP_UNITS(b->width)};
	*own = glyphs ? np_para_new(f->out->t, &spec) : NULL;
	return glyphs ? *own : np_para_measure(f->out->t, &spec);
}

/* The block broken at its width under the layout's hyphen-run limit (in *bb,
 * for breaking it again narrower). */
static int break_block(const struct flow *f, const struct np_para *p, const struct block_spec *b,
		       struct block_spec *bb, struct np_break_result *r)
{
	*bb = *b;
	bb->max_hyphen_run = f->g->l->max_hyphen_run;
	return break_at(p, bb, b->width, r);
}

int np_flow_measure_block(struct flow *f, const struct block_spec *b, struct block_fit *m)
{
	struct np_para *own;
	const struct np_para *p = block_para(f, b, 0, &own);
	if (!p)
		return -1;
	struct block_spec bb;
	struct np_break_result r;
	int rc = break_block(f, p, b, &bb, &r);
	if (rc == 0)
		tally(p, &r, m);
	np_break_result_fini(&r);
	return rc;
}

int np_flow_set_block(struct flow *f, struct np_page *pg, const struct block_spec *b)
{
	struct np_para *own;
	const struct np_para *p = block_para(f, b, pg && !(f->out->o && f->out->o->text_only), &own);
	if (!p)
		return -1;
	struct block_spec bb;
	struct np_break_result r;
	int rc = break_block(f, p, b, &bb, &r);
	if (rc == 0 && b->style->align != NP_ALIGN_JUSTIFY && display_style(b->style_id))
		rc = balance_runt(p, &bb, &r);
	if (rc == 0 && pg && !f->trial && !f->quiet && b->style->align != NP_ALIGN_JUSTIFY)
		warn_broken(f, p, &r, b);
	if (rc == 0 && pg)
		rc = place(f, pg, (struct np_para *)p, &r, b);
	if (rc == 0)
		rc = (int)r.nlines;
	np_break_result_fini(&r);
	np_para_free(own);
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

struct block_spec np_flow_subhead_spec(const struct flow *f, const struct slot *sl, int block)
{
	const struct np_block *b = &f->a->blocks[block - 1];
	return (struct block_spec){.text = b->text.text, .len = b->text.len, .runs = b->text.runs,
				   .nruns = b->text.nruns, .style = &f->g->l->styles[NP_ST_SUBHEAD],
				   .x = np_flow_slot_x(f, sl), .first_baseline = np_flow_cell_baseline(f, sl->cell),
				   .width = np_flow_slot_w(f, sl),
				   .leading = f->g->grid, .frame = sl->col, .block = block,
				   .style_id = NP_ST_SUBHEAD};
}
