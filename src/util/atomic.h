/* atomic.h - output files written whole or not at all: a temporary file in the
 * target's folder, renamed over the target when complete.
 *
 * Writes go through fp (or np_atomic_write, for a whole buffer); the first
 * failed write is remembered with its errno, so a full disk or a file-size
 * limit is reported at close whatever layer wrote the bytes (stdio, libpng,
 * a Cairo stream callback that Cairo itself does not report). Temporary files
 * are registered with util/tempfiles.h, so a fatal signal removes them. */
#ifndef NP_ATOMIC_H
#define NP_ATOMIC_H

#include <stddef.h>
#include <stdio.h>

struct np_atomic_sink;

struct np_atomic {
	FILE *fp;                    /* the temporary file; NULL once closed */
	char *tmp;                   /* temporary path (borrowed from the registry) */
	char *path;                  /* target path (owned) */
	struct np_atomic_sink *sink; /* the descriptor and the first error (owned) */
};

/* Opens a temporary file beside path. Returns 0, or -1 with errno set. */
int np_atomic_open(struct np_atomic *a, const char *path);
/* Writes len bytes of data; 0, or -1 with errno set (and remembered). */
int np_atomic_write(struct np_atomic *a, const void *data, size_t len);
/* Replaces everything written so far by len bytes of data (a post-step
 * over the whole file); 0, or -1 with errno set (and remembered). */
int np_atomic_rewrite(struct np_atomic *a, const void *data, size_t len);
/* The errno of the first failed write, flush, sync or close; 0 when none. */
int np_atomic_error(const struct np_atomic *a);
/* Flushes, syncs and closes the temporary file, not yet renamed (for a set of
 * files renamed together); 0, or -1 with errno set to the first error (also
 * when an earlier write had failed). */
int np_atomic_close(struct np_atomic *a);
/* Closes (when still open) and renames over the target; 0 or -1 with errno
 * set (the temporary is removed either way). */
int np_atomic_commit(struct np_atomic *a);
/* Removes the temporary file. Safe after commit and on a zeroed struct. */
void np_atomic_abort(struct np_atomic *a);
/* 1 when a file could be created in path's folder and path is not a folder
 * (checked before any work); 0 with errno set. */
int np_atomic_writable(const char *path);

#endif
