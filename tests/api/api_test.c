/* api_test.c - newsprint.h's promises, one case a run: errors with their
 * positions, frees of NULL, documents in memory, option errors, pages in
 * memory, the exit status. Built against the shared library and the public
 * header only.
 *
 *   api_test ROOT CASE      ROOT: the source tree (examples/, tests/)
 *   api_test --list
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsprint.h"

static const char *root;
static int failures;

#define CHECK(cond)                                                                    \
	do {                                                                           \
		if (!(cond)) {                                                         \
			fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond); \
			failures++;                                                    \
		}                                                                      \
	} while (0)

static char *path(const char *rel)
{
	size_t n = strlen(root) + strlen(rel) + 2;
	char *s = malloc(n);
	snprintf(s, n, "%s/%s", root, rel);
	return s;
}

static void dump(const np_job *j)
{
	for (size_t i = 0; i < np_job_diagnostic_count(j); i++) {
		char *s = np_job_diagnostic_format(j, i);
		fprintf(stderr, "  diagnostic: %s\n", s ? s : "?");
		free(s);
	}
}

/* Every free and every getter takes NULL. */
static void free_null(np_engine *e)
{
	(void)e;
	np_engine_free(NULL);
	np_job_free(NULL);
	np_buffers_free(NULL, 0);
	np_free(NULL);
	CHECK(np_job_diagnostic_count(NULL) == 0);
	CHECK(np_job_diagnostic(NULL, 0, NULL, NULL, NULL, NULL, NULL) == -1);
	CHECK(np_job_report_json(NULL) == NULL);
	CHECK(np_job_render_file(NULL, "x.pdf") == -1);
	CHECK(np_job_check(NULL) == -1);
	CHECK(np_job_set_option(NULL, "dpi", "96") == -1);
	CHECK(np_job_open(NULL, "x.yaml") == NULL);
	CHECK(np_engine_layouts(NULL) == NULL);
	CHECK(np_job_timings(NULL) == NULL);
	/* a job never run has nothing to give */
	np_job *j = np_job_open(e, "nothing.yaml");
	CHECK(j != NULL);
	CHECK(np_job_report_json(j) == NULL);
	CHECK(np_job_diagnostic_count(j) == 0);
	CHECK(np_job_exit_status(j) == 0);
	CHECK(np_job_kind(j) == NP_JOB_UNKNOWN);
	np_job_free(j);
}

/* A bad YAML: -1, nothing rendered, a diagnostic at its line and column. */
static void bad_yaml(np_engine *e)
{
	char *in = path("tests/malformed/bad-id.yaml");
	np_job *j = np_job_open(e, in);
	unsigned char *pdf = (unsigned char *)"untouched";
	size_t len = 7;
	CHECK(np_job_render_memory(j, "pdf", &pdf, &len) == -1);
	CHECK(len == 7 && !strcmp((char *)pdf, "untouched"));
	CHECK(np_job_diagnostic_count(j) >= 1);
	const char *file, *sev, *msg;
	int line, col;
	CHECK(np_job_diagnostic(j, 0, &file, &line, &col, &sev, &msg) == 0);
	CHECK(file && !strcmp(file, in));
	CHECK(line == 1 && col == 5);
	CHECK(!strcmp(sev, "error"));
	CHECK(strstr(msg, "invalid id") != NULL);
	CHECK(np_job_diagnostic(j, np_job_diagnostic_count(j), &file, NULL, NULL, NULL, NULL) == -1);
	np_diagnostic g;
	CHECK(np_job_diagnostic_get(j, 0, &g) == 0 && !strcmp(g.code, "input") && g.page == -1);
	char *s = np_job_diagnostic_format(j, 0);
	char want[4096];
	snprintf(want, sizeof want, "%s:1:5: error: %s", in, msg);
	CHECK(s && !strcmp(s, want));
	free(s);
	CHECK(np_job_exit_status(j) == 1);
	CHECK(np_job_report_json(j) == NULL);
	/* a job runs once */
	CHECK(np_job_check(j) == -1 && np_job_exit_status(j) == 1);
	dump(j);
	np_job_free(j);
	free(in);
}

static const char article[] =
	"id: memory\n"
	"headline: Set from memory\n"
	"body:\n"
	"  - A paragraph handed to the library as bytes, with *italic* in it.\n"
	"  - A second one.\n";

