/* tempfiles.c - the registry of temporary files a fatal signal removes.
 *
 * A signal handler may only call async-signal-safe functions (unlink, raise)
 * and read memory that is never half-updated. The registry is therefore a
 * list that only grows at its head by one atomic store: an entry is filled
 * before it is published, "done" is an atomic flag, and no entry is freed
 * before np_tempfiles_free. It is the one global of the program, because a
 * signal handler takes no context. */
#include "util/tempfiles.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct np_tempfile {
	struct np_tempfile *next;
	atomic_int live;
	char path[];
};

static _Atomic(struct np_tempfile *) head;

struct np_tempfile *np_tempfile_new(const char *template)
{
	size_t n = strlen(template) + 1;
	struct np_tempfile *t = malloc(sizeof *t + n);
	if (!t)
		return NULL;
	memcpy(t->path, template, n);
	atomic_init(&t->live, 1);
	/* the name is published before mkstemp creates the file, so there is
	 * no moment when the file exists unregistered */
	t->next = atomic_load(&head);
	while (!atomic_compare_exchange_weak(&head, &t->next, t))
		;
	return t;
}

char *np_tempfile_path(struct np_tempfile *t)
{
	return t->path;
}

void np_tempfile_done(struct np_tempfile *t)
{
	if (t)
		atomic_store(&t->live, 0);
}

static void on_signal(int sig)
{
	for (struct np_tempfile *t = atomic_load(&head); t; t = t->next)
		if (atomic_load(&t->live))
			unlink(t->path);
	/* SA_RESETHAND restored the default action and the signal is blocked
	 * while this runs: it is delivered again on return, and kills */
	raise(sig);
}

void np_tempfiles_catch_signals(void)
{
	static const int sigs[] = {SIGTERM, SIGINT, SIGHUP};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction sa, old;
		/* a signal ignored when we started (nohup, a job runner) stays so */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sa.sa_flags = SA_RESETHAND;
		sigemptyset(&sa.sa_mask);
		for (size_t k = 0; k < sizeof sigs / sizeof *sigs; k++)
			sigaddset(&sa.sa_mask, sigs[k]);
		sigaction(sigs[i], &sa, NULL);
	}
	/* a write beyond a file-size limit then fails with EFBIG, which is
	 * reported and cleaned up like a full disk, instead of killing us with
	 * the temporary file left behind */
	signal(SIGXFSZ, SIG_IGN);
}

void np_tempfiles_free(void)
{
	struct np_tempfile *t = atomic_exchange(&head, NULL);
	while (t) {
		struct np_tempfile *next = t->next;
		free(t);
		t = next;
	}
}
