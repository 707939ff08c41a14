/* paras.c - the story's shaped paragraphs, a bounded few alive at once.
 *
 * A story is poured several times (trial runs, balancing, floats, the copy
 * desk's pull-quote tries) and each pour starts at its first block; holding
 * every paragraph's items for all of them costs about 100 bytes a word for the
 * whole story. What a pour needs of most paragraphs is their breaks, which
 * the breaks memo (break/memo.c) gives again without the items when the
 * widths are the same. So the memo and the natural width of each paragraph
 * are kept for the whole story; the shaped paragraph (text, attributes,
 * items) is made when a pour needs its items (a memo miss, a hyphen at a page
 * turn, drawing), and at most LIVE of them are kept, the least recently used
 * let go of first. Making one again gives the same items (shaping is
 * deterministic), so the memo's breaks still hold for them.
 *
 * Outline:
 *   np_flow_para: the paragraph, made if need be (most recently used now);
 *     past LIVE alive, the least recently used is freed
 *   np_flow_para_memo, np_flow_para_natural, np_flow_para_hyphen: what is
 *     kept of every paragraph (the hyphen: for the line at a page turn)
 *   np_flow_para_release: drawn, it is let go of at once
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "flow/flow_int.h"
#include "model/textpack.h"

/* Paragraphs alive at once: a few pages' worth of a tabloid's (about forty
 * a page), so the paragraphs a balancing or pull-quote try breaks again stay
 * between its runs. */
#define LIVE 256

int np_flow_paras_init(struct flow *f)
{
	struct flow_paras *ps = &f->paras;
	size_t n = f->a->nblocks + 1;
	ps->p = calloc(n, sizeof *ps->p);
	ps->memo = calloc(n, sizeof *ps->memo);
	ps->natural = malloc(n * sizeof *ps->natural);
	ps->turn = malloc(n * sizeof *ps->turn);
	ps->prev = malloc(n * sizeof *ps->prev);
	ps->next = malloc(n * sizeof *ps->next);
	ps->packer = np_text_packer_new();
	if (!ps->p || !ps->memo || !ps->natural || !ps->turn || !ps->prev || !ps->next ||
	    !ps->packer)
		return -1;
	for (size_t i = 0; i < n; i++) {
		ps->natural[i] = -1;
		ps->turn[i].item = UINT32_MAX;
	}
	ps->head = ps->tail = -1;
	ps->first = -1;
	for (size_t i = 0; i < f->a->nblocks && ps->first < 0; i++)
		if (f->a->blocks[i].kind == NP_BLOCK_PARAGRAPH)
			ps->first = (int)i;
	return 0;
}

void np_flow_paras_fini(struct flow *f)
{
	struct flow_paras *ps = &f->paras;
	for (size_t i = 0; i < f->a->nblocks; i++) {
		if (ps->p)
			np_para_free(ps->p[i]);
		if (ps->memo)
			np_break_memo_fini(&ps->memo[i]);
	}
	free(ps->p);
	free(ps->memo);
	free(ps->natural);
	free(ps->turn);
	free(ps->prev);
	free(ps->next);
	np_text_packer_free(ps->packer);
	memset(ps, 0, sizeof *ps);
}

static void unlink_live(struct flow_paras *ps, int i)
{
	if (ps->prev[i] >= 0)
		ps->next[ps->prev[i]] = ps->next[i];
	else
		ps->head = ps->next[i];
	if (ps->next[i] >= 0)
		ps->prev[ps->next[i]] = ps->prev[i];
	else
		ps->tail = ps->prev[i];
}

static void push_front(struct flow_paras *ps, int i)
{
	ps->prev[i] = -1;
	ps->next[i] = ps->head;
	if (ps->head >= 0)
		ps->prev[ps->head] = i;
	ps->head = i;
	if (ps->tail < 0)
		ps->tail = i;
}

void np_flow_para_release(struct flow *f, int block)
{
	struct flow_paras *ps = &f->paras;
	int i = block - 1;
	if (!ps->p[i])
		return;
	unlink_live(ps, i);
	np_para_free(ps->p[i]);
	ps->p[i] = NULL;
	ps->live--;
}

/* The first paragraph carries the dateline run in, or loses its first letter
 * to the drop cap (body.c sets the cap up before the paragraph is set). */
