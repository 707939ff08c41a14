/* article.c - the article schema (docs/article.md): its top-level keys and
 * the body; obstacles are in obstacle.c and sidebar.c. */
#include "parse/pint.h"
#include "model/textpack.h"

#include <stdlib.h>
#include <string.h>

static const char *const article_keys[] = {
	"id", "language", "section", "kicker", "headline", "deck", "byline", "byline_title",
	"dateline", "date", "body", "pullquotes", "sidebars", "images", NULL};

static void block(struct np_pctx *c, const struct np_yt_node *n, struct np_block *b)
{
	static const char *const subhead_keys[] = {"subhead", NULL};
	b->mark = n->mark;
	if (n->kind == NP_YT_SCALAR && !np_yt_is_null(n)) {
		b->kind = NP_BLOCK_PARAGRAPH;
		np_ps_paragraph(c, n, "paragraph", &b->text);
		return;
	}
	if (n->kind != NP_YT_MAP) {
		np_ps_error(c, &n->mark, "expected a paragraph (a string) or {subhead: TEXT}, "
			    "found %s", np_yt_kind_name(n));
		return;
	}
	b->kind = NP_BLOCK_SUBHEAD;
	np_ps_keys(c, n, "body block", subhead_keys);
	const struct np_yt_node *t = np_ps_need(c, n, "subhead", "body block");
	if (t)
		np_ps_paragraph(c, t, "subhead", &b->text);
}

static void body(struct np_pctx *c, const struct np_yt_node *seq, struct np_article *a)
{
	a->blocks = np_ps_list(c, seq, "body", sizeof *a->blocks, &a->nblocks);
	if (!a->blocks)
		return;
	struct np_text_packer *k = np_text_packer_new();
	if (!k)
		np_ps_oom(c, &seq->mark);
	for (size_t i = 0; k && i < seq->nitems; i++) {
		struct np_block *b = &a->blocks[i];
		block(c, seq->items[i], b);
		np_yt_drop_text(seq->items[i]);
		/* paragraphs only: a subhead is set from its text in every run */
		if (b->kind == NP_BLOCK_PARAGRAPH && np_text_pack(k, &b->text) < 0)
			np_ps_oom(c, &seq->items[i]->mark);
	}
	np_text_packer_free(k);
}

/* A value checked by shape after reading it as text. */
static void shaped(struct np_pctx *c, const struct np_yt_node *map, const char *key,
		   int (*valid)(const char *), const char *expect, char **out)
{
	const struct np_yt_node *v = np_ps_get(map, key);
	if (!v || np_ps_text(c, v, key, out))
		return;
	if (!valid(*out))
		np_ps_error(c, &v->mark, "invalid %s '%s': %s", key, *out, expect);
}

static void strings(struct np_pctx *c, const struct np_yt_node *m, struct np_article *a)
{
	struct {
		const char *key;
		char **out;
	} opt[] = {{"section", &a->section}, {"kicker", &a->kicker}, {"deck", &a->deck},
		   {"byline", &a->byline}, {"byline_title", &a->byline_title},
		   {"dateline", &a->dateline}};
	for (size_t i = 0; i < sizeof opt / sizeof *opt; i++) {
		const struct np_yt_node *v = np_ps_get(m, opt[i].key);
		if (v)
			np_ps_text(c, v, opt[i].key, opt[i].out);
	}
	const struct np_yt_node *v = np_ps_need(c, m, "headline", "article");
	if (v) {
		a->headline_mark = v->mark;
		np_ps_text(c, v, "headline", &a->headline);
	}
	if ((v = np_ps_need(c, m, "id", "article")))
		a->id_mark = v->mark;
	shaped(c, m, "id", np_ps_valid_id, "use only letters, digits and '-'", &a->id);
	shaped(c, m, "date", np_ps_valid_date, "expected a date YYYY-MM-DD", &a->date);
	shaped(c, m, "language", np_ps_valid_language,
	       "expected a BCP 47 tag such as en, de-CH or sr-Latn", &a->language);
}

