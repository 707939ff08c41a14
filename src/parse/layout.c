/* layout.c - the layout schema (layouts/tabloid.yaml is its reference): every
 * key overrides np_layout_init_defaults(); then the geometry is checked as a
 * whole (margins leave a page, columns have a width). */
#include "parse/pint.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum ftype { F_LEN, F_INT, F_NUM, F_BOOL, F_ENUM, F_STR, F_HYPHEN_LANGUAGES, F_WORDS };

struct field {
	const char *section; /* NULL: top level */
	const char *key;
	enum ftype type;
	size_t off;          /* in struct np_layout */
	double min, max;     /* inclusive range */
	int gt;              /* min is exclusive */
	const char *const *names; /* F_ENUM; the value stored is index + base */
	int base;
};

#define L(f) offsetof(struct np_layout, f)
/* Lengths in a layout are at most the largest PDF page (200 in = 14400 pt):
 * larger numbers are typing errors, and they would overflow the flow's grid
 * arithmetic. A column holds at most MAX_GRID_LINES lines of the grid. */
#define BIG 14400.0
#define MAX_GRID_LINES 10000

static const char *const frames[] = {"rules", "box", "plain", NULL};
static const char *const positions[] = {"top", "bottom", NULL};
static const char *const pdfx_names[] = {"none", "x1a", "x4", NULL};

static const struct field fields[] = {
	{"page", "width", F_LEN, L(page_width), 0, BIG, 1, NULL, 0},
	{"page", "height", F_LEN, L(page_height), 0, BIG, 1, NULL, 0},
	{"margins", "top", F_LEN, L(margin_top), 0, BIG, 0, NULL, 0},
	{"margins", "right", F_LEN, L(margin_right), 0, BIG, 0, NULL, 0},
	{"margins", "bottom", F_LEN, L(margin_bottom), 0, BIG, 0, NULL, 0},
	{"margins", "left", F_LEN, L(margin_left), 0, BIG, 0, NULL, 0},
	{"columns", "count", F_INT, L(columns), 1, 100, 0, NULL, 0},
	{"columns", "gutter", F_LEN, L(gutter), 0, BIG, 0, NULL, 0},
	{"columns", "rule", F_LEN, L(column_rule), 0, BIG, 0, NULL, 0},
	{NULL, "grid", F_LEN, L(grid), 0, BIG, 1, NULL, 0},
	{NULL, "standoff", F_LEN, L(standoff), 0, BIG, 0, NULL, 0},
	{NULL, "min_measure", F_LEN, L(min_measure), 0, BIG, 0, NULL, 0},
	{"headline_band", "deck_span", F_INT, L(deck_span), 0, 100, 0, NULL, 0},
	{"headline_band", "rule", F_LEN, L(headline_rule), 0, BIG, 0, NULL, 0},
	{"headline_band", "min_size", F_LEN, L(headline_min_size), 0, BIG, 0, NULL, 0},
	{"headline_band", "max_lines", F_INT, L(headline_max_lines), 1, 20, 0, NULL, 0},
	{"pullquote", "span", F_INT, L(pullquote_span), 1, 100, 0, NULL, 0},
	{"pullquote", "frame", F_ENUM, L(pullquote_frame), 0, 0, 0, frames, NP_QUOTE_RULES},
	{"pullquote", "rule", F_LEN, L(pullquote_rule), 0, BIG, 0, NULL, 0},
	{"pullquote", "inset", F_NUM, L(pullquote_inset), 0, 0.5, 0, NULL, 0},
	{"pullquote", "max_share", F_NUM, L(pullquote_max_share), 0, 1, 1, NULL, 0},
	{"pullquote", "lines_below", F_INT, L(pullquote_lines_below), 0, 100, 0, NULL, 0},
	{"subheads", "space", F_INT, L(subhead_space), 0, 10, 0, NULL, 0},
	{"jumps", "min_lines", F_INT, L(jump_min_lines), 1, 100, 0, NULL, 0},
	{"jumps", "words", F_WORDS, 0, 0, 0, 0, NULL, 0},
	{"sidebar", "column", F_INT, L(sidebar_column), 1, 100, 0, NULL, 0},
	{"sidebar", "position", F_ENUM, L(sidebar_position), 0, 0, 0, positions, NP_POS_TOP},
	{"sidebar", "tint", F_NUM, L(sidebar_tint), 0, 1, 0, NULL, 0},
	{"image", "span", F_INT, L(image_span), 1, 100, 0, NULL, 0},
	{"hyphenation", "left", F_INT, L(hyphen_left), 1, 10, 0, NULL, 0},
	{"hyphenation", "right", F_INT, L(hyphen_right), 1, 10, 0, NULL, 0},
	{"hyphenation", "capitalized", F_BOOL, L(hyphenate_capitalized), 0, 1, 0, NULL, 0},
	{"hyphenation", "max_run", F_INT, L(max_hyphen_run), 0, 100, 0, NULL, 0},
	{"hyphenation", "languages", F_HYPHEN_LANGUAGES, 0, 1, 10, 0, NULL, 0},
	{"justification", "letter_space", F_NUM, L(letter_space_max), 0, NP_LETTER_SPACE_BOUND, 0, NULL, 0},
	{"justification", "letter_space_threshold", F_NUM, L(letter_space_threshold), 0, 10, 0, NULL, 0},
	{NULL, "drop_cap", F_INT, L(drop_cap_lines), 0, 4, 0, NULL, 0},
	{NULL, "folio", F_BOOL, L(folio), 0, 1, 0, NULL, 0},
	{"print", "pdfx", F_ENUM, L(print.pdfx), 0, 0, 0, pdfx_names, NP_PDFX_NONE},
	{"print", "output_profile", F_STR, L(print.output_profile), 0, 0, 0, NULL, 0},
	{"print", "output_condition", F_STR, L(print.output_condition), 0, 0, 0, NULL, 0},
	{"print", "bleed", F_LEN, L(print.bleed), 0, 72, 0, NULL, 0},
	{"print", "crop_marks", F_BOOL, L(print.crop_marks), 0, 1, 0, NULL, 0},
	{"print", "ink_limit", F_NUM, L(print.ink_limit), 100, 400, 0, NULL, 0},
};

