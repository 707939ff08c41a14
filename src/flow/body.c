/* body.c - body blocks poured into the line slots.
 *
 * Outline:
 *   for each body block:
 *     subhead: leave its space above (not at a column's top), keep it with two
 *              lines of what follows (else move it to the next column run)
 *     paragraph: break it over the widths of the slots ahead (a parshape that
 *              may cross columns, obstacles and pages);
 *              a first line alone at a run's foot (orphan): leave that slot
 *              empty, break again; a last line alone at a run's head (widow):
 *              leave the slot before it empty so two lines go over, break again;
 *              place the lines, remember where the block ended
 * Pages are made when the slots run out; past the page limit, text is overset.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow/flow_int.h"
#include "util/grow.h"

#define WIDOW_TRIES 6

/* Slots of the lines of one paragraph, skipping blank ones, made on demand. */
struct lines_map {
	struct flow *f;
	size_t start;
	int dropcap_lines; /* the first lines stand beside a drop cap */
	size_t *v;
	size_t n, cap; /* cap: v's capacity */
	int failed;
};

/* Slot index of line k, or SIZE_MAX past the last page. */
static size_t map_line(struct lines_map *m, size_t k)
{
	struct flow *f = m->f;
	while (m->n <= k && !m->failed) {
		size_t s = m->n ? m->v[m->n - 1] + 1 : m->start;
		for (;;) {
			while (s >= f->nslots) {
				int rc = np_flow_add_slots(f);
				if (rc != 0) {
					m->failed = rc < 0 ? -1 : 1;
					return SIZE_MAX;
				}
			}
			if (!f->slots[s].blank)
				break;
			s++;
		}
		if (np_grow((void **)&m->v, &m->cap, m->n, sizeof *m->v, 64) < 0) {
			m->failed = -1;
			return SIZE_MAX;
		}
		m->v[m->n++] = s;
	}
	return k < m->n ? m->v[k] : SIZE_MAX;
}

/* A line's width, its slot made if need be. The breaks memo looks widths up
 * through it too: the breaker is a pure function of the widths it asks for,
 * so while lines 0..k-1 have the widths a kept break was made over, breaking
 * again would ask for line k as well and make its slot all the same. A look
 * that made nothing (a line past the slots made so far: a miss) broke again
 * every paragraph running onto a page not made yet, or past the module it
 * fills (an edition's story), on every trial run. */
static int32_t slot_width(void *ctx, size_t line)
{
	struct lines_map *m = ctx;
	size_t s = map_line(m, line);
	double dropcap = (int)line < m->dropcap_lines ? m->f->dropcap_w : 0;
	return NP_UNITS((s == SIZE_MAX ? m->f->g->colw : np_flow_slot_w(m->f, &m->f->slots[s])) - dropcap);
}

#define TURN_TRIES 8 /* hyphens forbidden at a jump, one a try */

/* A paragraph being set. Its items are asked for only when its breaks memo
 * has no breaks for these widths, or a hyphen at a page turn is to be
 * checked, or an overset line counted: a pour meeting the widths of the last
 * one needs no shaped paragraph (paras.c lets them go). */
struct para_at {
	struct flow *f;
	int block;
	enum np_style_id sid;
	struct np_para *p;            /* NULL until its items are asked for */
	const struct np_bitem *items; /* p's, or own */
	size_t n;
	struct np_bitem *own;         /* a copy with the forbidden breaks, when broken */
	size_t forbidden[TURN_TRIES]; /* hyphens at a page turn or a jump, ascending */
	size_t nforbidden;
};

static const struct np_bitem *items_of(struct para_at *a)
{
	if (!a->items) {
		if (!(a->p = np_flow_para(a->f, a->block, a->sid, 0)))
			return NULL;
		a->items = np_para_items(a->p, &a->n);
	}
	return a->items;
}

/* The items to break: the paragraph's, or with its forbidden breaks. */
static const struct np_bitem *items_to_break(struct para_at *a)
{
	if (!items_of(a) || a->nforbidden == 0)
		return a->items;
	if (!a->own) {
		if (!(a->own = malloc(a->n * sizeof *a->own)))
			return NULL;
		memcpy(a->own, a->items, a->n * sizeof *a->own);
	}
	for (size_t i = 0; i < a->nforbidden; i++)
		a->own[a->forbidden[i]].penalty = NP_INF_PENALTY;
	return a->own;
}

