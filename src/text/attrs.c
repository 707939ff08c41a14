/* attrs.c - a paragraph's styles as a PangoAttrList: the base style over the
 * whole text, inline italic and bold runs, and a run-in lead (dateline). */
#include "text/para_int.h"

static void add(PangoAttrList *l, PangoAttribute *a, size_t start, size_t end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(l, a);
}

static void style_attrs(PangoAttrList *l, const struct np_style *s, size_t start, size_t end)
{
	PangoFontDescription *fd = np_text_font_desc(s);
	add(l, pango_attr_font_desc_new(fd), start, end);
	pango_font_description_free(fd);
	if (s->letter_spacing != 0)
		add(l, pango_attr_letter_spacing_new((int)(s->letter_spacing / 1000.0 * s->size *
							     PANGO_SCALE)),
		    start, end);
	if (s->small_caps)
		add(l, pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS), start, end);
}

PangoAttrList *np_para_attrs(const struct np_para *p, const struct np_para_spec *spec)
{
	PangoAttrList *l = pango_attr_list_new();
	style_attrs(l, spec->style, 0, p->len);
	if (spec->language)
		add(l, pango_attr_language_new(pango_language_from_string(spec->language)), 0,
		    p->len);
	if (p->lead_len && spec->lead_style)
		style_attrs(l, spec->lead_style, 0, p->lead_len);
	for (size_t i = 0; i < spec->nruns; i++) {
		size_t s = spec->runs[i].start, e = spec->runs[i].end;
		if (e > spec->len || s >= e)
			continue;
		if (p->map) { /* through an uppercase transform */
			s = p->map[s];
			e = p->map[e];
		}
		if (e > p->len || s >= e)
			continue;
		if (spec->runs[i].flags & NP_INLINE_ITALIC)
			add(l, pango_attr_style_new(PANGO_STYLE_ITALIC), (size_t)s, (size_t)e);
		if (spec->runs[i].flags & NP_INLINE_BOLD)
			add(l, pango_attr_weight_new(PANGO_WEIGHT_BOLD), (size_t)s, (size_t)e);
	}
	return l;
}
