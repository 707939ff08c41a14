/* parse_check.c - parses an article or an issue (and a layout) and prints
 * every diagnostic, as `newsprint check` does; the malformed-input tests run it.
 *
 *   parse_check INPUT.yaml [-l LAYOUT.yaml] [--allow-paths] [--dump]
 *
 * INPUT is an issue when np_parse_is_issue says so (top-level key `issue`):
 * then every article it names is parsed too, and the issue is validated
 * against the layout with the page geometry a renderer would use: the body's
 * grid lines floor((page height - top and bottom margins) / grid), of which
 * a front page's nameplate band takes FRONT_BAND_LINES and an inside page's
 * running head (set in the top margin) none.
 *
 * --dump prints the parsed model to standard output, to look at.
 * Exit status: 0 valid, 1 an error, 2 bad usage.
 */
#include "model/model.h"
#include "parse/parse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Grid lines a front page's nameplate and index strip take (12 x 11.5 pt on
 * the tabloid: 138 pt). docs/issue.md gives the same figure. */
#define FRONT_BAND_LINES 12

static void print_diags(const struct np_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = np_diag_format(&d->v[i]);
		if (s)
			fprintf(stderr, "%s\n", s);
		free(s);
	}
}

static void dump_text(const char *what, const struct np_text *t)
{
	printf("%s %d:%d \"%s\"", what, t->mark.line, t->mark.column, t->text);
	for (size_t i = 0; i < t->nruns; i++)
		printf(" [%zu,%zu)%s%s", t->runs[i].start, t->runs[i].end,
		       t->runs[i].flags & NP_INLINE_ITALIC ? "i" : "",
		       t->runs[i].flags & NP_INLINE_BOLD ? "b" : "");
	printf("\n");
}

static void dump_place(const struct np_placement *p)
{
	printf("  after=%d span=%d column=%d position=%d\n", p->after, p->span, p->column,
	       (int)p->position);
}

static void dump(const struct np_article *a, const struct np_layout *l)
{
	printf("id=%s language=%s date=%s headline=\"%s\"\n", a->id, a->language,
	       a->date ? a->date : "-", a->headline);
	for (size_t i = 0; i < a->nblocks; i++)
		dump_text(a->blocks[i].kind == NP_BLOCK_SUBHEAD ? "subhead" : "para",
			  &a->blocks[i].text);
	for (size_t i = 0; i < a->npullquotes; i++) {
		dump_text("pullquote", &a->pullquotes[i].text);
		dump_place(&a->pullquotes[i].place);
	}
	for (size_t i = 0; i < a->nsidebars; i++) {
		printf("sidebar kind=%d entries=%zu paragraphs=%zu\n", (int)a->sidebars[i].kind,
		       a->sidebars[i].nentries, a->sidebars[i].nparagraphs);
		dump_place(&a->sidebars[i].place);
	}
	for (size_t i = 0; i < a->nimages; i++) {
		printf("image %s -> %s %dx%d jpeg=%d\n", a->images[i].file, a->images[i].path,
		       a->images[i].pixel_width, a->images[i].pixel_height, a->images[i].is_jpeg);
		dump_place(&a->images[i].place);
	}
	printf("layout %s %gx%g margins %g %g %g %g columns %d gutter %g grid %g\n", l->name,
	       l->page_width, l->page_height, l->margin_top, l->margin_right, l->margin_bottom,
	       l->margin_left, l->columns, l->gutter, l->grid);
	for (int i = 0; i < NP_ST_COUNT; i++) {
		const struct np_style *s = &l->styles[i];
		printf("style %s: %s %g/%g w%d i%d a%d indent %g sb %g t%d sc%d ls %g "
		       "#%02x%02x%02x\n", np_style_name((enum np_style_id)i), s->font, s->size,
		       s->leading, s->weight, s->italic, (int)s->align, s->indent,
		       s->space_before, (int)s->transform, s->small_caps, s->letter_spacing,
		       (int)(s->color[0] * 255 + 0.5), (int)(s->color[1] * 255 + 0.5),
		       (int)(s->color[2] * 255 + 0.5));
	}
}

