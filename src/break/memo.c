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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "break/break.h"

#define MEMO_WAYS 4 /* a paragraph broken again after a widow or orphan fix, loosened */

/* Kept for every paragraph of a story, so in one block each: its lines'
 * ratios, then its breaks (32 bits: a paragraph is at most 1 MiB), then the
 * widths of lines 0..nw-1 as asked for. */
struct entry {
	struct np_break_params bp;
	double demerits;
	uint32_t nw, nlines;
	uint8_t overfull, emergency, pass, has_ratios;
	double *data; /* NULL: unused */
};

static uint32_t *entry_breaks(const struct entry *e)
{
	return (uint32_t *)(e->data + e->nlines);
}

static int32_t *entry_widths(const struct entry *e)
{
	return (int32_t *)(entry_breaks(e) + e->nlines);
}

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

/* The entry's breaks as a result the caller owns. */
static int give(struct np_break_result *dst, const struct entry *e)
{
	memset(dst, 0, sizeof *dst);
	dst->breaks = malloc(((size_t)e->nlines + 1) * sizeof *dst->breaks);
	dst->ratios = calloc((size_t)e->nlines + 1, sizeof *dst->ratios);
	if (!dst->breaks || !dst->ratios) {
		np_break_result_fini(dst);
		return -1;
	}
	const uint32_t *b = entry_breaks(e);
	for (size_t i = 0; i < e->nlines; i++)
		dst->breaks[i] = b[i];
	if (e->has_ratios)
		memcpy(dst->ratios, e->data, e->nlines * sizeof *dst->ratios);
	dst->nlines = e->nlines;
	dst->overfull = e->overfull;
	dst->emergency = e->emergency;
	dst->pass = e->pass;
	dst->demerits = e->demerits;
	return 0;
}

/* Keeps r and the widths w[0..nw) in e: 0, or -1 (not kept: out of memory, or
 * past 32 bits). */
static int keep(struct entry *e, const struct np_break_result *r, const int32_t *w, size_t nw)
{
	if (r->nlines > UINT32_MAX || nw > UINT32_MAX)
		return -1;
	for (size_t i = 0; i < r->nlines; i++)
		if (r->breaks[i] > UINT32_MAX)
			return -1;
	size_t bytes = r->nlines * (sizeof(double) + sizeof(uint32_t)) + nw * sizeof(int32_t);
	if (!(e->data = malloc(bytes ? bytes : 1)))
		return -1;
	e->nlines = (uint32_t)r->nlines;
	e->nw = (uint32_t)nw;
	e->has_ratios = r->ratios != NULL;
	if (r->ratios)
		memcpy(e->data, r->ratios, r->nlines * sizeof *r->ratios);
	uint32_t *b = entry_breaks(e);
	for (size_t i = 0; i < r->nlines; i++)
		b[i] = (uint32_t)r->breaks[i];
	if (nw)
		memcpy(entry_widths(e), w, nw * sizeof *w);
	e->overfull = (uint8_t)r->overfull;
	e->emergency = (uint8_t)r->emergency;
	e->pass = (uint8_t)r->pass;
	e->demerits = r->demerits;
	return 0;
}

static int same(const struct entry *e, const struct np_break_params *p, np_width_fn peek, void *ctx)
{
	if (!e || !e->data || memcmp(&e->bp, p, sizeof *p) != 0)
		return 0;
	const int32_t *w = entry_widths(e);
	for (size_t i = 0; i < e->nw; i++)
		if (peek(ctx, i) != w[i])
			return 0;
	return 1;
}

static void entry_clear(struct entry *e)
{
	if (!e)
		return;
	free(e->data);
	memset(e, 0, sizeof *e);
}

int np_break_memo_find(const struct np_break_memo *m, np_width_fn peek, void *ctx,
		       const struct np_break_params *p, struct np_break_result *r)
{
	for (size_t i = 0; m && i < MEMO_WAYS; i++)
		if (same(m->e[i], p, peek, ctx))
			return give(r, m->e[i]) < 0 ? -1 : 1;
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
	if (keep(e, r, rec.w, rec.nw) == 0)
		e->bp = *p;
	free(rec.w);
	return 0; /* kept or not, the breaks stand */
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
