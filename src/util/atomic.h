/* atomic.h - output files written whole or not at all: a temporary file in the
 * target's folder, renamed over the target when complete. */
#ifndef NP_ATOMIC_H
#define NP_ATOMIC_H

#include <stdio.h>

struct np_atomic {
	FILE *fp;
	char *tmp;   /* temporary path (owned) */
	char *path;  /* target path (owned) */
};

/* Opens a temporary file beside path. Returns 0, or -1 with errno set. */
int np_atomic_open(struct np_atomic *a, const char *path);
/* Flushes, syncs and closes the temporary file, not yet renamed (for a set of
 * files renamed together); 0 or -1. */
int np_atomic_close(struct np_atomic *a);
/* Flushes, syncs (when still open) and renames over the target; 0 or -1
 * (the temporary is removed). */
int np_atomic_commit(struct np_atomic *a);
/* Removes the temporary file. Safe after commit. */
void np_atomic_abort(struct np_atomic *a);
/* 1 when a file could be created in path's folder (checked before any work). */
int np_atomic_writable(const char *path);

#endif
