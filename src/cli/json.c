/* json.c - JSON for scripts: a diagnostic a line, the copyfit table. */
#include "json.h"

#include <string.h>

/* A JSON string, or null. */
static void string(FILE *fp, const char *s)
{
	if (!s) {
		fputs("null", fp);
		return;
	}
	fputc('"', fp);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(fp, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", fp);
		else if (*p == '\t')
			fputs("\\t", fp);
		else if (*p < 0x20)
			fprintf(fp, "\\u%04x", *p);
		else
			fputc(*p, fp);
	}
	fputc('"', fp);
}

void np_json_diagnostic(FILE *fp, const np_diagnostic *g)
{
	fputs("{\"file\": ", fp);
	string(fp, g->file);
	fprintf(fp, ", \"line\": %d, \"column\": %d, \"severity\": ", g->line, g->column);
	string(fp, g->severity);
	fputs(", \"code\": ", fp);
	string(fp, g->code);
	fputs(", \"message\": ", fp);
	string(fp, g->message);
	fputs(", \"story\": ", fp);
	string(fp, g->story);
	if (g->page > 0)
		fprintf(fp, ", \"page\": %d", g->page);
	else
		fputs(", \"page\": null", fp);
	if (g->overset_lines >= 0)
		fprintf(fp, ", \"overset_lines\": %d", g->overset_lines);
	if (g->overset_words >= 0)
		fprintf(fp, ", \"overset_words\": %d", g->overset_words);
	fputs("}\n", fp);
}

void np_json_copyfit(FILE *fp, const np_job *j)
{
	int kind = np_job_kind(j);
	fprintf(fp, "{\"kind\": \"%s\", \"errors\": %d, \"warnings\": %d, \"stories\": [",
		kind == NP_JOB_EDITION ? "edition" : kind == NP_JOB_ARTICLE ? "article" : "unknown",
		np_job_error_count(j), np_job_warning_count(j));
	np_copyfit c;
	for (size_t i = 0; np_job_copyfit(j, i, &c) == 0; i++) {
		fputs(i ? ",\n  {\"story\": " : "\n  {\"story\": ", fp);
		string(fp, c.story);
		fprintf(fp, ", \"pages\": %zu, \"lines\": %d, \"overset_lines\": %d, "
			"\"overset_words\": %d, \"empty_lines\": %d, \"ends_on\": ", c.pages, c.lines,
			c.overset_lines, c.overset_words, c.empty_lines);
		string(fp, c.ends_on);
		fputc('}', fp);
	}
	fputs("]}\n", fp);
}