/* A document in memory: rendered, its report names it; its errors name it. */
static void memory_input(np_engine *e)
{
	np_job *j = np_job_open_memory(e, "<mem>", article, sizeof article - 1);
	CHECK(np_job_set_option(j, "layout", "magazine-a4") == 0);
	unsigned char *pdf = NULL;
	size_t len = 0;
	CHECK(np_job_render_memory(j, "pdf", &pdf, &len) == 0);
	CHECK(pdf && len > 1000 && !memcmp(pdf, "%PDF-", 5));
	CHECK(np_job_kind(j) == NP_JOB_ARTICLE);
	CHECK(np_job_page_count(j) == 1);
	char *report = np_job_report_json(j);
	CHECK(report && strstr(report, "\"id\": \"memory\"") && strstr(report, "Set from memory"));
	CHECK(report && strstr(report, "\"width\": 595.2"));
	np_copyfit c;
	CHECK(np_job_copyfit_count(j) == 1 && np_job_copyfit(j, 0, &c) == 0 &&
	      !strcmp(c.story, "memory") && c.pages == 1 && c.overset_words == 0);
	CHECK(np_job_exit_status(j) == 0);
	dump(j);
	free(report);
	free(pdf);
	np_job_free(j);

	static const char bad[] = "id: memory\nheadline: x\nbody:\n  - one\nbogus: 1\n";
	j = np_job_open_memory(e, "<mem>", bad, sizeof bad - 1);
	CHECK(np_job_check(j) == -1);
	const char *file, *msg;
	int line, col;
	CHECK(np_job_diagnostic(j, 0, &file, &line, &col, NULL, &msg) == 0);
	CHECK(file && !strcmp(file, "<mem>") && line == 5 && col == 1);
	CHECK(strstr(msg, "unknown key 'bogus'") != NULL);
	np_diagnostic g;
	CHECK(np_job_diagnostic_get(j, 0, &g) == 0 && !strcmp(g.code, "schema"));
	dump(j);
	np_job_free(j);
}

/* Unknown options and bad values: -1, a usage diagnostic, status 2, and
 * the job refuses to run. */
static void option_errors(np_engine *e)
{
	CHECK(np_option_error("dpi", "96") == NULL);
	CHECK(!strcmp(np_option_error("dpi", "0"), "--dpi wants a number from 1 to 2400"));
	CHECK(!strcmp(np_option_error("colour", "red"), "unknown option"));
	CHECK(np_option_error("debug", NULL) == NULL);
	CHECK(!strcmp(np_option_error("layout", NULL), "option needs a value"));
	np_job *j = np_job_open_memory(e, "<mem>", article, sizeof article - 1);
	CHECK(np_job_set_option(j, "strict", NULL) == 0);
	CHECK(np_job_set_option(j, "dpi", "nan") == -1);
	CHECK(np_job_set_option(j, "colour", "red") == -1);
	CHECK(np_job_set_option(j, "pdfx", "x3") == -1);
	CHECK(np_job_diagnostic_count(j) == 3);
	char *s = np_job_diagnostic_format(j, 0);
	CHECK(s && !strcmp(s, "newsprint: --dpi wants a number from 1 to 2400: nan"));
	free(s);
	s = np_job_diagnostic_format(j, 1);
	CHECK(s && !strcmp(s, "newsprint: unknown option: colour"));
	free(s);
	np_diagnostic g;
	CHECK(np_job_diagnostic_get(j, 2, &g) == 0 && !strcmp(g.code, "usage") && !g.file);
	CHECK(np_job_exit_status(j) == 2);
	unsigned char *pdf = NULL;
	size_t len = 0;
	CHECK(np_job_render_memory(j, "pdf", &pdf, &len) == -1 && !pdf);
	CHECK(np_job_render_memory(NULL, "pdf", &pdf, &len) == -1);
	np_job_free(j);

	j = np_job_open_memory(e, "<mem>", article, sizeof article - 1);
	CHECK(np_job_render_memory(j, "tiff", &pdf, &len) == -1 && np_job_exit_status(j) == 2);
	np_job_free(j);
	j = np_job_open_memory(e, "<mem>", article, sizeof article - 1);
	CHECK(np_job_set_option(j, "layout", "no-such-layout") == 0);
	CHECK(np_job_render_memory(j, "pdf", &pdf, &len) == -1 && np_job_exit_status(j) == 1);
	CHECK(np_job_diagnostic_get(j, 0, &g) == 0 && !strcmp(g.code, "layout") &&
	      strstr(g.message, "unknown layout 'no-such-layout'"));
	np_job_free(j);
}