/* Breaks the paragraph over the slots of m: from its memo when the widths and
 * the breaks forbidden are the same (every run of the story forbids the same
 * hyphens at its page turns again: the 1 MiB paragraph was broken 42 times). */
static int break_at(struct para_at *a, struct lines_map *m, const struct np_break_params *bp,
		    struct np_break_result *r)
{
	struct np_break_memo *memo = np_flow_para_memo(a->f, a->block);
	struct np_break_forbidden fb = {a->forbidden, a->nforbidden};
	int found = np_break_memo_find(memo, slot_width, m, bp, &fb, r);
	if (found)
		return found < 0 ? -1 : 0;
	const struct np_bitem *items = items_to_break(a);
	if (!items)
		return -1;
	return np_break_memo_paragraph(memo, items, a->n, slot_width, slot_width, m, bp, &fb, r);
}

/* Lines 0..L-1 into their slots; lines past the last page are overset. A
 * trial run only finds the last line's slot; the final run counts the
 * overset lines' words and keeps the plan for paint.c. */
static int place_lines(struct flow *f, struct para_at *a, const struct np_break_result *r,
		       struct lines_map *m, int block, enum np_style_id sid, int justify,
		       int dropcap_lines)
{
	if (f->trial) {
		size_t s = r->nlines ? map_line(m, r->nlines - 1) : SIZE_MAX;
		if (r->nlines && s == SIZE_MAX)
			f->overflow = 1;
		if (s != SIZE_MAX)
			np_flow_use_region(f, f->slots[s].region);
		return 0;
	}
	struct placed_block pb = {.block = block, .sid = sid, .justify = justify,
				  .nlines = r->nlines, .dropcap_lines = dropcap_lines,
				  .slot = malloc((r->nlines + 1) * sizeof *pb.slot),
				  .breaks = malloc((r->nlines + 1) * sizeof *pb.breaks)};
	if (!pb.slot || !pb.breaks || np_flow_plan_add(f, &pb) < 0) {
		free(pb.slot);
		free(pb.breaks);
		return -1;
	}
	if (r->nlines)
		memcpy(pb.breaks, r->breaks, r->nlines * sizeof *pb.breaks);
	for (size_t k = 0; k < r->nlines; k++) {
		size_t s = map_line(m, k);
		pb.slot[k] = s;
		if (s != SIZE_MAX) {
			np_flow_use_region(f, f->slots[s].region);
			continue;
		}
		struct np_line_info info = {0};
		double dropcap = (int)k < m->dropcap_lines ? f->dropcap_w : 0;
		struct np_line_glyphs *g;
		if (!items_of(a) ||
		    np_flow_line(f, a->p, r->breaks, k, NP_UNITS(f->g->colw - dropcap), justify, &info,
				 &g) < 0)
			return -1;
		f->overset_words += np_doc_count_words(info.text);
		f->overset_lines++;
		f->overflow = 1;
		free(info.text);
		np_line_glyphs_free(g);
	}
	return 0;
}

enum stranded { NOT_STRANDED, ORPHAN, WIDOW, LONE };

/* Whether slots a < b lie in one run of slots (one column, unbroken by an
 * obstacle): no run starts after a, up to b. */
static int same_run(const struct flow *f, size_t a, size_t b)
{
	for (size_t i = a + 1; i <= b; i++)
		if (f->slots[i].run_start)
			return 0;
	return 1;
}

/* Whether the breaks leave the first line alone at a run's foot (orphan), the
 * last alone at a run's head (widow), or a line between alone in its run (a
 * line between an obstacle and a column's foot: *lone gets it): a line parted
 * from its neighbours by a run's end, even where emptied slots stand between. */
