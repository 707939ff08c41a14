/* label.c - one short line of text set on its own, unbroken and unhyphenated:
 * the renderer's proof marks ("+12 lines / 87 words") are set in the
 * project's fonts like everything else on the page, never in a system font. */
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

struct np_line_glyphs *np_text_label(struct np_text_ctx *t, const struct np_style *style,
				     const char *text, double *width)
{
	struct np_para_spec spec = {.text = text, .len = strlen(text), .style = style};
	struct np_para *p = np_para_new(t, &spec);
	size_t n = 0;
	if (!p || !np_para_items(p, &n) || n == 0) {
		np_para_free(p);
		return NULL;
	}
	size_t end = n - 1; /* the paragraph's closing break: one line */
	struct np_line_info info = {0};
	struct np_line_glyphs *g = np_para_line(p, &end, 0, 0, 0, &info);
	free(info.text);
	if (width)
		*width = NP_PT(info.natural);
	np_para_free(p);
	return g;
}
