/* hyph_width.c - the width of a paragraph's hyphen, remembered by the context.
 *
 * A hyphen is set in the style the paragraph's text starts with: measuring it
 * means a layout copied from the paragraph's (all its attributes) and shaped
 * again, 30,000 instructions, once for every paragraph and every headline
 * tried at another size. The width depends only on the attributes that hold
 * at the text's first byte, so it is kept under those, written out
 * (pango_attr_list_to_string), up to a bound.
 */
#include <stdlib.h>

#include "text/para_int.h"

#define WIDTHS_MAX 4096

/* The attributes over byte 0, as text: the same text, the same hyphen. */
static char *key_of(PangoAttrList *attrs)
{
	PangoAttrList *at0 = pango_attr_list_new();
	PangoAttrIterator *it = pango_attr_list_get_iterator(attrs);
	GSList *list = pango_attr_iterator_get_attrs(it);
	for (GSList *l = list; l; l = l->next) {
		PangoAttribute *a = pango_attribute_copy(l->data);
		a->start_index = 0;
		a->end_index = 1;
		pango_attr_list_insert(at0, a);
	}
	g_slist_free_full(list, (GDestroyNotify)pango_attribute_destroy);
	pango_attr_iterator_destroy(it);
	char *k = pango_attr_list_to_string(at0);
	pango_attr_list_unref(at0);
	return k;
}

static int32_t measured(struct np_para *p)
{
	PangoLayout *l = pango_layout_copy(p->layout);
	pango_layout_set_text(l, "-", 1);
	int w = 0;
	pango_layout_get_size(l, &w, NULL);
	g_object_unref(l);
	return w;
}

int32_t np_para_hyphen_width(struct np_para *p)
{
	struct np_text_ctx *t = p->t;
	char *k = p->attrs ? key_of(p->attrs) : NULL;
	if (!k)
		return measured(p);
	if (!t->hyph_widths)
		t->hyph_widths = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	gpointer v;
	if (g_hash_table_lookup_extended(t->hyph_widths, k, NULL, &v)) {
		g_free(k);
		return (int32_t)GPOINTER_TO_INT(v);
	}
	int32_t w = measured(p);
	if (g_hash_table_size(t->hyph_widths) < WIDTHS_MAX)
		g_hash_table_insert(t->hyph_widths, k, GINT_TO_POINTER(w));
	else
		g_free(k);
	return w;
}
