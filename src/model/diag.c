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
	free(d->file_slots);
	memset(d, 0, sizeof *d);
}

static size_t name_hash(const char *s)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of `file` in the table: where it is, or the free one it would take. */
static char **slot_of(char **slots, size_t nslots, const char *file)
{
	size_t k = name_hash(file) & (nslots - 1);
	while (slots[k] && strcmp(slots[k], file) != 0)
		k = (k + 1) & (nslots - 1);
	return &slots[k];
}

/* Keeps the table at most half full; -1 when out of memory. */
static int grow_slots(struct np_diags *d)
{
	if (2 * (d->nfiles + 1) <= d->nslots)
		return 0;
	size_t n = d->nslots ? 2 * d->nslots : 64;
	char **slots = calloc(n, sizeof *slots);
	if (!slots)
		return -1;
	for (size_t i = 0; i < d->nfiles; i++)
		*slot_of(slots, n, d->files[i]) = d->files[i];
	free(d->file_slots);
	d->file_slots = slots;
	d->nslots = n;
	return 0;
}

const char *np_diags_intern(struct np_diags *d, const char *file)
{
	if (!file)
		return NULL;
	char **at = d->nslots ? slot_of(d->file_slots, d->nslots, file) : NULL;
	if (at && *at)
		return *at;
	if (grow_slots(d) < 0)
		return NULL;
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
	*slot_of(d->file_slots, d->nslots, copy) = copy;
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
