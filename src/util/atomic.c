/* atomic.c - whole-or-nothing output files (see atomic.h).
 *
 * The temporary file is a stdio stream over our own write function
 * (fopencookie), so that every write's errno is caught where it happens:
 * stdio alone keeps only an error flag, and fflush/fclose report success
 * once the failed bytes have been dropped from the buffer. */
#define _GNU_SOURCE /* fopencookie */
#include "util/atomic.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "util/tempfiles.h"

struct np_atomic_sink {
	int fd;
	int err;      /* first errno, 0 = none */
	int discard;  /* closing to remove: no need to sync */
	struct np_tempfile *reg;
};

static void remember(struct np_atomic_sink *s, int err)
{
	if (!s->err)
		s->err = err ? err : EIO;
}

static ssize_t sink_write(void *cookie, const char *buf, size_t n)
{
	struct np_atomic_sink *s = cookie;
	if (s->err) { /* the file is lost already: no holes, no slow retries */
		errno = s->err;
		return -1;
	}
	size_t done = 0;
	while (done < n) {
		ssize_t w = write(s->fd, buf + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			remember(s, w < 0 ? errno : ENOSPC);
			errno = s->err;
			return -1;
		}
		done += (size_t)w;
	}
	return (ssize_t)done;
}

static int sink_close(void *cookie)
{
	struct np_atomic_sink *s = cookie;
	if (!s->discard && !s->err && fsync(s->fd) != 0)
		remember(s, errno);
	if (close(s->fd) != 0 && !s->discard)
		remember(s, errno);
	s->fd = -1;
	return s->err ? -1 : 0;
}

int np_atomic_open(struct np_atomic *a, const char *path)
{
	memset(a, 0, sizeof *a);
	size_t n = strlen(path) + 16;
	char *name = malloc(n);
	a->path = strdup(path);
	a->sink = calloc(1, sizeof *a->sink);
	if (name)
		snprintf(name, n, "%s.tmp-XXXXXX", path);
	struct np_tempfile *reg = name ? np_tempfile_new(name) : NULL;
	free(name);
	if (!reg || !a->path || !a->sink) {
		np_tempfile_done(reg);
		np_atomic_abort(a);
		errno = ENOMEM;
		return -1;
	}
	a->sink->fd = -1;
	a->sink->reg = reg;
	int fd = mkstemp(np_tempfile_path(reg));
	if (fd < 0) {
		int e = errno;
		np_atomic_abort(a);
		errno = e;
		return -1;
	}
	a->tmp = np_tempfile_path(reg);
	a->sink->fd = fd;
	mode_t mask = umask(0);
	umask(mask);
	/* mkstemp makes 0600; outputs are ordinary files. Should this fail the
	 * file is still whole, only private: not worth refusing the output for */
	(void)fchmod(fd, 0666 & ~mask);
	cookie_io_functions_t io = {.write = sink_write, .close = sink_close};
	a->fp = fopencookie(a->sink, "wb", io);
	if (!a->fp) {
		int e = errno;
		np_atomic_abort(a);
		errno = e ? e : ENOMEM;
		return -1;
	}
	/* big writes (a page's stream, PNG rows) pass through in few calls */
	setvbuf(a->fp, NULL, _IOFBF, 1 << 16);
	return 0;
}

int np_atomic_write(struct np_atomic *a, const void *data, size_t len)
{
	if (!a->fp) {
		errno = a->sink && a->sink->err ? a->sink->err : EBADF;
		return -1;
	}
	if (fwrite(data, 1, len, a->fp) == len)
		return 0;
	remember(a->sink, errno);
	errno = a->sink->err;
	return -1;
}

int np_atomic_rewrite(struct np_atomic *a, const void *data, size_t len)
{
	if (!a->fp || fflush(a->fp) != 0 || a->sink->err) {
		errno = a->sink && a->sink->err ? a->sink->err : errno ? errno : EBADF;
		return -1;
	}
	/* the stream has no position of its own: writes go to the descriptor's */
	if (ftruncate(a->sink->fd, 0) < 0 || lseek(a->sink->fd, 0, SEEK_SET) < 0) {
		remember(a->sink, errno);
		errno = a->sink->err;
		return -1;
	}
	return np_atomic_write(a, data, len);
}

int np_atomic_error(const struct np_atomic *a)
{
	return a->sink ? a->sink->err : 0;
}

int np_atomic_close(struct np_atomic *a)
{
	if (a->fp) {
		if (fflush(a->fp) != 0 || ferror(a->fp))
			remember(a->sink, errno);
		fclose(a->fp); /* sink_close: fsync and close, errors remembered */
		a->fp = NULL;
	}
	if (!a->sink || a->sink->err) {
		errno = a->sink ? a->sink->err : EBADF;
		return -1;
	}
	return 0;
}

int np_atomic_commit(struct np_atomic *a)
{
	int rc = np_atomic_close(a);
	if (rc == 0 && rename(a->tmp, a->path) != 0)
		rc = -1;
	int e = errno;
	if (rc == 0) {
		np_tempfile_done(a->sink->reg);
		a->tmp = NULL;
	}
	np_atomic_abort(a);
	errno = e;
	return rc;
}

void np_atomic_abort(struct np_atomic *a)
{
	if (a->fp) {
		a->sink->discard = 1;
		fclose(a->fp);
	}
	if (a->tmp)
		unlink(a->tmp);
	if (a->sink)
		np_tempfile_done(a->sink->reg);
	free(a->sink);
	free(a->path);
	memset(a, 0, sizeof *a);
}

int np_atomic_writable(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return 0;
	}
	struct np_atomic a;
	if (np_atomic_open(&a, path) < 0)
		return 0;
	np_atomic_abort(&a);
	return 1;
}
