/* input.c - a job's input read and checked before anything is laid out: the
 * article or edition (from a file, a stream read once, or memory), its
 * layout (by name or path), the text context, every font the layout names. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/api_int.h"
#include "api/ctx_cache.h"
#include "text/text.h"

/* A layout named by the caller: a path, or a bundled layout's name. An
 * issue's name without a '/' is a bundled layout only (docs/issue.md): a file
 * of that name in the working folder is not read in its place. */
char *np_job_layout_path(const struct np_job *j, const char *name, int bundled_only)
{
	if (strchr(name, '/') || (!bundled_only && np_api_is_file(name)))
		return strdup(name);
	char *dir = np_api_join(j->data_dir, "/layouts/", name);
	char *path = dir ? np_api_join(dir, ".yaml", "") : NULL;
	free(dir);
	return path;
}

/* The layout: the "layout" option, else the issue's own (a path in it is
 * relative to the issue file), else the tabloid. */
static int load_layout(struct np_job *j)
{
	const struct np_issue *is = j->issue;
	const char *opt = j->o.layout;
	const char *name = opt ? opt : is && is->layout ? is->layout : "tabloid";
	char *path = NULL;
	if (!opt && is && is->layout && strchr(is->layout, '/') && is->layout[0] != '/') {
		char *dir = strdup(is->source);
		char *slash = dir ? strrchr(dir, '/') : NULL;
		if (slash)
			slash[1] = 0;
		path = dir ? np_api_join(slash ? dir : "", is->layout, "") : NULL;
		free(dir);
	} else {
		path = np_job_layout_path(j, name, !opt && is && is->layout);
	}
	if (!path || !np_api_is_file(path)) {
		np_diag_add(&j->d, NP_ERROR, !opt && is && is->layout ? &is->layout_mark : NULL,
			    "unknown layout '%s' (see 'newsprint layouts')", name);
		free(path);
		return -1;
	}
	int rc = np_outputs_input(&j->out, path, &j->d) < 0
			 ? -1 : np_parse_layout_file(path, &j->po, &j->d, &j->layout);
	free(path);
	j->have_layout = rc == 0;
	return rc;
}

/* Every style's font must be a bundled family: a caller that names an
 * unknown one gets an error, not a substitute. */
static int check_fonts(struct np_text_ctx *t, const struct np_layout *l, struct np_diags *d)
{
	int bad = 0;
	char *have = NULL;
	for (int i = 0; i < NP_ST_COUNT; i++) {
		const struct np_style *s = &l->styles[i];
		if (np_text_has_family(t, s->font))
			continue;
		if (!have)
			have = np_text_families(t);
		np_diag_add(d, NP_ERROR, s->mark.line ? &s->mark : NULL,
			    "unknown font '%s' in style '%s' (the fonts are: %s)",
			    s->font ? s->font : "", np_style_name((enum np_style_id)i),
			    have ? have : "?");
		bad = 1;
	}
	free(have);
	return bad ? -1 : 0;
}

/* What a text context is made from, as one string (malloc'd; NULL when
 * out of memory or a folder is unknown). */
static char *context_key(const char *fonts, const char *hyphen_dir, const char *more_fonts,
			 const char *except)
{
	if (!fonts || !except)
		return NULL;
	const char *h = hyphen_dir ? hyphen_dir : "", *m = more_fonts ? more_fonts : "";
	size_t n = strlen(fonts) + strlen(h) + strlen(m) + strlen(except) + 4;
	char *k = malloc(n);
	if (k)
		snprintf(k, n, "%s\n%s\n%s\n%s", fonts, h, m, except);
	return k;
}

static int text_ctx(struct np_job *j)
{
	const char *hyphen_dir = j->o.hyphen_dir ? j->o.hyphen_dir : j->hyphen_dir;
	/* the engine's fonts (the bundled ones by default), and the job's
	 * option "fonts" (--fonts DIR) added to them */
	char *fonts = j->fonts_dir ? strdup(j->fonts_dir) : np_api_join(j->data_dir, "/fonts", "");
	char *except = np_api_join(j->data_dir, "/hyphenation", "");
	/* a context made for the same folders by an earlier job of the engine */
	char *key = context_key(fonts, hyphen_dir, j->o.fonts_dir, except);
	j->text = np_ctx_cache_take(j->contexts, key);
	int rc = 0;
	if (!j->text) {
		j->text = fonts ? np_text_ctx_new(fonts, hyphen_dir, &j->d) : NULL;
		rc = !j->text || (j->o.fonts_dir && np_text_add_fonts(j->text, j->o.fonts_dir, &j->d) < 0) ? -1 : 0;
		if (rc == 0 && except)
			np_text_set_exceptions(j->text, except);
	}
	free(fonts);
	free(except);
	if (rc < 0) {
		free(key);
		return -1;
	}
	free(j->text_key);
	j->text_key = key; /* the context goes back to the engine when the job is freed */
	return check_fonts(j->text, &j->layout, &j->d);
}

