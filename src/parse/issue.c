/* issue.c - the issue (edition) schema, docs/issue.md: the edition's name,
 * date and layout, its pages in order, and on each page the stories (an
 * article file placed as a module of the column grid, with the modules it
 * jumps to on later pages) and the advertisements.
 *
 * Parsing checks everything that does not depend on the layout; what does
 * (columns beyond the layout, modules past the foot of the page, overlaps)
 * is np_issue_validate's, in issue_validate.c.
 */
#include "parse/issue.h"
#include "parse/issue_seen.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *const issue_keys[] = {"name", "date", "edition", "layout", "language",
					 "words", "pages", NULL};
static const char *const page_keys[] = {"template", "section", "section_letter", "stories",
					"ads", NULL};
static const char *const story_keys[] = {"article", "columns", "top", "depth", "jumps", NULL};
static const char *const jump_keys[] = {"page", "columns", "top", "depth", NULL};
static const char *const ad_keys[] = {"columns", "top", "depth", "image", "page", "label", NULL};

struct ictx {
	struct np_pctx *c;
	struct np_issue *is;
	size_t nstories, nads; /* filled so far */
	/* the page being read and what it inherits */
	int page;                    /* 1-based */
	const struct np_yt_node *letter_node; /* where the current letter was given */
	struct np_seen files, ids; /* of the stories read so far */
};

/* ---- module geometry ------------------------------------------------------- */

static int at_least_one(struct np_pctx *c, const struct np_yt_node *n, const char *key,
			const char *what, int *out)
{
	if (np_ps_int(c, n, key, out))
		return -1;
	if (*out >= 1)
		return 0;
	np_ps_error(c, &n->mark, "'%s' must be %s, found %d", key, what, *out);
	return -1;
}

/* columns: [FIRST, LAST] (1-based, inclusive), or one number for one column. */
static int columns(struct np_pctx *c, const struct np_yt_node *n, struct np_module *m)
{
	if (n->kind == NP_YT_SCALAR && !np_yt_is_null(n)) {
		if (at_least_one(c, n, "columns", "a column from 1", &m->col))
			return -1;
		m->last = m->col;
		return 0;
	}
	if (n->kind != NP_YT_SEQ || n->nitems != 2) {
		if (n->kind == NP_YT_SEQ)
			np_ps_error(c, &n->mark, "'columns' must be [FIRST, LAST], found a list of "
				    "%zu item%s", n->nitems, n->nitems == 1 ? "" : "s");
		else
			np_ps_error(c, &n->mark, "'columns' must be [FIRST, LAST], found %s",
				    np_yt_kind_name(n));
		return -1;
	}
	if (at_least_one(c, n->items[0], "columns", "a column from 1", &m->col) ||
	    at_least_one(c, n->items[1], "columns", "a column from 1", &m->last))
		return -1;
	if (m->last < m->col) {
		np_ps_error(c, &n->mark, "'columns' is [%d, %d]: the last column comes before "
			    "the first", m->col, m->last);
		return -1;
	}
	return 0;
}