#define NFIELDS (sizeof fields / sizeof *fields)

static const char *const sections[] = {"page", "margins", "columns", "headline_band",
				       "pullquote", "sidebar", "image", "hyphenation",
				       "justification", "print", "subheads", "jumps", NULL};
static const char *const top_keys[] = {
	"name", "page", "margins", "columns", "grid", "standoff", "min_measure",
	"headline_band", "pullquote", "sidebar", "image", "hyphenation", "justification",
	"drop_cap", "folio", "styles", "print", "subheads", "jumps", NULL};

static int range(struct np_pctx *c, const struct field *f, const struct np_yt_node *v,
		 double x)
{
	if ((f->gt ? x > f->min : x >= f->min) && x <= f->max)
		return 0;
	if (f->max >= BIG && x > f->max)
		np_ps_error(c, &v->mark, "'%s' must be at most %gpt (200 in), found %s", f->key,
			    f->max, v->str);
	else if (f->max >= BIG)
		np_ps_error(c, &v->mark, "'%s' must be %s %g, found %s", f->key,
			    f->gt ? "greater than" : "at least", f->min, v->str);
	else
		np_ps_error(c, &v->mark, "'%s' must be between %g and %g, found %s", f->key,
			    f->min, f->max, v->str);
	return -1;
}

/* hyphenation.languages: {TAG: {left: N, right: N}, ...}; what an entry
 * leaves out is the layout's own left or right. */
static const struct field fragment_fields[] = {
	{NULL, "left", F_INT, offsetof(struct np_hyphen_min, left), 1, 10, 0, NULL, 0},
	{NULL, "right", F_INT, offsetof(struct np_hyphen_min, right), 1, 10, 0, NULL, 0},
};

