/* parse.h - YAML input (articles, layouts) to the model, with positioned errors.
 *
 * The only module that includes <yaml.h>. Every problem becomes a diagnostic
 * at its YAML position (1-based line and column); a document with any error
 * yields no model at all. Unknown keys, duplicate keys, wrong types, missing
 * required keys, out-of-range values, invalid UTF-8, empty documents and YAML
 * aliases are errors.
 */
#ifndef NP_PARSE_H
#define NP_PARSE_H

#include "model/model.h"

struct np_parse_opts {
	int allow_paths;        /* pictures may lie outside the article's folder */
	size_t max_file_bytes;  /* 0 = default (16 MiB) */
	size_t max_paragraph;   /* bytes, 0 = default (1 MiB) */
	int max_depth;          /* YAML nesting, 0 = default (64) */
	size_t max_nodes;       /* YAML values (strings, lists, mappings), 0 = default (1,000,000) */
};

/* Reads the article at path. Returns 0 and sets *out (caller frees with
 * np_article_free), or -1 with errors in d. Warnings may be added either way. */
int np_parse_article_file(const char *path, const struct np_parse_opts *opts,
			  struct np_diags *d, struct np_article **out);
/* The same from memory; name is used in diagnostics and base_dir resolves
 * picture files (NULL: pictures are not opened and must not be used). */
int np_parse_article_mem(const char *name, const char *base_dir, const char *buf,
			 size_t len, const struct np_parse_opts *opts, struct np_diags *d,
			 struct np_article **out);

/* Reads a layout YAML over np_layout_init_defaults(). Returns 0 or -1. On -1,
 * out is left finalised (nothing to free). */
int np_parse_layout_file(const char *path, const struct np_parse_opts *opts,
			 struct np_diags *d, struct np_layout *out);
int np_parse_layout_mem(const char *name, const char *buf, size_t len,
			const struct np_parse_opts *opts, struct np_diags *d,
			struct np_layout *out);

/* 1 when the YAML document at path has the top-level key `issue` (an
 * edition), 0 for an article; -1 with an error in d when it cannot be read. */
int np_parse_is_issue(const char *path, const struct np_parse_opts *opts, struct np_diags *d);
/* The same for a document in memory (read from a pipe); a document that
 * does not load is not an issue (the article parser says why). */
int np_parse_is_issue_mem(const char *name, const char *buf, size_t len,
			  const struct np_parse_opts *opts);

/* Reads an issue YAML and every article it names (paths relative to the
 * issue file, inside its folder unless opts->allow_paths). Returns 0 and
 * sets *out (free with np_issue_free), or -1 with errors in d. */
int np_parse_issue_file(const char *path, const struct np_parse_opts *opts,
			struct np_diags *d, struct np_issue **out);

/* Checks an issue against its layout: modules inside the page's grid, no two
 * modules or ads overlapping, jumps only to later pages, every article valid
 * for the layout. Returns 0 or -1. `band_lines[p]` is the number of grid
 * lines the page template takes at the top of page p (0-based). */
int np_issue_validate(const struct np_issue *is, const struct np_layout *l, int grid_lines,
		      const int *band_lines, struct np_diags *d);

/* Checks the article against the layout it will be set in: placement keys
 * (`span`, `column` beyond the layout's columns). Returns 0 or -1. */
int np_article_validate(const struct np_article *a, const struct np_layout *l,
			struct np_diags *d);

/* Parses inline markup (*italic*, **bold**, ***both***, backslash escapes)
 * of one paragraph into t. Returns 0, or -1 with an error at `at`. */
int np_markup_parse(const char *src, size_t len, const struct np_mark *at,
		    struct np_diags *d, struct np_text *t);

#endif
