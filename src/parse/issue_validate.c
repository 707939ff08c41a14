/* issue_validate.c - an issue against its layout: every module within the
 * layout's columns and its page's grid, no two modules (stories, their
 * continuations, advertisements) sharing a grid cell, and every article valid
 * for the layout. Errors point at the module in the issue YAML.
 */
#include "parse/issue.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

struct placed {
	const struct np_module *m;
	const struct np_story *story; /* NULL: an advertisement */
	int jump;                     /* 0: where the story starts */
	int bottom;                   /* last grid line, depth resolved */
};

static int mark_cmp(const struct np_mark *a, const struct np_mark *b)
{
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->column > b->column) - (a->column < b->column);
}

/* By page, then in the order of the issue YAML. */
static int placed_cmp(const void *pa, const void *pb)
{
	const struct placed *a = pa, *b = pb;
	if (a->m->page != b->m->page)
		return a->m->page < b->m->page ? -1 : 1;
	return mark_cmp(&a->m->mark, &b->m->mark);
}

static const char *story_name(const struct np_story *s)
{
	if (s->article && s->article->id)
		return s->article->id;
	return s->file ? s->file : "?";
}

static void describe(char *buf, size_t n, const struct placed *p)
{
	if (!p->story)
		snprintf(buf, n, "the advertisement");
	else if (p->jump)
		snprintf(buf, n, "the continuation of the story '%s'", story_name(p->story));
	else
		snprintf(buf, n, "the story '%s'", story_name(p->story));
}

static int lines_on(const struct np_issue *is, int grid_lines, const int *band_lines, int page)
{
	(void)is;
	return grid_lines - (band_lines ? band_lines[page - 1] : 0);
}

/* Columns and grid lines of one module; sets p->bottom. */
static int fits(const struct np_issue *is, const struct np_layout *l, int grid_lines,
		const int *band_lines, struct placed *p, struct np_diags *d)
{
	const struct np_module *m = p->m;
	int lines = lines_on(is, grid_lines, band_lines, m->page);
	int bad = 0;
	/* top and depth may each be near INT_MAX: their sum is taken wide */
	long long bottom = m->depth == NP_DEPTH_FOOT ? lines : (long long)m->top + m->depth - 1;
	p->bottom = bottom > INT_MAX ? INT_MAX : (int)bottom;
	if (m->last > l->columns) {
		np_diag_add(d, NP_ERROR, &m->mark, "module outside the grid: 'columns' reaches "
			    "column %d but the layout has %d columns", m->last, l->columns);
		bad = 1;
	}
	const char *band = band_lines && band_lines[m->page - 1] > 0
				   ? (is->pages[m->page - 1].template == NP_TEMPLATE_FRONT
					      ? " below the front page's nameplate"
					      : " below the page's head")
				   : "";
	int front = band_lines && is->pages[m->page - 1].template == NP_TEMPLATE_FRONT;
	if (front && lines < 1) { /* no room left at all: the index lists every story */
		np_diag_add(d, NP_ERROR, &m->mark, "module outside the grid: the index strip of "
			    "the front page (page %d) outgrew the page: with the nameplate it takes "
			    "%d grid lines of the page's %d (it lists every story that starts on "
			    "another page)", m->page, band_lines[m->page - 1], grid_lines);
		bad = 1;
	} else if (m->top > lines) {
		np_diag_add(d, NP_ERROR, &m->mark, "module outside the grid: it starts on grid "
			    "line %d but page %d has %d grid lines%s", m->top, m->page, lines,
			    band);
		bad = 1;
	} else if (bottom > lines) {
		np_diag_add(d, NP_ERROR, &m->mark, "module outside the grid: it ends on grid line "
			    "%lld (top %d, depth %d) but page %d has %d grid lines%s", bottom,
			    m->top, m->depth, m->page, lines, band);
		bad = 1;
	}
	return bad;
}

static int overlap(const struct placed *a, const struct placed *b)
{
	return a->m->col <= b->m->last && b->m->col <= a->m->last && a->m->top <= b->bottom &&
	       b->m->top <= a->bottom;
}

/* Each module against the ones before it on its page, in YAML order: the
 * later one is the one in the wrong place. */
static int overlaps(struct placed *v, size_t n, struct np_diags *d)
{
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i; j-- > 0 && v[j].m->page == v[i].m->page;) {
			if (!overlap(&v[i], &v[j]))
				continue;
			char who[160], whom[160];
			describe(who, sizeof who, &v[i]);
			describe(whom, sizeof whom, &v[j]);
			np_diag_add(d, NP_ERROR, &v[i].m->mark,
				    "%s overlaps %s placed at %d:%d (page %d: columns %d-%d, grid "
				    "lines %d-%d against columns %d-%d, grid lines %d-%d)",
				    who, whom, v[j].m->mark.line, v[j].m->mark.column, v[i].m->page,
				    v[i].m->col, v[i].m->last, v[i].m->top, v[i].bottom, v[j].m->col,
				    v[j].m->last, v[j].m->top, v[j].bottom);
			bad = 1;
			break; /* one report per module */
		}
	}
	return bad;
}

int np_issue_validate(const struct np_issue *is, const struct np_layout *l, int grid_lines,
		      const int *band_lines, struct np_diags *d)
{
	size_t n = is->nads;
	for (size_t i = 0; i < is->nstories; i++)
		n += is->stories[i].nmodules;
	struct placed *v = calloc(n ? n : 1, sizeof *v);
	if (!v) {
		np_diag_add(d, NP_ERROR, &is->mark, "out of memory");
		return -1;
	}
	int bad = 0;
	size_t k = 0;
	for (size_t i = 0; i < is->nstories; i++) {
		const struct np_story *s = &is->stories[i];
		for (size_t j = 0; j < s->nmodules; j++) {
			if (s->modules[j].page < 1 || (size_t)s->modules[j].page > is->npages)
				continue; /* the parser refused it already */
			v[k++] = (struct placed){&s->modules[j], s, (int)j, 0};
		}
		if (s->article && np_article_validate(s->article, l, d))
			bad = 1;
	}
	for (size_t i = 0; i < is->nads; i++)
		if (is->ads[i].module.page >= 1 && (size_t)is->ads[i].module.page <= is->npages)
			v[k++] = (struct placed){&is->ads[i].module, NULL, 0, 0};
	qsort(v, k, sizeof *v, placed_cmp);
	for (size_t i = 0; i < k; i++)
		bad |= fits(is, l, grid_lines, band_lines, &v[i], d);
	bad |= overlaps(v, k, d);
	free(v);
	return bad ? -1 : 0;
}
