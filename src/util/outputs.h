/* outputs.h - a command's outputs, committed together: every file is
 * written to its temporary first, and only when all of them are whole are
 * they renamed into place, so a failure leaves every old output as it was.
 * The set also knows the inputs, and refuses an output that would
 * overwrite one of them or another output. */
#ifndef NP_OUTPUTS_H
#define NP_OUTPUTS_H

#include <stddef.h>

#include "model/model.h"
#include "util/atomic.h"
#include "util/fileid.h"

struct np_outputs {
	struct np_fileid *inputs;   /* files that must not be overwritten */
	char **input_names;         /* as given, for messages (owned) */
	size_t ninputs;
	void *input_index;          /* the inputs' identities as keys (outputs.c's GHashTable):
				       an edition names thousands of files */
	struct np_fileid *claims;   /* the outputs named on the command line */
	char **claim_names;
	int *claim_paged;           /* one file per page: STEM-N.EXT */
	size_t nclaims;
	struct np_atomic **files;   /* written, to be renamed (owned) */
	struct np_fileid *file_ids;
	size_t nfiles;
	int clash;                  /* an output would overwrite an input or another output */
};

void np_outputs_init(struct np_outputs *s);
/* Removes every temporary not committed, frees s. */
void np_outputs_fini(struct np_outputs *s);
/* An input: 0, or -1 with an error in d when a claimed output is that file
 * (s->clash set) or memory ran out. */
int np_outputs_input(struct np_outputs *s, const char *path, struct np_diags *d);
/* An output named on the command line (paged: PNG, SVG page files): 0, or -1
 * with an error in d (s->clash set) when it is an input or another output. */
int np_outputs_claim(struct np_outputs *s, const char *path, int paged, struct np_diags *d);
/* Opens path's temporary in the set; NULL with an error in d ("PATH: cannot
 * write: REASON", or a clash with an input or another file of the set). */
struct np_atomic *np_outputs_open(struct np_outputs *s, const char *path, struct np_diags *d);
/* Closes every file still open, and when all are whole renames them all;
 * 0, or -1 with errors in d (no file renamed unless a rename itself failed). */
int np_outputs_commit(struct np_outputs *s, struct np_diags *d);
/* Removes every temporary. */
void np_outputs_abort(struct np_outputs *s);
/* Adds "PATH: cannot write: REASON" to d (err an errno; 0: out of memory). */
void np_outputs_error(struct np_diags *d, const char *path, int err);

#endif