static void dump_module(const char *what, const struct np_module *m)
{
	printf("  %s %d:%d page %d columns %d-%d top %d depth ", what, m->mark.line,
	       m->mark.column, m->page, m->col, m->last, m->top);
	if (m->depth == NP_DEPTH_FOOT)
		printf("foot\n");
	else
		printf("%d\n", m->depth);
}

static void dump_issue(const struct np_issue *is, int grid_lines, const int *band)
{
	printf("issue \"%s\" date=%s edition=%s layout=%s grid_lines=%d\n", is->name, is->date,
	       is->edition ? is->edition : "-", is->layout ? is->layout : "-", grid_lines);
	for (size_t i = 0; i < is->npages; i++)
		printf("page %zu %s section=%s letter=%s band=%d\n", i + 1,
		       is->pages[i].template == NP_TEMPLATE_FRONT ? "front" : "inside",
		       is->pages[i].section ? is->pages[i].section : "-",
		       is->pages[i].section_letter ? is->pages[i].section_letter : "-", band[i]);
	for (size_t i = 0; i < is->nstories; i++) {
		const struct np_story *s = &is->stories[i];
		printf("story %s (%s) blocks=%zu\n", s->article->id, s->file, s->article->nblocks);
		for (size_t j = 0; j < s->nmodules; j++)
			dump_module(j ? "jump" : "start", &s->modules[j]);
	}
	for (size_t i = 0; i < is->nads; i++) {
		printf("ad image=%s %dx%d label=%s\n", is->ads[i].image ? is->ads[i].image : "-",
		       is->ads[i].pixel_width, is->ads[i].pixel_height,
		       is->ads[i].label ? is->ads[i].label : "-");
		dump_module("at", &is->ads[i].module);
	}
}

/* Parses and validates an issue as described at the top. */
static void check_issue(const char *path, const struct np_parse_opts *opts,
			const struct np_layout *l, int want_dump, struct np_diags *d)
{
	struct np_issue *is = NULL;
	if (np_parse_issue_file(path, opts, d, &is))
		return;
	int grid_lines = (int)floor((l->page_height - l->margin_top - l->margin_bottom) / l->grid);
	int *band = calloc(is->npages, sizeof *band);
	if (!band) {
		np_diag_add(d, NP_ERROR, NULL, "out of memory");
	} else {
		for (size_t i = 0; i < is->npages; i++)
			band[i] = is->pages[i].template == NP_TEMPLATE_FRONT ? FRONT_BAND_LINES : 0;
		if (np_issue_validate(is, l, grid_lines, band, d) == 0 && want_dump)
			dump_issue(is, grid_lines, band);
	}
	free(band);
	np_issue_free(is);
}

static int usage(void)
{
	fprintf(stderr, "usage: parse_check INPUT.yaml [-l LAYOUT.yaml] [--allow-paths] [--dump]\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *article = NULL, *layout = NULL;
	int want_dump = 0;
	struct np_parse_opts opts = {0};
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-l") && i + 1 < argc)
			layout = argv[++i];
		else if (!strcmp(argv[i], "--dump"))
			want_dump = 1;
		else if (!strcmp(argv[i], "--allow-paths"))
			opts.allow_paths = 1;
		else if (argv[i][0] != '-' && !article)
			article = argv[i];
		else
			return usage();
	}
	if (!article)
		return usage();
	struct np_diags d;
	struct np_layout l;
	struct np_article *a = NULL;
	np_diags_init(&d);
	int lrc = layout ? np_parse_layout_file(layout, &opts, &d, &l)
			 : (np_layout_init_defaults(&l), 0);
	int kind = np_parse_is_issue(article, &opts, &d);
	if (kind == 1 && lrc == 0) {
		check_issue(article, &opts, &l, want_dump, &d);
	} else if (kind == 0) {
		int arc = np_parse_article_file(article, &opts, &d, &a);
		if (lrc == 0 && arc == 0 && np_article_validate(a, &l, &d) == 0 && want_dump)
			dump(a, &l);
	}
	print_diags(&d);
	int status = d.errors ? 1 : 0;
	np_article_free(a);
	if (lrc == 0)
		np_layout_fini(&l);
	np_diags_fini(&d);
	return status;
}
