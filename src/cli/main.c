/* main.c - the newsprint program: a client of libnewsprint through
 * newsprint.h only. It parses the command line, runs one job (render or
 * check), prints what the job found as FILE:LINE:COLUMN: error: MESSAGE and
 * exits with the job's status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "json.h"
#include "newsprint.h"
#include "watch.h"

enum { EXIT_INPUT = 1, EXIT_USAGE = 2 };

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The bundled layouts' names, one a line. */
static int list_layouts(void)
{
	np_engine *e = np_engine_new(NULL);
	char *names = np_engine_layouts(e);
	if (names)
		fputs(names, stdout);
	free(names);
	np_engine_free(e);
	return names ? 0 : EXIT_INPUT;
}

/* The default output: INPUT's name with .pdf, in the current folder's terms. */
static char *default_output(const char *input)
{
	const char *dot = strrchr(input, '.'), *slash = strrchr(input, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - input) : strlen(input);
	char *s = malloc(stem + 5);
	if (s)
		snprintf(s, stem + 5, "%.*s.pdf", (int)stem, input);
	return s;
}

static int is_usage(const np_job *j, size_t i)
{
	np_diagnostic g;
	return np_job_diagnostic_get(j, i, &g) == 0 && !strcmp(g.code, "usage");
}

/* Usage errors first (they stopped the job before its input was read, as
 * the command line's own would have), then the rest in the order found;
 * as text, or a JSON object a line (--diagnostics json). */
static void print_diags(const np_job *j, int json)
{
	size_t n = np_job_diagnostic_count(j);
	for (int usage = 1; usage >= 0; usage--)
		for (size_t i = 0; i < n; i++) {
			if (is_usage(j, i) != usage)
				continue;
			np_diagnostic g;
			if (json && np_job_diagnostic_get(j, i, &g) == 0) {
				np_json_diagnostic(stderr, &g);
				continue;
			}
			char *s = np_job_diagnostic_format(j, i);
			if (s)
				fprintf(stderr, "%s\n", s);
			free(s);
		}
}

/* `check` on an edition: how each story fits its modules. */
static void copyfit_table(const np_job *j)
{
	printf("%-28s %6s %6s %6s %6s  %s\n", "story", "pages", "lines", "over", "empty", "ends on");
	np_copyfit s;
	for (size_t i = 0; np_job_copyfit(j, i, &s) == 0; i++)
		printf("%-28.28s %6zu %6d %6d %6d  %s%s\n", s.story, s.pages, s.lines,
		       s.overset_lines, s.empty_lines, s.ends_on,
		       s.overset_lines ? "  OVERSET" : s.empty_lines > 5 ? "  short" : "");
}

/* A bar on standard error, when it is a terminal. */
static void progress_bar(void *ctx, int done, int total)
{
	(void)ctx;
	int width = 40, fill = total ? done * width / total : width;
	fprintf(stderr, "\r[%.*s%*s] %d/%d pages", fill, "========================================",
		width - fill, "", done, total);
	if (done == total)
		fputc('\n', stderr);
}

/* One line on standard error when it is not a terminal (batch logs). */
static void summary(const np_job *j, const char *output, double seconds)
{
	int over = 0, stories = (int)np_job_copyfit_count(j);
	np_copyfit s;
	for (size_t i = 0; np_job_copyfit(j, i, &s) == 0; i++)
		over += s.overset_words > 0;
	fprintf(stderr, "newsprint: %s: %zu pages, %d stor%s (%d overset), %d warnings, %.2f s\n",
		output, np_job_page_count(j), stories, stories == 1 ? "y" : "ies", over,
		np_job_warning_count(j), seconds);
}

/* All of standard input (up to max bytes and one more, so that the parser
 * can say it is too long); NULL when it cannot be read. */
