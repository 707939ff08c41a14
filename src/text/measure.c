/* measure.c - the last paragraph shaped for measuring, kept by the context.
 *
 * Measuring sets the same short text again and again: a headline fitted by
 * bisection over twelve widths, then measured at the width found, a band
 * measured before it is drawn. Shaping is most of the cost of each; breaking
 * the kept items at another width gives the same lines, so a paragraph is
 * shaped again only when something that shapes or itemises it differs.
 */
#include <stdlib.h>
#include <string.h>

#include "text/para_int.h"

#define STASHED 4

/* The items of the kept paragraph for one set of words allowed to break
 * anywhere, named by how many they are (the widest first). */
struct stash {
	int wide;
	struct np_bitem *items;
	size_t n;
};

struct np_para_memo {
	struct np_para *p;
	struct stash st[STASHED];
	size_t nst;
	struct np_para_spec spec; /* text, runs, language owned; styles point into memo */
	struct np_style style, lead_style;
};

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The fields of a style that change shaping or the items (not colour, not
 * leading or spacing around the block). */
static int same_style(const struct np_style *a, const struct np_style *b)
{
	if (!a || !b)
		return a == b;
	return same_str(a->font, b->font) && a->size == b->size && a->weight == b->weight &&
	       a->italic == b->italic && a->align == b->align && a->transform == b->transform &&
	       a->small_caps == b->small_caps && a->letter_spacing == b->letter_spacing;
}

/* Words wider than max_box (0: none) may break anywhere: two limits give
 * the same items when no word is wider than one and not the other. */
static int same_box(const struct np_para *p, int32_t a, int32_t b)
{
	if (a == b || ((a == 0 || a >= p->widest) && (b == 0 || b >= p->widest)))
		return 1;
	for (size_t i = 0; i < p->nword_w; i++)
		if ((a > 0 && p->word_w[i] > a) != (b > 0 && p->word_w[i] > b))
			return 0;
	return 1;
}

/* Whether the kept paragraph was shaped from the same text in the same
 * styles (its items may still want making again: same_box). */
static int same_shape(const struct np_para_memo *m, const struct np_para_spec *s)
{
	const struct np_para_spec *k = &m->spec;
	return m->p && k->len == s->len && memcmp(k->text, s->text, s->len) == 0 &&
	       k->nruns == s->nruns && (!s->nruns || memcmp(k->runs, s->runs, s->nruns * sizeof *s->runs) == 0) &&
	       same_style(&m->style, s->style) &&
	       same_style(k->lead_style, s->lead_style) && k->lead_len == s->lead_len &&
	       same_str(k->language, s->language) && k->layout == s->layout &&
	       k->indent == s->indent && k->letter_space == s->letter_space;
}

/* Words wider than max_box: they, and only they, may break anywhere. */
static int wide_words(const struct np_para *p, int32_t max_box)
{
	int n = 0;
	for (size_t i = 0; max_box > 0 && i < p->nword_w; i++)
		n += p->word_w[i] > max_box;
	return n;
}

static void stash(struct np_para_memo *m, int wide)
{
	for (size_t i = 0; i < m->nst; i++)
		if (m->st[i].wide == wide)
			return;
	if (m->nst == STASHED)
		return;
	struct np_bitem *v = malloc((m->p->nitems + 1) * sizeof *v);
	if (!v)
		return;
	memcpy(v, m->p->items, m->p->nitems * sizeof *v);
	m->st[m->nst++] = (struct stash){wide, v, m->p->nitems};
}

/* The items for that set of words, if kept: 1 when they are the paragraph's now. */
static int unstash(struct np_para_memo *m, int wide)
{
	struct np_para *p = m->p;
	for (size_t i = 0; i < m->nst; i++) {
		if (m->st[i].wide != wide)
			continue;
		if (p->cap < m->st[i].n + 1) {
			struct np_bitem *v = realloc(p->items, (m->st[i].n + 1) * sizeof *v);
			if (!v)
				return 0;
			p->items = v;
			p->cap = m->st[i].n + 1;
		}
		memcpy(p->items, m->st[i].items, m->st[i].n * sizeof *p->items);
		p->nitems = m->st[i].n;
		return 1;
	}
	return 0;
}

static void memo_clear(struct np_para_memo *m)
{
	for (size_t i = 0; i < m->nst; i++)
		free(m->st[i].items);
	np_para_free(m->p);
	free((char *)m->spec.text);
	free((void *)m->spec.runs);
	free((char *)m->spec.language);
	memset(m, 0, sizeof *m);
}

static void memo_free(struct np_para_memo *m)
{
	if (m)
		memo_clear(m);
	free(m);
}

static int keep_spec(struct np_para_memo *m, const struct np_para_spec *s)
{
	m->spec = *s;
	m->spec.text = malloc(s->len + 1);
	m->spec.runs = s->nruns ? malloc(s->nruns * sizeof *s->runs) : NULL;
	m->spec.language = s->language ? strdup(s->language) : NULL;
	if (!m->spec.text || (s->nruns && !m->spec.runs) || (s->language && !m->spec.language))
		return -1;
	memcpy((char *)m->spec.text, s->text, s->len);
	((char *)m->spec.text)[s->len] = 0;
	if (s->nruns)
		memcpy((void *)m->spec.runs, s->runs, s->nruns * sizeof *s->runs);
	m->style = *s->style;
	m->spec.style = &m->style;
	if (s->lead_style) {
		m->lead_style = *s->lead_style;
		m->spec.lead_style = &m->lead_style;
	}
	return 0;
}

const struct np_para *np_para_measure(struct np_text_ctx *t, const struct np_para_spec *spec)
{
	if (!t->memo && !(t->memo = calloc(1, sizeof *t->memo)))
		return NULL;
	t->memo_free = memo_free;
	struct np_para_memo *m = t->memo;
	if (same_shape(m, spec)) {
		if (same_box(m->p, m->spec.max_box, spec->max_box))
			return m->p;
		/* a word wider than one limit and not the other: items again,
		 * or as they were for the same words (a bisection comes back) */
		int want = wide_words(m->p, spec->max_box);
		stash(m, wide_words(m->p, m->spec.max_box));
		m->spec.max_box = spec->max_box;
		if (unstash(m, want) || np_para_items_again(m->p, &m->spec) == 0)
			return m->p;
	}
	memo_clear(m);
	if (keep_spec(m, spec) < 0) {
		memo_clear(m);
		return NULL;
	}
	m->p = np_para_new_kept(t, &m->spec);
	return m->p;
}
