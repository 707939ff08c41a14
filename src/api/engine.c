/* engine.c - the engine: where the data, fonts and hyphenation dictionaries
 * are; the bundled layouts' names; the version. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "api/api_int.h"
#include "api/ctx_cache.h"
#include "np_config.h"
#include "util/tempfiles.h"

const char *np_version(void)
{
	return NP_VERSION;
}

void np_free(void *p)
{
	free(p);
}

void np_catch_signals(void)
{
	np_tempfiles_catch_signals();
}

void np_cleanup(void)
{
	np_tempfiles_free();
}

char *np_api_join(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int np_api_is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Where layouts/ and fonts/ are: $NEWSPRINT_DATA, the source tree this build
 * was configured from, or the installed data directory. */
static const char *default_data_dir(void)
{
	const char *env = getenv("NEWSPRINT_DATA");
	if (env && *env)
		return env;
	if (is_dir(NP_SOURCE_DIR "/layouts") && is_dir(NP_SOURCE_DIR "/fonts"))
		return NP_SOURCE_DIR;
	return NP_DATA_DIR;
}

np_engine *np_engine_new(const char *data_dir)
{
	np_engine *e = calloc(1, sizeof *e);
	if (!e)
		return NULL;
	e->data_dir = strdup(data_dir ? data_dir : default_data_dir());
	e->contexts = np_ctx_cache_new();
	if (!e->data_dir || !e->contexts) {
		free(e->data_dir);
		np_ctx_cache_unref(e->contexts);
		free(e);
		return NULL;
	}
	return e;
}

void np_engine_free(np_engine *e)
{
	if (!e)
		return;
	free(e->data_dir);
	free(e->fonts_dir);
	free(e->hyphen_dir);
	np_ctx_cache_unref(e->contexts);
	free(e);
}

const char *np_engine_data_dir(const np_engine *e)
{
	return e ? e->data_dir : NULL;
}

static int set_dir(char **slot, const char *dir)
{
	char *s = dir ? strdup(dir) : NULL;
	if (dir && !s)
		return -1;
	free(*slot);
	*slot = s;
	return 0;
}

int np_engine_set_fonts_dir(np_engine *e, const char *dir)
{
	return e ? set_dir(&e->fonts_dir, dir) : -1;
}

int np_engine_set_hyphen_dir(np_engine *e, const char *dir)
{
	return e ? set_dir(&e->hyphen_dir, dir) : -1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of DIR's *.yaml files, sorted; NULL when DIR cannot be read. */
static char **yaml_names(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char **v = len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0
				   ? realloc(names, (n + 1) * sizeof *names) : NULL;
		if (v && (v[n] = strndup(e->d_name, len - 5)))
			names = v, n++;
		else if (v)
			names = v;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	*count = n;
	return names ? names : calloc(1, sizeof *names);
}

char *np_engine_layouts(const np_engine *e)
{
	char *dir = e ? np_api_join(e->data_dir, "/layouts", "") : NULL;
	size_t n = 0, len = 1;
	char **names = dir ? yaml_names(dir, &n) : NULL;
	free(dir);
	if (!names)
		return NULL;
	for (size_t i = 0; i < n; i++)
		len += strlen(names[i]) + 1;
	char *s = malloc(len), *p = s;
	for (size_t i = 0; i < n; i++) {
		if (p)
			p += sprintf(p, "%s\n", names[i]);
		free(names[i]);
	}
	if (p)
		*p = 0;
	free(names);
	return s;
}