static char *read_stdin(size_t max, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	while (buf && n <= max) {
		if (n == cap) {
			char *b = realloc(buf, cap * 2);
			if (!b)
				break;
			buf = b;
			cap *= 2;
		}
		size_t k = fread(buf + n, 1, cap - n, stdin);
		n += k;
		if (k == 0)
			break;
	}
	if (!buf || ferror(stdin) || (n <= max && !feof(stdin))) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* INPUT: a file, or '-', standard input read once (an article). */
static np_job *open_input(np_engine *e, const struct np_args *a)
{
	if (strcmp(a->input, "-"))
		return np_job_open(e, a->input);
	size_t len = 0;
	char *buf = read_stdin(64u << 20, &len);
	if (!buf) {
		fprintf(stderr, "%s: error: cannot read standard input\n",
			a->name ? a->name : "<stdin>");
		return NULL;
	}
	np_job *j = np_job_open_memory(e, a->name ? a->name : "<stdin>", buf, len);
	free(buf);
	return j;
}

static int write_stdout(const void *data, size_t len)
{
	if (fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0)
		return 0;
	fprintf(stderr, "newsprint: error: cannot write to standard output\n");
	return -1;
}

/* -o - --format png|svg: the page in memory, then on standard output once
 * whole: one page only. 0, -1 when the job failed, -2 when it wrote more
 * pages than one, -3 when standard output could not be written. */
static int render_stdout(np_job *j, const char *format)
{
	np_buffer *pages = NULL;
	size_t n = 0;
	if (np_job_render_pages_memory(j, format, &pages, &n) < 0)
		return -1;
	int rc = 0;
	if (n != 1) {
		fprintf(stderr, "newsprint: standard output takes one %s page, not %zu: pick it "
			"with --pages N\n", format, n);
		rc = -2;
	} else if (write_stdout(pages[0].data, pages[0].len) < 0) {
		rc = -3;
	}
	np_buffers_free(pages, n);
	return rc;
}

/* The job: rendered to a file or standard output, or checked; 0 or -1
 * (-2: a usage error of the command line's own, -3: standard output). */
static int run_job(np_job *j, const struct np_args *a, const char *output)
{
	if (a->command == NP_CMD_CHECK)
		return np_job_check(j);
	if (strcmp(output, "-"))
		return np_job_render_file(j, output);
	const char *format = a->format ? a->format : "pdf";
	if (strcmp(format, "pdf"))
		return render_stdout(j, format);
	unsigned char *pdf = NULL;
	size_t len = 0;
	if (np_job_render_memory(j, "pdf", &pdf, &len) < 0)
		return -1;
	int rc = write_stdout(pdf, len) < 0 ? -3 : 0;
	free(pdf);
	return rc;
}

/* --report -: the report, once the job is done, on standard output. */
static int report_stdout(np_job *j)
{
	char *report = np_job_report_json(j);
	int rc = report ? write_stdout(report, strlen(report)) : -1;
	if (!report)
		fprintf(stderr, "newsprint: error: no report to write\n");
	free(report);
	return rc;
}

/* Runs the command's job; its exit status. */
static int run(np_engine *e, const struct np_args *a, double t0)
{
	np_job *j = open_input(e, a);
	if (!j && !strcmp(a->input, "-"))
		return EXIT_INPUT;
	char *output = a->output ? strdup(a->output) : default_output(a->input);
	if (!j || !output) {
		fprintf(stderr, "newsprint: error: out of memory\n");
		np_job_free(j);
		free(output);
		return EXIT_INPUT;
	}
	/* the report is kept in memory only for --report - */
	int report_out = a->report && !strcmp(a->report, "-");
	np_job_set_option(j, "keep-report", report_out ? "yes" : "no");
	for (size_t i = 0; i < a->nopts; i++)
		np_job_set_option(j, a->opts[i].name, a->opts[i].value);
	if (isatty(2) && !a->json_diagnostics)
		np_job_set_progress(j, progress_bar, NULL);
	int got = run_job(j, a, output);
	int ok = got == 0;
	if (ok && report_out && report_stdout(j) < 0)
		got = -3;
	if (ok && a->command == NP_CMD_CHECK && a->json)
		np_json_copyfit(stdout, j);
	else if (ok && a->command == NP_CMD_CHECK && np_job_kind(j) == NP_JOB_EDITION)
		copyfit_table(j);
	if (np_job_timings(j))
		fprintf(stderr, "%s\n", np_job_timings(j));
	print_diags(j, a->json_diagnostics);
	int rc = got == -2 ? EXIT_USAGE : got == -3 ? EXIT_INPUT : np_job_exit_status(j);
	/* every failure says why, but a message may be lost with the memory
	 * it needed: then the reason is nearly certain */
	if (rc == EXIT_INPUT && got != -3 && !np_job_error_count(j))
		fprintf(stderr, "newsprint: error: out of memory\n");
	if (ok && !np_job_error_count(j) && np_job_kind(j) == NP_JOB_EDITION &&
	    a->command == NP_CMD_RENDER && !isatty(2) && !a->json_diagnostics)
		summary(j, output, now() - t0);
	np_job_free(j);
	free(output);
	return rc;
}

int main(int argc, char **argv)
{
	double t0 = now();
	struct np_args a;
	if (np_args_parse(&a, argc, argv) < 0)
		return EXIT_USAGE;
	int rc = 0;
	switch (a.command) {
	case NP_CMD_HELP:
		if (a.help_on != NP_CMD_NONE)
			np_args_usage_command(stdout, a.help_on);
		else
			np_args_usage(stdout);
		break;
	case NP_CMD_VERSION:
		printf("newsprint %s\n", np_version());
		break;
	case NP_CMD_LAYOUTS:
		rc = list_layouts();
		break;
	default: {
		np_engine *e = np_engine_new(NULL);
		np_catch_signals();
		char *out = a.command == NP_CMD_WATCH && e
				    ? a.output ? strdup(a.output) : default_output(a.input) : NULL;
		if (a.command == NP_CMD_WATCH)
			rc = out ? np_watch(e, &a, out) : EXIT_INPUT;
		else
			rc = e ? run(e, &a, t0) : EXIT_INPUT;
		free(out);
		if (!e)
			fprintf(stderr, "newsprint: error: out of memory\n");
		np_engine_free(e);
		np_cleanup();
	}
	}
	np_args_fini(&a);
	return rc;
}