static enum stranded stranded(const struct flow *f, struct lines_map *m, size_t L, size_t *lone)
{
	if (L < 2)
		return NOT_STRANDED;
	size_t first = map_line(m, 0), second = map_line(m, 1);
	size_t last = map_line(m, L - 1), before = map_line(m, L - 2);
	if (last == SIZE_MAX)
		return NOT_STRANDED;
	if (!same_run(f, first, second))
		return ORPHAN;
	if (!same_run(f, before, last))
		return WIDOW;
	for (size_t k = 1, a = first, b = second; k + 1 < L; k++) {
		size_t c = map_line(m, k + 1);
		if (!same_run(f, a, b) && !same_run(f, b, c)) {
			*lone = k;
			return LONE;
		}
		a = b;
		b = c;
	}
	return NOT_STRANDED;
}

/* 1 when the breaks strand a line: a slot was blanked, try again. An
 * orphan's line goes over with the rest; a widow takes the line before it
 * along; a lone line goes on to the next run. */
static int fix_widow_orphan(struct flow *f, struct lines_map *m, size_t L)
{
	size_t lone = 0;
	switch (stranded(f, m, L, &lone)) {
	case ORPHAN:
		f->slots[map_line(m, 0)].blank = 1;
		return 1;
	case WIDOW:
		f->slots[map_line(m, L - 2)].blank = 1;
		return 1;
	case LONE:
		f->slots[map_line(m, lone)].blank = 1;
		return 1;
	default:
		return 0;
	}
}

/* The first slot after slot s that is not blank, without making pages:
 * SIZE_MAX when it lies past the slots made so far. */
static size_t slot_after(const struct flow *f, size_t s)
{
	if (s == SIZE_MAX)
		return SIZE_MAX;
	for (s++; s < f->nslots && f->slots[s].blank; s++)
		;
	return s < f->nslots ? s : SIZE_MAX;
}

/* Whether the paragraph after this one would start on the last line of a run
 * and so lose its first line to the next (an orphan the next paragraph can
 * only mend by leaving that line empty). */
static int orphan_ahead(struct flow *f, struct lines_map *m, size_t L, int block)
{
	if ((size_t)block >= f->a->nblocks || f->a->blocks[block].kind != NP_BLOCK_PARAGRAPH)
		return 0;
	size_t s = slot_after(f, L ? map_line(m, L - 1) : SIZE_MAX);
	if (s == SIZE_MAX)
		return 0;
	size_t t = slot_after(f, s);
	if (t == SIZE_MAX ? !f->slots[s].run_end : same_run(f, s, t))
		return 0;
	/* a paragraph of one line has no orphan: more than a line's worth of text
	 * (it follows a paragraph: body style, not the first) */
	return NP_PT(np_flow_para_natural(f, block + 1, NP_ST_BODY)) > np_flow_slot_w(f, &f->slots[s]);
}

/* What a reader (and pdfcheck typography) sees as loose: a justified line
 * whose spaces average more than half an em; very loose past three quarters.
 * The breaker's ratio says how far the spaces stretch against their own
 * width, which varies with the font; these say it in ems. Its estimate leaves
 * out the letter-spacing a tracked line's gaps also carry (about a hundredth
 * of an em), hence 0.49 and 0.74. A loose line costs about what a line at
 * ratio 2 does, so total fit first tries a hyphen, a slightly tight line or a
 * one-letter word at a line's end; a very loose one ten times that, so that a
 * paragraph that must have one keeps it to one where two would barely do
 * better each (measured on the corpus in the tabloid: docs/breaking.md). */
#define LOOSE_GAP_EM 0.49
#define LOOSE_DEMERITS 1000000
#define VERY_LOOSE_GAP_EM 0.74
#define VERY_LOOSE_DEMERITS 10000000

