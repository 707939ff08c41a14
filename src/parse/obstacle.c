/* obstacle.c - what stands in the columns beside the body text: pull-quotes,
 * sidebars and images, with the placement keys they all take. Checks against
 * the layout's columns come later (validate.c): the article is parsed without
 * knowing its layout. */
#include "parse/pint.h"

#include <stdlib.h>
#include <string.h>

static int positive(struct np_pctx *c, const struct np_yt_node *n, const char *key, int *out)
{
	if (np_ps_int(c, n, key, out))
		return -1;
	if (*out >= 1)
		return 0;
	np_ps_error(c, &n->mark, "'%s' must be at least 1, found %d", key, *out);
	return -1;
}

int np_ps_placement(struct np_pctx *c, const struct np_yt_node *map, size_t nblocks,
		    struct np_placement *p)
{
	static const char *const positions[] = {"top", "bottom", "after", NULL};
	const struct np_yt_node *v;
	int rc = 0, pos;
	if ((v = np_ps_get(map, "after"))) {
		p->after_mark = v->mark;
		if (positive(c, v, "after", &p->after))
			rc = -1;
		else if ((size_t)p->after > nblocks) {
			np_ps_error(c, &v->mark, "'after' is %d but the body has %zu block%s",
				    p->after, nblocks, nblocks == 1 ? "" : "s");
			rc = -1;
		}
	}
	if ((v = np_ps_get(map, "span")) && (p->span_mark = v->mark, positive(c, v, "span", &p->span)))
		rc = -1;
	if ((v = np_ps_get(map, "column")) &&
	    (p->column_mark = v->mark, positive(c, v, "column", &p->column)))
		rc = -1;
	if ((v = np_ps_get(map, "position"))) {
		p->position_mark = v->mark;
		if (np_ps_enum(c, v, "position", positions, &pos))
			return -1;
		p->position = (enum np_position)(NP_POS_TOP + pos);
		if (p->position == NP_POS_AFTER && !np_ps_get(map, "after")) {
			np_ps_error(c, &v->mark, "position 'after' needs an 'after:' block number");
			rc = -1;
		}
	}
	return rc;
}

/* An optional one-line text key. */
static void opt_text(struct np_pctx *c, const struct np_yt_node *map, const char *key,
		     char **out)
{
	const struct np_yt_node *v = np_ps_get(map, key);
	if (v)
		np_ps_text(c, v, key, out);
}

static const char *const pullquote_keys[] = {"text", "attribution", "after", "span",
					     "column", "position", NULL};

static void pullquote(struct np_pctx *c, const struct np_yt_node *m, size_t nblocks,
		      struct np_pullquote *q)
{
	q->mark = m->mark;
	if (np_ps_expect(c, m, NP_YT_MAP))
		return;
	np_ps_keys(c, m, "pull-quote", pullquote_keys);
	const struct np_yt_node *t = np_ps_need(c, m, "text", "pull-quote");
	if (t)
		np_ps_paragraph(c, t, "pull-quote text", &q->text);
	opt_text(c, m, "attribution", &q->attribution);
	np_ps_placement(c, m, nblocks, &q->place);
}

int np_ps_pullquotes(struct np_pctx *c, const struct np_yt_node *seq, size_t nblocks,
		     struct np_article *a)
{
	a->pullquotes = np_ps_list(c, seq, "pullquotes", sizeof *a->pullquotes, &a->npullquotes);
	if (!a->pullquotes)
		return -1;
	for (size_t i = 0; i < seq->nitems; i++)
		pullquote(c, seq->items[i], nblocks, &a->pullquotes[i]);
	return 0;
}

static const char *const image_keys[] = {"file", "page", "caption", "credit", "after", "span",
					 "column", "position", NULL};

static void image(struct np_pctx *c, const struct np_yt_node *m, size_t nblocks,
		  struct np_image *img)
{
	img->mark = m->mark;
	if (np_ps_expect(c, m, NP_YT_MAP))
		return;
	np_ps_keys(c, m, "image", image_keys);
	const struct np_yt_pair *fp = np_ps_pair(m, "file");
	if (!fp)
		np_ps_error(c, &m->mark, "missing required key 'file' in image");
	else if (np_ps_picture_page(c, m, &img->pdf_page, &img->page_mark) == 0)
		np_ps_picture(c, fp, img);
	opt_text(c, m, "caption", &img->caption);
	opt_text(c, m, "credit", &img->credit);
	np_ps_placement(c, m, nblocks, &img->place);
}

int np_ps_images(struct np_pctx *c, const struct np_yt_node *seq, size_t nblocks,
		 struct np_article *a)
{
	a->images = np_ps_list(c, seq, "images", sizeof *a->images, &a->nimages);
	if (!a->images)
		return -1;
	for (size_t i = 0; i < seq->nitems; i++)
		image(c, seq->items[i], nblocks, &a->images[i]);
	return 0;
}
