/* jumpcheck.h - warnings about a story's modules once it is set (issue mode). */
#ifndef NP_FLOW_JUMPCHECK_H
#define NP_FLOW_JUMPCHECK_H

#include "flow/flow_int.h"

/* After the run that draws: columns of a part before a jump holding fewer
 * than jumps.min_lines lines, and empty columns of its modules, are warnings
 * at mark. Returns 0 or -1 (out of memory). */
int np_jump_checks(struct flow *f, const struct np_mark *mark);

#endif
