/* stream.h - a document's PDF written to a caller's stream (memory, a pipe),
 * for the whole-pipeline fuzz target and for embedding newsprint. */
#ifndef NP_RENDER_STREAM_H
#define NP_RENDER_STREAM_H

#include <stdio.h>

#include "doc/doc.h"

/* Writes every page of doc as one PDF to fp (not closed; open_memstream works).
 * debug draws the overlay. Returns 0, or -1 when Cairo or the stream failed. */
int np_render_pdf_stream(const struct np_doc *doc, FILE *fp, int debug);

#endif
