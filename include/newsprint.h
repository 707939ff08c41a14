/* newsprint.h - the public interface of libnewsprint, a newspaper page layout
 * engine: articles and editions in YAML set on a layout's pages, written as
 * PDF (plain or PDF/X), PNG or SVG, with a JSON report of where every line went.
 *
 *     #include <newsprint.h>       cc app.c $(pkg-config --cflags --libs newsprint)
 *
 *     np_engine *e = np_engine_new(NULL);           // the installed data
 *     np_job *j = np_job_open(e, "article.yaml");
 *     np_job_set_option(j, "layout", "broadsheet");
 *     unsigned char *pdf; size_t len;
 *     if (np_job_render_memory(j, "pdf", &pdf, &len) < 0)
 *         for (size_t i = 0; i < np_job_diagnostic_count(j); i++) ...
 *     free(pdf);
 *     np_job_free(j);
 *     np_engine_free(e);
 *
 * Conventions. Every type is opaque except the plain records below
 * (np_diagnostic, np_copyfit, np_buffer). A function that can fail says so in
 * its return value: -1 (or NULL) on failure, with the reason among the job's
 * diagnostics where there is a job. Every *_free accepts NULL. Memory handed
 * to the caller (rendered bytes, the report, the list of layouts) is
 * malloc'd: release it with free() or np_free(). Strings returned as
 * `const char *` belong to the engine or job and live as long as it.
 *
 * Threads. An engine holds only where its data, fonts and hyphenation
 * dictionaries are: once its setters have run it may be shared by any number
 * of threads, each opening and running its own jobs at the same time. A job
 * is not thread-safe: use it from one thread at a time. Fonts, hyphenation
 * dictionaries and layouts are loaded per job.
 *
 * The command line `newsprint` is a client of this interface only; its
 * options are the job options below (docs/cli.md, newsprint(1)).
 */
#ifndef NEWSPRINT_H
#define NEWSPRINT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(NP_BUILDING_LIBRARY) && defined(__GNUC__)
#define NP_API __attribute__((visibility("default")))
#else
#define NP_API
#endif

/* ---- version -------------------------------------------------------------- */

/* "0.1.0": the library's version (the program prints "newsprint 0.1.0"). */
NP_API const char *np_version(void);

/* Releases memory the library handed over (the same as free()). */
NP_API void np_free(void *p);

/* For programs (the command line): on SIGTERM, SIGINT or SIGHUP the
 * temporary files of outputs being written are removed and the process dies
 * of the signal (exit status 128 + N); SIGXFSZ is ignored, so a file-size
 * limit is a write error. A host with handlers of its own should not call it
 * (a killed process then may leave a temporary file beside an output, never
 * a partial output). */
NP_API void np_catch_signals(void);
/* Frees what the library keeps for the whole process (the record of
 * temporary files); call last, once every job is freed. Optional. */
NP_API void np_cleanup(void);

/* ---- the engine ------------------------------------------------------------- */

typedef struct np_engine np_engine;

/* An engine over a data folder holding layouts/, fonts/ and hyphenation/.
 * data_dir NULL: $NEWSPRINT_DATA when set, else the source tree the library
 * was built from (when it is still there), else the installed data
 * (PREFIX/share/newsprint). NULL only when out of memory. */
NP_API np_engine *np_engine_new(const char *data_dir);
NP_API void np_engine_free(np_engine *e);
/* The data folder in use. */
NP_API const char *np_engine_data_dir(const np_engine *e);
/* The fonts folder for jobs of this engine (default DATA/fonts; the job
 * option "fonts" adds a folder to it). Only fonts from these are used, never
 * system fonts.
 * 0, or -1 when out of memory. */
NP_API int np_engine_set_fonts_dir(np_engine *e, const char *dir);
/* The hyphenation dictionaries' folder (hyph_LL_CC.dic; default Debian's
 * /usr/share/hyphen; the job option "hyphen-dir" wins). 0 or -1. */
NP_API int np_engine_set_hyphen_dir(np_engine *e, const char *dir);
/* The bundled layouts' names, sorted, one a line ("berliner\nbroadsheet\n...").
 * NULL when the layouts folder cannot be read. free() it. */
NP_API char *np_engine_layouts(const np_engine *e);

/* ---- jobs ------------------------------------------------------------------- */

typedef struct np_job np_job;

/* A job over an article or an edition (a document whose top-level key is
 * `issue`), told apart when it is first run. Nothing is read yet: an input
 * that cannot be read or parsed fails the first render or check, with
 * diagnostics. A path that is standard input or a pipe (/dev/stdin,
 * /dev/fd/N) is read once, as an article. NULL only when out of memory. */
