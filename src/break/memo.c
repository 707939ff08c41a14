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
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "break/break.h"

/* A paragraph is broken again after a widow or orphan fix, loosened, and
 * with each hyphen at a page turn forbidden in turn (up to eight): every run
 * of the story asks the same again. */
#define MEMO_WAYS 16

/* The parameters a memo was made with, kept once for the process: every
 * paragraph of a story is broken with one of a few sets (justified or not,
 * a line looser or tighter), and a copy in each entry was a third of the
 * memo (112 bytes a paragraph). Threads (an edition's stories) share the
 * table under a lock; past PARAMS_MAX sets, breaks are not kept. */
#define PARAMS_MAX 1024
static struct np_break_params params_kept[PARAMS_MAX];
static size_t nparams_kept;
static pthread_mutex_t params_lock = PTHREAD_MUTEX_INITIALIZER;

/* p's index in the table, added when add is set; -1 when not there (or full). */
static long params_index(const struct np_break_params *p, int add)
{
	long found = -1;
	pthread_mutex_lock(&params_lock);
	for (size_t i = 0; i < nparams_kept && found < 0; i++)
		if (memcmp(&params_kept[i], p, sizeof *p) == 0)
			found = (long)i;
	if (found < 0 && add && nparams_kept < PARAMS_MAX) {
		params_kept[nparams_kept] = *p;
		found = (long)nparams_kept++;
	}
	pthread_mutex_unlock(&params_lock);
	return found;
}

/* Kept for every paragraph of a story, so in one block each: the header
 * (the lines' ratios summed up in it: all of them were a third of the
 * memo), then its breaks (the items' indexes: as steps
 * from the one before in 16 bits when every step fits, as most lines hold a
 * few hundred items, else in 32 bits: a paragraph is at most 1 MiB), the
 * breaks that were forbidden (item indexes, ascending), and the widths of the
 * lines as asked for, as runs of one width (a paragraph's lines are mostly a
 * column's width). */
struct np_break_memo_entry {
	struct np_break_memo_entry *older; /* kept before this one, or NULL */
	double demerits, loosest;
	uint32_t nlines, nruns, very_loose, nforbidden;
	uint16_t params; /* in params_kept */
	uint8_t overfull, emergency, pass;
	uint8_t wide; /* breaks in 32 bits, not steps in 16 */
};

struct width_run {
	int32_t w;
	uint32_t n;
};

static void *entry_breaks(const struct np_break_memo_entry *e)
{
	return (void *)(e + 1);
}

static uint32_t *entry_forbidden(const struct np_break_memo_entry *e)
{
	uintptr_t at = (uintptr_t)entry_breaks(e) + e->nlines * (e->wide ? 4u : 2u);
	return (uint32_t *)((at + 3) & ~(uintptr_t)3);
}

static struct width_run *entry_runs(const struct np_break_memo_entry *e)
{
	uintptr_t at = (uintptr_t)(entry_forbidden(e) + e->nforbidden);
	at = (at + _Alignof(struct width_run) - 1) & ~(uintptr_t)(_Alignof(struct width_run) - 1);
	return (struct width_run *)at;
}

/* Break i of e. */
static size_t entry_break(const struct np_break_memo_entry *e, size_t i, size_t before)
{
	if (e->wide)
		return ((const uint32_t *)entry_breaks(e))[i];
	return before + ((const uint16_t *)entry_breaks(e))[i];
}

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
static int give(struct np_break_result *dst, const struct np_break_memo_entry *e)
{
	memset(dst, 0, sizeof *dst);
	dst->breaks = malloc(((size_t)e->nlines + 1) * sizeof *dst->breaks);
	if (!dst->breaks) {
		np_break_result_fini(dst);
		return -1;
	}
	for (size_t i = 0, before = 0; i < e->nlines; i++)
		before = dst->breaks[i] = entry_break(e, i, before);
	dst->nlines = e->nlines;
	dst->overfull = e->overfull;
	dst->emergency = e->emergency;
	dst->pass = e->pass;
	dst->demerits = e->demerits;
	dst->loosest = e->loosest;
	dst->very_loose = e->very_loose;
	return 0;
}

/* r and the widths w[0..nw) made into an entry (NULL: not kept: out of
 * memory, past 32 bits, or the parameters' table full). */