/* The pictures an article draws are inputs too (a PNG output's page file
 * could be one of them). */
static int protect_pictures(struct np_job *j, const struct np_article *a)
{
	for (size_t i = 0; a && i < a->nimages; i++)
		if (a->images[i].path && np_outputs_input(&j->out, a->images[i].path, &j->d) < 0)
			return -1;
	return 0;
}

/* An edition: its layout, then the page templates' heights, which the grid
 * checks of its modules need. */
static int prepare_issue(struct np_job *j)
{
	if (np_parse_issue_file(j->input, &j->po, &j->d, &j->issue) < 0)
		return -1;
	for (size_t i = 0; i < j->issue->nstories; i++)
		if (np_outputs_input(&j->out, j->issue->stories[i].path, &j->d) < 0 ||
		    protect_pictures(j, j->issue->stories[i].article) < 0)
			return -1;
	for (size_t i = 0; i < j->issue->nads; i++)
		if (j->issue->ads[i].image &&
		    np_outputs_input(&j->out, j->issue->ads[i].image, &j->d) < 0)
			return -1;
	if (load_layout(j) < 0 || text_ctx(j) < 0)
		return -1;
	int *band = calloc(j->issue->npages + 1, sizeof *band);
	int rc = band ? np_flow_band_lines(j->text, j->issue, &j->layout, band) : -1;
	if (rc == 0)
		rc = np_issue_validate(j->issue, &j->layout, np_flow_grid_lines(&j->layout), band,
				       &j->d);
	free(band);
	return rc;
}

/* Reads all of fp (up to max bytes and one more, so that the parser can
 * say it is too long); NULL when out of memory or unreadable (errno). */
static char *read_stream(FILE *fp, size_t max, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	while (buf && n <= max) {
		if (n == cap) {
			char *b = realloc(buf, cap * 2);
			if (!b)
				break;
			buf = b;
			cap *= 2;
		}
		size_t k = fread(buf + n, 1, cap - n < max + 1 - n ? cap - n : max + 1 - n, fp);
		n += k;
		if (k == 0)
			break;
	}
	if (!buf || (n <= max && !feof(fp))) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* A stream the caller opened for us: standard input under any name, or a
 * pipe passed as /dev/fd/N (a shell's <(...)). A named pipe or a device in
 * the file system is not one of them: it would block or never end, and is
 * refused by the parser as not a regular file. */
static int is_stream(const char *path, const struct stat *st)
{
	struct stat in;
	if (S_ISREG(st->st_mode) || S_ISDIR(st->st_mode))
		return 0;
	if (fstat(0, &in) == 0 && in.st_dev == st->st_dev && in.st_ino == st->st_ino)
		return 1;
	return (S_ISFIFO(st->st_mode) || S_ISSOCK(st->st_mode)) &&
	       (!strncmp(path, "/dev/fd/", 8) || !strncmp(path, "/proc/self/fd/", 14));
}

/* A document in memory (or read once from a stream): an article, its
 * pictures found from the current folder. An edition's stories are files
 * beside it: it must be a file too. */
static int prepare_memory(struct np_job *j, const char *name, const char *buf, size_t len)
{
	if (np_parse_is_issue_mem(name, buf, len, &j->po)) {
		np_diag_add(&j->d, NP_ERROR, NULL,
			    "%s: an edition must be read from a file (its stories are found beside it)",
			    name);
		return -1;
	}
	if (load_layout(j) < 0 ||
	    np_parse_article_mem(name, ".", buf, len, &j->po, &j->d, &j->article) < 0 ||
	    protect_pictures(j, j->article) < 0 ||
	    np_article_validate(j->article, &j->layout, &j->d) < 0)
		return -1;
	return text_ctx(j);
}

static int prepare_stream(struct np_job *j)
{
	FILE *fp = fopen(j->input, "rb");
	size_t len = 0;
	char *buf = fp ? read_stream(fp, 64u << 20, &len) : NULL;
	if (!buf)
		np_diag_add(&j->d, NP_ERROR, NULL, "%s: cannot read: %s", j->input, strerror(errno));
	if (fp)
		fclose(fp);
	int rc = buf ? prepare_memory(j, j->input, buf, len) : -1;
	free(buf);
	return rc;
}

int np_job_prepare(struct np_job *j)
{
	j->po.allow_paths = j->o.allow_paths;
	if (!j->input)
		return prepare_memory(j, j->mem_name, j->mem, j->mem_len);
	struct stat st;
	if (stat(j->input, &st) == 0 && is_stream(j->input, &st))
		return prepare_stream(j);
	int issue = np_parse_is_issue(j->input, &j->po, &j->d);
	if (issue < 0)
		return -1;
	if (issue)
		return prepare_issue(j);
	if (load_layout(j) < 0 ||
	    np_parse_article_file(j->input, &j->po, &j->d, &j->article) < 0 ||
	    protect_pictures(j, j->article) < 0 ||
	    np_article_validate(j->article, &j->layout, &j->d) < 0)
		return -1;
	return text_ctx(j);
}
