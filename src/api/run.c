/* run.c - a job's render and check: the outputs checked before anything is
 * read, the print options, the layout, then the two output paths: an
 * article's pages drawn and reported as the flow finishes them (so a long
 * article is never held whole), an edition laid out whole and then written.
 * Every output is committed together, or none. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/api_int.h"
#include "api/pages.h"
#include "render/render.h"
#include "report/report.h"
#include "text/text.h"
#include "util/atomic.h"

/* pages[] holds this many entries: "pages" names pages 1 to 10000 */
#define SEL_SIZE 10001

double np_api_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The output's format and page range, and whether every output can be
 * written without overwriting an input or another output. */
static int outputs_ok(struct np_job *j)
{
	int fmt = np_format_from_path(j->output);
	if (fmt < 0) {
		np_job_error(j, "usage", "the output must end in .pdf, .png or .svg: %s", j->output);
		return NP_RC_USAGE;
	}
	if (j->o.pages) {
		j->sel = calloc(SEL_SIZE, 1);
		if (!j->sel || np_pages_parse(j->o.pages, j->sel, SEL_SIZE, &j->nsel) < 0) {
			np_job_error(j, "usage", "bad page range: %s", j->o.pages);
			return NP_RC_USAGE;
		}
	}
	const char *paths[] = {j->output, j->o.report};
	for (int i = 0; i < 2; i++)
		if (paths[i] && !np_atomic_writable(paths[i])) {
			np_outputs_error(&j->d, paths[i], errno);
			return NP_RC_INPUT;
		}
	/* no output may overwrite an input or another output (the stories of
	 * an edition and its layout are checked once they are known) */
	char *layout = j->o.layout ? np_job_layout_path(j, j->o.layout, 0) : NULL;
	int clash = (j->input && np_outputs_input(&j->out, j->input, &j->d) < 0) ||
		    (layout && np_api_is_file(layout) && np_outputs_input(&j->out, layout, &j->d) < 0) ||
		    np_outputs_claim(&j->out, j->output, fmt != NP_FMT_PDF, &j->d) < 0 ||
		    (j->o.report && np_outputs_claim(&j->out, j->o.report, 0, &j->d) < 0);
	free(layout);
	return clash ? (j->out.clash ? NP_RC_USAGE : NP_RC_INPUT) : 0;
}

/* PNG pages must stay within Cairo's image surfaces, 32767 pixels a side:
 * a usage error naming the largest dpi this layout's pages allow. */
static int dpi_ok(struct np_job *j)
{
	const double limit = 32767;
	double side = j->layout.page_width > j->layout.page_height ? j->layout.page_width
								    : j->layout.page_height;
	double dpi = j->o.dpi;
	if (np_format_from_path(j->output) != NP_FMT_PNG || (int)(side * dpi / 72 + 0.5) <= limit)
		return 0;
	np_job_error(j, "usage", "--dpi %g makes a page %.0f pixels high or wide, beyond Cairo's "
		     "limit of 32767: at most %d for this layout's %g x %g pt pages", dpi,
		     side * dpi / 72, (int)((limit + 0.5) * 72 / side - 1e-9), j->layout.page_width,
		     j->layout.page_height);
	return NP_RC_USAGE;
}

/* "pages" names pages the document does not have: an error when it names
 * none that it has (nothing would be written), else a warning. */
static int pages_missing(struct np_job *j)
{
	unsigned long long have = 0;
	for (size_t p = 1; p < SEL_SIZE && p <= j->doc.npages; p++)
		have += j->sel[p];
	unsigned long long lack = j->nsel - have;
	char valid[64];
	snprintf(valid, sizeof valid, j->doc.npages == 1 ? "page 1 only" : "pages 1 to %zu",
		 j->doc.npages);
	if (!have) {
		np_diag_add(&j->d, NP_ERROR, NULL, "--pages %s: no such page%s: the document has %s",
			    j->o.pages, lack == 1 ? "" : "s", valid);
		return -1;
	}
	if (lack)
		np_diag_add(&j->d, NP_WARNING, NULL,
			    "--pages %s: %llu of those pages do not exist (the document has %s)",
			    j->o.pages, lack, valid);
	return 0;
}

/* The layout's print: section with the options over it; an output profile
 * named in a layout is relative to the layout file. -1 with a diagnostic
 * when PDF/X cannot be made as asked. */
