/* atomic.c - whole-or-nothing output files (see atomic.h). */
#include "util/atomic.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int np_atomic_open(struct np_atomic *a, const char *path)
{
	memset(a, 0, sizeof *a);
	size_t n = strlen(path) + 16;
	a->tmp = malloc(n);
	a->path = strdup(path);
	if (!a->tmp || !a->path) {
		np_atomic_abort(a);
		errno = ENOMEM;
		return -1;
	}
	snprintf(a->tmp, n, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(a->tmp);
	if (fd < 0) {
		free(a->tmp);
		a->tmp = NULL;
		np_atomic_abort(a);
		return -1;
	}
	mode_t mask = umask(0);
	umask(mask);
	/* mkstemp makes 0600; outputs are ordinary files. Should this fail the
	 * file is still whole, only private: not worth refusing the output for */
	(void)fchmod(fd, 0666 & ~mask);
	a->fp = fdopen(fd, "wb");
	if (!a->fp) {
		close(fd);
		np_atomic_abort(a);
		return -1;
	}
	return 0;
}

int np_atomic_close(struct np_atomic *a)
{
	if (!a->fp)
		return 0;
	int rc = 0;
	if (fflush(a->fp) != 0 || fsync(fileno(a->fp)) != 0)
		rc = -1;
	if (fclose(a->fp) != 0)
		rc = -1;
	a->fp = NULL;
	return rc;
}

int np_atomic_commit(struct np_atomic *a)
{
	int rc = np_atomic_close(a);
	if (rc == 0 && rename(a->tmp, a->path) != 0)
		rc = -1;
	if (rc == 0) {
		free(a->tmp);
		a->tmp = NULL;
	}
	np_atomic_abort(a);
	return rc;
}

void np_atomic_abort(struct np_atomic *a)
{
	if (a->fp)
		fclose(a->fp);
	if (a->tmp)
		unlink(a->tmp);
	free(a->tmp);
	free(a->path);
	memset(a, 0, sizeof *a);
}

int np_atomic_writable(const char *path)
{
	struct np_atomic a;
	if (np_atomic_open(&a, path) < 0)
		return 0;
	np_atomic_abort(&a);
	return 1;
}