static void break_params(const struct flow *f, struct np_break_params *bp, int justify)
{
	np_break_params_default(bp);
	bp->mode = f->out->o && f->out->o->breaker == NP_BREAK_FIRST_FIT ? NP_BREAK_FIRST_FIT
							       : NP_BREAK_TOTAL_FIT;
	bp->justify = justify;
	bp->max_hyphen_run = f->g->l->max_hyphen_run;
	bp->emergency_stretch = NP_UNITS(f->g->l->styles[NP_ST_BODY].size * 1.5);
	bp->letter_space = f->g->l->letter_space_max;
	bp->letter_threshold = f->g->l->letter_space_threshold;
	double em = f->g->l->styles[NP_ST_BODY].size;
	bp->loose_gap = NP_UNITS(em * LOOSE_GAP_EM);
	bp->loose_demerits = LOOSE_DEMERITS;
	bp->very_loose_gap = NP_UNITS(em * VERY_LOOSE_GAP_EM);
	bp->very_loose_demerits = VERY_LOOSE_DEMERITS;
}

/* A paragraph set a line shorter or a line longer, as its lines allow
 * (looseness): how a compositor mends a widow, or the orphan the next
 * paragraph would have, without leaving a line empty at a column's foot. The
 * cheaper of the two that strands no line, sets no line looser than
 * LOOSE_LIMIT (or the paragraph's loosest as it was) and no more lines looser
 * than LOOSE_LIMIT than it had (one forced loose line must not make the whole
 * paragraph as loose) replaces r: 1. */
#define LOOSE_LIMIT 1.0 /* the breaker's very loose class (np_break_result.very_loose) */

/* The balancer asks for a line more or less only when no limits end the
 * columns within a line: one paragraph may then go a little looser, to
 * BALANCE_LOOSE_LIMIT at most and BALANCE_LOOSE_EXTRA more lines past
 * LOOSE_LIMIT, since a column ending lines short shows more than a few
 * looser lines (a dropped pull-quote can leave a last page that balances no
 * other way). Three: with loose lines costing what a reader sees (above), a
 * paragraph's cheapest setting a line longer spreads its give over more lines
 * below ratio 2 (de_chinesische_wikinews in the tabloid: four, from one). */
#define BALANCE_LOOSE_LIMIT 2.0
#define BALANCE_LOOSE_EXTRA 3


/* Breaks the paragraph with looseness k; the result when it has k lines more
 * and no line looser than the limit; else t is left empty (nlines 0). A
 * paragraph of more than LOOSE_MAX_LINES lines is not tried: breaking it again
 * costs more than the line it could give is worth. for_balance: the
 * balancer's wider limits. */
#define LOOSE_MAX_LINES 100

static int break_loose(struct para_at *a, struct lines_map *m, struct np_break_params *bp,
		       int k, int for_balance, const struct np_break_result *base,
		       struct np_break_result *t)
{
	if (base->nlines > LOOSE_MAX_LINES)
		return 0;
	double cap = for_balance ? BALANCE_LOOSE_LIMIT : LOOSE_LIMIT;
	double limit = base->loosest > cap ? base->loosest : cap;
	size_t extra = for_balance ? BALANCE_LOOSE_EXTRA : 0;
	bp->looseness = k;
	int rc = break_at(a, m, bp, t);
	bp->looseness = 0;
	if (rc < 0 || m->failed < 0) {
		np_break_result_fini(t);
		return -1;
	}
	if (t->nlines != base->nlines + (size_t)k || t->overfull || t->loosest > limit ||
	    t->very_loose > base->very_loose + extra)
		np_break_result_fini(t);
	return 0;
}

/* The balancer asked for this paragraph a line longer or shorter: r becomes
 * that when its lines allow (counted in f->loose_taken). */
static int set_loose(struct flow *f, struct para_at *a, struct lines_map *m,
		     struct np_break_params *bp, int k, struct np_break_result *r)
{
	struct np_break_result t = {0};
	if (break_loose(a, m, bp, k, 1, r, &t) < 0)
		return -1;
	if (t.nlines) {
		np_break_result_fini(r);
		*r = t;
		f->loose_taken++;
	}
	return 0;
}

