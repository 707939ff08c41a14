/* stub.c - the public interface's entry points, not yet implemented: every
 * one fails (the library implementation replaces this file). */
#include <stdlib.h>

#include "newsprint.h"
#include "np_config.h"

const char *np_version(void) { return NP_VERSION; }
void np_free(void *p) { free(p); }
np_engine *np_engine_new(const char *data_dir) { (void)data_dir; return NULL; }
void np_engine_free(np_engine *e) { (void)e; }
const char *np_engine_data_dir(const np_engine *e) { (void)e; return NULL; }
int np_engine_set_fonts_dir(np_engine *e, const char *dir) { (void)e; (void)dir; return -1; }
int np_engine_set_hyphen_dir(np_engine *e, const char *dir) { (void)e; (void)dir; return -1; }
char *np_engine_layouts(const np_engine *e) { (void)e; return NULL; }
np_job *np_job_open(np_engine *e, const char *path) { (void)e; (void)path; return NULL; }
np_job *np_job_open_memory(np_engine *e, const char *name, const char *yaml, size_t len)
{ (void)e; (void)name; (void)yaml; (void)len; return NULL; }
void np_job_free(np_job *j) { (void)j; }
int np_job_set_option(np_job *j, const char *name, const char *value)
{ (void)j; (void)name; (void)value; return -1; }
const char *np_option_error(const char *name, const char *value)
{ (void)name; (void)value; return "not implemented"; }
int np_job_set_progress(np_job *j, np_progress_fn fn, void *ctx)
{ (void)j; (void)fn; (void)ctx; return -1; }
int np_job_kind(const np_job *j) { (void)j; return NP_JOB_UNKNOWN; }
int np_job_render_file(np_job *j, const char *out_path) { (void)j; (void)out_path; return -1; }
int np_job_render_memory(np_job *j, const char *format, unsigned char **data, size_t *len)
{ (void)j; (void)format; (void)data; (void)len; return -1; }
int np_job_render_pages_memory(np_job *j, const char *format, np_buffer **pages, size_t *npages)
{ (void)j; (void)format; (void)pages; (void)npages; return -1; }
void np_buffers_free(np_buffer *pages, size_t npages) { (void)pages; (void)npages; }
int np_job_check(np_job *j) { (void)j; return -1; }
char *np_job_report_json(np_job *j) { (void)j; return NULL; }
size_t np_job_diagnostic_count(const np_job *j) { (void)j; return 0; }
int np_job_diagnostic(const np_job *j, size_t i, const char **file, int *line, int *column,
		      const char **severity, const char **message)
{ (void)j; (void)i; (void)file; (void)line; (void)column; (void)severity; (void)message; return -1; }
int np_job_diagnostic_get(const np_job *j, size_t i, np_diagnostic *out)
{ (void)j; (void)i; (void)out; return -1; }
char *np_job_diagnostic_format(const np_job *j, size_t i) { (void)j; (void)i; return NULL; }
int np_job_error_count(const np_job *j) { (void)j; return 0; }
int np_job_warning_count(const np_job *j) { (void)j; return 0; }
int np_job_exit_status(const np_job *j) { (void)j; return 1; }
size_t np_job_page_count(const np_job *j) { (void)j; return 0; }
size_t np_job_copyfit_count(const np_job *j) { (void)j; return 0; }
int np_job_copyfit(const np_job *j, size_t i, np_copyfit *out) { (void)j; (void)i; (void)out; return -1; }
const char *np_job_timings(const np_job *j) { (void)j; return NULL; }