static void hyphen_languages(struct np_pctx *c, const struct np_yt_node *v, struct np_layout *l)
{
	static const char *const keys[] = {"left", "right", NULL};
	if (np_ps_expect(c, v, NP_YT_MAP))
		return;
	for (size_t i = 0; i < v->npairs; i++) {
		const struct np_yt_node *k = v->pairs[i].key, *m = v->pairs[i].value;
		struct np_hyphen_min *h = &l->hyphen_by_language[l->nhyphen_by_language];
		if (l->nhyphen_by_language == NP_MAX_HYPHEN_LANGUAGES) {
			np_ps_error(c, &k->mark, "'languages' has more than %d languages",
				    NP_MAX_HYPHEN_LANGUAGES);
			return;
		}
		if (!np_ps_valid_language(k->str) || k->len >= sizeof h->language) {
			np_ps_error(c, &k->mark, "expected a BCP 47 tag such as en, de-CH or sr-Latn, "
				    "found '%s'", k->str);
			continue;
		}
		if (np_ps_expect(c, m, NP_YT_MAP) || np_ps_keys(c, m, k->str, keys))
			continue;
		memcpy(h->language, k->str, k->len + 1);
		h->left = l->hyphen_left;
		h->right = l->hyphen_right;
		for (size_t j = 0; j < sizeof fragment_fields / sizeof *fragment_fields; j++) {
			const struct field *f = &fragment_fields[j];
			const struct np_yt_node *x = np_ps_get(m, f->key);
			int n;
			if (x && !np_ps_int(c, x, f->key, &n) && !range(c, f, x, n))
				memcpy((char *)h + f->off, &n, sizeof n);
		}
		l->nhyphen_by_language++;
	}
}

static void field(struct np_pctx *c, const struct field *f, const struct np_yt_node *v,
		  struct np_layout *l)
{
	char *p = (char *)l + f->off;
	double x;
	int i;
	switch (f->type) {
	case F_LEN:
		if (!np_ps_length(c, v, f->key, 0, &x) && !range(c, f, v, x))
			memcpy(p, &x, sizeof x);
		break;
	case F_NUM:
		if (!np_ps_number(c, v, f->key, &x) && !range(c, f, v, x))
			memcpy(p, &x, sizeof x);
		break;
	case F_INT:
		if (!np_ps_int(c, v, f->key, &i) && !range(c, f, v, i))
			memcpy(p, &i, sizeof i);
		break;
	case F_BOOL:
		if (!np_ps_bool(c, v, f->key, &i))
			memcpy(p, &i, sizeof i);
		break;
	case F_ENUM:
		if (!np_ps_enum(c, v, f->key, f->names, &i)) {
			int e = i + f->base; /* enums are int-sized */
			memcpy(p, &e, sizeof e);
		}
		break;
	case F_STR: {
		char *str = NULL;
		if (!np_ps_text(c, v, f->key, &str)) {
			free(*(char **)p);
			*(char **)p = str;
		}
		break;
	}
	case F_HYPHEN_LANGUAGES:
		hyphen_languages(c, v, l);
		break;
	case F_WORDS:
		np_ps_words(c, v, l->words, &l->nwords);
		break;
	}
}

_Static_assert(sizeof(enum np_quote_frame) == sizeof(int) &&
		       sizeof(enum np_position) == sizeof(int) &&
		       sizeof(enum np_pdfx) == sizeof(int),
	       "F_ENUM stores an int");

static int in_section(const struct field *f, const char *section)
{
	return section ? f->section && !strcmp(f->section, section) : !f->section;
}

/* margins: 0.5in sets all four; otherwise a mapping like the others. */
static int all_margins(struct np_pctx *c, const struct np_yt_node *v, struct np_layout *l)
{
	double x;
	if (v->kind != NP_YT_SCALAR)
		return 0;
	if (!np_ps_length(c, v, "margins", 0, &x) && !range(c, &fields[2], v, x))
		l->margin_top = l->margin_right = l->margin_bottom = l->margin_left = x;
	return 1;
}

