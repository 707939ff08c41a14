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
/* The same over an output being written (util/atomic.h): what was written
 * is read back from its temporary and replaced. 0 or -1 with why. */
struct np_atomic;
int np_post_file(struct np_atomic *a, const struct np_pictures *pics, char *why, size_t nwhy);

#endif
