/* spaces.c - the colour spaces a placed PDF names, by their device family.
 *
 * Cairo writes only device colours, but an advertisement made elsewhere
 * (InDesign, Illustrator) names ICC-based spaces in its resources (/CS0 cs
 * ... sc) and tags its pictures with them. PDF/X-1a allows device colour
 * only, so the print pass reads them by their number of components: RGB
 * ones are converted as RGB is, grey and CMYK ones become DeviceGray and
 * DeviceCMYK with their values as they are.
 */
#include <stdio.h>
#include <string.h>

#include "press/spaces.h"

int np_press_space_family(qpdf_data q, qpdf_oh cs)
{
	if (qpdf_oh_is_name(q, cs)) {
		const char *n = qpdf_oh_get_name(q, cs);
		return !strcmp(n, "/DeviceRGB") ? 3 : !strcmp(n, "/DeviceGray") ? 1
		       : !strcmp(n, "/DeviceCMYK") ? 4 : 0;
	}
	if (!qpdf_oh_is_array(q, cs) || qpdf_oh_get_array_n_items(q, cs) < 2)
		return 0;
	qpdf_oh kind = qpdf_oh_get_array_item(q, cs, 0), arg = qpdf_oh_get_array_item(q, cs, 1);
	if (qpdf_oh_is_name_and_equals(q, kind, "/CalRGB"))
		return 3;
	if (qpdf_oh_is_name_and_equals(q, kind, "/CalGray"))
		return 1;
	if (qpdf_oh_is_name_and_equals(q, kind, "/ICCBased") && qpdf_oh_is_stream(q, arg)) {
		qpdf_oh n = qpdf_oh_get_key(q, qpdf_oh_get_dict(q, arg), "/N");
		int v = qpdf_oh_is_integer(q, n) ? qpdf_oh_get_int_value_as_int(q, n) : 0;
		return v == 1 || v == 3 || v == 4 ? v : 0;
	}
	return 0;
}

size_t np_press_named_spaces(qpdf_data q, qpdf_oh res, struct np_named_space *v, size_t max)
{
	qpdf_oh d = qpdf_oh_get_key(q, res, "/ColorSpace");
	size_t n = 0;
	if (!qpdf_oh_is_dictionary(q, d))
		return 0;
	qpdf_oh_begin_dict_key_iter(q, d);
	while (qpdf_oh_dict_more_keys(q) && n < max) {
		const char *key = qpdf_oh_dict_next_key(q);
		if (strlen(key) < sizeof v[n].name)
			snprintf(v[n].name, sizeof v[n].name, "%s", key + 1); /* no '/' */
		else
			continue;
		n++;
	}
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		char key[40];
		snprintf(key, sizeof key, "/%s", v[i].name);
		v[i].n = np_press_space_family(q, qpdf_oh_get_key(q, d, key));
		if (v[i].n)
			v[kept++] = v[i];
	}
	return kept;
}

void np_press_drop_spaces(qpdf_data q, qpdf_oh res, const struct np_named_space *v, size_t n)
{
	qpdf_oh d = qpdf_oh_get_key(q, res, "/ColorSpace");
	for (size_t i = 0; i < n && qpdf_oh_is_dictionary(q, d); i++) {
		char key[40];
		snprintf(key, sizeof key, "/%s", v[i].name);
		qpdf_oh_remove_key(q, d, key);
	}
}