static struct np_break_memo_entry *keep(const struct np_break_result *r, const int32_t *w, size_t nw,
			  const struct np_break_params *p, const struct np_break_forbidden *fb)
{
	size_t nfb = fb ? fb->n : 0;
	if (r->nlines > UINT32_MAX || nw > UINT32_MAX || r->very_loose > UINT32_MAX ||
	    nfb > UINT32_MAX)
		return NULL;
	for (size_t i = 0; i < nfb; i++)
		if (fb->at[i] > UINT32_MAX)
			return NULL;
	for (size_t i = 0; i < r->nlines; i++)
		if (r->breaks[i] > UINT32_MAX)
			return NULL;
	long pi = params_index(p, 1);
	if (pi < 0)
		return NULL;
	size_t nruns = 0;
	for (size_t i = 0; i < nw; i++)
		nruns += i == 0 || w[i] != w[i - 1];
	int wide = 0;
	for (size_t i = 0; i < r->nlines; i++)
		wide |= r->breaks[i] - (i ? r->breaks[i - 1] : 0) > UINT16_MAX ||
			(i && r->breaks[i] < r->breaks[i - 1]);
	size_t bytes = sizeof(struct np_break_memo_entry) + r->nlines * (wide ? 4 : 2) + 3 +
		       nfb * sizeof(uint32_t) + _Alignof(struct width_run) +
		       nruns * sizeof(struct width_run);
	struct np_break_memo_entry *e = malloc(bytes);
	if (!e)
		return NULL;
	*e = (struct np_break_memo_entry){.older = NULL, .demerits = r->demerits,
			    .loosest = r->loosest, .very_loose = (uint32_t)r->very_loose, .nlines = (uint32_t)r->nlines,
			    .nruns = (uint32_t)nruns, .params = (uint16_t)pi,
			    .overfull = (uint8_t)r->overfull, .emergency = (uint8_t)r->emergency,
			    .pass = (uint8_t)r->pass, .nforbidden = (uint32_t)nfb,
			    .wide = (uint8_t)wide};
	for (size_t i = 0; i < r->nlines; i++) {
		if (wide)
			((uint32_t *)entry_breaks(e))[i] = (uint32_t)r->breaks[i];
		else
			((uint16_t *)entry_breaks(e))[i] =
				(uint16_t)(r->breaks[i] - (i ? r->breaks[i - 1] : 0));
	}
	for (size_t i = 0; i < nfb; i++)
		entry_forbidden(e)[i] = (uint32_t)fb->at[i];
	struct width_run *run = entry_runs(e);
	size_t k = 0;
	for (size_t i = 0; i < nw; i++) {
		if (i == 0 || w[i] != w[i - 1])
			run[k++] = (struct width_run){w[i], 0};
		run[k - 1].n++;
	}
	return e;
}

/* Whether e was made with parameters pi and the breaks fb forbidden over the
 * widths peek gives now: asked line by line from the first, as the breaker
 * asked (a look may make a slot), to the first that differs. */
static int same(const struct np_break_memo_entry *e, long pi, const struct np_break_forbidden *fb,
		np_width_fn peek, void *ctx)
{
	size_t nfb = fb ? fb->n : 0;
	if (!e || pi < 0 || e->params != pi || e->nforbidden != nfb)
		return 0;
	for (size_t i = 0; i < nfb; i++)
		if (entry_forbidden(e)[i] != fb->at[i])
			return 0;
	const struct width_run *run = entry_runs(e);
	size_t line = 0;
	for (size_t k = 0; k < e->nruns; k++)
		for (uint32_t j = 0; j < run[k].n; j++)
			if (peek(ctx, line++) != run[k].w)
				return 0;
	return 1;
}

int np_break_memo_find(const struct np_break_memo *m, np_width_fn peek, void *ctx,
		       const struct np_break_params *p, const struct np_break_forbidden *fb,
		       struct np_break_result *r)
{
	if (!m)
		return 0;
	long pi = params_index(p, 0);
	for (const struct np_break_memo_entry *e = m->newest; e; e = e->older)
		if (same(e, pi, fb, peek, ctx))
			return give(r, e) < 0 ? -1 : 1;
	return 0;
}

int np_break_memo_paragraph(struct np_break_memo *m, const struct np_bitem *items, size_t n,
			    np_width_fn peek, np_width_fn width, void *ctx,
			    const struct np_break_params *p, const struct np_break_forbidden *fb,
			    struct np_break_result *r)
{
	int found = np_break_memo_find(m, peek, ctx, p, fb, r);
	if (found)
		return found < 0 ? -1 : 0;
	struct recorder rec = {.fn = width, .ctx = ctx};
	int rc = np_break_paragraph(items, n, m ? record : width, m ? (void *)&rec : ctx, p, r);
	if (rc < 0 || !m || rec.failed) {
		free(rec.w);
		return rc;
	}
	struct np_break_memo_entry *e = keep(r, rec.w, rec.nw, p, fb); /* kept or not, the breaks stand */
	free(rec.w);
	if (!e)
		return 0;
	e->older = m->newest;
	m->newest = e;
	/* the oldest of more than MEMO_WAYS goes */
	struct np_break_memo_entry **at = &m->newest;
	for (size_t i = 0; *at && i < MEMO_WAYS; i++)
		at = &(*at)->older;
	struct np_break_memo rest = {*at};
	*at = NULL;
	np_break_memo_fini(&rest);
	return 0;
}

void np_break_memo_fini(struct np_break_memo *m)
{
	while (m && m->newest) {
		struct np_break_memo_entry *e = m->newest;
		m->newest = e->older;
		free(e);
	}
}
