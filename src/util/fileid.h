/* fileid.h - which file a path names, to tell when an output would overwrite
 * an input or another output: by device and inode when the file exists (hard
 * links, symlinks), by its resolved path otherwise. */
#ifndef NP_FILEID_H
#define NP_FILEID_H

#include <sys/types.h>

struct np_fileid {
	char *real;   /* realpath, or the folder's realpath and the name (owned) */
	dev_t dev;
	ino_t ino;
	int exists;
};

/* 0, or -1 when out of memory. */
int np_fileid_init(struct np_fileid *id, const char *path);
void np_fileid_fini(struct np_fileid *id);
/* 1 when both name the same file. */
int np_fileid_same(const struct np_fileid *a, const struct np_fileid *b);
/* 1 when f is one of the page files "STEM-N.EXT" of the output out
 * "STEM.EXT" (render.h's np_page_path). */
int np_fileid_is_page_of(const struct np_fileid *f, const struct np_fileid *out);

#endif
