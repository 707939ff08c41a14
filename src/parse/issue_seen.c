/* issue_seen.c - a small open-addressing hash of the files and ids an
 * issue's stories use (the duplicate check compared every pair, with two
 * realpath() calls each: 5,000 stories took minutes). */
#include "parse/issue_seen.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct np_seen_entry {
	int used;
	uint64_t dev, ino;  /* a file found by stat() */
	const char *text;   /* else: an id, or a path as written */
	size_t idx;
};

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

static uint64_t hash_text(const char *t)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (; *t; t++)
		h = (h ^ (unsigned char)*t) * 1099511628211ULL;
	return h;
}

static uint64_t hash_of(const struct np_seen_entry *e)
{
	return e->text ? hash_text(e->text) : mix(e->dev * 0x9e3779b97f4a7c15ULL ^ e->ino);
}

static int same(const struct np_seen_entry *a, const struct np_seen_entry *b)
{
	if (a->text || b->text)
		return a->text && b->text && strcmp(a->text, b->text) == 0;
	return a->dev == b->dev && a->ino == b->ino;
}

static int grow(struct np_seen *s)
{
	size_t cap = s->cap ? 2 * s->cap : 64;
	struct np_seen_entry *v = calloc(cap, sizeof *v);
	if (!v)
		return -1;
	for (size_t i = 0; i < s->cap; i++) {
		if (!s->v[i].used)
			continue;
		size_t k = (size_t)hash_of(&s->v[i]) & (cap - 1);
		while (v[k].used)
			k = (k + 1) & (cap - 1);
		v[k] = s->v[i];
	}
	free(s->v);
	s->v = v;
	s->cap = cap;
	return 0;
}

/* Finds e; stores it when absent. */
static int seen(struct np_seen *s, const struct np_seen_entry *e, size_t *earlier)
{
	if (2 * (s->n + 1) > s->cap && grow(s) < 0)
		return -1;
	size_t k = (size_t)hash_of(e) & (s->cap - 1);
	for (; s->v[k].used; k = (k + 1) & (s->cap - 1)) {
		if (same(&s->v[k], e)) {
			*earlier = s->v[k].idx;
			return 1;
		}
	}
	s->v[k] = *e;
	s->v[k].used = 1;
	s->n++;
	return 0;
}

int np_seen_file(struct np_seen *s, const char *path, size_t idx, size_t *earlier)
{
	struct stat st;
	struct np_seen_entry e = {.idx = idx};
	if (stat(path, &st) == 0) {
		e.dev = (uint64_t)st.st_dev;
		e.ino = (uint64_t)st.st_ino;
	} else {
		e.text = path;
	}
	return seen(s, &e, earlier);
}

int np_seen_id(struct np_seen *s, const char *id, size_t idx, size_t *earlier)
{
	struct np_seen_entry e = {.text = id, .idx = idx};
	return seen(s, &e, earlier);
}

void np_seen_fini(struct np_seen *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}
