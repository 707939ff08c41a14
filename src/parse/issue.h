/* issue.h - what the issue parser's files (issue*.c) share. Private to
 * src/parse/. */
#ifndef NP_PARSE_ISSUE_H
#define NP_PARSE_ISSUE_H

#include "parse/pint.h"

#define NP_ISSUE_MAX_PAGES 1000

/* Reads the file named by kv's value (relative to c->base_dir, the issue's
 * folder; inside it unless opts.allow_paths): sets *file to the text as
 * written and *path to the resolved path of an existing regular file (both
 * malloc'd; *file may be set on failure too). Errors at kv's key; `what`
 * names the file in them ("article"). */
int np_is_file(struct np_pctx *c, const struct np_yt_pair *kv, const char *what,
	       char **file, char **path);
/* An advertisement's `image:`: a PNG or JPEG file, as np_is_file finds it. */
int np_is_ad_image(struct np_pctx *c, const struct np_yt_pair *kv, struct np_ad *ad);

#endif
