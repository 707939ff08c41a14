/* paths.c - file names in the input: joined to their folder, kept inside
 * it (no absolute paths, no ../ escape, no link out), and regular files, for
 * pictures and for an edition's articles, advertisements and layout. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "parse/pint.h"

int np_path_escapes(const char *p)
{
	int depth = 0;
	while (*p) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (--depth < 0)
				return 1;
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			depth++;
		}
		p += n;
		while (*p == '/')
			p++;
	}
	return 0;
}

char *np_path_join(const char *dir, const char *file)
{
	size_t a = strlen(dir), b = strlen(file);
	char *s = malloc(a + b + 2);
	if (s) {
		memcpy(s, dir, a);
		s[a] = '/';
		memcpy(s + a + 1, file, b + 1);
	}
	return s;
}

int np_path_inside(const char *dir, const char *path)
{
	char *rd = realpath(dir, NULL), *rp = realpath(path, NULL);
	int ok = 1;
	if (rd && rp) {
		size_t n = strlen(rd);
		ok = strcmp(rd, "/") == 0 ||
		     (strncmp(rd, rp, n) == 0 && (rp[n] == '/' || rp[n] == 0));
	}
	free(rd);
	free(rp);
	return ok; /* unresolvable paths are left to the checks that follow */
}

int np_path_regular(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	return S_ISREG(st.st_mode) ? 0 : 1;
}
