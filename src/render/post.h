/* post.h - the post-steps (press/place.h) a rendered PDF needs, run over its
 * bytes when the render placed something Cairo cannot write; a PDF without
 * such things is left byte for byte as Cairo wrote it. */
#ifndef NP_RENDER_POST_H
#define NP_RENDER_POST_H

#include <stddef.h>
#include <stdio.h>

#include "render/pictures.h"

/* 1 when pics placed something that needs a post-step. */
int np_post_needed(const struct np_pictures *pics);
/* Replaces *buf (malloc'd, *len bytes) by the result of the steps pics
 * needs. 0, or -1 with why filled (*buf unchanged). */
int np_post_buffer(unsigned char **buf, size_t *len, const struct np_pictures *pics, char *why,
		   size_t nwhy);
/* The same over a file being written: fp (open for writing on path) is read
 * back through path, truncated and written again. 0 or -1 with why. */
int np_post_file(FILE *fp, const char *path, const struct np_pictures *pics, char *why,
		 size_t nwhy);

#endif
