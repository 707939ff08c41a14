/* quotecheck.h - the copy desk's rules for pull-quotes, on the planned story. */
#ifndef NP_FLOW_QUOTECHECK_H
#define NP_FLOW_QUOTECHECK_H

#include "flow/flow_int.h"

/* Once the floats are planned and balanced: a pull-quote with fewer than the
 * layout's pullquote.lines_below lines of text under it in a column it spans
 * (in the story's last lines on a page, between its last line and the jump
 * line), or past pullquote.max_share of the story's area on its page, is
 * moved up or to another of the story's regions where it keeps the rules, or
 * else not set, with a warning. The story is then balanced again. Returns 0
 * or -1. */
/* Runs the story as it stands, balanced again (thorough 1, or levelling only:
 * 0) or with the limits it has (-1), with f->slots left as that run fills
 * them; *spread: how far apart the last region's columns end, in lines
 * (INT_MAX: not balanced or not known). Returns 0 or -1. */
typedef int (*np_story_runner)(struct flow *f, int max_regions, int thorough, int *spread);
/* Runs regions from..last of the story only, resumed at `from` (the slots
 * before it stand) and unbalanced; f->slots of regions before `last` are as a
 * whole run would fill them. Returns 0 or -1. */
typedef int (*np_story_window)(struct flow *f, int from, int last);
int np_quotes_check(struct flow *f, int max_regions, np_story_runner run, np_story_window window);

#endif