static void section(struct np_pctx *c, const struct np_yt_node *root, const char *name,
		    struct np_layout *l)
{
	const struct np_yt_node *m = name ? np_ps_get(root, name) : root;
	if (!m || (name && !strcmp(name, "margins") && all_margins(c, m, l)))
		return;
	if (np_ps_expect(c, m, NP_YT_MAP))
		return;
	if (name) {
		const char *keys[16];
		size_t n = 0;
		for (size_t i = 0; i < NFIELDS && n < 15; i++)
			if (in_section(&fields[i], name))
				keys[n++] = fields[i].key;
		keys[n] = NULL;
		np_ps_keys(c, m, name, keys);
	}
	for (size_t i = 0; i < NFIELDS; i++) {
		const struct np_yt_node *v;
		if (in_section(&fields[i], name) && (v = np_ps_get(m, fields[i].key)))
			field(c, &fields[i], v, l);
	}
}

/* Where to blame a value that conflicts with others: the key if given, else
 * its section, else the layout. */
static const struct np_mark *blame(const struct np_yt_node *root, const char *sec,
				   const char *key)
{
	const struct np_yt_node *s = sec ? np_ps_get(root, sec) : root;
	const struct np_yt_node *v = s && key ? np_ps_get(s, key) : NULL;
	return v ? &v->mark : s ? &s->mark : &root->mark;
}

/* A span the file gives is blamed where it stands. One the file leaves out
 * is a default (a pull-quote spans 2 columns, a picture 2): the file's
 * column count is what conflicts with it, so that is blamed, and the default
 * is named, since the file does not hold it. */
static void check_span(struct np_pctx *c, const struct np_yt_node *root, const char *sec,
		       const char *key, int v, const struct np_layout *l)
{
	if (v <= l->columns)
		return;
	const struct np_yt_node *s = np_ps_get(root, sec);
	if (np_ps_get(s, key)) {
		np_ps_error(c, blame(root, sec, key), "'%s' is %d but the layout has %d column%s",
			    key, v, l->columns, l->columns == 1 ? "" : "s");
		return;
	}
	np_ps_error(c, blame(root, "columns", "count"), "the layout has %d column%s, fewer "
		    "than the default '%s.%s' of %d: set '%s: {%s: %d}'", l->columns,
		    l->columns == 1 ? "" : "s", sec, key, v, sec, key, l->columns);
}

/* Body paragraphs and subheads stand on every grid line (docs/layout.md,
 * `grid`: the neighbouring columns share baselines), so a leading above the grid cannot
 * be honoured: the lines would be set a grid apart and overlap. Taking whole
 * grid lines instead (24pt on an 11.5pt grid: three lines, 34.5pt) would
 * silently set a leading nobody asked for and break the columns' shared
 * rhythm, so a leading the file gives is refused at its key; a built-in
 * default (11.5pt) under a finer grid the file gives follows the grid. */
static void grid_leading(struct np_pctx *c, const struct np_yt_node *root, struct np_layout *l)
{
	static const enum np_style_id on_grid[] = {NP_ST_BODY, NP_ST_BODY_FIRST, NP_ST_SUBHEAD};
	const struct np_yt_node *styles = np_ps_get(root, "styles");
	for (size_t i = 0; i < sizeof on_grid / sizeof *on_grid; i++) {
		struct np_style *s = &l->styles[on_grid[i]];
		const char *name = np_style_name(on_grid[i]);
		const struct np_yt_node *v = np_ps_get(np_ps_get(styles, name), "leading");
		if (s->leading <= l->grid + 1e-9)
			continue;
		if (!v) {
			s->leading = l->grid;
			continue;
		}
		np_ps_error(c, &v->mark, "the leading of style '%s' (%gpt) is more than the grid "
			    "(%gpt): its lines stand on every grid line and would overlap; make the "
			    "leading at most %gpt, or the grid at least %gpt", name, s->leading,
			    l->grid, l->grid, s->leading);
	}
}

