/* textpack.h - a body paragraph's text kept deflated between its uses. */
#ifndef NP_TEXTPACK_H
#define NP_TEXTPACK_H

#include "model/model.h"

/* Compresses and inflates texts; one per thread (an article's parse, a
 * story's pour). */
struct np_text_packer;
struct np_text_packer *np_text_packer_new(void);
void np_text_packer_free(struct np_text_packer *k);

/* t's text deflated in its place (t->packed, t->text NULL) when that is
 * smaller; 0, or -1 out of memory (t as it was). */
int np_text_pack(struct np_text_packer *k, struct np_text *t);

/* t's text, NUL-terminated: t->text itself, or t->packed inflated into k's
 * buffer, good until k's next call; NULL when out of memory. */
const char *np_text_plain(struct np_text_packer *k, const struct np_text *t);

#endif