static int set_looser(struct flow *f, struct para_at *a, struct lines_map *m,
		      struct np_break_params *bp, int block, struct np_break_result *r)
{
	struct np_break_result best = {0};
	for (int k = -1; k <= 1; k += 2) {
		struct np_break_result t = {0};
		if (break_loose(a, m, bp, k, 0, r, &t) < 0) {
			np_break_result_fini(&best);
			return -1;
		}
		size_t lone;
		if (t.nlines && stranded(f, m, t.nlines, &lone) == NOT_STRANDED &&
		    !orphan_ahead(f, m, t.nlines, block) &&
		    (!best.nlines || t.demerits < best.demerits)) {
			np_break_result_fini(&best);
			best = t;
		} else {
			np_break_result_fini(&t);
		}
	}
	if (!best.nlines)
		return 0;
	np_break_result_fini(r);
	*r = best;
	return 1;
}

/* The drop cap's lines must share one column run, or the cap would hang over
 * a column's foot: else its paragraph starts in the next run. */
static int fix_dropcap(struct flow *f, struct lines_map *m, size_t L)
{
	if (m->dropcap_lines == 0 || L < (size_t)m->dropcap_lines)
		return 0;
	size_t a = map_line(m, 0), b = map_line(m, (size_t)m->dropcap_lines - 1);
	if (a == SIZE_MAX || b == SIZE_MAX || b - a == (size_t)m->dropcap_lines - 1)
		return 0;
	f->slots[a].blank = 1;
	return 1;
}

/* The item that ends a line before a jump or a page turn with a hyphen (a
 * reader turning the page must not carry half a word): SIZE_MAX when none,
 * *failed set when its items could not be made. The lines' slots were mapped
 * when the paragraph was broken (the memo's look or the breaker's), so
 * looking at them first makes nothing; paras.c remembers the answer at the
 * turn, so a pour that breaks the paragraph as the last one did needs no
 * items (forbidding a break changes a penalty, not whether it is a hyphen). */
static size_t turn_hyphen(struct flow *f, struct lines_map *m, struct para_at *a,
			  const struct np_break_result *r, int *failed)
{
	for (size_t k = 0; k + 1 < r->nlines; k++) {
		size_t s = map_line(m, k), t = map_line(m, k + 1);
		if (s == SIZE_MAX || t == SIZE_MAX || f->slots[s].region == f->slots[t].region)
			continue;
		int hyphen = np_flow_para_hyphen(f, a->block, a->sid, r->breaks[k]);
		if (hyphen < 0) {
			*failed = 1;
			return SIZE_MAX;
		}
		if (hyphen)
			return r->breaks[k];
	}
	return SIZE_MAX;
}

/* The break at j forbidden from the next break on (kept in order: it names
 * the memo's entry). */
static void forbid(struct para_at *a, size_t j)
{
	size_t i = a->nforbidden;
	if (i == TURN_TRIES)
		return;
	while (i > 0 && a->forbidden[i - 1] > j)
		i--;
	if (i > 0 && a->forbidden[i - 1] == j)
		return;
	memmove(a->forbidden + i + 1, a->forbidden + i, (a->nforbidden - i) * sizeof *a->forbidden);
	a->forbidden[i] = j;
	a->nforbidden++;
}

