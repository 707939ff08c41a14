/* glyphs.h - a drawable line, for the renderer: Pango glyph runs over the
 * line's own text. Only text/ and render/ include this (it needs Pango). */
#ifndef NP_GLYPHS_H
#define NP_GLYPHS_H

#include <pango/pango.h>

#include "text/text.h"

struct np_line_glyphs {
	char *text;   /* the line's text; items' offsets point into it */
	size_t len;
	PangoGlyphItem **items; /* in visual order */
	size_t nitems;
	int32_t indent; /* Pango units before the first glyph */
};


#endif
