/* report.c - the JSON layout report. Numbers are printed with at most three
 * decimals (the same input gives the same bytes). */
#include "report/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "np_config.h"

static void str(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
		if (*c == '"' || *c == '\\')
			fprintf(fp, "\\%c", *c);
		else if (*c == '\n')
			fputs("\\n", fp);
		else if (*c == '\t')
			fputs("\\t", fp);
		else if (*c < 0x20)
			fprintf(fp, "\\u%04x", *c);
		else
			fputc(*c, fp);
	}
	fputc('"', fp);
}

static void num(FILE *fp, double v)
{
	double r = round(v * 1000) / 1000;
	if (r == 0)
		r = 0; /* no "-0" */
	fprintf(fp, "%.10g", r);
}

/* ", "key": value" */
static void kv_num(FILE *fp, const char *key, double v)
{
	fprintf(fp, ", \"%s\": ", key);
	num(fp, v);
}

static void kv_str(FILE *fp, const char *key, const char *v)
{
	fprintf(fp, ", \"%s\": ", key);
	str(fp, v);
}

static void frame(FILE *fp, const struct np_page *pg, const struct np_frame *f)
{
	fputs("{\"id\": ", fp);
	str(fp, f->id);
	kv_str(fp, "kind", np_frame_kind_name(f->kind));
	kv_num(fp, "x", f->x);
	kv_num(fp, "y", f->y);
	kv_num(fp, "w", f->w);
	kv_num(fp, "h", f->h);
	if (f->article) {
		kv_str(fp, "article", f->article);
	}
	if (f->parent >= 0) {
		kv_str(fp, "parent", pg->frames[f->parent].id);
	}
	fputc('}', fp);
}

static void line(FILE *fp, const struct np_page *pg, const struct np_pline *l)
{
	fputs("{\"article\": ", fp);
	if (l->article)
		str(fp, l->article);
	else
		fputs("null", fp);
	kv_str(fp, "frame", pg->frames[l->frame].id);
	fprintf(fp, ", \"block\": %d, \"style\": ", l->block);
	str(fp, np_style_name(l->style));
	kv_num(fp, "x", l->x);
	kv_num(fp, "baseline", l->baseline);
	kv_num(fp, "width", l->width);
	kv_str(fp, "text", l->text);
	fprintf(fp, ", \"hyphenated\": %s, \"continues\": %s, \"justified\": %s, \"ratio\": ",
		l->hyphenated ? "true" : "false", l->continues ? "true" : "false",
		l->justified ? "true" : "false");
	num(fp, l->ratio);
	kv_num(fp, "letter_spacing", l->letter_spacing);
	if (l->jump)
		kv_str(fp, l->jump > 0 ? "jump_to" : "jump_from", l->jump_page);
	fputc('}', fp);
}

static void page(FILE *fp, const struct np_page *pg, const struct np_layout *l)
{
	fprintf(fp, "    {\"number\": %d, \"label\": ", pg->number);
	str(fp, pg->label);
	kv_num(fp, "width", pg->width);
	kv_num(fp, "height", pg->height);
	fputs(", \"margins\": {\"top\": ", fp);
	num(fp, l->margin_top);
	kv_num(fp, "right", l->margin_right);
	kv_num(fp, "bottom", l->margin_bottom);
	kv_num(fp, "left", l->margin_left);
	fputs("}, \"grid\": ", fp);
	num(fp, l->grid);
	fputs(",\n      \"frames\": [", fp);
	for (size_t i = 0; i < pg->nframes; i++) {
		fputs(i ? ",\n        " : "\n        ", fp);
		frame(fp, pg, &pg->frames[i]);
	}
	fputs("],\n      \"lines\": [", fp);
	for (size_t i = 0; i < pg->nlines; i++) {
		fputs(i ? ",\n        " : "\n        ", fp);
		line(fp, pg, &pg->lines[i]);
	}
	fputs("]}", fp);
}