static int set_paragraph(struct flow *f, int block, enum np_style_id sid)
{
	struct para_at a = {.f = f, .block = block, .sid = sid};
	int turns = 0, failed = 0;
	int justify = f->g->l->styles[sid].align == NP_ALIGN_JUSTIFY;
	struct np_break_params bp;
	break_params(f, &bp, justify);
	struct lines_map m = {.f = f, .start = f->cursor,
			      .dropcap_lines = block == f->dropcap_block ? f->dropcap_lines : 0};
	struct np_break_result r = {0};
	int rc = 0;
	for (int tries = 0; tries < WIDOW_TRIES; tries++) {
		np_break_result_fini(&r);
		m.n = 0;
		rc = break_at(&a, &m, &bp, &r);
		if (rc == 0 && m.failed >= 0 && f->loose && f->loose[block - 1])
			rc = set_loose(f, &a, &m, &bp, f->loose[block - 1], &r);
		if (rc < 0 || m.failed < 0)
			break;
		size_t j = turns < TURN_TRIES ? turn_hyphen(f, &m, &a, &r, &failed) : SIZE_MAX;
		if (failed) {
			rc = -1;
			break;
		}
		if (j != SIZE_MAX) {
			forbid(&a, j);
			turns++;
			tries--; /* not a widow's try */
			continue;
		}
		if (fix_dropcap(f, &m, r.nlines))
			continue;
		size_t lone;
		enum stranded st = stranded(f, &m, r.nlines, &lone);
		if (st == WIDOW || (st == NOT_STRANDED && orphan_ahead(f, &m, r.nlines, block))) {
			rc = set_looser(f, &a, &m, &bp, block, &r);
			if (rc < 0 || m.failed < 0)
				break;
			if (rc > 0) { /* mended without an empty line, unless at a jump */
				j = turns < TURN_TRIES ? turn_hyphen(f, &m, &a, &r, &failed) : SIZE_MAX;
				if (failed) {
					rc = -1;
					break;
				}
				if (j == SIZE_MAX)
					break;
				forbid(&a, j);
				rc = 0;
				turns++;
				tries--;
				continue;
			}
		}
		if (!fix_widow_orphan(f, &m, r.nlines))
			break;
	}
	rc = rc < 0 ? -1 : 0;
	int dropcap = m.dropcap_lines && r.nlines >= (size_t)m.dropcap_lines ? m.dropcap_lines : 0;
	if (rc == 0 && m.failed >= 0)
		rc = place_lines(f, &a, &r, &m, block, sid, justify, dropcap);
	np_para_drop_glyphs(a.p); /* its lines have their own */
	if (rc == 0 && r.nlines > 0) {
		size_t s = map_line(&m, r.nlines - 1);
		if (s != SIZE_MAX) {
			f->cursor = s + 1;
			f->ends[block - 1] = (struct block_end){.region = f->slots[s].region,
								.col = f->slots[s].col,
								.cell = f->slots[s].cell, .placed = 1};
		} else {
			f->cursor = f->nslots;
		}
	}
	np_break_result_fini(&r);
	free(m.v);
	free(a.own);
	return rc < 0 || m.failed < 0 ? -1 : 0;
}

/* The next slot at or after the cursor that is not blank, making pages. */
static size_t next_slot(struct flow *f)
{
	struct lines_map m = {.f = f, .start = f->cursor};
	size_t s = map_line(&m, 0);
	free(m.v);
	return s;
}

/* A subhead's lines at its slot's width: counted (set without a page) once
 * for each width, since every run of the story asks again and counting sets
 * the text afresh (the text layer keeps one measured paragraph). */
static int subhead_lines(struct flow *f, int block, const struct block_spec *bs)
{
	struct subhead_fit *c = &f->subfit[block - 1];
	if (c->lines > 0 && c->w == bs->width)
		return c->lines;
	int n = np_flow_set_block(f, NULL, bs);
	if (n > 0)
		*c = (struct subhead_fit){bs->width, n};
	return n;
}

/* A subhead past the last region: its words are overset like any line's. */
static int subhead_overset(struct flow *f, const struct np_block *b)
{
	f->overflow = 1;
	if (!f->trial) {
		f->overset_words += np_doc_count_words(b->text.text);
		f->overset_lines++;
	}
	return 0;
}

