/* watch.h - `newsprint watch INPUT [render options]`: renders, then renders
 * again whenever a file the render read changes (docs/cli.md). */
#ifndef NP_WATCH_H
#define NP_WATCH_H

#include "args.h"
#include "newsprint.h"

/* Renders a->input to output, then again on every change, until SIGINT,
 * SIGTERM or SIGHUP: the render under way finishes (its outputs whole),
 * then 0. Returns 1 when the folders cannot be watched. */
int np_watch(np_engine *e, const struct np_args *a, const char *output);

#endif
