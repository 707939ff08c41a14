/* memo.c - a paragraph's last breaks, kept to be given again.
 *
 * A story is poured several times before it is drawn (trial runs, balancing,
 * floats planned and planned again), and most of its paragraphs meet the
 * same line widths every time. Breaking is a pure function of the items, the
 * parameters and the widths of the lines the breaker asked for: when those
 * widths are the same again, so are the breaks. The widths are compared
 * through a look that makes nothing (the flow's pages and slots stay as they
 * are); a width it cannot give without making something is a miss.
 *
 * A memo serves one paragraph's own items: its owner passes the same items
 * every time (made again, they are the same), so a hit needs no items at all
 * and the owner may let them go between pours (np_break_memo_find).
 */
#include <stdlib.h>
#include <string.h>

#include "break/break.h"

#define MEMO_WAYS 4 /* a paragraph broken again after a widow or orphan fix, loosened */

struct entry {
	struct np_break_params bp;
	int32_t *w; /* the widths of lines 0..nw-1, as asked for */
	size_t nw;
	struct np_break_result r;
	int used;
};

struct np_break_memo {
	struct entry *e[MEMO_WAYS]; /* made as needed: most paragraphs need one */
	size_t next;
};

struct recorder {
	np_width_fn fn;
	void *ctx;
	int32_t *w;
	size_t nw, cap;
	int failed;
};

/* Records every width asked for (and those of the lines before it, so the
 * record is a prefix). */
static int32_t record(void *c, size_t line)
{
	struct recorder *r = c;
	while (r->nw <= line && !r->failed) {
		if (r->nw == r->cap) {
			size_t cap = r->cap ? r->cap * 2 : 16;
			int32_t *v = realloc(r->w, cap * sizeof *v);
			if (!v) {
				r->failed = 1;
				break;
			}
			r->w = v;
			r->cap = cap;
		}
		r->w[r->nw] = r->fn(r->ctx, r->nw);
		r->nw++;
	}
	return line < r->nw ? r->w[line] : r->fn(r->ctx, line);
}

static int copy_result(struct np_break_result *dst, const struct np_break_result *src)
{
	*dst = *src;
	dst->breaks = malloc((src->nlines + 1) * sizeof *dst->breaks);
	dst->ratios = malloc((src->nlines + 1) * sizeof *dst->ratios);
	if (!dst->breaks || !dst->ratios) {
		np_break_result_fini(dst);
		return -1;
	}
	memcpy(dst->breaks, src->breaks, src->nlines * sizeof *dst->breaks);
	if (src->ratios)
		memcpy(dst->ratios, src->ratios, src->nlines * sizeof *dst->ratios);
	return 0;
}

static int same(const struct entry *e, const struct np_break_params *p, np_width_fn peek, void *ctx)
{
	if (!e || !e->used || memcmp(&e->bp, p, sizeof *p) != 0)
		return 0;
	for (size_t i = 0; i < e->nw; i++)
		if (peek(ctx, i) != e->w[i])
			return 0;
	return 1;
}

static void entry_clear(struct entry *e)
{
	if (!e)
		return;
	free(e->w);
	np_break_result_fini(&e->r);
	memset(e, 0, sizeof *e);
}

int np_break_memo_find(const struct np_break_memo *m, np_width_fn peek, void *ctx,
		       const struct np_break_params *p, struct np_break_result *r)
{
	for (size_t i = 0; m && i < MEMO_WAYS; i++)
		if (same(m->e[i], p, peek, ctx))
			return copy_result(r, &m->e[i]->r) < 0 ? -1 : 1;
	return 0;
}

int np_break_memo_paragraph(struct np_break_memo *m, const struct np_bitem *items, size_t n,
			    np_width_fn peek, np_width_fn width, void *ctx,
			    const struct np_break_params *p, struct np_break_result *r)
{
	int found = np_break_memo_find(m, peek, ctx, p, r);
	if (found)
		return found < 0 ? -1 : 0;
	struct recorder rec = {.fn = width, .ctx = ctx};
	int rc = np_break_paragraph(items, n, m ? record : width, m ? (void *)&rec : ctx, p, r);
	if (rc < 0 || !m || rec.failed) {
		free(rec.w);
		return rc;
	}
	if (!m->e[m->next] && !(m->e[m->next] = calloc(1, sizeof(struct entry)))) {
		free(rec.w);
		return 0; /* not kept; the breaks stand */
	}
	struct entry *e = m->e[m->next];
	m->next = (m->next + 1) % MEMO_WAYS;
	entry_clear(e);
	if (copy_result(&e->r, r) < 0) {
		free(rec.w);
		memset(e, 0, sizeof *e);
		return 0; /* not kept; the breaks stand */
	}
	e->bp = *p;
	e->w = rec.w;
	e->nw = rec.nw;
	e->used = 1;
	return 0;
}

struct np_break_memo *np_break_memo_new(void)
{
	return calloc(1, sizeof(struct np_break_memo));
}

void np_break_memo_free(struct np_break_memo *m)
{
	for (size_t i = 0; m && i < MEMO_WAYS; i++) {
		entry_clear(m->e[i]);
		free(m->e[i]);
	}
	free(m);
}
