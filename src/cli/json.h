/* json.h - what the command line prints as JSON: diagnostics
 * (--diagnostics json) and the copyfit table (check --json). */
#ifndef NP_CLI_JSON_H
#define NP_CLI_JSON_H

#include <stdio.h>

#include "newsprint.h"

/* One diagnostic as one JSON object on one line. */
void np_json_diagnostic(FILE *fp, const np_diagnostic *g);
/* {"kind": "edition", "errors": N, "warnings": N, "stories": [{...}, ...]} */
void np_json_copyfit(FILE *fp, const np_job *j);

#endif
