/* job.c - newsprint.h's jobs: opened over a file or a document in memory,
 * run once (render or check), then asked for what they found: the report,
 * the copyfit rows, the exit status the command line gives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_int.h"
#include "api/ctx_cache.h"
#include "render/render.h"
#include "text/text.h"

static np_job *job_new(np_engine *e)
{
	np_job *j = e ? calloc(1, sizeof *j) : NULL;
	if (!j)
		return NULL;
	j->t0 = np_api_now();
	np_job_opts_init(&j->o);
	np_diags_init(&j->d);
	np_outputs_init(&j->out);
	j->data_dir = strdup(e->data_dir);
	j->fonts_dir = e->fonts_dir ? strdup(e->fonts_dir) : NULL;
	j->hyphen_dir = e->hyphen_dir ? strdup(e->hyphen_dir) : NULL;
	j->contexts = np_ctx_cache_ref(e->contexts);
	if (!j->data_dir || (e->fonts_dir && !j->fonts_dir) || (e->hyphen_dir && !j->hyphen_dir)) {
		np_job_free(j);
		return NULL;
	}
	return j;
}

np_job *np_job_open(np_engine *e, const char *path)
{
	np_job *j = path ? job_new(e) : NULL;
	if (j && !(j->input = strdup(path))) {
		np_job_free(j);
		return NULL;
	}
	return j;
}

np_job *np_job_open_memory(np_engine *e, const char *name, const char *yaml, size_t len)
{
	np_job *j = yaml || !len ? job_new(e) : NULL;
	if (!j)
		return NULL;
	j->mem_name = strdup(name ? name : "<memory>");
	j->mem = malloc(len + 1);
	if (!j->mem_name || !j->mem) {
		np_job_free(j);
		return NULL;
	}
	if (len)
		memcpy(j->mem, yaml, len);
	j->mem[len] = 0;
	j->mem_len = len;
	return j;
}

void np_job_free(np_job *j)
{
	if (!j)
		return;
	np_doc_fini(&j->doc);
	if (j->text && j->text_key)
		np_ctx_cache_give(j->contexts, j->text_key, j->text);
	else
		np_text_ctx_free(j->text);
	free(j->text_key);
	np_ctx_cache_unref(j->contexts);
	np_article_free(j->article);
	np_issue_free(j->issue);
	if (j->have_layout)
		np_layout_fini(&j->layout);
	free(j->output);
	free(j->sel);
	free(j->inks);
	free(j->profile);
	free(j->timings);
	free(j->report_mem);
	np_outputs_fini(&j->out); /* what was not committed is removed */
	np_job_extras_fini(j);
	np_diags_fini(&j->d);
	np_job_opts_fini(&j->o);
	free(j->data_dir);
	free(j->fonts_dir);
	free(j->hyphen_dir);
	free(j->input);
	free(j->mem_name);
	free(j->mem);
	free(j);
}

int np_job_set_progress(np_job *j, np_progress_fn fn, void *ctx)
{
	if (!j)
		return -1;
	j->progress = fn;
	j->progress_ctx = ctx;
	return 0;
}

int np_job_kind(const np_job *j)
{
	return !j ? NP_JOB_UNKNOWN : j->issue ? NP_JOB_EDITION : j->article ? NP_JOB_ARTICLE
									     : NP_JOB_UNKNOWN;
}

/* A job runs once: what it read and laid out is its result. */
static int begin(np_job *j)
{
	if (!j)
		return -1;
	if (j->rc)
		return -1; /* an option was refused */
	if (j->ran) {
		np_job_error(j, "usage", "a job runs once: open another one");
		j->rc = NP_RC_USAGE;
		return -1;
	}
	j->ran = 1;
	return 0;
}

/* -1 when the run failed or found an error. */
static int end(np_job *j, int rc)
{
	if (rc && !j->rc)
		j->rc = rc;
	return rc || j->d.errors ? -1 : 0;
}

int np_job_render_file(np_job *j, const char *out_path)
{
	if (begin(j) < 0)
		return -1;
	if (!out_path || !(j->output = strdup(out_path))) {
		np_job_error(j, out_path ? "memory" : "usage", out_path ? "out of memory"
									: "no output path");
		return end(j, out_path ? NP_RC_INPUT : NP_RC_USAGE);
	}
	return end(j, np_job_run_render(j));
}

int np_job_check(np_job *j)
{
	if (begin(j) < 0)
		return -1;
	return end(j, np_job_run_check(j));
}

char *np_job_report_json(np_job *j)
{
	if (!j || !j->have_report)
		return NULL;
	if (j->report_mem)
		return strdup(j->report_mem);
	FILE *fp = fopen(j->o.report, "rb");
	char *s = NULL;
	size_t n = 0;
	FILE *mem = fp ? open_memstream(&s, &n) : NULL;
	char buf[65536];
	size_t k;
	int ok = mem != NULL;
	while (ok && (k = fread(buf, 1, sizeof buf, fp)) > 0)
		ok = fwrite(buf, 1, k, mem) == k;
	ok = ok && !ferror(fp);
	if (mem)
		fclose(mem);
	if (fp)
		fclose(fp);
	if (!ok) {
		free(s);
		return NULL;
	}
	return s;
}

int np_job_exit_status(const np_job *j)
{
	if (!j)
		return NP_RC_INPUT;
	int rc = j->rc;
	if (rc == 0 && j->d.errors)
		rc = NP_RC_INPUT;
	if (j->out.clash)
		rc = NP_RC_USAGE;
	if (rc == 0 && j->o.strict && j->d.warnings)
		rc = 3;
	return rc;
}

size_t np_job_page_count(const np_job *j)
{
	return j ? j->doc.npages : 0;
}

size_t np_job_input_count(const np_job *j)
{
	return j ? j->out.ninputs : 0;
}

const char *np_job_input(const np_job *j, size_t i)
{
	return j && i < j->out.ninputs ? j->out.input_names[i] : NULL;
}

size_t np_job_copyfit_count(const np_job *j)
{
	return j ? j->doc.narticles : 0;
}

int np_job_copyfit(const np_job *j, size_t i, np_copyfit *out)
{
	if (!j || i >= j->doc.narticles || !out)
		return -1;
	const struct np_article_stats *s = &j->doc.articles[i];
	*out = (np_copyfit){.story = s->id, .pages = s->npages, .lines = s->lines,
			    .overset_lines = s->overset_lines, .overset_words = s->overset_words,
			    .empty_lines = s->empty_lines, .ends_on = s->last_page};
	return 0;
}

const char *np_job_timings(const np_job *j)
{
	return j ? j->timings : NULL;
}