NP_API np_job *np_job_open(np_engine *e, const char *path);
/* The same over a document in memory (copied): an article (an edition's
 * stories are files beside it, so it must be read from a file). name is used
 * in diagnostics (e.g. "<stdin>"); pictures are found from the current
 * folder. NULL only when out of memory. */
NP_API np_job *np_job_open_memory(np_engine *e, const char *name, const char *yaml, size_t len);
NP_API void np_job_free(np_job *j);

/* Sets an option by the command line's long name without its dashes; the
 * value is a string as on the command line, NULL or "" for a flag
 * (equivalent to "yes"; "no" clears it):
 *   layout NAME|PATH     a bundled layout's name or a layout YAML (default: an
 *                        edition's own, else tabloid)
 *   pages RANGE          "3", "2-5", "1,4-6": only those pages are written
 *   report PATH          write the JSON report to PATH, with the outputs
 *   dpi N                PNG resolution, 1 to 2400 (default 96)
 *   debug                draw columns, gutters, baseline grid, frame outlines
 *   fonts DIR            more fonts, added to the engine's (a layout may name a
 *                        family from either; see np_engine_set_fonts_dir)
 *   hyphen-dir DIR       hyphenation dictionaries' folder
 *   allow-paths          pictures may be anywhere (absolute, ../)
 *   strict               a warning makes np_job_exit_status() 3
 *   breaker total-fit|first-fit
 *   max-pages N          an article's page limit, 1 to 10000 (default 1000)
 *   jobs N               threads for an edition, 1 to 256 (default: the CPUs)
 *   timings              measure the stages (np_job_timings)
 *   pdfx x1a|x4|none     PDF/X output (default: the layout's print: section)
 *   output-profile FILE.icc, output-condition ID, bleed LENGTH (3mm, 0.125in,
 *   9pt; up to 1in), crop-marks, ink-limit PCT (100 to 400)
 *   keep-report yes|no   keep the report in memory for np_job_report_json
 *                        when no report path is set (default yes)
 * 0, or -1 for an unknown name or a bad value, with a diagnostic of code
 * "usage" whose message is the command line's ("--dpi wants a number from 1
 * to 2400: 0"). */
NP_API int np_job_set_option(np_job *j, const char *name, const char *value);
/* The same check without a job: NULL when name=value is valid, else the
 * reason ("--dpi wants a number from 1 to 2400"; "unknown option"), static. */
NP_API const char *np_option_error(const char *name, const char *value);

/* Progress while an edition's pages are drawn: pages done, pages in all (an
 * article's pages are drawn as they are set, their number unknown). */
typedef void (*np_progress_fn)(void *ctx, int done, int total);
/* 0, or -1 when j is NULL. */
NP_API int np_job_set_progress(np_job *j, np_progress_fn fn, void *ctx);

/* What the input is, once it has been read (after a render or check):
 * NP_JOB_ARTICLE, NP_JOB_EDITION, or NP_JOB_UNKNOWN. */
enum { NP_JOB_UNKNOWN = 0, NP_JOB_ARTICLE = 1, NP_JOB_EDITION = 2 };
NP_API int np_job_kind(const np_job *j);

/* ---- running a job ----------------------------------------------------------- */

/* Lays the input out and writes it to out_path, the format by its extension:
 * .pdf (one file; a path with {label} or {page} writes a file a page), .png
 * or .svg (a file a page: "front.png" -> "front-1.png", ...). Every output
 * (and the report, option "report") is written whole or not at all, and none
 * may overwrite an input or another output. 0, or -1 with diagnostics (an
 * input with errors renders nothing). A job runs once: a second render or
 * check fails with code "usage". */
NP_API int np_job_render_file(np_job *j, const char *out_path);
/* The same into memory: format "pdf" (all pages), "png" or "svg" (the first
 * page written: use "pages" to pick it). *data malloc'd (free() it), *len
 * its size; both untouched on failure. 0 or -1. */
NP_API int np_job_render_memory(np_job *j, const char *format, unsigned char **data,
				size_t *len);

/* One page's bytes. */
typedef struct np_buffer {
	unsigned char *data;
	size_t len;
	int page; /* its page number, 1-based */
} np_buffer;
/* Every page written ("pages" picks them) into memory, one buffer a page,
 * in page order: format "png", "svg" or "pdf" (a one-page PDF each).
 * *pages is an array of *npages buffers: release it with np_buffers_free.
 * 0 or -1. */
