/* memory.c - outputs into memory. The job writes its pages into a private
 * temporary folder through the same path as any output (the renderer, the
 * print pass and its post-steps write files whole), then the bytes are read
 * back and the folder removed: one way to write pages, whatever the caller
 * wants of them. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api_int.h"

static int read_file(const char *path, unsigned char **data, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	unsigned char *buf = NULL;
	long n = fseek(fp, 0, SEEK_END) == 0 ? ftell(fp) : -1;
	if (n >= 0 && fseek(fp, 0, SEEK_SET) == 0)
		buf = malloc(n ? (size_t)n : 1);
	int ok = buf && fread(buf, 1, (size_t)n, fp) == (size_t)n;
	fclose(fp);
	if (!ok) {
		free(buf);
		return -1;
	}
	*data = buf;
	*len = (size_t)n;
	return 0;
}

/* Removes the folder and whatever is in it (temporaries of a failed run too). */
static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *p = np_api_join(dir, "/", e->d_name);
		if (p)
			unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

/* Renders into a new temporary folder (*dir, malloc'd): "page.pdf" (all
 * pages), "page-N.png"/"page-N.svg", or with paged PDF "N.pdf" a page.
 * 0 or -1 (*dir set whenever the folder was made). */
static int render_into(np_job *j, const char *format, int paged, char **dir)
{
	*dir = NULL;
	if (!j)
		return -1;
	if (!format || (strcmp(format, "pdf") && strcmp(format, "png") && strcmp(format, "svg"))) {
		np_job_error(j, "usage", "unknown format '%s': pdf, png or svg",
			     format ? format : "(null)");
		j->rc = NP_RC_USAGE;
		return -1;
	}
	const char *tmp = getenv("TMPDIR");
	char *d = np_api_join(tmp && *tmp ? tmp : "/tmp", "/newsprint-XXXXXX", "");
	if (!d || !mkdtemp(d)) {
		np_job_error(j, "output", "cannot make a temporary folder in '%s': %s",
			     tmp && *tmp ? tmp : "/tmp", d ? strerror(errno) : "out of memory");
		j->rc = NP_RC_INPUT;
		free(d);
		return -1;
	}
	*dir = d;
	char *out = paged && !strcmp(format, "pdf") ? np_api_join(d, "/{page}.pdf", "")
						    : np_api_join(d, "/page.", format);
	int rc = out ? np_job_render_file(j, out) : -1;
	free(out);
	return rc;
}

/* The page a file of render_into holds; 0 for none of its files. */
static int page_of(const char *name, int paged_pdf)
{
	int n = 0, len = 0;
	if (paged_pdf ? sscanf(name, "%d.pdf%n", &n, &len) : sscanf(name, "page-%d.%*3s%n", &n, &len))
		return len > 0 && !name[len] && n > 0 ? n : 0;
	return 0;
}

static int by_page(const void *a, const void *b)
{
	const np_buffer *x = a, *y = b;
	return (x->page > y->page) - (x->page < y->page);
}

/* Every page file in dir, read in page order. */
static int read_pages(np_job *j, const char *dir, int paged_pdf, np_buffer **pages, size_t *n)
{
	DIR *d = opendir(dir);
	np_buffer *v = NULL;
	size_t k = 0;
	struct dirent *e;
	int rc = d ? 0 : -1;
	while (rc == 0 && (e = readdir(d))) {
		int page = page_of(e->d_name, paged_pdf);
		if (!page)
			continue;
		np_buffer *w = realloc(v, (k + 1) * sizeof *v);
		char *p = np_api_join(dir, "/", e->d_name);
		if (w)
			v = w;
		if (!w || !p || read_file(p, &v[k].data, &v[k].len) < 0)
			rc = -1;
		else
			v[k++].page = page;
		free(p);
	}
	if (d)
		closedir(d);
	if (rc < 0) {
		np_buffers_free(v, k);
		np_job_error(j, "output", "cannot read back the pages written: %s", strerror(errno));
		j->rc = NP_RC_INPUT;
		return -1;
	}
	if (k)
		qsort(v, k, sizeof *v, by_page);
	*pages = v;
	*n = k;
	return 0;
}

int np_job_render_pages_memory(np_job *j, const char *format, np_buffer **pages,
			       size_t *npages)
{
	char *dir = NULL;
	int rc = pages && npages ? render_into(j, format, 1, &dir) : -1;
	if (rc == 0)
		rc = read_pages(j, dir, !strcmp(format, "pdf"), pages, npages);
	if (dir)
		remove_dir(dir);
	free(dir);
	return rc;
}

int np_job_render_memory(np_job *j, const char *format, unsigned char **data, size_t *len)
{
	char *dir = NULL;
	if (!data || !len)
		return -1;
	int rc = render_into(j, format, 0, &dir);
	np_buffer *v = NULL;
	size_t n = 0;
	if (rc == 0 && !strcmp(format, "pdf")) {
		char *p = np_api_join(dir, "/page.pdf", "");
		rc = p ? read_file(p, data, len) : -1;
		free(p);
		if (rc < 0) {
			np_job_error(j, "output", "cannot read back the PDF written: %s",
				     strerror(errno));
			j->rc = NP_RC_INPUT;
		}
	} else if (rc == 0 && (rc = read_pages(j, dir, 0, &v, &n)) == 0 && n) {
		/* the first page written: the caller's bytes now */
		*data = v[0].data;
		*len = v[0].len;
		v[0].data = NULL;
	}
	np_buffers_free(v, n);
	if (dir)
		remove_dir(dir);
	free(dir);
	return rc;
}

void np_buffers_free(np_buffer *pages, size_t npages)
{
	for (size_t i = 0; pages && i < npages; i++)
		free(pages[i].data);
	free(pages);
}