static void geometry(struct np_pctx *c, const struct np_yt_node *root, struct np_layout *l)
{
	if (l->margin_left + l->margin_right >= l->page_width)
		np_ps_error(c, blame(root, "margins", NULL), "the left and right margins "
			    "(%gpt) leave no room on a page %gpt wide",
			    l->margin_left + l->margin_right, l->page_width);
	else if (l->margin_top + l->margin_bottom + l->grid > l->page_height)
		np_ps_error(c, blame(root, "margins", NULL), "the top and bottom margins "
			    "(%gpt) leave no room on a page %gpt high",
			    l->margin_top + l->margin_bottom, l->page_height);
	else if ((l->page_height - l->margin_top - l->margin_bottom) / l->grid > MAX_GRID_LINES)
		np_ps_error(c, blame(root, NULL, "grid"), "a grid of %gpt gives a column more "
			    "than %d lines", l->grid, MAX_GRID_LINES);
	else if (np_layout_column_width(l) <= 0)
		np_ps_error(c, blame(root, "columns", NULL), "%d columns with %gpt gutters "
			    "leave no width for a column", l->columns, l->gutter);
	grid_leading(c, root, l);
	check_span(c, root, "headline_band", "deck_span", l->deck_span, l);
	check_span(c, root, "pullquote", "span", l->pullquote_span, l);
	check_span(c, root, "sidebar", "column", l->sidebar_column, l);
	check_span(c, root, "image", "span", l->image_span, l);
	if (l->drop_cap_lines == 1)
		np_ps_error(c, blame(root, NULL, "drop_cap"),
			    "'drop_cap' must be 0 or between 2 and 4, found 1");
}

static void layout(struct np_pctx *c, const struct np_yt_node *root, struct np_layout *l)
{
	const struct np_yt_node *v;
	l->mark = root->mark;
	if (root->kind != NP_YT_MAP) {
		np_ps_error(c, &root->mark, "expected a mapping (a layout), found %s",
			    np_yt_kind_name(root));
		return;
	}
	np_ps_keys(c, root, "layout", top_keys);
	if ((v = np_ps_get(root, "name")))
		np_ps_text(c, v, "name", &l->name);
	section(c, root, NULL, l);
	for (size_t i = 0; sections[i]; i++)
		section(c, root, sections[i], l);
	if ((v = np_ps_get(root, "styles")))
		np_ps_styles(c, v, l);
	np_layout_reserve_inks(l);
	if (!np_ps_failed(c))
		geometry(c, root, l);
}

static int parse(struct np_pctx *c, const char *source, const char *buf, size_t len,
		 struct np_layout *out)
{
	struct np_yt_node *root;
	np_layout_init_defaults(out);
	if (np_ps_load_kind(c, buf, len, "a layout", top_keys, &root)) {
		np_layout_fini(out);
		return -1;
	}
	if (source && !(out->source = strdup(source)))
		np_ps_oom(c, &root->mark);
	else
		layout(c, root, out);
	np_yt_free(root);
	if (np_ps_failed(c)) {
		np_layout_fini(out);
		return -1;
	}
	return 0;
}

int np_parse_layout_mem(const char *name, const char *buf, size_t len,
			const struct np_parse_opts *opts, struct np_diags *d,
			struct np_layout *out)
{
	struct np_pctx c;
	memset(out, 0, sizeof *out);
	if (np_ps_begin(&c, name, NULL, opts, d))
		return -1;
	return parse(&c, NULL, buf, len, out);
}

int np_parse_layout_file(const char *path, const struct np_parse_opts *opts,
			 struct np_diags *d, struct np_layout *out)
{
	struct np_pctx c;
	char *buf = NULL;
	size_t len;
	memset(out, 0, sizeof *out);
	if (np_ps_begin(&c, path, NULL, opts, d) || np_ps_read_file(&c, path, &buf, &len))
		return -1;
	int rc = parse(&c, path, buf, len, out);
	free(buf);
	return rc;
}