static void article(struct np_pctx *c, const struct np_yt_node *m, struct np_article *a)
{
	a->mark = m->mark;
	if (m->kind != NP_YT_MAP) {
		np_ps_error(c, &m->mark, "expected a mapping (an article), found %s",
			    np_yt_kind_name(m));
		return;
	}
	np_ps_keys(c, m, "article", article_keys);
	strings(c, m, a);
	if (!a->language && !(a->language = strdup("en")))
		np_ps_oom(c, &m->mark);
	const struct np_yt_node *v = np_ps_need(c, m, "body", "article");
	size_t nblocks = 0;
	if (v) {
		body(c, v, a);
		nblocks = v->kind == NP_YT_SEQ ? v->nitems : 0;
	}
	if ((v = np_ps_get(m, "pullquotes")))
		np_ps_pullquotes(c, v, nblocks, a);
	if ((v = np_ps_get(m, "sidebars")))
		np_ps_sidebars(c, v, nblocks, a);
	if ((v = np_ps_get(m, "images")))
		np_ps_images(c, v, nblocks, a);
}

static int parse_tree(struct np_pctx *c, const char *source, struct np_yt_node *root,
		      struct np_article **out);

/* own: buf when the parse owns it (a file read), freed once the tree is
 * loaded: nothing quotes the file after, and a long article's file (7.5 MB
 * at 500 pages) need not stand beside its tree and the text parsed from it. */
static int parse(struct np_pctx *c, const char *source, const char *buf, size_t len,
		 char *own, struct np_article **out)
{
	struct np_yt_node *root;
	*out = NULL;
	int loaded = np_ps_load_kind(c, buf, len, "an article", article_keys, &root);
	free(own);
	return loaded ? -1 : parse_tree(c, source, root, out);
}

/* The article in root, which it frees. */
static int parse_tree(struct np_pctx *c, const char *source, struct np_yt_node *root,
		      struct np_article **out)
{
	struct np_article *a = calloc(1, sizeof *a);
	if (!a || (source && !(a->source = strdup(source))))
		np_ps_oom(c, &root->mark);
	else
		article(c, root, a);
	np_yt_free(root);
	if (np_ps_failed(c)) {
		np_article_free(a);
		return -1;
	}
	*out = a;
	return 0;
}

int np_parse_article_mem(const char *name, const char *base_dir, const char *buf, size_t len,
			 const struct np_parse_opts *opts, struct np_diags *d,
			 struct np_article **out)
{
	struct np_pctx c;
	*out = NULL;
	if (np_ps_begin(&c, name, base_dir, opts, d))
		return -1;
	return parse(&c, name, buf, len, NULL, out);
}

int np_parse_article_file(const char *path, const struct np_parse_opts *opts,
			  struct np_diags *d, struct np_article **out)
{
	struct np_pctx c;
	char *buf = NULL, *dir = np_ps_dirname(path);
	size_t len;
	int rc = -1;
	*out = NULL;
	FILE *f = NULL;
	if (!dir)
		np_diag_add(d, NP_ERROR, NULL, "out of memory");
	else if (np_ps_begin(&c, path, dir, opts, d) == 0 && (f = np_ps_open_file(&c, path))) {
		/* a regular file is loaded as it is read, and read whole again
		 * only when the load has something to say (standard input, a
		 * pipe, is read whole at once) */
		struct np_yt_node *root = NULL;
		int regular = np_ps_is_regular(f);
		int loaded = regular ? np_ps_load_kind_file(&c, f, "an article", article_keys, &root)
				     : 1;
		if (loaded == 0) {
			rc = parse_tree(&c, path, root, out);
		} else if (loaded == 1 && np_ps_read_again(&c, f, regular, &buf, &len) == 0) {
			rc = parse(&c, path, buf, len, buf, out);
			buf = NULL;
		}
		fclose(f);
	}
	free(buf);
	free(dir);
	return rc;
}
