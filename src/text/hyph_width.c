/* hyph_width.c - the width of a paragraph's hyphen, remembered by the context.
 *
 * A hyphen is set in the style the paragraph's text starts with: measuring it
 * means a layout copied from the paragraph's (all its attributes) and shaped
 * again, 30,000 instructions, once for every paragraph and every headline
 * tried at another size. The width depends only on the attributes that hold
 * at the text's first byte, so it is kept under those (compared with
 * pango_attribute_equal: writing them out as a key cost half as much as
 * measuring), for a bounded number of styles.
 */
#include <stdlib.h>

#include "text/para_int.h"

#define WIDTHS_MAX 64

struct np_hyph_width {
	GSList *attrs; /* copies of the attributes over byte 0, in the list's order */
	int32_t width;
};

static int same_attrs(GSList *a, GSList *b)
{
	for (; a && b; a = a->next, b = b->next)
		if (!pango_attribute_equal(a->data, b->data))
			return 0;
	return !a && !b;
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
	if (!p->attrs)
		return measured(p);
	PangoAttrIterator *it = pango_attr_list_get_iterator(p->attrs);
	GSList *at0 = pango_attr_iterator_get_attrs(it); /* the first range starts at 0 */
	pango_attr_iterator_destroy(it);
	for (size_t i = 0; i < t->nhyph_widths; i++)
		if (same_attrs(t->hyph_widths[i].attrs, at0)) {
			g_slist_free_full(at0, (GDestroyNotify)pango_attribute_destroy);
			return t->hyph_widths[i].width;
		}
	int32_t w = measured(p);
	if (!t->hyph_widths)
		t->hyph_widths = calloc(WIDTHS_MAX, sizeof *t->hyph_widths);
	if (t->hyph_widths && t->nhyph_widths < WIDTHS_MAX)
		t->hyph_widths[t->nhyph_widths++] = (struct np_hyph_width){at0, w};
	else
		g_slist_free_full(at0, (GDestroyNotify)pango_attribute_destroy);
	return w;
}

void np_hyph_widths_forget(struct np_text_ctx *t)
{
	for (size_t i = 0; i < t->nhyph_widths; i++)
		g_slist_free_full(t->hyph_widths[i].attrs, (GDestroyNotify)pango_attribute_destroy);
	free(t->hyph_widths);
	t->hyph_widths = NULL;
	t->nhyph_widths = 0;
}