static struct np_para *make(struct flow *f, int block, enum np_style_id sid, int draw)
{
	const struct np_text *t = &f->a->blocks[block - 1].text;
	const char *text = np_flow_para_text(f, block);
	if (!text)
		return NULL;
	const struct np_style *st = &f->g->l->styles[sid];
	int first = block - 1 == f->paras.first;
	size_t skip = block == f->dropcap_block ? f->dropcap_skip : 0;
	struct np_para_spec spec = {.text = text + skip, .len = t->len - skip, .runs = t->runs,
				    .nruns = t->nruns, .style = st, .language = f->a->language,
				    .layout = f->g->l, .indent = st->indent, .mark = t->mark,
				    .letter_space = f->g->l->letter_space_max,
				    .letter_threshold = f->g->l->letter_space_threshold,
				    .max_box = NP_UNITS(f->g->colw)};
	struct np_run *shifted = NULL;
	if (skip) {
		shifted = calloc(t->nruns + 1, sizeof *shifted);
		for (size_t i = 0; shifted && i < t->nruns; i++)
			shifted[i] = (struct np_run){t->runs[i].start > skip ? t->runs[i].start - skip : 0,
						     t->runs[i].end > skip ? t->runs[i].end - skip : 0,
						     t->runs[i].flags};
		spec.runs = shifted;
	}
	char *joined = NULL;
	struct np_run *runs = NULL;
	if (first && f->a->dateline) {
		size_t n = strlen(f->a->dateline) + t->len + 8;
		joined = malloc(n);
		if (!joined) {
			free(shifted);
			return NULL;
		}
		snprintf(joined, n, "%s \xE2\x80\x94 %s", f->a->dateline, text);
		size_t lead = strlen(joined) - t->len;
		runs = calloc(t->nruns + 1, sizeof *runs);
		for (size_t i = 0; runs && i < t->nruns; i++)
			runs[i] = (struct np_run){t->runs[i].start + lead, t->runs[i].end + lead,
						  t->runs[i].flags};
		spec.text = joined;
		spec.len = strlen(joined);
		spec.runs = runs;
		spec.lead_style = &f->g->l->styles[NP_ST_DATELINE];
		spec.lead_len = lead;
	}
	struct np_para *p = draw ? np_para_new_drawn(f->out->t, &spec)
				 : np_para_new(f->out->t, &spec);
	free(joined);
	free(runs);
	free(shifted);
	return p;
}

struct np_para *np_flow_para(struct flow *f, int block, enum np_style_id sid, int draw)
{
	struct flow_paras *ps = &f->paras;
	int i = block - 1;
	if (ps->p[i]) {
		unlink_live(ps, i);
		push_front(ps, i);
		return ps->p[i];
	}
	if (!(ps->p[i] = make(f, block, sid, draw)))
		return NULL;
	ps->natural[i] = np_para_natural(ps->p[i]);
	push_front(ps, i);
	if (++ps->live > LIVE)
		np_flow_para_release(f, ps->tail + 1);
	return ps->p[i];
}

int64_t np_flow_para_natural(struct flow *f, int block, enum np_style_id sid)
{
	if (f->paras.natural[block - 1] < 0 && !np_flow_para(f, block, sid, 0))
		return -1;
	return f->paras.natural[block - 1];
}

const char *np_flow_para_text(struct flow *f, int block)
{
	return np_text_plain(f->paras.packer, &f->a->blocks[block - 1].text);
}

struct np_break_memo *np_flow_para_memo(struct flow *f, int block)
{
	return &f->paras.memo[block - 1];
}

int np_flow_para_hyphen(struct flow *f, int block, enum np_style_id sid, size_t item)
{
	struct flow_paras *ps = &f->paras;
	int i = block - 1;
	if (item >= UINT32_MAX)
		return -1; /* not an item of a paragraph of at most 1 MiB */
	if (ps->turn[i].item != item) {
		struct np_para *p = np_flow_para(f, block, sid, 0);
		if (!p)
			return -1;
		size_t n;
		const struct np_bitem *b = &np_para_items(p, &n)[item];
		ps->turn[i].item = (uint32_t)item;
		ps->turn[i].hyphen = b->type == NP_PENALTY && b->flagged;
	}
	return ps->turn[i].hyphen;
}
