/* report.h - the placed pages as the JSON layout report users' scripts read
 * (docs/report.md): frames, lines, per-article figures, warnings. */
#ifndef NP_REPORT_H
#define NP_REPORT_H

#include <stdio.h>

#include "doc/doc.h"

/* A warning as the report gives it: the fields of --diagnostics json
 * (docs/report.md). Unknown strings NULL, unknown numbers -1. */
struct np_report_warning {
	const char *code, *story;
	int page, overset_lines, overset_words;
};
/* What the caller knows of diagnostic i beyond its place and message (its
 * kind, story, page); 0, or -1 to leave those fields unknown. */
typedef int (*np_report_describe_fn)(void *ctx, size_t i, struct np_report_warning *w);

/* Writes the report of doc to fp; diagnostics of severity warning go into
 * "warnings", one object each, described by describe (may be NULL).
 * Returns 0 or -1 on a write error. */
int np_report_write(FILE *fp, const struct np_doc *doc, const struct np_diags *d,
		    np_report_describe_fn describe, void *ctx);

/* The same in parts, for pages written as the flow finishes them: the
 * opening, each page (first: the first one written), then the articles'
 * figures and the warnings. */
void np_report_begin(FILE *fp);
void np_report_page(FILE *fp, const struct np_page *pg, const struct np_layout *l, int first);
int np_report_end(FILE *fp, const struct np_doc *doc, const struct np_diags *d,
		  np_report_describe_fn describe, void *ctx);

#endif
