/* units.c - lengths in layouts: a number is points; a string may carry a unit
 * (pt, in, mm, cm, pc, and em where the key allows it). */
#include "parse/pint.h"

#include <string.h>

struct unit {
	const char *name;
	double pt; /* points per unit */
};

static const struct unit units[] = {
	{"pt", 1}, {"in", 72}, {"mm", 72 / 25.4}, {"cm", 72 / 2.54}, {"pc", 12},
};

static int unit_scale(const char *u, double em, double *pt)
{
	for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
		if (strcmp(u, units[i].name) == 0) {
			*pt = units[i].pt;
			return 0;
		}
	}
	if (em > 0 && strcmp(u, "em") == 0) {
		*pt = em;
		return 0;
	}
	return -1;
}

int np_ps_length(struct np_pctx *c, const struct np_yt_node *n, const char *key, double em,
		 double *out)
{
	if (np_ps_expect(c, n, NP_YT_SCALAR))
		return -1;
	const char *s = n->str, *end;
	double v, scale = 1;
	if (np_ps_scan_number(s, &v, &end)) {
		np_ps_error(c, &n->mark, "'%s' must be a length such as 12pt or 0.5in, found '%s'",
			    key, s);
		return -1;
	}
	while (*end == ' ')
		end++;
	if (*end && unit_scale(end, em, &scale)) {
		np_ps_error(c, &n->mark, "unknown unit '%s' in '%s' for '%s' (expected pt, in, mm, "
			    "cm, pc%s)", end, s, key, em > 0 ? " or em" : "");
		return -1;
	}
	*out = v * scale;
	return 0;
}
