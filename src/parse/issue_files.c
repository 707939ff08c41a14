/* issue_files.c - the files an issue names: article YAMLs, advertisement
 * pictures and a layout YAML, all relative to the issue file and, unless --allow-paths, inside
 * its folder (checked as written, then after symbolic links, as pictures in
 * picture.c are). Every error points at the key that names the file.
 */
#include "parse/issue.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int np_is_file(struct np_pctx *c, const struct np_yt_pair *kv, const char *what,
	       char **file, char **path)
{
	const struct np_mark *at = &kv->key->mark;
	const char *key = kv->key->str;
	if (np_ps_string(c, kv->value, file))
		return -1;
	if (!(*file)[0]) {
		np_ps_error(c, at, "empty path in '%s'", key);
		return -1;
	}
	if (!c->opts.allow_paths && (*file)[0] == '/') {
		np_ps_error(c, at, "%s path '%s' is absolute: it must lie in the issue's folder "
			    "(--allow-paths permits others)", what, *file);
		return -1;
	}
	if (!c->opts.allow_paths && np_path_escapes(*file)) {
		np_ps_error(c, at, "%s path '%s' leaves the issue's folder through '..' "
			    "(--allow-paths permits it)", what, *file);
		return -1;
	}
	char *p = (*file)[0] == '/' ? strdup(*file) : np_path_join(c->base_dir, *file);
	if (!p) {
		np_ps_oom(c, at);
		return -1;
	}
	if (!c->opts.allow_paths && !np_path_inside(c->base_dir, p)) {
		np_ps_error(c, at, "%s path '%s' leads outside the issue's folder through a "
			    "symbolic link", what, *file);
		free(p);
		return -1;
	}
	int kind = np_path_regular(p);
	if (kind < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			np_ps_error(c, at, "%s file '%s' not found", what, *file);
		else
			np_ps_error(c, at, "cannot read %s file '%s': %s", what, *file,
				    strerror(errno));
		free(p);
		return -1;
	}
	if (kind > 0) {
		np_ps_error(c, at, "%s '%s' is not a regular file", what, *file);
		free(p);
		return -1;
	}
	*path = p;
	return 0;
}

int np_is_ad_image(struct np_pctx *c, const struct np_yt_pair *kv, struct np_ad *ad)
{
	char *file = NULL, *path = NULL;
	const struct np_mark *at = &kv->key->mark;
	int rc = -1;
	if (np_is_file(c, kv, "advertisement picture", &file, &path))
		goto out;
	struct np_image_head h = {0};
	rc = np_picture_probe(c, at, "advertisement picture", file, path, &ad->page_mark,
			      &ad->pdf_page, &h);
	ad->pixel_width = h.width;
	ad->pixel_height = h.height;
	ad->is_jpeg = h.is_jpeg;
	ad->is_pdf = h.is_pdf;
	if (rc == 0) {
		ad->image = path;
		path = NULL;
	}
out:
	free(file);
	free(path);
	return rc;
}
