/* fileid.c - the identity of a file named by a path (see fileid.h). */
#include "util/fileid.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A file that does not exist yet: its folder resolved, its name as given. */
static char *resolve_new(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, (size_t)(slash - path + 1)) : strdup(".");
	const char *base = slash ? slash + 1 : path;
	char *rd = dir ? realpath(dir, NULL) : NULL;
	char *s = NULL;
	if (rd) {
		size_t n = strlen(rd) + strlen(base) + 2;
		s = malloc(n);
		if (s)
			snprintf(s, n, "%s%s%s", rd, strcmp(rd, "/") ? "/" : "", base);
	} else if (dir) {
		s = strdup(path); /* no such folder: compared as written */
	}
	free(rd);
	free(dir);
	return s;
}

int np_fileid_init(struct np_fileid *id, const char *path)
{
	memset(id, 0, sizeof *id);
	struct stat st;
	if (stat(path, &st) == 0) {
		id->exists = 1;
		id->dev = st.st_dev;
		id->ino = st.st_ino;
		id->real = realpath(path, NULL);
	}
	if (!id->real)
		id->real = resolve_new(path);
	return id->real ? 0 : -1;
}

void np_fileid_fini(struct np_fileid *id)
{
	free(id->real);
	memset(id, 0, sizeof *id);
}

int np_fileid_same(const struct np_fileid *a, const struct np_fileid *b)
{
	if (a->exists && b->exists)
		return a->dev == b->dev && a->ino == b->ino;
	return a->real && b->real && strcmp(a->real, b->real) == 0;
}

int np_fileid_is_page_of(const struct np_fileid *f, const struct np_fileid *out)
{
	const char *o = out->real, *s = f->real;
	if (!o || !s)
		return 0;
	const char *dot = strrchr(o, '.');
	if (!dot || strchr(dot, '/'))
		dot = o + strlen(o);
	size_t stem = (size_t)(dot - o), ext = strlen(dot), n = strlen(s);
	if (n < stem + 2 + ext || strncmp(s, o, stem) != 0 || s[stem] != '-' ||
	    strcmp(s + n - ext, dot) != 0)
		return 0;
	for (const char *p = s + stem + 1; p < s + n - ext; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}
