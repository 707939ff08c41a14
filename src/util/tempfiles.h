/* tempfiles.h - the temporary files this process has open, removed when it is
 * stopped by SIGTERM, SIGINT or SIGHUP (a SIGKILL can still leave one). */
#ifndef NP_TEMPFILES_H
#define NP_TEMPFILES_H

struct np_tempfile;

/* Registers a temporary file named template (copied; "XXXXXX" at its end for
 * mkstemp to fill in np_tempfile_path's buffer). NULL when out of memory. */
struct np_tempfile *np_tempfile_new(const char *template);
/* The registered name: the buffer to pass to mkstemp. */
char *np_tempfile_path(struct np_tempfile *t);
/* The file is gone (renamed or removed): a signal no longer removes it. */
void np_tempfile_done(struct np_tempfile *t);
/* Removes the registered files on SIGTERM, SIGINT, SIGHUP, then dies of the
 * signal (exit status 128 + signal in a shell). Ignores SIGXFSZ, so that a
 * file-size limit is a write error like a full disk. */
void np_tempfiles_catch_signals(void);
/* Frees the registry (call last: entries are kept, done or not, until then
 * so that a handler running on another thread never reads freed memory). */
void np_tempfiles_free(void);

#endif
