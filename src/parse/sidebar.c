/* sidebar.c - sidebars: a list of datelines (place, date, note) or a box of
 * paragraphs, each with a title and the placement keys. */
#include "parse/pint.h"

#include <stdlib.h>

static const char *const sidebar_keys[] = {"kind", "title", "entries", "body", "after",
					   "span", "column", "position", NULL};
static const char *const entry_keys[] = {"place", "date", "note", NULL};
static const char *const kinds[] = {"datelines", "box", NULL};

static void entry(struct np_pctx *c, const struct np_yt_node *m, struct np_dateline_entry *e)
{
	e->mark = m->mark;
	if (np_ps_expect(c, m, NP_YT_MAP))
		return;
	np_ps_keys(c, m, "dateline entry", entry_keys);
	const struct np_yt_node *v = np_ps_need(c, m, "place", "dateline entry");
	if (v)
		np_ps_text(c, v, "place", &e->place);
	if ((v = np_ps_get(m, "date")))
		np_ps_text(c, v, "date", &e->date);
	if ((v = np_ps_get(m, "note")))
		np_ps_text(c, v, "note", &e->note);
}

static void datelines(struct np_pctx *c, const struct np_yt_node *m, struct np_sidebar *s)
{
	const struct np_yt_node *seq = np_ps_need(c, m, "entries", "datelines sidebar");
	if (!seq || !(s->entries = np_ps_list(c, seq, "entries", sizeof *s->entries,
					      &s->nentries)))
		return;
	for (size_t i = 0; i < seq->nitems; i++)
		entry(c, seq->items[i], &s->entries[i]);
}

static void box(struct np_pctx *c, const struct np_yt_node *m, struct np_sidebar *s)
{
	const struct np_yt_node *seq = np_ps_need(c, m, "body", "box sidebar");
	if (!seq || !(s->paragraphs = np_ps_list(c, seq, "body", sizeof *s->paragraphs,
						 &s->nparagraphs)))
		return;
	for (size_t i = 0; i < seq->nitems; i++)
		np_ps_paragraph(c, seq->items[i], "sidebar paragraph", &s->paragraphs[i]);
}

/* A key that belongs to the other kind is an error, not silently dropped. */
static void wrong_kind(struct np_pctx *c, const struct np_yt_node *m, const char *key,
		       const char *kind)
{
	const struct np_yt_pair *p = np_ps_pair(m, key);
	if (p)
		np_ps_error(c, &p->key->mark, "'%s' is not used by a %s sidebar", key, kind);
}

static void sidebar(struct np_pctx *c, const struct np_yt_node *m, size_t nblocks,
		    struct np_sidebar *s)
{
	s->mark = m->mark;
	if (np_ps_expect(c, m, NP_YT_MAP))
		return;
	np_ps_keys(c, m, "sidebar", sidebar_keys);
	const struct np_yt_node *v = np_ps_need(c, m, "kind", "sidebar");
	if ((v = np_ps_get(m, "title")))
		np_ps_text(c, v, "title", &s->title);
	np_ps_placement(c, m, nblocks, &s->place);
	int kind;
	if (!(v = np_ps_get(m, "kind")) || np_ps_enum(c, v, "sidebar kind", kinds, &kind))
		return;
	s->kind = kind ? NP_SIDEBAR_BOX : NP_SIDEBAR_DATELINES;
	if (s->kind == NP_SIDEBAR_DATELINES) {
		wrong_kind(c, m, "body", "datelines");
		datelines(c, m, s);
	} else {
		wrong_kind(c, m, "entries", "box");
		box(c, m, s);
	}
}

int np_ps_sidebars(struct np_pctx *c, const struct np_yt_node *seq, size_t nblocks,
		   struct np_article *a)
{
	a->sidebars = np_ps_list(c, seq, "sidebars", sizeof *a->sidebars, &a->nsidebars);
	if (!a->sidebars)
		return -1;
	for (size_t i = 0; i < seq->nitems; i++)
		sidebar(c, seq->items[i], nblocks, &a->sidebars[i]);
	return 0;
}