static int depth(struct np_pctx *c, const struct np_yt_node *n, int *out)
{
	if (n->kind == NP_YT_SCALAR && strcmp(n->str, "foot") == 0) {
		*out = NP_DEPTH_FOOT;
		return 0;
	}
	char *end = NULL;
	long v = n->kind == NP_YT_SCALAR && n->plain && n->str[0] != ' '
			 ? strtol(n->str, &end, 10) : 0;
	if (!end || end == n->str || *end || v < INT_MIN || v > INT_MAX) {
		int text = n->kind == NP_YT_SCALAR && !np_yt_is_null(n);
		np_ps_error(c, &n->mark, "'depth' must be a number of grid lines or 'foot', "
			    "found %s%s%s", text ? "'" : "", text ? n->str : np_yt_kind_name(n),
			    text ? "'" : "");
		return -1;
	}
	if (v < 1) {
		np_ps_error(c, &n->mark, "'depth' must be a number of grid lines (1 or more) or "
			    "'foot', found %ld", v);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* The keys every module has: columns (required), top, depth. */
static void module(struct np_pctx *c, const struct np_yt_node *map, const char *what,
		   struct np_module *m)
{
	const struct np_yt_node *v;
	m->mark = map->mark;
	m->top = 1;
	m->depth = NP_DEPTH_FOOT;
	if ((v = np_ps_need(c, map, "columns", what)))
		columns(c, v, m);
	if ((v = np_ps_get(map, "top")))
		at_least_one(c, v, "top", "a grid line from 1", &m->top);
	if ((v = np_ps_get(map, "depth")))
		depth(c, v, &m->depth);
}

static int expect_map(struct np_pctx *c, const struct np_yt_node *n, const char *what)
{
	if (n->kind == NP_YT_MAP)
		return 0;
	np_ps_error(c, &n->mark, "expected a mapping (%s), found %s", what, np_yt_kind_name(n));
	return -1;
}

/* ---- stories ------------------------------------------------------------ */

static void jump(struct ictx *x, const struct np_yt_node *map, int prev, struct np_module *m)
{
	struct np_pctx *c = x->c;
	if (expect_map(c, map, "a jump"))
		return;
	np_ps_keys(c, map, "jump", jump_keys);
	module(c, map, "jump", m);
	const struct np_yt_node *v = np_ps_need(c, map, "page", "jump");
	if (!v || np_ps_int(c, v, "page", &m->page))
		return;
	int npages = (int)x->is->npages;
	if (m->page < 1)
		np_ps_error(c, &v->mark, "'page' must be a page of the issue from 1, found %d",
			    m->page);
	else if (m->page > npages)
		np_ps_error(c, &v->mark, "jump to page %d, but the issue has only %d page%s",
			    m->page, npages, npages == 1 ? "" : "s");
	else if (m->page == x->page)
		np_ps_error(c, &v->mark, "jump to page %d, the page the story starts on: a jump "
			    "goes to a later page", m->page);
	else if (m->page < x->page)
		np_ps_error(c, &v->mark, "jump to page %d, before page %d where the story starts: "
			    "a jump goes to a later page", m->page, x->page);
	else if (m->page <= prev)
		np_ps_error(c, &v->mark, "jump to page %d, but the story's previous jump is to "
			    "page %d: jumps go to later pages, in order", m->page, prev);
}

static void jumps(struct ictx *x, const struct np_yt_node *seq, struct np_story *s)
{
	size_t n = 0;
	struct np_module *v = np_ps_list(x->c, seq, "jumps", sizeof *v, &n);
	if (!v)
		return;
	struct np_module *all = realloc(s->modules, (1 + n) * sizeof *all);
	if (!all) {
		free(v);
		np_ps_oom(x->c, &seq->mark);
		return;
	}
	memcpy(all + 1, v, n * sizeof *v);
	free(v);
	s->modules = all;
	s->nmodules = 1 + n;
	int prev = x->page;
	for (size_t i = 0; i < n; i++) {
		jump(x, seq->items[i], prev, &all[1 + i]);
		if (all[1 + i].page > prev)
			prev = all[1 + i].page;
	}
}

/* The story earlier in the issue that uses the same file or article id (the
 * earliest of the two; the file when it is the same story). */
static void duplicates(struct ictx *x, struct np_story *s)
{
	size_t me = x->nstories - 1, by_file = SIZE_MAX, by_id = SIZE_MAX;
	int f = np_seen_file(&x->files, s->path, me, &by_file);
	int i = f < 0 ? -1 : np_seen_id(&x->ids, s->article->id, me, &by_id);
	if (f < 0 || i < 0) {
		np_ps_oom(x->c, &s->file_mark);
		return;
	}
	if (by_file <= by_id && f > 0) {
		const struct np_story *o = &x->is->stories[by_file];
		np_ps_error(x->c, &s->file_mark, "article '%s' is placed twice: it is already "
			    "the story at %d:%d (a story continues on other pages through "
			    "'jumps')", s->file, o->mark.line, o->mark.column);
	} else if (i > 0) {
		const struct np_story *o = &x->is->stories[by_id];
		np_ps_error(x->c, &s->file_mark, "article '%s' has the id '%s', as has the "
			    "story at %d:%d: ids name stories in jumps and reports, so they "
			    "must differ", s->file, s->article->id, o->mark.line,
			    o->mark.column);
	}
}

static void story(struct ictx *x, const struct np_yt_node *map, struct np_story *s)
{
	struct np_pctx *c = x->c;
	s->mark = map->mark;
	if (expect_map(c, map, "a story"))
		return;
	np_ps_keys(c, map, "story", story_keys);
	if (!(s->modules = calloc(1, sizeof *s->modules))) {
		np_ps_oom(c, &map->mark);
		return;
	}
	s->nmodules = 1;
	module(c, map, "story", &s->modules[0]);
	s->modules[0].page = x->page;
	const struct np_yt_node *v = np_ps_get(map, "jumps");
	if (v)
		jumps(x, v, s);
	const struct np_yt_pair *kv = np_ps_pair(map, "article");
	if (!kv) {
		np_ps_error(c, &map->mark, "missing required key 'article' in story");
		return;
	}
	s->file_mark = kv->key->mark;
	if (np_is_file(c, kv, "article", &s->file, &s->path))
		return;
	/* The article reports its own errors, at its own file's positions. */
	if (np_parse_article_file(s->path, &c->opts, c->d, &s->article) == 0)
		duplicates(x, s);
	else if (!np_ps_failed(c))
		np_ps_error(c, &s->file_mark, "article '%s' cannot be read", s->file);
}

/* ---- advertisements --------------------------------------------------------- */

static void ad(struct ictx *x, const struct np_yt_node *map, struct np_ad *a)
{
	struct np_pctx *c = x->c;
	a->mark = map->mark;
	a->module.page = x->page;
	if (expect_map(c, map, "an advertisement"))
		return;
	np_ps_keys(c, map, "advertisement", ad_keys);
	module(c, map, "advertisement", &a->module);
	const struct np_yt_pair *kv = np_ps_pair(map, "image");
	if (np_ps_picture_page(c, map, &a->pdf_page, &a->page_mark) < 0)
		return;
	if (kv)
		np_is_ad_image(c, kv, a);
	else if (a->pdf_page)
		np_ps_error(c, &a->page_mark, "'page' needs an 'image'");
	const struct np_yt_node *v = np_ps_get(map, "label");
	if (v)
		np_ps_text(c, v, "label", &a->label);
	else if (!kv && !(a->label = strdup("Advertisement")))
		np_ps_oom(c, &map->mark);
}

/* ---- pages ------------------------------------------------------------------- */

static int valid_letter(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 2)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

/* A section letter numbers a run of consecutive pages (A1, A2 ...); once the
 * letter changes it cannot come back, or two pages would share a number. */
static void letter(struct ictx *x, const struct np_yt_node *v, struct np_issue_page *pg)
{
	struct np_pctx *c = x->c;
	if (np_ps_text(c, v, "section_letter", &pg->section_letter))
		return;
	if (!valid_letter(pg->section_letter)) {
		np_ps_error(c, &v->mark, "invalid section_letter '%s': expected one or two "
			    "capital letters (A, B ... AA)", pg->section_letter);
		return;
	}
	int p = x->page;
	const char *prev = p > 1 ? x->is->pages[p - 2].section_letter : NULL;
	if (prev && strcmp(prev, pg->section_letter) == 0)
		return;
	for (int i = 0; i < p - 1; i++) {
		const struct np_issue_page *o = &x->is->pages[i];
		if (o->section_letter && strcmp(o->section_letter, pg->section_letter) == 0) {
			np_ps_error(c, &v->mark, "section_letter '%s' was already used for page %d "
				    "(%d:%d): a section's pages must follow one another",
				    pg->section_letter, i + 1, o->mark.line, o->mark.column);
			return;
		}
	}
}

/* Section name and letter carry over from the page before unless given. */
static void inherit(struct ictx *x, struct np_issue_page *pg, const struct np_yt_node *map)
{
	if (x->page < 2)
		return;
	const struct np_issue_page *prev = &x->is->pages[x->page - 2];
	if (!np_ps_get(map, "section") && prev->section &&
	    !(pg->section = strdup(prev->section)))
		np_ps_oom(x->c, &map->mark);
	if (!np_ps_get(map, "section_letter") && prev->section_letter &&
	    !(pg->section_letter = strdup(prev->section_letter)))
		np_ps_oom(x->c, &map->mark);
}

static void page(struct ictx *x, const struct np_yt_node *map, struct np_issue_page *pg)
{
	static const char *const templates[] = {"front", "inside", NULL};
	struct np_pctx *c = x->c;
	pg->mark = map->mark;
	pg->template = x->page == 1 ? NP_TEMPLATE_FRONT : NP_TEMPLATE_INSIDE;
	if (expect_map(c, map, "a page"))
		return;
	np_ps_keys(c, map, "page", page_keys);
	const struct np_yt_node *v;
	int t;
	if ((v = np_ps_get(map, "template")) && np_ps_enum(c, v, "template", templates, &t) == 0)
		pg->template = t == 0 ? NP_TEMPLATE_FRONT : NP_TEMPLATE_INSIDE;
	if ((v = np_ps_get(map, "section")))
		np_ps_text(c, v, "section", &pg->section);
	if ((v = np_ps_get(map, "section_letter")))
		letter(x, v, pg);
	inherit(x, pg, map);
	if ((v = np_ps_get(map, "stories")) && np_ps_expect(c, v, NP_YT_SEQ) == 0) {
		if (v->nitems == 0)
			np_ps_error(c, &v->mark, "'stories' is an empty list");
		for (size_t i = 0; i < v->nitems; i++)
			story(x, v->items[i], &x->is->stories[x->nstories++]);
	}
	if ((v = np_ps_get(map, "ads")) && np_ps_expect(c, v, NP_YT_SEQ) == 0) {
		if (v->nitems == 0)
			np_ps_error(c, &v->mark, "'ads' is an empty list");
		for (size_t i = 0; i < v->nitems; i++)
			ad(x, v->items[i], &x->is->ads[x->nads++]);
	}
}

/* Counts the items of every page's `key` list, so the arrays are allocated
 * once (and the model's frees see consistent counts whatever fails). */
static size_t count(const struct np_yt_node *pages, const char *key)
{
	size_t n = 0;
	for (size_t i = 0; i < pages->nitems; i++) {
		const struct np_yt_node *v = np_ps_get(pages->items[i], key);
		if (v && v->kind == NP_YT_SEQ)
			n += v->nitems;
	}
	return n;
}

static void pages(struct ictx *x, const struct np_yt_node *seq)
{
	struct np_pctx *c = x->c;
	struct np_issue *is = x->is;
	is->pages = np_ps_list(c, seq, "pages", sizeof *is->pages, &is->npages);
	if (!is->pages)
		return;
	if (is->npages > NP_ISSUE_MAX_PAGES) {
		np_ps_error(c, &seq->mark, "the issue has %zu pages, more than the limit of %d",
			    is->npages, NP_ISSUE_MAX_PAGES);
		return;
	}
	size_t ns = count(seq, "stories"), na = count(seq, "ads");
	if ((ns && !(is->stories = calloc(ns, sizeof *is->stories))) ||
	    (na && !(is->ads = calloc(na, sizeof *is->ads)))) {
		np_ps_oom(c, &seq->mark);
		return;
	}
	is->nstories = ns;
	is->nads = na;
	for (size_t i = 0; i < seq->nitems; i++) {
		x->page = (int)i + 1;
		page(x, seq->items[i], &is->pages[i]);
	}
}

/* ---- the document -------------------------------------------------------------- */

static void text_key(struct np_pctx *c, const struct np_yt_node *map, const char *key,
		     int required, char **out)
{
	const struct np_yt_node *v =
		required ? np_ps_need(c, map, key, "issue") : np_ps_get(map, key);
	if (v)
		np_ps_text(c, v, key, out);
}

/* A bundled layout's name, or (holding a '/') a layout YAML under the rules
 * of the issue's other files: in its folder unless --allow-paths, a regular
 * file. It is read only once the issue is, so it is checked here, at its
 * key, before anything opens it. */
static void layout_key(struct np_pctx *c, const struct np_yt_node *m, struct np_issue *is)
{
	const struct np_yt_pair *kv = np_ps_pair(m, "layout");
	if (!kv)
		return;
	is->layout_mark = kv->value->mark;
	if (np_ps_text(c, kv->value, "layout", &is->layout) || !strchr(is->layout, '/'))
		return;
	char *file = NULL, *path = NULL;
	np_is_file(c, kv, "layout", &file, &path);
	free(file);
	free(path);
}

static void issue(struct ictx *x, const struct np_yt_node *root)
{
	static const char *const top_keys[] = {"issue", NULL};
	struct np_pctx *c = x->c;
	struct np_issue *is = x->is;
	is->mark = root->mark;
	if (root->kind != NP_YT_MAP) {
		np_ps_error(c, &root->mark, "expected a mapping with the key 'issue', found %s",
			    np_yt_kind_name(root));
		return;
	}
	np_ps_keys(c, root, "an issue file", top_keys);
	const struct np_yt_node *m = np_ps_need(c, root, "issue", "the issue file");
	if (!m || expect_map(c, m, "the issue"))
		return;
	is->mark = m->mark;
	np_ps_keys(c, m, "issue", issue_keys);
	text_key(c, m, "name", 1, &is->name);
	text_key(c, m, "edition", 0, &is->edition);
	const struct np_yt_node *v = np_ps_need(c, m, "date", "issue");
	if (v && np_ps_text(c, v, "date", &is->date) == 0 && !np_ps_valid_date(is->date))
		np_ps_error(c, &v->mark, "invalid date '%s': expected a date YYYY-MM-DD", is->date);
	layout_key(c, m, is);
	if ((v = np_ps_get(m, "language")) && np_ps_text(c, v, "language", &is->language) == 0 &&
	    !np_ps_valid_language(is->language))
		np_ps_error(c, &v->mark, "expected a BCP 47 tag such as en, de-CH or sr-Latn, found '%s'",
			    is->language);
	if ((v = np_ps_get(m, "words")))
		np_ps_words(c, v, is->words, &is->nwords);
	if ((v = np_ps_need(c, m, "pages", "issue")))
		pages(x, v);
}

int np_parse_issue_file(const char *path, const struct np_parse_opts *opts,
			struct np_diags *d, struct np_issue **out)
{
	struct np_pctx c;
	struct np_yt_node *root = NULL;
	char *buf = NULL, *dir = np_ps_dirname(path);
	size_t len;
	*out = NULL;
	if (!dir) {
		np_diag_add(d, NP_ERROR, NULL, "out of memory");
		return -1;
	}
	if (np_ps_begin(&c, path, dir, opts, d) || np_ps_read_file(&c, path, &buf, &len) ||
	    np_yt_load(&c, buf, len, &root)) {
		free(buf);
		free(dir);
		return -1;
	}
	struct np_issue *is = calloc(1, sizeof *is);
	if (!is || !(is->source = strdup(path))) {
		np_ps_oom(&c, &root->mark);
	} else {
		struct ictx x = {.c = &c, .is = is};
		issue(&x, root);
		np_seen_fini(&x.files);
		np_seen_fini(&x.ids);
	}
	np_yt_free(root);
	free(buf);
	free(dir);
	if (np_ps_failed(&c)) {
		np_issue_free(is);
		return -1;
	}
	*out = is;
	return 0;
}

int np_parse_is_issue(const char *path, const struct np_parse_opts *opts, struct np_diags *d)
{
	struct np_pctx c;
	struct np_diags scratch;
	char *buf = NULL;
	size_t len;
	FILE *f;
	if (np_ps_begin(&c, path, NULL, opts, d) || !(f = np_ps_open_file(&c, path)))
		return -1;
	/* A document that does not load is left to the article parser, which
	 * reports why; only the question "is it an issue?" is answered here. */
	np_diags_init(&scratch);
	struct np_yt_node *root = NULL;
	int r = 0;
	if (np_ps_begin(&c, path, NULL, opts, &scratch) == 0) {
		/* a regular file as it is read (a long article's bytes need not
		 * stand beside its tree); else, or when that load has something
		 * to say, the whole file, of which the part read before an error
		 * counts: an edition with a duplicate key is still an edition,
		 * and the issue parser says where */
		int regular = np_ps_is_regular(f);
		int loaded = regular ? np_yt_load_file(&c, f, &root) : 1;
		if (loaded == 1) {
			c.d = d; /* a file that cannot be read is said to be so */
			loaded = np_ps_read_again(&c, f, regular, &buf, &len);
			c.d = &scratch;
			if (loaded == 0)
				np_yt_load_partial(&c, buf, len, &root);
		}
		r = loaded < 0 ? -1 : np_ps_get(root, "issue") != NULL;
	}
	fclose(f);
	np_yt_free(root);
	np_diags_fini(&scratch);
	free(buf);
	return r;
}

int np_parse_is_issue_mem(const char *name, const char *buf, size_t len,
			  const struct np_parse_opts *opts)
{
	struct np_pctx c;
	struct np_diags scratch;
	np_diags_init(&scratch);
	struct np_yt_node *root = NULL;
	int r = np_ps_begin(&c, name, NULL, opts, &scratch) == 0 &&
		np_yt_load(&c, buf, len, &root) == 0 && np_ps_get(root, "issue") != NULL;
	np_yt_free(root);
	np_diags_fini(&scratch);
	return r;
}
