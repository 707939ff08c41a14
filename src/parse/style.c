/* style.c - the `styles:` mapping of a layout: each style names only the
 * keys it changes over the built-in defaults. */
#include "parse/pint.h"

#include <stdio.h>
#include <string.h>

static const char *const style_keys[] = {
	"font", "size", "leading", "weight", "italic", "align", "indent", "space_before",
	"space_after", "transform", "small_caps", "letter_spacing", "color", NULL};

/* No type is set larger than this (pt): Pango measures in 1/1024 pt in an
 * int, so a size of 1e9 pt would overflow it. */
#define MAX_STYLE_LENGTH 1000.0

static int at_least(struct np_pctx *c, const struct np_yt_node *n, const char *key, double v,
		    double min, int strict)
{
	if ((strict ? v > min : v >= min) && v <= MAX_STYLE_LENGTH)
		return 0;
	if (v > MAX_STYLE_LENGTH)
		np_ps_error(c, &n->mark, "'%s' must be at most %gpt, found %s", key,
			    MAX_STYLE_LENGTH, n->str);
	else
		np_ps_error(c, &n->mark, "'%s' must be %s %g, found %s", key,
			    strict ? "greater than" : "at least", min, n->str);
	return -1;
}

static void weight(struct np_pctx *c, const struct np_yt_node *v, struct np_style *s)
{
	if (v->kind == NP_YT_SCALAR && (!strcmp(v->str, "normal") || !strcmp(v->str, "bold"))) {
		s->weight = v->str[0] == 'b' ? 700 : 400;
		return;
	}
	if (v->kind == NP_YT_SCALAR && !v->plain) {
		np_ps_error(c, &v->mark, "unknown weight '%s' (expected normal, bold or a "
			    "number 100-900)", v->str);
		return;
	}
	int w;
	if (np_ps_int(c, v, "weight", &w))
		return;
	if (w < 100 || w > 900)
		np_ps_error(c, &v->mark, "'weight' must be between 100 and 900, found %d", w);
	else
		s->weight = w;
}

/* Size first: an em length in the same style is relative to it. */
static void metrics(struct np_pctx *c, const struct np_yt_node *m, struct np_style *s)
{
	const struct np_yt_node *v;
	double x;
	if ((v = np_ps_get(m, "size")) && !np_ps_length(c, v, "size", 0, &x) &&
	    !at_least(c, v, "size", x, 0, 1))
		s->size = x;
	if ((v = np_ps_get(m, "leading")) && !np_ps_length(c, v, "leading", s->size, &x) &&
	    !at_least(c, v, "leading", x, 0, 1))
		s->leading = x;
	struct {
		const char *key;
		double *out;
	} len[] = {{"indent", &s->indent}, {"space_before", &s->space_before},
		   {"space_after", &s->space_after}};
	for (size_t i = 0; i < sizeof len / sizeof *len; i++)
		if ((v = np_ps_get(m, len[i].key)) &&
		    !np_ps_length(c, v, len[i].key, s->size, &x) &&
		    !at_least(c, v, len[i].key, x, 0, 0))
			*len[i].out = x;
	if ((v = np_ps_get(m, "letter_spacing")) && !np_ps_number(c, v, "letter_spacing", &x)) {
		if (x < -500 || x > 1000)
			np_ps_error(c, &v->mark, "'letter_spacing' must be between -500 and 1000 "
				    "(thousandths of an em), found %s", v->str);
		else
			s->letter_spacing = x;
	}
}

static void looks(struct np_pctx *c, const struct np_yt_node *m, struct np_style *s)
{
	static const char *const aligns[] = {"left", "right", "center", "justify", NULL};
	static const char *const transforms[] = {"none", "uppercase", NULL};
	const struct np_yt_node *v;
	int i;
	if ((v = np_ps_get(m, "font")))
		np_ps_text(c, v, "font", &s->font);
	if ((v = np_ps_get(m, "weight")))
		weight(c, v, s);
	if ((v = np_ps_get(m, "italic")))
		np_ps_bool(c, v, "italic", &s->italic);
	if ((v = np_ps_get(m, "small_caps")))
		np_ps_bool(c, v, "small_caps", &s->small_caps);
	if ((v = np_ps_get(m, "align")) && !np_ps_enum(c, v, "align", aligns, &i))
		s->align = (enum np_align)i;
	if ((v = np_ps_get(m, "transform")) && !np_ps_enum(c, v, "transform", transforms, &i))
		s->transform = (enum np_transform)i;
	if ((v = np_ps_get(m, "color")) && !np_ps_expect(c, v, NP_YT_SCALAR) &&
	    np_ps_parse_ink(v->str, s->color, s->cmyk, &s->color_kind))
		np_ps_error(c, &v->mark, "invalid color '%s' (expected \"#rrggbb\", "
			    "\"cmyk(C, M, Y, K)\" or \"gray(G%%)\", in percent)", v->str);
}

static void style(struct np_pctx *c, const struct np_yt_node *m, const char *name,
		  struct np_style *s)
{
	char what[64];
	s->mark = m->mark;
	if (np_ps_expect(c, m, NP_YT_MAP))
		return;
	snprintf(what, sizeof what, "style '%s'", name);
	np_ps_keys(c, m, what, style_keys);
	metrics(c, m, s);
	looks(c, m, s);
}

int np_ps_styles(struct np_pctx *c, const struct np_yt_node *map, struct np_layout *l)
{
	const char *names[NP_ST_COUNT + 1];
	for (int i = 0; i < NP_ST_COUNT; i++)
		names[i] = np_style_name((enum np_style_id)i);
	names[NP_ST_COUNT] = NULL;
	if (np_ps_expect(c, map, NP_YT_MAP))
		return -1;
	np_ps_keys(c, map, "styles", names);
	for (int i = 0; i < NP_ST_COUNT; i++) {
		const struct np_yt_node *v = np_ps_get(map, names[i]);
		if (v)
			style(c, v, names[i], &l->styles[i]);
	}
	return 0;
}
