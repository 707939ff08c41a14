/* main.c - the newsprint program: a thin front over libnewsprint.
 *
 * render: check the output can be written, parse layout and article, set the
 * article, write the pages and the report; check: parse and validate only.
 * Diagnostics are printed at the end as FILE:LINE:COLUMN: error: MESSAGE.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/args.h"
#include "flow/flow.h"
#include "np_config.h"
#include "parse/parse.h"
#include "render/render.h"
#include "report/report.h"
#include "text/text.h"
#include "util/atomic.h"
#include "util/outputs.h"
#include "util/tempfiles.h"

enum { EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_WARNINGS = 3 };

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Where layouts/ and fonts/ are: $NEWSPRINT_DATA, the source tree this build
 * was configured from, or the installed data directory. */
static const char *data_dir(void)
{
	const char *env = getenv("NEWSPRINT_DATA");
	if (env && *env)
		return env;
	if (is_dir(NP_SOURCE_DIR "/layouts") && is_dir(NP_SOURCE_DIR "/fonts"))
		return NP_SOURCE_DIR;
	return NP_DATA_DIR;
}

static char *join(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int print_diags(const struct np_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = np_diag_format(&d->v[i]);
		if (s)
			fprintf(stderr, "%s\n", s);
		free(s);
	}
	return d->errors;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The bundled layouts' names, sorted, one a line. */
static int list_layouts(void)
{
	char *dir = join(data_dir(), "/layouts", "");
	DIR *d = dir ? opendir(dir) : NULL;
	free(dir);
	if (!d)
		return EXIT_INPUT;
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char **v = len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0
				   ? realloc(names, (n + 1) * sizeof *names) : NULL;
		if (v && (v[n] = strndup(e->d_name, len - 5)))
			names = v, n++;
		else if (v)
			names = v;
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		printf("%s\n", names[i]);
		free(names[i]);
	}
	free(names);
	return 0;
}

/* A layout named on the command line: a path, or a bundled layout's name.
 * An issue's name without a '/' is a bundled layout only (docs/issue.md): a
 * file of that name in the working folder is not read in its place. */
static char *layout_path(const char *name, int bundled_only)
{
	if (strchr(name, '/') || (!bundled_only && is_file(name)))
		return strdup(name);
	char *dir = join(data_dir(), "/layouts/", name);
	char *path = dir ? join(dir, ".yaml", "") : NULL;
	free(dir);
	return path;
}

/* The layout: -l, else the issue's own (a path in it is relative to the
 * issue file), else the tabloid. */
static int load_layout(const struct np_args *a, const struct np_issue *is,
		       const struct np_parse_opts *po, struct np_diags *d, struct np_layout *l,
		       struct np_outputs *out)
{
	const char *name = a->layout ? a->layout : is && is->layout ? is->layout : "tabloid";
	char *path = NULL;
	if (!a->layout && is && is->layout && strchr(is->layout, '/') && is->layout[0] != '/') {
		char *dir = strdup(is->source);
		char *slash = dir ? strrchr(dir, '/') : NULL;
		if (slash)
			slash[1] = 0;
		path = dir ? join(slash ? dir : "", is->layout, "") : NULL;
		free(dir);
	} else {
		path = layout_path(name, !a->layout && is && is->layout);
	}
	if (!path || !is_file(path)) {
		np_diag_add(d, NP_ERROR, !a->layout && is && is->layout ? &is->layout_mark : NULL,
			    "unknown layout '%s' (see 'newsprint layouts')", name);
		free(path);
		return -1;
	}
	int rc = np_outputs_input(out, path, d) < 0 ? -1 : np_parse_layout_file(path, po, d, l);
	free(path);
	return rc;
}

