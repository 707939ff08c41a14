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
/* The paragraphs measured before the last, kept by their text and styles
 * without their glyphs: a story poured again measures each of its subheads
 * and pull-quotes again in turn (one kept paragraph held none of them: the
 * 48-page article shaped 28,000 blocks, a third of its run). Bounded: past
 * it, a paragraph is no longer kept. */
#define STORE_BYTES (2u << 20)

/* The items of the kept paragraph for one set of words allowed to break
 * anywhere, named by how many they are (the widest first). */
struct stash {
	int wide;
	struct np_bitem *items;
	size_t n;
};

/* A paragraph measured, with what it was measured from. */
struct kept {
	struct np_para *p;
	struct np_para_spec spec; /* text, runs, language owned; styles point into kept */
	struct np_style style, lead_style;
};

struct np_para_memo {
	struct kept k; /* the last, its glyphs kept: measured again at another width */
	struct stash st[STASHED];
	size_t nst;
	GHashTable *store; /* struct kept * -> itself: those before, glyphs let go */
	size_t store_bytes;
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
static int same_shape(const struct kept *m, const struct np_para_spec *s)
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
	struct np_bitem *v = malloc((m->k.p->nitems + 1) * sizeof *v);
	if (!v)
		return;
	memcpy(v, m->k.p->items, m->k.p->nitems * sizeof *v);
	m->st[m->nst++] = (struct stash){wide, v, m->k.p->nitems};
}

/* The items for that set of words, if kept: 1 when they are the paragraph's now. */
static int unstash(struct np_para_memo *m, int wide)
{
	struct np_para *p = m->k.p;
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

static void kept_fini(struct kept *k)
{
	np_para_free(k->p);
	free((char *)k->spec.text);
	free((void *)k->spec.runs);
	free((char *)k->spec.language);
	memset(k, 0, sizeof *k);
}

static void kept_free(gpointer k)
{
	kept_fini(k);
	free(k);
}

/* The store's keys: a kept paragraph stands for the specs it answers. */
static guint kept_hash(gconstpointer a)
{
	const struct kept *k = a;
	guint h = 2166136261u; /* FNV-1a over the text */
	for (size_t i = 0; i < k->spec.len; i++)
		h = (h ^ (unsigned char)k->spec.text[i]) * 16777619u;
	return h ^ (guint)(k->style.size * 64);
}

static gboolean kept_equal(gconstpointer stored, gconstpointer asked)
{
	const struct kept *a = stored, *b = asked;
	return same_shape(a, &b->spec) && same_box(a->p, a->spec.max_box, b->spec.max_box);
}

/* The last paragraph into the store, without its glyphs and per-byte widths
 * (the items are what a measure reads); freed when the store is full. */
static void store_last(struct np_para_memo *m)
{
	struct np_para *p = m->k.p;
	/* what it holds, twice over for the allocator's headers and the
	 * hash's nodes */
	size_t bytes = 2 * (sizeof *p + sizeof m->k + p->len + p->nitems * sizeof *p->items +
			    p->nword_w * sizeof *p->word_w + 256);
	if (!m->store)
		m->store = g_hash_table_new_full(kept_hash, kept_equal, kept_free, NULL);
	struct kept *k = NULL;
	if (m->store_bytes + bytes <= STORE_BYTES && !g_hash_table_contains(m->store, &m->k))
		k = malloc(sizeof *k);
	if (!k) {
		kept_fini(&m->k);
		return;
	}
	np_para_drop_glyphs(p);
	free(p->pre);
	free(p->cluster);
	p->pre = NULL;
	p->cluster = NULL;
	if (p->attrs) /* only shaping reads them, and a stored paragraph is not shaped again */
		pango_attr_list_unref(p->attrs);
	p->attrs = NULL;
	*k = m->k;
	k->spec.style = &k->style;
	if (k->spec.lead_style)
		k->spec.lead_style = &k->lead_style;
	memset(&m->k, 0, sizeof m->k);
	g_hash_table_add(m->store, k);
	m->store_bytes += bytes;
}

/* Lets go of the last paragraph (into the store) and its stashed items. */
static void memo_clear(struct np_para_memo *m)
{
	for (size_t i = 0; i < m->nst; i++)
		free(m->st[i].items);
	m->nst = 0;
	if (m->k.p)
		store_last(m);
	kept_fini(&m->k);
}

static void memo_free(struct np_para_memo *m)
{
	if (m) {
		for (size_t i = 0; i < m->nst; i++)
			free(m->st[i].items);
		kept_fini(&m->k);
		if (m->store)
			g_hash_table_destroy(m->store);
	}
	free(m);
}

static int keep_spec(struct np_para_memo *m, const struct np_para_spec *s)
{
	m->k.spec = *s;
	m->k.spec.text = malloc(s->len + 1);
	m->k.spec.runs = s->nruns ? malloc(s->nruns * sizeof *s->runs) : NULL;
	m->k.spec.language = s->language ? strdup(s->language) : NULL;
	if (!m->k.spec.text || (s->nruns && !m->k.spec.runs) || (s->language && !m->k.spec.language))
		return -1;
	memcpy((char *)m->k.spec.text, s->text, s->len);
	((char *)m->k.spec.text)[s->len] = 0;
	if (s->nruns)
		memcpy((void *)m->k.spec.runs, s->runs, s->nruns * sizeof *s->runs);
	m->k.style = *s->style;
	m->k.spec.style = &m->k.style;
	if (s->lead_style) {
		m->k.lead_style = *s->lead_style;
		m->k.spec.lead_style = &m->k.lead_style;
	}
	return 0;
}

/* A paragraph measured before the last from the same text and styles. */
static const struct np_para *stored(struct np_para_memo *m, const struct np_para_spec *spec)
{
	if (!m->store)
		return NULL;
	struct kept q = {.spec = *spec, .style = *spec->style, .p = NULL};
	q.spec.style = &q.style;
	const struct kept *k = g_hash_table_lookup(m->store, &q);
	return k ? k->p : NULL;
}

const struct np_para *np_para_measure(struct np_text_ctx *t, const struct np_para_spec *spec)
{
	if (!t->memo && !(t->memo = calloc(1, sizeof *t->memo)))
		return NULL;
	t->memo_free = memo_free;
	struct np_para_memo *m = t->memo;
	if (same_shape(&m->k, spec)) {
		if (same_box(m->k.p, m->k.spec.max_box, spec->max_box))
			return m->k.p;
		/* a word wider than one limit and not the other: items again,
		 * or as they were for the same words (a bisection comes back) */
		int want = wide_words(m->k.p, spec->max_box);
		stash(m, wide_words(m->k.p, m->k.spec.max_box));
		m->k.spec.max_box = spec->max_box;
		if (unstash(m, want) || np_para_items_again(m->k.p, &m->k.spec) == 0)
			return m->k.p;
	}
	const struct np_para *known = stored(m, spec);
	if (known)
		return known;
	memo_clear(m);
	if (keep_spec(m, spec) < 0) {
		kept_fini(&m->k);
		return NULL;
	}
	m->k.p = np_para_new_kept(t, &m->k.spec);
	return m->k.p;
}
