/* diag.c - the diagnostics list every stage reports into. */
#include "model/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void np_diags_init(struct np_diags *d)
{
	memset(d, 0, sizeof *d);
}

void np_diags_fini(struct np_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].message);
	}
	free(d->v);
	for (size_t i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->files);
	memset(d, 0, sizeof *d);
}

const char *np_diags_intern(struct np_diags *d, const char *file)
{
	if (!file)
		return NULL;
	for (size_t i = 0; i < d->nfiles; i++)
		if (strcmp(d->files[i], file) == 0)
			return d->files[i];
	char **grown = realloc(d->files, (d->nfiles + 1) * sizeof *grown);
	char *copy = strdup(file);
	if (!grown || !copy) {
		free(copy);
		if (grown)
			d->files = grown;
		return NULL;
	}
	d->files = grown;
	d->files[d->nfiles++] = copy;
	return copy;
}

void np_diag_vadd(struct np_diags *d, enum np_severity sev, const struct np_mark *at,
		  const char *fmt, va_list ap)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct np_diag *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			return;
		d->v = v;
		d->cap = cap;
	}
	struct np_diag *g = &d->v[d->n];
	va_list copy;
	va_copy(copy, ap);
	int len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	g->message = malloc(len > 0 ? (size_t)len + 1 : 1);
	if (!g->message)
		return;
	vsnprintf(g->message, (size_t)len + 1, fmt, ap);
	g->file = at && at->file ? strdup(at->file) : NULL;
	g->line = at ? at->line : 0;
	g->column = at ? at->column : 0;
	g->severity = sev;
	d->n++;
	if (sev == NP_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void np_diag_add(struct np_diags *d, enum np_severity sev, const struct np_mark *at,
		 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	np_diag_vadd(d, sev, at, fmt, ap);
	va_end(ap);
}

char *np_diag_format(const struct np_diag *g)
{
	const char *sev = g->severity == NP_ERROR ? "error" : "warning";
	if (!g->file || g->line <= 0) {
		const char *file = g->file ? g->file : "newsprint";
		int len = snprintf(NULL, 0, "%s: %s: %s", file, sev, g->message);
		char *s = malloc((size_t)len + 1);
		if (s)
			snprintf(s, (size_t)len + 1, "%s: %s: %s", file, sev, g->message);
		return s;
	}
	const char *file = g->file;
	int line = g->line, col = g->column > 0 ? g->column : 1;
	int len = snprintf(NULL, 0, "%s:%d:%d: %s: %s", file, line, col, sev, g->message);
	char *s = malloc((size_t)len + 1);
	if (s)
		snprintf(s, (size_t)len + 1, "%s:%d:%d: %s: %s", file, line, col, sev, g->message);
	return s;
}