/* Every style's font must be a bundled family. */
static int check_fonts(struct np_text_ctx *t, const struct np_layout *l, struct np_diags *d)
{
	int bad = 0;
	for (int i = 0; i < NP_ST_COUNT; i++) {
		const struct np_style *s = &l->styles[i];
		if (!np_text_has_family(t, s->font)) {
			np_diag_add(d, NP_ERROR, s->mark.line ? &s->mark : NULL,
				    "unknown font '%s' in style '%s': not among the bundled fonts",
				    s->font ? s->font : "", np_style_name((enum np_style_id)i));
			bad = 1;
		}
	}
	return bad ? -1 : 0;
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

struct job {
	struct np_args a;
	struct np_parse_opts po;
	struct np_diags d;
	struct np_layout layout;
	int have_layout;
	struct np_article *article;
	struct np_issue *issue; /* the input is an edition */
	struct np_text_ctx *text;
	struct np_doc doc;
	char *output;
	unsigned char *sel;
	unsigned long long nsel; /* pages --pages names, those beyond sel[] too */
	double t0;
	/* an article's pages go out as the flow finishes them */
	struct np_renderer *renderer;
	struct np_atomic *report_file;
	int report_pages;
	struct np_outputs out; /* every output, committed together; the inputs */
	/* the print pass: the layout's print: section and the options over it */
	struct np_press_opts press;
	struct np_press_ink *inks;
	char *profile;
	double press_ms; /* the print pass's time, for --timings */
};

static int text_ctx(struct job *j)
{
	char *fonts = j->a.fonts_dir ? strdup(j->a.fonts_dir) : join(data_dir(), "/fonts", "");
	j->text = fonts ? np_text_ctx_new(fonts, j->a.hyphen_dir, &j->d) : NULL;
	free(fonts);
	if (!j->text)
		return -1;
	char *except = join(data_dir(), "/hyphenation", "");
	if (except)
		np_text_set_exceptions(j->text, except);
	free(except);
	return check_fonts(j->text, &j->layout, &j->d);
}

/* The pictures an article draws are inputs too (a PNG output's page file
 * could be one of them). */
static int protect_pictures(struct job *j, const struct np_article *a)
{
	for (size_t i = 0; a && i < a->nimages; i++)
		if (a->images[i].path && np_outputs_input(&j->out, a->images[i].path, &j->d) < 0)
			return -1;
	return 0;
}

/* An edition: its layout, then the page templates' heights, which the grid
 * checks of its modules need. */
static int prepare_issue(struct job *j)
{
	if (np_parse_issue_file(j->a.input, &j->po, &j->d, &j->issue) < 0)
		return -1;
	for (size_t i = 0; i < j->issue->nstories; i++)
		if (np_outputs_input(&j->out, j->issue->stories[i].path, &j->d) < 0 ||
		    protect_pictures(j, j->issue->stories[i].article) < 0)
			return -1;
	for (size_t i = 0; i < j->issue->nads; i++)
		if (j->issue->ads[i].image &&
		    np_outputs_input(&j->out, j->issue->ads[i].image, &j->d) < 0)
			return -1;
	if (load_layout(&j->a, j->issue, &j->po, &j->d, &j->layout, &j->out) < 0)
		return -1;
	j->have_layout = 1;
	if (text_ctx(j) < 0)
		return -1;
	int *band = calloc(j->issue->npages + 1, sizeof *band);
	int rc = band ? np_flow_band_lines(j->text, j->issue, &j->layout, band) : -1;
	if (rc == 0)
		rc = np_issue_validate(j->issue, &j->layout, np_flow_grid_lines(&j->layout), band,
				       &j->d);
	free(band);
	return rc;
}

/* Reads all of fp (up to max bytes and one more, so that the parser can
 * say it is too long); NULL when out of memory or unreadable (errno). */
static char *read_stream(FILE *fp, size_t max, size_t *len)
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
		size_t k = fread(buf + n, 1, cap - n < max + 1 - n ? cap - n : max + 1 - n, fp);
		n += k;
		if (k == 0)
			break;
	}
	if (!buf || (n <= max && !feof(fp))) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* A stream the caller opened for us: standard input under any name, or a
 * pipe passed as /dev/fd/N (a shell's <(...)). A named pipe or a device in
 * the file system is not one of them: it would block or never end, and is
 * refused by the parser as not a regular file. */
static int open_stream(const char *path, const struct stat *st)
{
	struct stat in;
	if (S_ISREG(st->st_mode) || S_ISDIR(st->st_mode))
		return 0;
	if (fstat(0, &in) == 0 && in.st_dev == st->st_dev && in.st_ino == st->st_ino)
		return 1;
	return (S_ISFIFO(st->st_mode) || S_ISSOCK(st->st_mode)) &&
	       (!strncmp(path, "/dev/fd/", 8) || !strncmp(path, "/proc/self/fd/", 14));
}

/* An input that is not a file (/dev/stdin, a pipe) can be read only once:
 * an article, read into memory, its pictures found from the current folder.
 * An edition's stories are files beside it: it must be a file too. */
static int prepare_stream(struct job *j)
{
	FILE *fp = fopen(j->a.input, "rb");
	size_t len = 0;
	char *buf = fp ? read_stream(fp, 64u << 20, &len) : NULL;
	if (!buf)
		np_diag_add(&j->d, NP_ERROR, NULL, "%s: cannot read: %s", j->a.input,
			    strerror(errno));
	if (fp)
		fclose(fp);
	int rc = buf ? 0 : -1;
	if (rc == 0 && np_parse_is_issue_mem(j->a.input, buf, len, &j->po)) {
		np_diag_add(&j->d, NP_ERROR, NULL,
			    "%s: an edition must be read from a file (its stories are found beside it)",
			    j->a.input);
		rc = -1;
	}
	if (rc == 0)
		rc = load_layout(&j->a, NULL, &j->po, &j->d, &j->layout, &j->out);
	j->have_layout = rc == 0;
	if (rc == 0)
		rc = np_parse_article_mem(j->a.input, ".", buf, len, &j->po, &j->d, &j->article);
	if (rc == 0)
		rc = protect_pictures(j, j->article);
	free(buf);
	if (rc == 0)
		rc = np_article_validate(j->article, &j->layout, &j->d);
	return rc < 0 ? -1 : text_ctx(j);
}

static int prepare(struct job *j)
{
	j->po.allow_paths = j->a.allow_paths;
	struct stat st;
	if (stat(j->a.input, &st) == 0 && open_stream(j->a.input, &st))
		return prepare_stream(j);
	int issue = np_parse_is_issue(j->a.input, &j->po, &j->d);
	if (issue < 0)
		return -1;
	if (issue)
		return prepare_issue(j);
	if (load_layout(&j->a, NULL, &j->po, &j->d, &j->layout, &j->out) < 0)
		return -1;
	j->have_layout = 1;
	if (np_parse_article_file(j->a.input, &j->po, &j->d, &j->article) < 0 ||
	    protect_pictures(j, j->article) < 0)
		return -1;
	if (np_article_validate(j->article, &j->layout, &j->d) < 0)
		return -1;
	return text_ctx(j);
}

/* A page the flow has finished: drawn, and written to the report. */
static int emit_page(void *ctx, const struct np_page *pg)
{
	struct job *j = ctx;
	if (np_renderer_page(j->renderer, pg) < 0)
		return -1;
	if (j->report_file)
		np_report_page(j->report_file->fp, pg, &j->layout, j->report_pages++ == 0);
	return 0;
}

/* Lays the input out: an article on its pages, or a whole edition. */
static int layout(struct job *j)
{
	struct np_flow_opts fo = {.breaker = j->a.first_fit ? NP_BREAK_FIRST_FIT : NP_BREAK_TOTAL_FIT,
				  .debug = j->a.debug, .max_pages = j->a.max_pages,
				  .jobs = j->a.jobs > 0 ? j->a.jobs : (int)sysconf(_SC_NPROCESSORS_ONLN),
				  .emit = j->renderer ? emit_page : NULL, .emit_ctx = j};
	int rc = j->issue ? np_flow_issue(j->text, j->issue, &j->layout, &fo, &j->d, &j->doc)
			  : np_flow_article(j->text, j->article, &j->layout, &fo, &j->d, &j->doc);
	np_text_report_missing(j->text, &j->d, j->issue ? &j->issue->mark : &j->article->mark);
	return rc;
}

/* `check` on an edition: how each story fits its modules. */
static void copyfit_table(const struct np_doc *doc)
{
	printf("%-28s %6s %6s %6s %6s  %s\n", "story", "pages", "lines", "over", "empty", "ends on");
	for (size_t i = 0; i < doc->narticles; i++) {
		const struct np_article_stats *s = &doc->articles[i];
		printf("%-28.28s %6zu %6d %6d %6d  %s%s\n", s->id, s->npages, s->lines,
		       s->overset_lines, s->empty_lines, s->last_page,
		       s->overset_lines ? "  OVERSET" : s->empty_lines > 5 ? "  short" : "");
	}
}

static int outputs_ok(struct job *j)
{
	j->output = j->a.output ? strdup(j->a.output) : default_output(j->a.input);
	int fmt = j->output ? np_format_from_path(j->output) : -1;
	if (fmt < 0) {
		fprintf(stderr, "newsprint: the output must end in .pdf, .png or .svg: %s\n",
			j->output ? j->output : "");
		return EXIT_USAGE;
	}
	if (j->a.pages) {
		j->sel = calloc(10001, 1);
		if (!j->sel || np_pages_parse(j->a.pages, j->sel, 10001, &j->nsel) < 0) {
			fprintf(stderr, "newsprint: bad page range: %s\n", j->a.pages);
			return EXIT_USAGE;
		}
	}
	const char *paths[] = {j->output, j->a.report};
	for (int i = 0; i < 2; i++)
		if (paths[i] && !np_atomic_writable(paths[i])) {
			np_outputs_error(&j->d, paths[i], errno);
			return EXIT_INPUT;
		}
	/* no output may overwrite an input or another output (the stories of
	 * an edition and its layout are checked once they are known) */
	char *layout = j->a.layout ? layout_path(j->a.layout, 0) : NULL;
	int clash = np_outputs_input(&j->out, j->a.input, &j->d) < 0 ||
		    (layout && is_file(layout) && np_outputs_input(&j->out, layout, &j->d) < 0) ||
		    np_outputs_claim(&j->out, j->output, fmt != NP_FMT_PDF, &j->d) < 0 ||
		    (j->a.report && np_outputs_claim(&j->out, j->a.report, 0, &j->d) < 0);
	free(layout);
	return clash ? (j->out.clash ? EXIT_USAGE : EXIT_INPUT) : 0;
}

/* The report, whole, into the outputs (committed with the pages). */
static int write_report(struct job *j)
{
	struct np_atomic *at = np_outputs_open(&j->out, j->a.report, &j->d);
	if (!at)
		return -1;
	if (np_report_write(at->fp, &j->doc, &j->d) < 0 || np_atomic_close(at) < 0) {
		np_outputs_error(&j->d, j->a.report, np_atomic_error(at));
		return -1;
	}
	return 0;
}

/* --pages names pages the document does not have: an error when it names
 * none that it has (nothing would be written), else a warning. */
static int pages_missing(struct job *j)
{
	unsigned long long have = 0;
	for (size_t p = 1; p < 10001 && p <= j->doc.npages; p++)
		have += j->sel[p];
	unsigned long long lack = j->nsel - have;
	char valid[64];
	snprintf(valid, sizeof valid, j->doc.npages == 1 ? "page 1 only" : "pages 1 to %zu",
		 j->doc.npages);
	if (!have) {
		np_diag_add(&j->d, NP_ERROR, NULL, "--pages %s: no such page%s: the document has %s",
			    j->a.pages, lack == 1 ? "" : "s", valid);
		return -1;
	}
	if (lack)
		np_diag_add(&j->d, NP_WARNING, NULL,
			    "--pages %s: %llu of those pages do not exist (the document has %s)",
			    j->a.pages, lack, valid);
	return 0;
}

/* PNG pages must stay within Cairo's image surfaces, 32767 pixels a side:
 * a usage error naming the largest --dpi this layout's pages allow. */
static int dpi_ok(const struct job *j)
{
	const double limit = 32767;
	double side = j->layout.page_width > j->layout.page_height ? j->layout.page_width
								    : j->layout.page_height;
	if (np_format_from_path(j->output) != NP_FMT_PNG || (int)(side * j->a.dpi / 72 + 0.5) <= limit)
		return 0;
	fprintf(stderr, "newsprint: --dpi %g makes a page %.0f pixels high or wide, beyond Cairo's "
		"limit of 32767: at most %d for this layout's %g x %g pt pages\n", j->a.dpi,
		side * j->a.dpi / 72, (int)((limit + 0.5) * 72 / side - 1e-9), j->layout.page_width,
		j->layout.page_height);
	return EXIT_USAGE;
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
static void summary(const struct job *j, double seconds)
{
	int over = 0, stories = (int)j->doc.narticles;
	for (size_t i = 0; i < j->doc.narticles; i++)
		over += j->doc.articles[i].overset_words > 0;
	fprintf(stderr, "newsprint: %s: %zu pages, %d stor%s (%d overset), %d warnings, %.2f s\n",
		j->output, j->doc.npages, stories, stories == 1 ? "y" : "ies", over,
		j->d.warnings, seconds);
}

/* The layout's print: section with the command line over it; an output
 * profile named in a layout is relative to the layout file. -1 with a
 * diagnostic when PDF/X cannot be made as asked. */
static int press_opts(struct job *j)
{
	const struct np_print *pr = &j->layout.print;
	const struct np_args *a = &j->a;
	enum np_pdfx x = a->pdfx ? (!strcmp(a->pdfx, "x1a") ? NP_PDFX_1A
				    : !strcmp(a->pdfx, "x4") ? NP_PDFX_4 : NP_PDFX_NONE)
				 : pr->pdfx;
	if (x == NP_PDFX_NONE)
		return 0;
	if (a->output_profile) {
		j->profile = strdup(a->output_profile);
	} else if (pr->output_profile && pr->output_profile[0] != '/' && j->layout.source &&
		   strrchr(j->layout.source, '/')) {
		const char *src = j->layout.source;
		j->profile = malloc(strlen(src) + strlen(pr->output_profile) + 1);
		if (j->profile)
			sprintf(j->profile, "%.*s%s", (int)(strrchr(src, '/') - src + 1), src,
				pr->output_profile);
	} else if (pr->output_profile) {
		j->profile = strdup(pr->output_profile);
	}
	const char *cond = a->output_condition ? a->output_condition : pr->output_condition;
	j->press = (struct np_press_opts){
		.pdfx = x, .profile = j->profile, .condition = cond,
		.bleed = a->bleed >= 0 ? a->bleed : pr->bleed,
		.crop_marks = a->crop_marks || pr->crop_marks,
		.ink_limit = a->ink_limit > 0 ? a->ink_limit : pr->ink_limit};
	j->inks = np_press_layout_inks(&j->layout, &j->press.ninks);
	j->press.inks = j->inks;
	const char *name = x == NP_PDFX_1A ? "PDF/X-1a" : "PDF/X-4";
	if (np_format_from_path(j->output) != NP_FMT_PDF) {
		np_diag_add(&j->d, NP_ERROR, NULL, "%s is a PDF: the output must end in .pdf", name);
		return -1;
	}
	if (j->a.debug) {
		np_diag_add(&j->d, NP_ERROR, NULL, "--debug draws in transparent RGB: not with %s",
			    name);
		return -1;
	}
	if (!j->profile && x == NP_PDFX_1A && cond && !np_press_registered(cond)) {
		np_diag_add(&j->d, NP_ERROR, NULL, "output condition '%s' is not a registered one "
			    "newsprint knows (IFRA26, IFRA30, FOGRA39, ...): give its profile with "
			    "--output-profile FILE.icc", cond);
		return -1;
	}
	if (!j->profile && (x == NP_PDFX_4 || !np_press_registered(cond))) {
		np_diag_add(&j->d, NP_ERROR, NULL,
			    x == NP_PDFX_4 ? "%s needs an output profile (--output-profile FILE.icc)"
					   : "%s needs an output profile (--output-profile FILE.icc) "
					     "or a registered output condition (--output-condition "
					     "IFRA26)", name);
		return -1;
	}
	if (j->profile && !is_file(j->profile)) {
		np_diag_add(&j->d, NP_ERROR, NULL, "cannot read the output profile '%s'", j->profile);
		return -1;
	}
	return 0;
}

/* Outputs were checked before anything was read (main). */
static void render_opts(struct job *j, struct np_render_opts *ro)
{
	*ro = (struct np_render_opts){.format = (enum np_format)np_format_from_path(j->output),
				      .dpi = j->a.dpi, .debug = j->a.debug, .pages = j->sel,
				      .npages_sel = j->sel ? 10001 : 0,
				      .progress = j->issue && isatty(2) ? progress_bar : NULL,
				      .press = j->press.pdfx != NP_PDFX_NONE ? &j->press : NULL,
				      .outputs = &j->out,
				      .press_ms = &j->press_ms};
}

/* ", print pass 12.3 ms" when the pass ran: --timings' render leaves it out */
static void print_pass_timing(const struct job *j, char *s, size_t n)
{
	s[0] = 0;
	if (j->press.pdfx != NP_PDFX_NONE)
		snprintf(s, n, ", print pass %.1f ms", j->press_ms);
}

/* An article: its pages are drawn and reported as the flow finishes them,
 * into temporary files (committed by render()). */
static int render_article(struct job *j, struct np_render_opts *ro)
{
	const struct np_article *a = j->article;
	j->renderer = np_renderer_open(j->output, ro, &j->layout, a->headline, a->byline, a->date,
				       &j->d);
	if (!j->renderer)
		return EXIT_INPUT;
	if (j->a.report) {
		j->report_file = np_outputs_open(&j->out, j->a.report, &j->d);
		if (!j->report_file) {
			np_renderer_close(j->renderer, NULL, 0);
			return EXIT_INPUT;
		}
		np_report_begin(j->report_file->fp);
	}
	int ok = layout(j) == 0 && !(j->sel && pages_missing(j) < 0);
	ok = np_renderer_close(j->renderer, NULL, ok) == 0 && ok;
	j->renderer = NULL;
	if (ok && j->report_file &&
	    (np_report_end(j->report_file->fp, &j->doc, &j->d) < 0 ||
	     np_atomic_close(j->report_file) < 0)) {
		np_outputs_error(&j->d, j->a.report, np_atomic_error(j->report_file));
		ok = 0;
	}
	return ok ? 0 : EXIT_INPUT;
}

static int render(struct job *j)
{
	struct np_render_opts ro;
	if (press_opts(j) < 0)
		return EXIT_INPUT;
	render_opts(j, &ro);
	double t1 = now();
	if (j->article) {
		int rc = render_article(j, &ro);
		char pass[48];
		print_pass_timing(j, pass, sizeof pass);
		if (rc == 0 && np_outputs_commit(&j->out, &j->d) < 0)
			rc = EXIT_INPUT;
		if (rc == 0 && j->a.timings)
			fprintf(stderr, "timings: parse+fonts %.1f ms, layout and render %.1f ms%s, "
				"pages %zu\n", (t1 - j->t0) * 1e3, (now() - t1) * 1e3 - j->press_ms,
				pass, j->doc.npages);
		return rc;
	}
	if (layout(j) < 0)
		return EXIT_INPUT;
	double t2 = now();
	if (j->sel && pages_missing(j) < 0)
		return EXIT_INPUT;
	if (np_render(&j->doc, j->output, &ro, &j->d) < 0)
		return EXIT_INPUT;
	if (j->a.report && write_report(j) < 0)
		return EXIT_INPUT;
	char pass[48];
	print_pass_timing(j, pass, sizeof pass);
	if (np_outputs_commit(&j->out, &j->d) < 0)
		return EXIT_INPUT;
	if (j->a.timings)
		fprintf(stderr, "timings: parse+fonts %.1f ms, layout %.1f ms, render %.1f ms%s, "
			"pages %zu\n", (t1 - j->t0) * 1e3, (t2 - t1) * 1e3,
			(now() - t2) * 1e3 - j->press_ms, pass, j->doc.npages);
	return 0;
}

static void job_fini(struct job *j)
{
	np_doc_fini(&j->doc);
	np_text_ctx_free(j->text);
	np_article_free(j->article);
	np_issue_free(j->issue);
	if (j->have_layout)
		np_layout_fini(&j->layout);
	free(j->output);
	free(j->sel);
	free(j->inks);
	free(j->profile);
	np_outputs_fini(&j->out); /* what was not committed is removed */
	np_diags_fini(&j->d);
}

int main(int argc, char **argv)
{
	struct job j = {0};
	j.t0 = now();
	if (np_args_parse(&j.a, argc, argv) < 0)
		return EXIT_USAGE;
	switch (j.a.command) {
	case NP_CMD_HELP:
		np_args_usage(stdout);
		return 0;
	case NP_CMD_VERSION:
		printf("newsprint %s\n", NP_VERSION);
		return 0;
	case NP_CMD_LAYOUTS:
		return list_layouts();
	default:
		break;
	}
	np_diags_init(&j.d);
	np_outputs_init(&j.out);
	np_tempfiles_catch_signals();
	/* An output that cannot be written is refused before any work is done. */
	int rc = j.a.command == NP_CMD_RENDER ? outputs_ok(&j) : 0;
	if (rc == 0)
		rc = prepare(&j) < 0 ? EXIT_INPUT : 0;
	if (rc == 0 && j.a.command == NP_CMD_RENDER)
		rc = dpi_ok(&j);
	if (rc == 0 && j.a.command == NP_CMD_RENDER)
		rc = render(&j);
	if (rc == 0 && j.a.command == NP_CMD_CHECK && j.issue) {
		rc = layout(&j) < 0 ? EXIT_INPUT : 0;
		if (rc == 0)
			copyfit_table(&j.doc);
	}
	int errors = print_diags(&j.d);
	/* every failure says why, but a message may be lost with the memory
	 * it needed: then the reason is nearly certain */
	if (rc == EXIT_INPUT && !errors)
		fprintf(stderr, "newsprint: error: out of memory\n");
	if (rc == 0 && !errors && j.issue && j.a.command == NP_CMD_RENDER && !isatty(2))
		summary(&j, now() - j.t0);
	if (rc == 0 && errors)
		rc = EXIT_INPUT;
	if (j.out.clash)
		rc = EXIT_USAGE;
	if (rc == 0 && j.a.strict && j.d.warnings)
		rc = EXIT_WARNINGS;
	job_fini(&j);
	np_tempfiles_free();
	return rc;
}
