/* context.c - the parse context: resolved limits, error reporting, and
 * reading input files within the size limit. */
#include "parse/pint.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int np_ps_begin(struct np_pctx *c, const char *name, const char *base_dir,
		const struct np_parse_opts *opts, struct np_diags *d)
{
	memset(c, 0, sizeof *c);
	c->d = d;
	c->errors0 = d->errors;
	c->base_dir = base_dir;
	if (opts)
		c->opts = *opts;
	if (!c->opts.max_file_bytes)
		c->opts.max_file_bytes = NP_PARSE_MAX_FILE;
	if (!c->opts.max_paragraph)
		c->opts.max_paragraph = NP_PARSE_MAX_PARAGRAPH;
	if (c->opts.max_depth <= 0)
		c->opts.max_depth = NP_PARSE_MAX_DEPTH;
	if (!c->opts.max_nodes)
		c->opts.max_nodes = NP_PARSE_MAX_NODES;
	c->file = np_diags_intern(d, name ? name : "<input>");
	if (!c->file) {
		np_diag_add(d, NP_ERROR, NULL, "out of memory");
		return -1;
	}
	return 0;
}

int np_ps_failed(const struct np_pctx *c)
{
	return c->d->errors > c->errors0;
}

void np_ps_error(struct np_pctx *c, const struct np_mark *at, const char *fmt, ...)
{
	struct np_mark m = {c->file, 1, 1};
	if (at && at->line > 0)
		m = *at;
	va_list ap;
	va_start(ap, fmt);
	np_diag_vadd(c->d, NP_ERROR, &m, fmt, ap);
	va_end(ap);
	/* If even the diagnostic could not be stored, still fail the parse. */
	if (!np_ps_failed(c))
		c->d->errors++;
}

void np_ps_oom(struct np_pctx *c, const struct np_mark *at)
{
	np_ps_error(c, at, "out of memory");
}

/* Reads at most limit + 1 bytes so an endless or huge file costs no more. */
static int read_all(FILE *f, size_t limit, char **buf, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *b = malloc(cap + 1);
	if (!b)
		return -1;
	for (;;) {
		if (n == cap) {
			if (cap > limit)
				break;
			cap *= 2;
			char *g = realloc(b, cap + 1);
			if (!g) {
				free(b);
				return -1;
			}
			b = g;
		}
		size_t k = fread(b + n, 1, cap - n, f);
		n += k;
		if (k == 0)
			break;
	}
	b[n] = 0;
	*buf = b;
	*len = n;
	return ferror(f) ? -2 : 0;
}

/* Standard input, however named (/dev/stdin, /proc/self/fd/0), may be a
 * pipe: the one non-regular file that is read. */
static int is_stdin(const struct stat *st)
{
	struct stat in;
	return fstat(0, &in) == 0 && in.st_dev == st->st_dev && in.st_ino == st->st_ino;
}

/* Opened without blocking (a FIFO's open waits for a writer for ever), then
 * refused unless it is a regular file or standard input: a FIFO or a device
 * is never read. The check is on the open descriptor, so the file cannot be
 * swapped between the check and the read. */
static FILE *open_input(const char *path, int *not_regular)
{
	*not_regular = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	int flags;
	if (fstat(fd, &st) != 0 || (flags = fcntl(fd, F_GETFL)) < 0) {
		int err = errno;
		close(fd);
		errno = err;
		return NULL;
	}
	if (!S_ISREG(st.st_mode) && !is_stdin(&st)) {
		close(fd);
		*not_regular = 1;
		return NULL;
	}
	FILE *f = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 ? fdopen(fd, "rb") : NULL;
	if (!f) {
		int err = errno;
		close(fd);
		errno = err;
	}
	return f;
}

FILE *np_ps_open_file(struct np_pctx *c, const char *path)
{
	struct np_mark none = {c->file, 0, 0};
	int not_regular;
	FILE *f = open_input(path, &not_regular);
	if (!f && not_regular)
		np_diag_add(c->d, NP_ERROR, &none, "not a regular file (a pipe, device or folder "
			    "is not read)");
	else if (!f)
		np_diag_add(c->d, NP_ERROR, &none, "cannot open: %s", strerror(errno));
	return f;
}

int np_ps_read_file(struct np_pctx *c, const char *path, char **buf, size_t *len)
{
	FILE *f = np_ps_open_file(c, path);
	if (!f)
		return -1;
	int rc = np_ps_read_open(c, f, buf, len);
	fclose(f);
	return rc;
}

int np_ps_is_regular(FILE *f)
{
	struct stat st;
	return fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
}

int np_ps_read_again(struct np_pctx *c, FILE *f, int regular, char **buf, size_t *len)
{
	struct np_mark none = {c->file, 0, 0};
	if (regular && fseek(f, 0, SEEK_SET) != 0) {
		np_diag_add(c->d, NP_ERROR, &none, "cannot read: %s", strerror(errno));
		return -1;
	}
	return np_ps_read_open(c, f, buf, len);
}

int np_ps_read_open(struct np_pctx *c, FILE *f, char **buf, size_t *len)
{
	struct np_mark none = {c->file, 0, 0};
	int rc = read_all(f, c->opts.max_file_bytes, buf, len);
	int err = errno;
	if (rc == -1) {
		np_diag_add(c->d, NP_ERROR, &none, "out of memory reading the file");
		return -1;
	}
	if (rc == -2) {
		free(*buf);
		*buf = NULL; /* the caller frees *buf too */
		np_diag_add(c->d, NP_ERROR, &none, "cannot read: %s", strerror(err));
		return -1;
	}
	if (*len > c->opts.max_file_bytes) {
		free(*buf);
		*buf = NULL;
		np_ps_error(c, NULL, "the file is larger than the limit of %zu bytes",
			    c->opts.max_file_bytes);
		return -1;
	}
	return 0;
}

char *np_ps_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	size_t n = (size_t)(slash - path);
	char *s = malloc(n + 1);
	if (s) {
		memcpy(s, path, n);
		s[n] = 0;
	}
	return s;
}