/* PNG pages in memory, one buffer a page, in order; "pages" picks them. */
static void pages_memory(np_engine *e)
{
	char *in = path("examples/commonwealth.yaml");
	np_job *j = np_job_open(e, in);
	CHECK(np_job_set_option(j, "layout", "magazine-a4") == 0);
	CHECK(np_job_set_option(j, "dpi", "10") == 0);
	np_buffer *pages = NULL;
	size_t n = 0;
	CHECK(np_job_render_pages_memory(j, "png", &pages, &n) == 0);
	CHECK(n == np_job_page_count(j) && n >= 2);
	for (size_t i = 0; i < n; i++)
		CHECK(pages[i].page == (int)i + 1 && pages[i].len > 8 &&
		      !memcmp(pages[i].data, "\x89PNG", 4));
	np_buffers_free(pages, n);
	dump(j);
	np_job_free(j);

	j = np_job_open(e, in);
	CHECK(np_job_set_option(j, "layout", "magazine-a4") == 0);
	CHECK(np_job_set_option(j, "pages", "2") == 0);
	CHECK(np_job_render_pages_memory(j, "pdf", &pages, &n) == 0);
	CHECK(n == 1 && pages && pages[0].page == 2 && !memcmp(pages[0].data, "%PDF-", 5));
	np_buffers_free(pages, n);
	np_job_free(j);

	j = np_job_open(e, in);
	unsigned char *svg = NULL;
	size_t len = 0;
	CHECK(np_job_set_option(j, "layout", "magazine-a4") == 0);
	CHECK(np_job_set_option(j, "pages", "2") == 0);
	CHECK(np_job_render_memory(j, "svg", &svg, &len) == 0);
	CHECK(svg && len > 100 && strstr((char *)svg, "<svg") != NULL);
	free(svg);
	np_job_free(j);
	free(in);
}

/* "strict" and a warning: rendered, status 3; the warning's record. */
static void strict_warning(np_engine *e)
{
	char *in = path("tests/cli/warns.yaml");
	np_job *j = np_job_open(e, in);
	CHECK(np_job_set_option(j, "strict", "yes") == 0);
	unsigned char *pdf = NULL;
	size_t len = 0;
	CHECK(np_job_render_memory(j, "pdf", &pdf, &len) == 0 && pdf);
	CHECK(np_job_warning_count(j) > 0 && np_job_error_count(j) == 0);
	CHECK(np_job_exit_status(j) == 3);
	np_diagnostic g;
	CHECK(np_job_diagnostic_get(j, 0, &g) == 0 && !strcmp(g.severity, "warning"));
	dump(j);
	free(pdf);
	np_job_free(j);
	free(in);
}

/* The warning about characters no bundled font has, of job j: NULL if none. */
static const char *missing_warning(const np_job *j)
{
	for (size_t i = 0; i < np_job_diagnostic_count(j); i++) {
		np_diagnostic g;
		if (np_job_diagnostic_get(j, i, &g) == 0 && g.message &&
		    strstr(g.message, "no bundled font has"))
			return g.message;
	}
	return NULL;
}

static np_job *render_text(np_engine *e, const char *body, unsigned char **pdf)
{
	char doc[256];
	snprintf(doc, sizeof doc, "id: reuse\nheadline: Reuse\nbody:\n  - \"%s\"\n", body);
	np_job *j = np_job_open_memory(e, "reuse.yaml", doc, strlen(doc));
	size_t len = 0;
	CHECK(np_job_render_memory(j, "pdf", pdf, &len) == 0 && *pdf);
	return j;
}

/* Jobs one after another on an engine use its spare text context (fonts and
 * dictionaries loaded once, for `newsprint watch`): each still warns of its
 * own missing characters only, and a job may outlive its engine. */
static void engine_reuse(np_engine *unused)
{
	(void)unused;
	np_engine *e = np_engine_new(NULL);
	unsigned char *pdf = NULL;
	np_job *j = render_text(e, "Words and \\uE000 a private character.", &pdf);
	const char *w = missing_warning(j);
	CHECK(w && strstr(w, "U+E000") && !strstr(w, "U+E001"));
	np_job_free(j);
	free(pdf);
	pdf = NULL;
	j = render_text(e, "Words and \\uE001 another one.", &pdf);
	w = missing_warning(j);
	CHECK(w && strstr(w, "U+E001") && !strstr(w, "U+E000"));
	np_job_free(j);
	free(pdf);
	pdf = NULL;
	j = render_text(e, "Words, all of them bundled.", &pdf);
	CHECK(missing_warning(j) == NULL);
	np_job_free(j);
	free(pdf);
	pdf = NULL;
	/* opened on the engine, freed after it */
	static const char late[] = "id: late\nheadline: Late\nbody:\n  - Late words.\n";
	j = np_job_open_memory(e, "late.yaml", late, sizeof late - 1);
	np_engine_free(e);
	size_t len = 0;
	CHECK(np_job_render_memory(j, "pdf", &pdf, &len) == 0 && pdf);
	np_job_free(j);
	free(pdf);
}

