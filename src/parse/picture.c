/* picture.c - an image's `file:`: where it may be, and whether it is a
 * picture we can use. Every error points at the `file:` key.
 *
 * A picture must lie in the article's folder (or below) so that an article
 * from an untrusted source cannot make newsprint read arbitrary files; both
 * the path as written (absolute, or escaping through "..") and the path after
 * symbolic links are checked. --allow-paths lifts the rule.
 */
#include "parse/pint.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int where_ok(struct np_pctx *c, const struct np_mark *at, const char *file)
{
	if (!c->base_dir) {
		np_ps_error(c, at, "picture '%s' cannot be used: the article was not read "
			    "from a file", file);
		return -1;
	}
	if (c->opts.allow_paths)
		return 0;
	if (file[0] == '/') {
		np_ps_error(c, at, "picture path '%s' is absolute: pictures must lie in the "
			    "article's folder (--allow-paths permits others)", file);
		return -1;
	}
	if (np_path_escapes(file)) {
		np_ps_error(c, at, "picture path '%s' leaves the article's folder through '..' "
			    "(--allow-paths permits it)", file);
		return -1;
	}
	return 0;
}

/* A picture is decoded whole into memory at 4 bytes a pixel: a header that
 * claims 100,000 x 100,000 pixels (a "decompression bomb") is refused here,
 * before the renderer allocates 40 GB for it. */
int np_picture_size_ok(struct np_pctx *c, const struct np_mark *at, const char *file, int pw,
		       int ph)
{
	long long w = pw, h = ph;
	if (w > NP_PARSE_MAX_PICTURE_SIDE || h > NP_PARSE_MAX_PICTURE_SIDE) {
		np_ps_error(c, at, "picture '%s' is %lld x %lld pixels: a side is over the limit "
			    "of %d pixels", file, w, h, NP_PARSE_MAX_PICTURE_SIDE);
		return -1;
	}
	if (w * h > NP_PARSE_MAX_PICTURE_PIXELS) {
		np_ps_error(c, at, "picture '%s' is %lld x %lld pixels: over the limit of %lld "
			    "megapixels", file, w, h, NP_PARSE_MAX_PICTURE_PIXELS / 1000000);
		return -1;
	}
	return 0;
}

/* Looked at before it is opened: a FIFO would block the parse for ever. */
static int regular(struct np_pctx *c, const struct np_mark *at, const char *file,
		   const char *path)
{
	int kind = np_path_regular(path);
	if (kind == 0)
		return 0;
	if (kind > 0)
		np_ps_error(c, at, "picture '%s' is not a regular file", file);
	else if (errno == ENOENT || errno == ENOTDIR)
		np_ps_error(c, at, "picture '%s' not found", file);
	else
		np_ps_error(c, at, "cannot read picture '%s': %s", file, strerror(errno));
	return -1;
}

int np_ps_picture_page(struct np_pctx *c, const struct np_yt_node *map, int *page,
		       struct np_mark *at)
{
	*page = 0;
	const struct np_yt_pair *kv = np_ps_pair(map, "page");
	if (!kv)
		return 0;
	*at = kv->key->mark;
	if (np_ps_int(c, kv->value, "page", page))
		return -1;
	if (*page < 1) {
		np_ps_error(c, at, "'page' must be at least 1");
		return -1;
	}
	return 0;
}

static int page_ok(struct np_pctx *c, const struct np_mark *at, const char *file,
		       const struct np_image_head *h, int page)
{
	if (page && !h->is_pdf) {
		np_ps_error(c, at, "'page' is for PDF files: '%s' is a %s", file,
			    h->is_jpeg ? "JPEG" : "PNG");
		return -1;
	}
	if (h->is_pdf && page > h->npages) {
		np_ps_error(c, at, "'%s' has %d page%s: there is no page %d", file, h->npages,
			    h->npages == 1 ? "" : "s", page);
		return -1;
	}
	return 0;
}

int np_picture_probe(struct np_pctx *c, const struct np_mark *at, const char *what,
		     const char *file, const char *path, const struct np_mark *page_at,
		     int *pdf_page, struct np_image_head *h)
{
	char why[200];
	switch (np_image_probe(path, *pdf_page, h, why, sizeof why)) {
	case NP_IMG_OK:
		if (page_ok(c, page_at, file, h, *pdf_page) < 0)
			return -1;
		if (h->is_pdf && !*pdf_page)
			*pdf_page = 1;
		return np_picture_size_ok(c, at, file, h->width, h->height);
	case NP_IMG_CANNOT_OPEN:
		if (errno == ENOENT)
			np_ps_error(c, at, "%s '%s' not found", what, file);
		else
			np_ps_error(c, at, "cannot read %s '%s': %s", what, file, strerror(errno));
		return -1;
	case NP_IMG_NOT_IMAGE:
		np_ps_error(c, at, "%s '%s' is not a PNG, JPEG or PDF file", what, file);
		return -1;
	case NP_IMG_CORRUPT:
	default:
		np_ps_error(c, at, "%s '%s' is damaged: %s", what, file, why);
		return -1;
	}
}

static int probe(struct np_pctx *c, const struct np_mark *at, const char *file,
		 const char *path, struct np_image *img)
{
	struct np_image_head h = {0};
	int rc = np_picture_probe(c, at, "picture", file, path, &img->page_mark, &img->pdf_page,
				  &h);
	img->pixel_width = h.width;
	img->pixel_height = h.height;
	img->is_jpeg = h.is_jpeg;
	img->is_pdf = h.is_pdf;
	return rc;
}

int np_ps_picture(struct np_pctx *c, const struct np_yt_pair *fp, struct np_image *img)
{
	const struct np_mark *at = &fp->key->mark;
	img->file_mark = *at;
	if (np_ps_string(c, fp->value, &img->file))
		return -1;
	if (!img->file[0]) {
		np_ps_error(c, at, "empty picture path in 'file'");
		return -1;
	}
	if (where_ok(c, at, img->file))
		return -1;
	char *path = img->file[0] == '/' ? strdup(img->file) : np_path_join(c->base_dir, img->file);
	if (!path) {
		np_ps_oom(c, at);
		return -1;
	}
	if (!c->opts.allow_paths && !np_path_inside(c->base_dir, path)) {
		np_ps_error(c, at, "picture path '%s' leads outside the article's folder "
			    "through a symbolic link", img->file);
		free(path);
		return -1;
	}
	if (regular(c, at, img->file, path) || probe(c, at, img->file, path, img)) {
		free(path);
		return -1;
	}
	img->path = path;
	return 0;
}
