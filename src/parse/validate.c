/* validate.c - checks of an article against the layout it is set in: the
 * placement values that can never fit this layout's columns. (A value that
 * fits the grid but not the page is the flow's business: it warns.) */
#include "parse/pint.h"

static void place(const struct np_placement *p, int default_span, const char *what,
		  const struct np_layout *l, struct np_diags *d, int *bad)
{
	int span = p->span ? p->span : default_span;
	if (p->span > l->columns) {
		np_diag_add(d, NP_ERROR, &p->span_mark,
			    "'span' is %d but the layout has %d columns", p->span, l->columns);
		*bad = 1;
		return;
	}
	if (p->column > l->columns) {
		np_diag_add(d, NP_ERROR, &p->column_mark,
			    "'column' is %d but the layout has %d columns", p->column, l->columns);
		*bad = 1;
	} else if (p->column && p->column + span - 1 > l->columns) {
		np_diag_add(d, NP_ERROR, &p->column_mark,
			    "'column' is %d but the %s spans %d columns%s and the layout has "
			    "only %d", p->column, what, span, p->span ? "" : " (the layout's default)",
			    l->columns);
		*bad = 1;
	}
}

int np_article_validate(const struct np_article *a, const struct np_layout *l,
			struct np_diags *d)
{
	int bad = 0;
	for (size_t i = 0; i < a->npullquotes; i++)
		place(&a->pullquotes[i].place, l->pullquote_span, "pull-quote", l, d, &bad);
	for (size_t i = 0; i < a->nsidebars; i++)
		place(&a->sidebars[i].place, 1, "sidebar", l, d, &bad);
	for (size_t i = 0; i < a->nimages; i++)
		place(&a->images[i].place, l->image_span, "image", l, d, &bad);
	return bad ? -1 : 0;
}