static int press_opts(struct np_job *j)
{
	const struct np_print *pr = &j->layout.print;
	const struct np_job_opts *a = &j->o;
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
	if (a->debug) {
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
	if (j->profile && !np_api_is_file(j->profile)) {
		np_diag_add(&j->d, NP_ERROR, NULL, "cannot read the output profile '%s'", j->profile);
		return -1;
	}
	return 0;
}

/* The report, when one is wanted: a file among the outputs, or memory. */
static FILE *report_open(struct np_job *j)
{
	if (j->o.report) {
		j->report_file = np_outputs_open(&j->out, j->o.report, &j->d);
		return j->report_file ? j->report_file->fp : NULL;
	}
	if (!j->o.keep_report)
		return NULL;
	FILE *fp = open_memstream(&j->report_mem, &j->report_mem_len);
	if (!fp)
		np_diag_add(&j->d, NP_ERROR, NULL, "out of memory");
	return fp;
}

/* Closes the report: kept when the run went well (ok) and it was written
 * whole (written), else given up; 0, or -1 (with an error when ok). */
static int report_close(struct np_job *j, FILE *fp, int ok, int written)
{
	if (!fp)
		return 0;
	if (j->report_file) {
		if (ok && written && np_atomic_close(j->report_file) == 0)
			return j->have_report = 1, 0;
		if (ok)
			np_outputs_error(&j->d, j->o.report, np_atomic_error(j->report_file));
		return -1;
	}
	int failed = ferror(fp);
	fclose(fp);
	if (ok && written && !failed)
		return j->have_report = 1, 0;
	free(j->report_mem);
	j->report_mem = NULL;
	if (ok)
		np_diag_add(&j->d, NP_ERROR, NULL, "out of memory");
	return -1;
}

/* A warning of the report in the form of the job's diagnostics. */
static int describe(void *ctx, size_t i, struct np_report_warning *w)
{
	np_diagnostic g;
	if (np_job_diagnostic_get(ctx, i, &g) < 0)
		return -1;
	*w = (struct np_report_warning){.code = g.code, .story = g.story, .page = g.page,
					.overset_lines = g.overset_lines,
					.overset_words = g.overset_words};
	return 0;
}

/* A page the flow has finished: drawn, and written to the report. */
static int emit_page(void *ctx, const struct np_page *pg)
{
	struct np_job *j = ctx;
	if (np_renderer_page(j->renderer, pg) < 0)
		return -1;
	if (j->report_fp)
		np_report_page(j->report_fp, pg, &j->layout, j->report_pages++ == 0);
	return 0;
}

/* Lays the input out: an article on its pages, or a whole edition. For a
 * check (text_only) lines are counted without their glyphs: nothing is drawn. */
int np_job_lay_out(struct np_job *j, int text_only)
{
	struct np_flow_opts fo = {.breaker = j->o.first_fit ? NP_BREAK_FIRST_FIT : NP_BREAK_TOTAL_FIT,
				  .debug = j->o.debug, .max_pages = j->o.max_pages,
				  .jobs = j->o.jobs > 0 ? j->o.jobs : (int)sysconf(_SC_NPROCESSORS_ONLN),
				  .emit = j->renderer ? emit_page : NULL, .emit_ctx = j,
				  .text_only = text_only};
	int rc = j->issue ? np_flow_issue(j->text, j->issue, &j->layout, &fo, &j->d, &j->doc)
			  : np_flow_article(j->text, j->article, &j->layout, &fo, &j->d, &j->doc);
	np_text_report_missing(j->text, &j->d, j->issue ? &j->issue->mark : &j->article->mark);
	return rc;
}

static void render_opts(struct np_job *j, struct np_render_opts *ro)
{
	*ro = (struct np_render_opts){.format = (enum np_format)np_format_from_path(j->output),
				      .dpi = j->o.dpi, .debug = j->o.debug, .pages = j->sel,
				      .npages_sel = j->sel ? SEL_SIZE : 0,
				      .progress = j->issue ? j->progress : NULL,
				      .progress_ctx = j->progress_ctx,
				      .press = j->press.pdfx != NP_PDFX_NONE ? &j->press : NULL,
				      .outputs = &j->out,
				      .press_ms = &j->press_ms,
				      .proof_doc = &j->doc, .proof_text = j->text};
}

/* ", print pass 12.3 ms" when the pass ran: the render's time leaves it out */
static void print_pass_timing(const struct np_job *j, char *s, size_t n)
{
	s[0] = 0;
	if (j->press.pdfx != NP_PDFX_NONE)
		snprintf(s, n, ", print pass %.1f ms", j->press_ms);
}

static void set_timings(struct np_job *j, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void set_timings(struct np_job *j, const char *fmt, ...)
{
	if (!j->o.timings)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	free(j->timings);
	j->timings = n >= 0 ? malloc((size_t)n + 1) : NULL;
	va_start(ap, fmt);
	if (j->timings)
		vsnprintf(j->timings, (size_t)n + 1, fmt, ap);
	va_end(ap);
}

/* An article: its pages are drawn and reported as the flow finishes them,
 * into temporary files (committed with the others). */
static int render_article(struct np_job *j, struct np_render_opts *ro)
{
	const struct np_article *a = j->article;
	j->renderer = np_renderer_open(j->output, ro, &j->layout, a->headline, a->byline, a->date,
				       &j->d);
	if (!j->renderer)
		return NP_RC_INPUT;
	j->report_fp = report_open(j);
	if ((j->o.report || j->o.keep_report) && !j->report_fp) {
		np_renderer_close(j->renderer, NULL, 0);
		j->renderer = NULL;
		return NP_RC_INPUT;
	}
	if (j->report_fp)
		np_report_begin(j->report_fp);
	int ok = np_job_lay_out(j, 0) == 0 && !(j->sel && pages_missing(j) < 0);
	ok = np_renderer_close(j->renderer, NULL, ok) == 0 && ok;
	j->renderer = NULL;
	int written = ok && j->report_fp && np_report_end(j->report_fp, &j->doc, &j->d, describe, j) == 0;
	ok = report_close(j, j->report_fp, ok, written) == 0 && ok;
	j->report_fp = NULL;
	return ok ? 0 : NP_RC_INPUT;
}

/* An edition: laid out whole, then every page drawn, then the report. */
static int render_edition(struct np_job *j, struct np_render_opts *ro, double t1)
{
	if (np_job_lay_out(j, 0) < 0)
		return NP_RC_INPUT;
	double t2 = np_api_now();
	if (j->sel && pages_missing(j) < 0)
		return NP_RC_INPUT;
	if (np_render(&j->doc, j->output, ro, &j->d) < 0)
		return NP_RC_INPUT;
	FILE *fp = report_open(j);
	if ((j->o.report || j->o.keep_report) && !fp)
		return NP_RC_INPUT;
	if (fp && report_close(j, fp, 1, np_report_write(fp, &j->doc, &j->d, describe, j) == 0) < 0)
		return NP_RC_INPUT;
	char pass[48];
	print_pass_timing(j, pass, sizeof pass);
	if (np_outputs_commit(&j->out, &j->d) < 0)
		return NP_RC_INPUT;
	set_timings(j, "timings: parse+fonts %.1f ms, layout %.1f ms, render %.1f ms%s, pages %zu",
		    (t1 - j->t0) * 1e3, (t2 - t1) * 1e3, (np_api_now() - t2) * 1e3 - j->press_ms,
		    pass, j->doc.npages);
	return 0;
}

static int render(struct np_job *j)
{
	struct np_render_opts ro;
	if (press_opts(j) < 0)
		return NP_RC_INPUT;
	render_opts(j, &ro);
	double t1 = np_api_now();
	if (!j->article)
		return render_edition(j, &ro, t1);
	int rc = render_article(j, &ro);
	char pass[48];
	print_pass_timing(j, pass, sizeof pass);
	if (rc == 0 && np_outputs_commit(&j->out, &j->d) < 0)
		rc = NP_RC_INPUT;
	if (rc == 0)
		set_timings(j, "timings: parse+fonts %.1f ms, layout and render %.1f ms%s, pages %zu",
			    (t1 - j->t0) * 1e3, (np_api_now() - t1) * 1e3 - j->press_ms, pass,
			    j->doc.npages);
	return rc;
}

int np_job_run_render(struct np_job *j)
{
	/* An output that cannot be written is refused before any work is done. */
	int rc = outputs_ok(j);
	if (rc == 0)
		rc = np_job_prepare(j) < 0 ? NP_RC_INPUT : 0;
	if (rc == 0)
		rc = dpi_ok(j);
	if (rc == 0)
		rc = render(j);
	return rc;
}

int np_job_run_check(struct np_job *j)
{
	int rc = np_job_prepare(j) < 0 ? NP_RC_INPUT : 0;
	if (rc == 0 && j->issue)
		rc = np_job_lay_out(j, 1) < 0 ? NP_RC_INPUT : 0;
	return rc;
}
