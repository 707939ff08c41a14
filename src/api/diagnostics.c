/* diagnostics.c - a job's diagnostics as newsprint.h gives them: the record
 * of each (with a code, and the story, page and overset figures read back
 * from the message where the stage that wrote it says them), the line the
 * command line prints, the counts. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_int.h"

void np_job_error(struct np_job *j, const char *code, const char *fmt, ...)
{
	size_t n = j->d.n;
	va_list ap;
	va_start(ap, fmt);
	np_diag_vadd(&j->d, NP_ERROR, NULL, fmt, ap);
	va_end(ap);
	struct np_diag_extra *v = j->d.n > n ? realloc(j->extra, (j->nextra + 1) * sizeof *v)
					      : NULL;
	if (!v)
		return;
	j->extra = v;
	v[j->nextra++] = (struct np_diag_extra){.index = n, .code = code};
}

void np_job_extras_fini(struct np_job *j)
{
	free(j->extra);
	for (size_t i = 0; i < j->nstrings; i++)
		free(j->strings[i]);
	free(j->strings);
}

/* Kinds told by their messages (the stages' wording, src/parse, src/flow,
 * src/render): the first pattern found in the message names the code. */
static const struct {
	const char *pattern;
	const char *code;
} kinds[] = {
	{": not set", "placement"},      /* before "overset": its words count as overset */
	{"overset", "overset"},
	{"lines over on page", "overset"},
	{" moved to page ", "placement"},
	{"grid lines deep", "placement"},
	{"headline of '", "placement"},
	{"--pages ", "pages"},
	{"unknown layout", "layout"},
	{"font", "font"},
	{"picture", "picture"},
	{"cannot write", "output"},
	{"would overwrite", "output"},
	{"would both be written", "output"},
	{"ready for print", "output"},
	{"output profile", "output"},
	{"output condition", "output"},
	{"is a PDF: ", "output"},
	{"draws in ", "output"},
	{"cannot read", "file"},
	{"cannot open", "file"},
	{"not a regular file", "file"},
	{"larger than the limit", "file"},
	{"out of memory", "memory"},
	{"unknown key", "schema"},
	{"missing required key", "schema"},
	{"duplicate key", "schema"},
	{"expected ", "schema"},
	{"invalid UTF-8", "syntax"},
	{"YAML", "syntax"},
	{"module outside the grid", "layout"},
	{"jump to page", "layout"},
};

static const char *code_of(const struct np_job *j, size_t i)
{
	for (size_t k = 0; k < j->nextra; k++)
		if (j->extra[k].index == i)
			return j->extra[k].code;
	const struct np_diag *g = &j->d.v[i];
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		if (strstr(g->message, kinds[k].pattern))
			return kinds[k].code;
	/* a libyaml problem ("did not find expected key") names no kind of ours */
	if (g->severity == NP_ERROR && g->file && g->line > 0 && strstr(g->message, " while "))
		return "syntax";
	return g->severity == NP_ERROR ? "input" : "warning";
}

/* The story a message of the flow names first ("ID: ..."), kept with the job. */
static const char *story_of(struct np_job *j, size_t i, const char *code)
{
	const char *msg = j->d.v[i].message, *colon = strstr(msg, ": ");
	if (!colon || colon == msg || (strcmp(code, "overset") && !strstr(msg, "grid lines deep")))
		return NULL;
	if (j->nstrings < j->d.n) {
		char **v = realloc(j->strings, j->d.n * sizeof *v);
		if (!v)
			return NULL;
		memset(v + j->nstrings, 0, (j->d.n - j->nstrings) * sizeof *v);
		j->strings = v;
		j->nstrings = j->d.n;
	}
	if (!j->strings[i])
		j->strings[i] = strndup(msg, (size_t)(colon - msg));
	return j->strings[i];
}

static int page_number(const struct np_job *j, const char *label)
{
	for (size_t p = 0; p < j->doc.npages; p++)
		if (!strcmp(j->doc.pages[p].label, label))
			return j->doc.pages[p].number;
	return -1;
}

int np_job_diagnostic_get(const np_job *cj, size_t i, np_diagnostic *out)
{
	if (!cj || i >= cj->d.n || !out)
		return -1;
	struct np_job *j = (struct np_job *)cj; /* the story strings are cached */
	const struct np_diag *g = &j->d.v[i];
	const char *code = code_of(j, i);
	*out = (np_diagnostic){.file = g->file, .line = g->file ? g->line : 0,
			       .column = g->file && g->line > 0 ? (g->column > 0 ? g->column : 1) : 0,
			       .severity = g->severity == NP_ERROR ? "error" : "warning",
			       .code = code, .message = g->message, .page = -1,
			       .overset_lines = -1, .overset_words = -1};
	out->story = story_of(j, i, code);
	const char *rest = out->story ? g->message + strlen(out->story) : NULL;
	char label[16];
	int lines, words, limit;
	if (rest && sscanf(rest, ": %d lines over on page %15s (%d words overset)", &lines,
			   label, &words) == 3) {
		out->overset_lines = lines;
		out->overset_words = words;
		out->page = page_number(j, label);
	} else if (rest && sscanf(rest, ": %d words overset: the page limit (%d)", &words,
				  &limit) == 2) {
		out->overset_words = words;
	}
	int pg, col;
	if (sscanf(g->message, "%*[a-z-] moved to page %d, column %d", &pg, &col) == 2)
		out->page = pg;
	return 0;
}

int np_job_diagnostic(const np_job *j, size_t i, const char **file, int *line, int *column,
		      const char **severity, const char **message)
{
	np_diagnostic g;
	if (np_job_diagnostic_get(j, i, &g) < 0)
		return -1;
	if (file)
		*file = g.file;
	if (line)
		*line = g.line;
	if (column)
		*column = g.column;
	if (severity)
		*severity = g.severity;
	if (message)
		*message = g.message;
	return 0;
}

size_t np_job_diagnostic_count(const np_job *j)
{
	return j ? j->d.n : 0;
}

char *np_job_diagnostic_format(const np_job *j, size_t i)
{
	if (!j || i >= j->d.n)
		return NULL;
	if (strcmp(code_of(j, i), "usage"))
		return np_diag_format(&j->d.v[i]);
	const char *msg = j->d.v[i].message;
	char *s = malloc(strlen(msg) + sizeof "newsprint: ");
	if (s)
		sprintf(s, "newsprint: %s", msg);
	return s;
}

int np_job_error_count(const np_job *j)
{
	return j ? j->d.errors : 0;
}

int np_job_warning_count(const np_job *j)
{
	return j ? j->d.warnings : 0;
}
