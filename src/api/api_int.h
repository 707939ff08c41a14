/* api_int.h - what the files of src/api share: the engine and the job behind
 * newsprint.h's opaque types. Nothing outside src/api includes it.
 *
 * The job holds what src/cli/main.c held before the library had a public
 * interface: the options, the parsed input, the layout, the text context, the
 * placed document and the outputs to commit together.
 */
#ifndef NP_API_INT_H
#define NP_API_INT_H

#include <stddef.h>
#include <stdio.h>

#include "flow/flow.h"
#include "newsprint.h"
#include "parse/parse.h"
#include "press/press.h"
#include "util/outputs.h"

/* Set up once, read only afterwards (newsprint.h: shared between threads). */
struct np_engine {
	char *data_dir;   /* layouts/, fonts/, hyphenation/ */
	char *fonts_dir;  /* NULL: DATA/fonts */
	char *hyphen_dir; /* NULL: the system's */
	struct np_ctx_cache *contexts; /* a spare text context, for the next job */
};

/* The options by their command-line names (np_job_set_option). */
struct np_job_opts {
	char *layout;     /* name or path; NULL: the edition's own, else tabloid */
	char *pages;      /* RANGE as given */
	char *report;     /* path */
	char *fonts_dir, *hyphen_dir;
	int debug, strict, allow_paths, timings, crop_marks;
	int keep_report;  /* the report kept in memory when no path is set */
	double dpi;
	int first_fit;
	int jobs;         /* 0: the CPUs */
	int max_pages;    /* 0: the flow's default */
	char *pdfx;       /* "x1a", "x4", "none"; NULL: the layout's */
	char *output_profile, *output_condition;
	double bleed;     /* pt; < 0: the layout's */
	double ink_limit; /* percent; 0: the layout's */
};

/* What a diagnostic added by the library itself is, when it says more than
 * its message (np_job_diagnostic_get). */
struct np_diag_extra {
	size_t index; /* in the job's diagnostics */
	const char *code;
};

enum { NP_RC_OK = 0, NP_RC_INPUT = 1, NP_RC_USAGE = 2 };

struct np_job {
	/* the engine's settings, copied: a job outlives nothing it borrows */
	char *data_dir, *fonts_dir, *hyphen_dir;
	char *input;          /* path; NULL for a document in memory */
	char *mem_name;       /* a document in memory: its name and bytes */
	char *mem;
	size_t mem_len;
	struct np_job_opts o;
	np_progress_fn progress;
	void *progress_ctx;
	int ran;              /* a job runs once */
	int rc;               /* NP_RC_*, of what failed */
	double t0;            /* when the job was opened (timings) */

	struct np_parse_opts po;
	struct np_diags d;
	struct np_diag_extra *extra;
	size_t nextra;
	struct np_layout layout;
	int have_layout;
	struct np_article *article;
	struct np_issue *issue;  /* the input is an edition */
	struct np_text_ctx *text;
	char *text_key;          /* what text was made for, to give it back to ... */
	struct np_ctx_cache *contexts; /* ... the engine's spare (shared: it may outlive the engine) */
	struct np_doc doc;
	char *output;
	unsigned char *sel;
	unsigned long long nsel; /* pages "pages" names, those beyond sel[] too */
	/* an article's pages go out as the flow finishes them */
	struct np_renderer *renderer;
	FILE *report_fp;         /* the report being written: report_file's, or in memory */
	struct np_atomic *report_file;
	char *report_mem;        /* the report kept in memory (open_memstream) */
	size_t report_mem_len;
	int report_pages;
	int have_report;         /* the last render wrote a report */
	struct np_outputs out;   /* every output, committed together; the inputs */
	struct np_press_opts press;
	struct np_press_ink *inks;
	char *profile;
	double press_ms;
	char *timings;
	/* strings of np_job_diagnostic_get (story ids parsed from messages) */
	char **strings;
	size_t nstrings;
};

/* engine.c */
char *np_api_join(const char *a, const char *b, const char *c);
int np_api_is_file(const char *path);

/* run.c */
double np_api_now(void);

/* options.c */
void np_job_opts_init(struct np_job_opts *o);
void np_job_opts_fini(struct np_job_opts *o);

/* diagnostics.c: an error the library found itself, with its code */
void np_job_error(struct np_job *j, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void np_job_extras_fini(struct np_job *j);

/* input.c: reads and checks the input, its layout and fonts. 0 or -1. */
int np_job_prepare(struct np_job *j);
/* A layout named by the "layout" option: a path, or a bundled layout's. */
char *np_job_layout_path(const struct np_job *j, const char *name, int bundled_only);

/* run.c: the render to j->output (set by the caller); the check */
int np_job_run_render(struct np_job *j);
int np_job_run_check(struct np_job *j);
int np_job_lay_out(struct np_job *j, int text_only);

#endif