static void article(FILE *fp, const struct np_article_stats *a)
{
	fputs("    {\"id\": ", fp);
	str(fp, a->id);
	fputs(", \"pages\": [", fp);
	for (size_t i = 0; i < a->npages; i++)
		fprintf(fp, "%s%d", i ? ", " : "", a->pages[i]);
	fprintf(fp,
		"], \"lines\": %d, \"words\": %d, \"overset_words\": %d, \"loose_lines\": %d, "
		"\"tight_lines\": %d, \"hyphenated_lines\": %d, \"hyphen_runs\": %d, "
		"\"overset_lines\": %d, \"empty_lines\": %d}",
		a->lines, a->words, a->overset_words, a->loose_lines, a->tight_lines,
		a->hyphenated_lines, a->hyphen_runs, a->overset_lines, a->empty_lines);
}

void np_report_begin(FILE *fp)
{
	fputs("{\n  \"generator\": \"newsprint " NP_VERSION "\",\n  \"pages\": [\n", fp);
}

void np_report_page(FILE *fp, const struct np_page *pg, const struct np_layout *l, int first)
{
	if (!first)
		fputs(",\n", fp);
	page(fp, pg, l);
}

/* One warning, in the form of --diagnostics json: where, what kind, the
 * message, the story and page it is about, and what did not fit. */
static void warning(FILE *fp, const struct np_diag *g, const struct np_report_warning *w)
{
	fputs("{\"file\": ", fp);
	if (g->file)
		str(fp, g->file);
	else
		fputs("null", fp);
	fprintf(fp, ", \"line\": %d, \"column\": %d, \"severity\": \"warning\"",
		g->file ? g->line : 0, g->file && g->line > 0 ? (g->column > 0 ? g->column : 1) : 0);
	kv_str(fp, "code", w->code ? w->code : "warning");
	kv_str(fp, "message", g->message);
	fputs(", \"story\": ", fp);
	if (w->story)
		str(fp, w->story);
	else
		fputs("null", fp);
	if (w->page > 0)
		fprintf(fp, ", \"page\": %d", w->page);
	else
		fputs(", \"page\": null", fp);
	if (w->overset_lines >= 0)
		fprintf(fp, ", \"overset_lines\": %d", w->overset_lines);
	if (w->overset_words >= 0)
		fprintf(fp, ", \"overset_words\": %d", w->overset_words);
	fputc('}', fp);
}

int np_report_end(FILE *fp, const struct np_doc *doc, const struct np_diags *d,
		  np_report_describe_fn describe, void *ctx)
{
	fputs("\n  ],\n  \"articles\": [\n", fp);
	for (size_t i = 0; i < doc->narticles; i++) {
		article(fp, &doc->articles[i]);
		fputs(i + 1 < doc->narticles ? ",\n" : "\n", fp);
	}
	fputs("  ],\n  \"warnings\": [", fp);
	int n = 0;
	for (size_t i = 0; d && i < d->n; i++) {
		if (d->v[i].severity != NP_WARNING)
			continue;
		struct np_report_warning w = {.page = -1, .overset_lines = -1, .overset_words = -1};
		if (describe && describe(ctx, i, &w) < 0)
			w = (struct np_report_warning){.page = -1, .overset_lines = -1,
						       .overset_words = -1};
		fputs(n++ ? ",\n    " : "\n    ", fp);
		warning(fp, &d->v[i], &w);
	}
	fputs(n ? "\n  ]\n}\n" : "]\n}\n", fp);
	return ferror(fp) ? -1 : 0;
}

int np_report_write(FILE *fp, const struct np_doc *doc, const struct np_diags *d,
		    np_report_describe_fn describe, void *ctx)
{
	np_report_begin(fp);
	for (size_t i = 0; i < doc->npages; i++)
		np_report_page(fp, &doc->pages[i], doc->layout, i == 0);
	return np_report_end(fp, doc, d, describe, ctx);
}
