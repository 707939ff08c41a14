/* watch.c - `newsprint watch`: a render, then another whenever a file the last
 * render read changes (the input, its layout, its pictures, an edition's
 * stories and advertisements: np_job_input).
 *
 * The folders of those files are watched with inotify, not the files: an
 * editor saves by writing a new file and renaming it over the old one, which
 * a watch on the old file's inode would not see. A burst of events (write,
 * rename, attributes) gives one render, once the folder has been quiet for
 * QUIET_MS. Outputs are written whole by the library (a temporary renamed
 * into place), so a viewer that reloads on change never reads half a file.
 *
 * SIGINT, SIGTERM and SIGHUP are taken through a signalfd: they wait while a
 * render runs, so it finishes and its outputs are whole, then watch stops
 * with status 0.
 */
#define _GNU_SOURCE /* signalfd */
#include "watch.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 30
#define EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB | IN_DELETE)

/* A folder watched, and a file followed in it. */
struct folder {
	int wd;
	char *path;
};

struct followed {
	int wd;
	char *name;
};

struct watch {
	np_engine *e;
	const struct np_args *a;
	const char *output;
	int ifd, sfd;
	struct folder *folders;
	size_t nfolders;
	struct followed *files;
	size_t nfiles;
};

static double wall_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

/* Follows path: its folder watched (once), its name remembered. 0 or -1. */
static int follow(struct watch *w, const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	const char *name = slash ? slash + 1 : path;
	if (!dir)
		return -1;
	int wd = inotify_add_watch(w->ifd, dir, EVENTS);
	if (wd < 0) {
		fprintf(stderr, "newsprint: cannot watch '%s': %s\n", dir, strerror(errno));
		free(dir);
		return -1;
	}
	size_t i;
	for (i = 0; i < w->nfolders && w->folders[i].wd != wd; i++)
		;
	if (i == w->nfolders) {
		struct folder *v = realloc(w->folders, (w->nfolders + 1) * sizeof *v);
		if (!v) {
			free(dir);
			return -1;
		}
		w->folders = v;
		w->folders[w->nfolders++] = (struct folder){wd, dir};
		dir = NULL;
	}
	free(dir);
	for (i = 0; i < w->nfiles; i++)
		if (w->files[i].wd == wd && !strcmp(w->files[i].name, name))
			return 0;
	struct followed *v = realloc(w->files, (w->nfiles + 1) * sizeof *v);
	char *copy = strdup(name);
	if (v)
		w->files = v;
	if (!v || !copy) {
		free(copy);
		return -1;
	}
	w->files[w->nfiles++] = (struct followed){wd, copy};
	return 0;
}

static int followed(const struct watch *w, int wd, const char *name)
{
	for (size_t i = 0; i < w->nfiles; i++)
		if (w->files[i].wd == wd && !strcmp(w->files[i].name, name))
			return 1;
	return 0;
}

static void print_diags(const np_job *j)
{
	for (size_t i = 0; i < np_job_diagnostic_count(j); i++) {
		char *s = np_job_diagnostic_format(j, i);
		if (s)
			fprintf(stderr, "%s\n", s);
		free(s);
	}
}

/* One render: a line with its time and figures, then its diagnostics; the
 * files it read are followed from now on (those of renders before too: a
 * render stopped by an error has read fewer). */
static void render(struct watch *w)
{
	double t0 = wall_ms(), c0 = cpu_ms();
	np_job *j = np_job_open(w->e, w->a->input);
	if (!j) {
		fprintf(stderr, "newsprint: error: out of memory\n");
		return;
	}
	np_job_set_option(j, "keep-report", "no");
	for (size_t i = 0; i < w->a->nopts; i++)
		np_job_set_option(j, w->a->opts[i].name, w->a->opts[i].value);
	int ok = np_job_render_file(j, w->output) == 0;
	double ms = wall_ms() - t0, cpu = cpu_ms() - c0;
	/* followed before the line is out: a save made on seeing it is seen */
	follow(w, w->a->input);
	for (size_t i = 0; i < np_job_input_count(j); i++)
		follow(w, np_job_input(j, i));
	char clock[16];
	time_t now = time(NULL);
	struct tm tm;
	strftime(clock, sizeof clock, "%H:%M:%S", localtime_r(&now, &tm));
	int warnings = np_job_warning_count(j);
	if (ok)
		printf("%s %s: %zu page%s in %.0f ms (CPU %.0f ms), %d warning%s\n", clock,
		       w->output, np_job_page_count(j), np_job_page_count(j) == 1 ? "" : "s", ms,
		       cpu, warnings, warnings == 1 ? "" : "s");
	else
		printf("%s %s: not written: %d error%s, %d warning%s (%.0f ms)\n", clock, w->output,
		       np_job_error_count(j), np_job_error_count(j) == 1 ? "" : "s", warnings,
		       warnings == 1 ? "" : "s", ms);
	fflush(stdout);
	print_diags(j);
	np_job_free(j);
}

/* Reads the events waiting; 1 when one is about a followed file. */
static int changed(struct watch *w)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	int hit = 0;
	for (;;) {
		ssize_t n = read(w->ifd, buf, sizeof buf);
		if (n <= 0)
			return hit;
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;
			if (ev->mask & IN_Q_OVERFLOW)
				hit = 1; /* events were lost: render to be sure */
			else if (ev->len && followed(w, ev->wd, ev->name))
				hit = 1;
			p += sizeof *ev + ev->len;
		}
	}
}

/* Waits for a change or a signal: 1 change (the burst over), 0 stop. */
static int wait_change(struct watch *w)
{
	struct pollfd fds[2] = {{w->sfd, POLLIN, 0}, {w->ifd, POLLIN, 0}};
	int hit = 0;
	for (;;) {
		int n = poll(fds, 2, hit ? QUIET_MS : -1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || fds[0].revents)
			return 0;
		if (n == 0)
			return 1; /* quiet since the last event */
		if (fds[1].revents)
			hit |= changed(w);
	}
}

int np_watch(np_engine *e, const struct np_args *a, const char *output)
{
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	struct watch w = {.e = e, .a = a, .output = output, .ifd = -1, .sfd = -1};
	int rc = 1;
	if (sigprocmask(SIG_BLOCK, &stop, NULL) < 0 || (w.sfd = signalfd(-1, &stop, SFD_CLOEXEC)) < 0 ||
	    (w.ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0) {
		fprintf(stderr, "newsprint: cannot watch: %s\n", strerror(errno));
		goto out;
	}
	if (follow(&w, a->input) < 0)
		goto out;
	printf("watching %s (Ctrl-C to stop)\n", a->input);
	render(&w);
	while (wait_change(&w))
		render(&w);
	struct signalfd_siginfo si;
	if (read(w.sfd, &si, sizeof si) == (ssize_t)sizeof si)
		printf("stopped (%s)\n", strsignal((int)si.ssi_signo));
	rc = 0;
out:
	if (w.ifd >= 0)
		close(w.ifd);
	if (w.sfd >= 0)
		close(w.sfd);
	for (size_t i = 0; i < w.nfolders; i++)
		free(w.folders[i].path);
	for (size_t i = 0; i < w.nfiles; i++)
		free(w.files[i].name);
	free(w.folders);
	free(w.files);
	return rc;
}