/* An edition checked: its copyfit rows, a record for each diagnostic; an
 * article over its page limit: its id and overset words in the record (an
 * edition's overset page: cli_streams.sh diagnostics_json_overset). */
static void overset_record(np_engine *e)
{
	char *in = path("examples/edition/edition.yaml");
	np_job *j = np_job_open(e, in);
	CHECK(np_job_check(j) == 0);
	CHECK(np_job_kind(j) == NP_JOB_EDITION && np_job_copyfit_count(j) > 3);
	for (size_t i = 0; i < np_job_diagnostic_count(j); i++) {
		np_diagnostic g;
		CHECK(np_job_diagnostic_get(j, i, &g) == 0);
		if (!strcmp(g.code, "overset"))
			CHECK(g.story && g.overset_words > 0 && g.page > 0);
	}
	dump(j);
	np_job_free(j);
	free(in);
	/* an article over its page limit */
	static const char longer[] = "id: long\nheadline: Long\nbody:\n"
		"  - Words enough to run past a single page of the tabloid when the limit is one page, "
		"words enough, words enough, words enough, words enough, words enough, words enough.\n";
	size_t n = sizeof longer - 1, reps = 120;
	char *big = malloc(n * reps);
	memcpy(big, longer, n);
	size_t at = n, para = strlen(strstr(longer, "  - "));
	for (size_t r = 1; r < reps; r++, at += para)
		memcpy(big + at, strstr(longer, "  - "), para);
	j = np_job_open_memory(e, "<long>", big, at);
	CHECK(np_job_set_option(j, "max-pages", "1") == 0);
	unsigned char *pdf = NULL;
	size_t len = 0;
	CHECK(np_job_render_memory(j, "pdf", &pdf, &len) == 0);
	int seen = 0;
	for (size_t i = 0; i < np_job_diagnostic_count(j); i++) {
		np_diagnostic g;
		np_job_diagnostic_get(j, i, &g);
		if (!strcmp(g.code, "overset")) {
			seen = 1;
			CHECK(g.story && !strcmp(g.story, "long") && g.overset_words > 0);
		}
	}
	CHECK(seen);
	dump(j);
	free(pdf);
	free(big);
	np_job_free(j);
}

struct rendering {
	np_engine *e;
	const char *in, *layout;
	unsigned char *pdf;
	size_t len;
};

static void *render_one(void *arg)
{
	struct rendering *r = arg;
	np_job *j = np_job_open(r->e, r->in);
	if (np_job_set_option(j, "layout", r->layout) < 0 ||
	    np_job_render_memory(j, "pdf", &r->pdf, &r->len) < 0)
		r->pdf = NULL;
	np_job_free(j);
	return NULL;
}

/* One engine shared by threads, each running its own job at the same time
 * (newsprint.h's promise): each gets the bytes a job run alone gets. */
static void threads(np_engine *e)
{
	char *in = path("examples/commonwealth.yaml");
	const char *layouts[] = {"tabloid", "magazine-a4", "tabloid", "broadsheet"};
	struct rendering alone[4], together[4];
	pthread_t t[4];
	for (int i = 0; i < 4; i++) {
		alone[i] = (struct rendering){e, in, layouts[i], NULL, 0};
		render_one(&alone[i]);
		CHECK(alone[i].pdf != NULL);
	}
	for (int i = 0; i < 4; i++) {
		together[i] = (struct rendering){e, in, layouts[i], NULL, 0};
		CHECK(pthread_create(&t[i], NULL, render_one, &together[i]) == 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		CHECK(together[i].pdf && together[i].len == alone[i].len &&
		      !memcmp(together[i].pdf, alone[i].pdf, alone[i].len));
		free(alone[i].pdf);
		free(together[i].pdf);
	}
	free(in);
}

static const struct {
	const char *name;
	void (*fn)(np_engine *);
} cases[] = {
	{"free_null", free_null},   {"bad_yaml", bad_yaml},
	{"memory_input", memory_input}, {"option_errors", option_errors},
	{"pages_memory", pages_memory}, {"strict_warning", strict_warning},
	{"overset_record", overset_record}, {"threads", threads},
	{"engine_reuse", engine_reuse},
};

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--list")) {
		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
			printf("%s\n", cases[i].name);
		return 0;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: api_test ROOT CASE | --list\n");
		return 2;
	}
	root = argv[1];
	np_engine *e = np_engine_new(NULL);
	if (!e)
		return 1;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (!strcmp(argv[2], cases[i].name)) {
			cases[i].fn(e);
			np_engine_free(e);
			np_cleanup();
			return failures ? 1 : 0;
		}
	fprintf(stderr, "unknown case %s\n", argv[2]);
	np_engine_free(e);
	return 2;
}