static int set_subhead(struct flow *f, int block)
{
	const struct np_block *b = &f->a->blocks[block - 1];
	size_t s = next_slot(f);
	if (s == SIZE_MAX)
		return subhead_overset(f, b);
	/* the layout's grid lines above (a style's space_before, if more) */
	int space = (int)(f->g->l->styles[NP_ST_SUBHEAD].space_before / f->g->grid + 0.5);
	space = space > f->g->l->subhead_space ? space : f->g->l->subhead_space;
	if (!f->slots[s].run_start)
		for (int i = 0; i < space && s != SIZE_MAX && !f->slots[s].run_start; i++) {
			f->slots[s].blank = 1;
			s = next_slot(f);
		}
	/* keep with next: the subhead and two lines must share a run */
	for (int guard = 0; s != SIZE_MAX && guard < 3; guard++) {
		size_t k = s, have = 1;
		while (have < 3 && k + 1 < f->nslots && !f->slots[k].run_end && f->slots[k + 1].col == f->slots[k].col)
			k++, have++;
		if (have >= 3 || (k + 1 >= f->nslots && !f->slots[k].run_end))
			break;
		for (size_t i = s; i <= k; i++)
			f->slots[i].blank = 1;
		s = next_slot(f);
	}
	if (s == SIZE_MAX)
		return subhead_overset(f, b);
	const struct slot *sl = &f->slots[s];
	f->cursor = s;
	np_flow_use_region(f, sl->region);
	struct block_spec bs = np_flow_subhead_spec(f, sl, block);
	int n = subhead_lines(f, block, &bs);
	if (n < 0)
		return -1;
	if (!f->trial) {
		struct placed_block pb = {.block = block, .subhead = 1, .sid = NP_ST_SUBHEAD,
					  .nlines = (size_t)n, .slot = malloc(sizeof *pb.slot)};
		if (!pb.slot || np_flow_plan_add(f, &pb) < 0) {
			free(pb.slot);
			return -1;
		}
		pb.slot[0] = s;
	}
	f->cursor = s + (size_t)n;
	f->ends[block - 1] = (struct block_end){.region = sl->region, .col = sl->col,
						.cell = sl->cell + n - 1, .placed = 1};
	return 0;
}

/* Bytes of the drop cap at the start of text: its first letter, with an
 * opening quote before it if there is one. */
static size_t dropcap_bytes(const char *t)
{
	size_t n = 0;
	for (int letters = 0; t[n] && letters < 2;) {
		unsigned char c = (unsigned char)t[n];
		size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		int quote = c == '"' || c == '\'' || (len == 3 && (unsigned char)t[n + 1] == 0x80 &&
							  (unsigned char)t[n + 2] >= 0x98 &&
							  (unsigned char)t[n + 2] <= 0x9F);
		n += len;
		letters += quote ? 0 : 2;
	}
	return n;
}

/* Sets up the drop cap of the first paragraph: its letter, its size (the
 * letter's height spans the cap's lines), its width. */
static void setup_dropcap(struct flow *f, int block)
{
	int lines = f->g->l->drop_cap_lines;
	if (lines < 2 || f->dropcap_block || f->a->dateline)
		return;
	const char *text = np_flow_para_text(f, block);
	size_t n = text ? dropcap_bytes(text) : 0;
	if (n == 0 || n >= sizeof f->dropcap || n >= f->a->blocks[block - 1].text.len)
		return;
	memcpy(f->dropcap, text, n);
	f->dropcap[n] = 0;
	f->dropcap_style = f->g->l->styles[NP_ST_DROP_CAP];
	double body = f->g->l->styles[NP_ST_BODY].size;
	f->dropcap_style.size = ((lines - 1) * f->g->grid + 0.7 * body) / 0.7;
	f->dropcap_style.leading = f->dropcap_style.size;
	f->dropcap_w = np_flow_text_natural(f, f->dropcap, &f->dropcap_style) + body * 0.35;
	f->dropcap_lines = lines;
	f->dropcap_block = block;
	f->dropcap_skip = n;
}

int np_flow_body(struct flow *f, int from)
{
	int first = 1, after_head = 1;
	if (from > 1) {
		first = f->starts[from - 1].first;
		after_head = f->starts[from - 1].after_head;
	}
	for (size_t i = (size_t)from - 1; i < f->a->nblocks; i++) {
		int block = (int)i + 1;
		if (f->stop_at_overflow && f->overflow)
			break; /* a window's run: what lies past it is not asked */
		f->starts[i] = (struct block_start){f->cursor, f->used_regions, (uint8_t)first,
						    (uint8_t)after_head};
		if (f->a->blocks[i].kind == NP_BLOCK_SUBHEAD) {
			if (set_subhead(f, block) < 0 || (!f->trial && np_flow_paint_planned(f) < 0))
				return -1;
			after_head = 1;
			continue;
		}
		enum np_style_id sid = after_head ? NP_ST_BODY_FIRST : NP_ST_BODY;
		if (first)
			setup_dropcap(f, block);
		if (set_paragraph(f, block, sid) < 0 || (!f->trial && np_flow_paint_planned(f) < 0))
			return -1;
		first = after_head = 0;
	}
	return 0;
}