NP_API int np_job_render_pages_memory(np_job *j, const char *format, np_buffer **pages,
				      size_t *npages);
NP_API void np_buffers_free(np_buffer *pages, size_t npages);

/* Parses and validates without writing anything; an edition is also laid
 * out, for its copyfit table (np_job_copyfit). 0 or -1 with diagnostics. */
NP_API int np_job_check(np_job *j);

/* The layout report (docs/report.md) of the last render, as JSON text:
 * malloc'd, free() it; NULL before a render, after a failed one, or when
 * "keep-report" is "no" and no report path was set. */
NP_API char *np_job_report_json(np_job *j);

/* ---- diagnostics --------------------------------------------------------------- */

/* Errors and warnings, in the order found; what the command line prints as
 * FILE:LINE:COLUMN: SEVERITY: MESSAGE. */
NP_API size_t np_job_diagnostic_count(const np_job *j);
/* The i-th: 0 when i is in range, else -1. Any out pointer may be NULL. file
 * is NULL (line, column 0) when the diagnostic is about no file; severity is
 * "error", "warning" or "note". */
NP_API int np_job_diagnostic(const np_job *j, size_t i, const char **file, int *line,
			     int *column, const char **severity, const char **message);

/* The same with all that is known. Unknown numbers are -1 (line and column
 * 0), unknown strings NULL. */
typedef struct np_diagnostic {
	const char *file;
	int line, column;       /* 1-based; 0 when unknown */
	const char *severity;   /* "error", "warning", "note" */
	const char *code;       /* a stable kind: "usage" (an option, the output's
				 * name), "syntax" (YAML), "schema" (keys, types),
				 * "file" (cannot read), "layout", "font",
				 * "picture", "output" (cannot write, clashes,
				 * PDF/X), "pages", "overset", "placement",
				 * "memory", "input" (any other error of the
				 * input), "warning" (any other warning) */
	const char *message;    /* as the command line prints it, after "SEVERITY: " */
	const char *story;      /* the story's (article's) id, when about one */
	int page;               /* page number, when about one; else -1 */
	int overset_lines;      /* lines that did not fit, when known; else -1 */
	int overset_words;      /* words that did not fit, when known; else -1 */
} np_diagnostic;
NP_API int np_job_diagnostic_get(const np_job *j, size_t i, np_diagnostic *out);
/* "FILE:LINE:COLUMN: error: MESSAGE" of the i-th, as the command line prints
 * it (usage errors: "newsprint: MESSAGE"); malloc'd, NULL when out of range. */
NP_API char *np_job_diagnostic_format(const np_job *j, size_t i);
NP_API int np_job_error_count(const np_job *j);
NP_API int np_job_warning_count(const np_job *j);

/* The command line's exit status for what the job did: 0 done; 1 bad input,
 * a file that cannot be read or written, or pages asked for that do not
 * exist; 2 bad usage (an unknown option or bad value, an output that would
 * overwrite an input or another output, an output with an unknown
 * extension); 3 "strict" was set and there was a warning. */
NP_API int np_job_exit_status(const np_job *j);

/* ---- figures after a run --------------------------------------------------------- */

/* Pages laid out (0 before a run). */
NP_API size_t np_job_page_count(const np_job *j);

/* The files the job read, as far as it got (after a render or check, a
 * failed one too): the input, its layout file, an edition's stories and
 * advertisements, the pictures; for a program that watches them for
 * changes. Paths as found (relative ones from the current folder). */
NP_API size_t np_job_input_count(const np_job *j);
/* The i-th; NULL when i is out of range. */
NP_API const char *np_job_input(const np_job *j, size_t i);

/* One row of an edition's copyfit table (np_job_check, or after a render);
 * an article has one row too. */
typedef struct np_copyfit {
	const char *story;   /* id */
	size_t pages;        /* pages it is set on */
	int lines;           /* lines set */
	int overset_lines;   /* lines that did not fit */
	int overset_words;
	int empty_lines;     /* lines left empty in its modules */
	const char *ends_on; /* the label of its last page ("A5") */
} np_copyfit;
NP_API size_t np_job_copyfit_count(const np_job *j);
NP_API int np_job_copyfit(const np_job *j, size_t i, np_copyfit *out);

/* With the option "timings": what the stages took, one line ("timings:
 * parse+fonts 12.3 ms, ..."); NULL otherwise or before a run. */
NP_API const char *np_job_timings(const np_job *j);

#ifdef __cplusplus
}
#endif

#endif
