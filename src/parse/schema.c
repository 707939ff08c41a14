/* schema.c - typed access to tree nodes; each accessor reports its own error
 * at the node's position, so the schemas in article.c and layout.c read as
 * lists of keys. */
#include "parse/pint.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {"a string", "a list", "a mapping"};

void np_ps_join(char *buf, size_t n, const char *const *names)
{
	size_t used = strlen(buf);
	for (size_t i = 0; names[i] && used < n; i++) {
		int k = snprintf(buf + used, n - used, "%s%s", i ? ", " : "", names[i]);
		if (k < 0)
			return;
		used += (size_t)k;
	}
}

static int known(const char *key, const char *const *keys)
{
	for (size_t i = 0; keys[i]; i++)
		if (strcmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

int np_ps_keys(struct np_pctx *c, const struct np_yt_node *map, const char *what,
	       const char *const *keys)
{
	int rc = 0;
	for (size_t i = 0; i < map->npairs; i++) {
		const struct np_yt_node *k = map->pairs[i].key;
		if (known(k->str, keys))
			continue;
		char list[512] = "";
		np_ps_join(list, sizeof list, keys);
		np_ps_error(c, &k->mark, "unknown key '%s' in %s (expected one of: %s)", k->str,
			    what, list);
		rc = -1;
	}
	return rc;
}

int np_ps_kind(struct np_pctx *c, const struct np_yt_node *map, const char *what,
	       const char *const *keys)
{
	for (size_t i = 0; i < map->npairs; i++)
		if (known(map->pairs[i].key->str, keys))
			return 0;
	if (map->npairs == 0)
		return 0;
	char list[512] = "";
	np_ps_join(list, sizeof list, keys);
	np_ps_error(c, &map->mark, "not %s: none of its keys is one of: %s", what, list);
	return -1;
}

const struct np_yt_pair *np_ps_pair(const struct np_yt_node *map, const char *key)
{
	if (!map || map->kind != NP_YT_MAP)
		return NULL;
	for (size_t i = 0; i < map->npairs; i++)
		if (strcmp(map->pairs[i].key->str, key) == 0)
			return &map->pairs[i];
	return NULL;
}

const struct np_yt_node *np_ps_get(const struct np_yt_node *map, const char *key)
{
	const struct np_yt_pair *p = np_ps_pair(map, key);
	return p ? p->value : NULL;
}

const struct np_yt_node *np_ps_need(struct np_pctx *c, const struct np_yt_node *map,
				    const char *key, const char *what)
{
	const struct np_yt_node *v = np_ps_get(map, key);
	if (!v)
		np_ps_error(c, &map->mark, "missing required key '%s' in %s", key, what);
	return v;
}

int np_ps_expect(struct np_pctx *c, const struct np_yt_node *n, enum np_yt_kind kind)
{
	if (n->kind == kind && !(kind == NP_YT_SCALAR && np_yt_is_null(n)))
		return 0;
	np_ps_error(c, &n->mark, "expected %s, found %s", kind_names[kind], np_yt_kind_name(n));
	return -1;
}

int np_ps_string(struct np_pctx *c, const struct np_yt_node *n, char **out)
{
	if (np_ps_expect(c, n, NP_YT_SCALAR))
		return -1;
	char *s = strdup(n->str);
	if (!s) {
		np_ps_oom(c, &n->mark);
		return -1;
	}
	free(*out);
	*out = s;
	return 0;
}

int np_ps_text(struct np_pctx *c, const struct np_yt_node *n, const char *key, char **out)
{
	char *s = NULL;
	if (np_ps_string(c, n, &s))
		return -1;
	size_t len = np_ps_collapse(s, strlen(s));
	if (len == 0 || np_utf8_blank(s, len)) {
		free(s);
		np_ps_error(c, &n->mark, "empty text in '%s'", key);
		return -1;
	}
	free(*out);
	*out = s;
	return 0;
}

static int scalar_value(struct np_pctx *c, const struct np_yt_node *n, const char *what)
{
	if (n->kind == NP_YT_SCALAR && n->plain && !np_yt_is_null(n))
		return 0;
	if (n->kind == NP_YT_SCALAR && !np_yt_is_null(n))
		np_ps_error(c, &n->mark, "expected %s, found the quoted string '%s'", what, n->str);
	else
		np_ps_error(c, &n->mark, "expected %s, found %s", what, np_yt_kind_name(n));
	return -1;
}

int np_ps_int(struct np_pctx *c, const struct np_yt_node *n, const char *key, int *out)
{
	if (scalar_value(c, n, "an integer"))
		return -1;
	char *end;
	errno = 0;
	long v = strtol(n->str, &end, 10);
	if (end == n->str || *end || n->str[0] == ' ' || errno || v < INT_MIN || v > INT_MAX) {
		np_ps_error(c, &n->mark, "'%s' must be an integer, found '%s'", key, n->str);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int np_ps_number(struct np_pctx *c, const struct np_yt_node *n, const char *key, double *out)
{
	if (scalar_value(c, n, "a number"))
		return -1;
	const char *end;
	if (np_ps_scan_number(n->str, out, &end) || *end) {
		np_ps_error(c, &n->mark, "'%s' must be a number, found '%s'", key, n->str);
		return -1;
	}
	return 0;
}

int np_ps_bool(struct np_pctx *c, const struct np_yt_node *n, const char *key, int *out)
{
	static const char *const t[] = {"true", "True", "TRUE", NULL};
	static const char *const f[] = {"false", "False", "FALSE", NULL};
	if (scalar_value(c, n, "true or false"))
		return -1;
	if (known(n->str, t) || known(n->str, f)) {
		*out = known(n->str, t);
		return 0;
	}
	np_ps_error(c, &n->mark, "'%s' must be true or false, found '%s'", key, n->str);
	return -1;
}

int np_ps_enum(struct np_pctx *c, const struct np_yt_node *n, const char *key,
	       const char *const *names, int *out)
{
	if (np_ps_expect(c, n, NP_YT_SCALAR))
		return -1;
	for (int i = 0; names[i]; i++) {
		if (strcmp(n->str, names[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	char list[256] = "";
	np_ps_join(list, sizeof list, names);
	np_ps_error(c, &n->mark, "unknown %s '%s' (expected one of: %s)", key, n->str, list);
	return -1;
}

void *np_ps_list(struct np_pctx *c, const struct np_yt_node *seq, const char *key, size_t size,
		 size_t *n)
{
	if (np_ps_expect(c, seq, NP_YT_SEQ))
		return NULL;
	if (seq->nitems == 0) {
		np_ps_error(c, &seq->mark, "'%s' is an empty list", key);
		return NULL;
	}
	void *v = calloc(seq->nitems, size);
	if (!v) {
		np_ps_oom(c, &seq->mark);
		return NULL;
	}
	*n = seq->nitems;
	return v;
}

int np_ps_load_kind(struct np_pctx *c, const char *buf, size_t len, const char *what,
		    const char *const *keys, struct np_yt_node **root)
{
	struct np_diags held, *d = c->d;
	int errors0 = c->errors0;
	np_diags_init(&held);
	c->d = &held; /* the loader's messages wait until the kind is known */
	c->errors0 = 0;
	int rc = np_yt_load_partial(c, buf, len, root);
	c->d = d;
	c->errors0 = errors0;
	if (*root && (*root)->kind == NP_YT_MAP && np_ps_kind(c, *root, what, keys)) {
		rc = -1; /* said so; nothing of the file is quoted */
	} else {
		for (size_t i = 0; i < held.n; i++) {
			const struct np_diag *g = &held.v[i];
			struct np_mark at = {c->file, g->line, g->column};
			np_diag_add(d, g->severity, g->line ? &at : NULL, "%s", g->message);
		}
		if (rc && !np_ps_failed(c))
			d->errors++; /* a message that could not be kept still fails */
	}
	np_diags_fini(&held);
	if (rc) {
		np_yt_free(*root);
		*root = NULL;
	}
	return rc;
}

int np_ps_load_kind_file(struct np_pctx *c, FILE *f, const char *what,
			 const char *const *keys, struct np_yt_node **root)
{
	int rc = np_yt_load_file(c, f, root);
	if (rc == 0 && (*root)->kind == NP_YT_MAP && np_ps_kind(c, *root, what, keys)) {
		np_yt_free(*root);
		*root = NULL;
		return -1;
	}
	return rc;
}
