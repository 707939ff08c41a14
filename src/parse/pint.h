/* pint.h - what the files of src/parse share: the YAML node tree, the parse
 * context and the typed accessors the schemas are written with.
 *
 * Private to src/parse/. Names are prefixed np_yt_ (tree) and np_ps_ (schema
 * helpers) because they are visible across the library's objects.
 */
#ifndef NP_PARSE_PINT_H
#define NP_PARSE_PINT_H

#include "parse/parse.h"

#include <stddef.h>
#include <stdio.h>

#define NP_PARSE_MAX_FILE ((size_t)16 << 20)
#define NP_PARSE_MAX_PARAGRAPH ((size_t)1 << 20)
#define NP_PARSE_MAX_DEPTH 64
#define NP_PARSE_MAX_NODES ((size_t)1000000)
#define NP_PARSE_MAX_PICTURE_SIDE 30000
#define NP_PARSE_MAX_PICTURE_PIXELS 200000000LL

/* ---- the node tree (yamltree.c) ------------------------------------------ */

enum np_yt_kind { NP_YT_SCALAR, NP_YT_SEQ, NP_YT_MAP };

struct np_yt_pair;

struct np_yt_node {
	enum np_yt_kind kind;
	struct np_mark mark; /* where the node starts */
	/* scalar */
	char *str;  /* owned, NUL-terminated, no NUL inside */
	size_t len; /* bytes */
	int plain;  /* written without quotes: may be a number, bool or null */
	/* sequence */
	struct np_yt_node **items;
	size_t nitems;
	/* mapping, in document order; keys are scalars */
	struct np_yt_pair *pairs;
	size_t npairs;
};

struct np_yt_pair {
	struct np_yt_node *key, *value;
};

/* ---- the parse context ----------------------------------------------------- */

struct np_pctx {
	struct np_diags *d;
	const char *file;     /* interned in d */
	const char *base_dir; /* the article's folder; NULL: pictures unusable */
	struct np_parse_opts opts; /* limits resolved (no zeros) */
	int errors0;          /* d->errors when the parse began */
	size_t nodes;         /* YAML values loaded so far (limit opts.max_nodes) */
};

/* Sets up c; returns -1 (with a diagnostic) when out of memory. */
int np_ps_begin(struct np_pctx *c, const char *name, const char *base_dir,
		const struct np_parse_opts *opts, struct np_diags *d);
/* Errors added since np_ps_begin? */
int np_ps_failed(const struct np_pctx *c);
void np_ps_error(struct np_pctx *c, const struct np_mark *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void np_ps_oom(struct np_pctx *c, const struct np_mark *at);

/* Reads a whole file within the size limit into *buf (malloc'd, NUL-added). */
int np_ps_read_file(struct np_pctx *c, const char *path, char **buf, size_t *len);
/* Its two halves: the file opened (a regular file or standard input only),
 * NULL after saying why; the rest of an open file read. */
FILE *np_ps_open_file(struct np_pctx *c, const char *path);
int np_ps_read_open(struct np_pctx *c, FILE *f, char **buf, size_t *len);
/* A regular file (read twice if need be; standard input may be a pipe). */
int np_ps_is_regular(FILE *f);
/* The whole file, when a load as it was read (np_yt_load_file) has
 * something to say: a regular file from its start again; another (standard
 * input, never loaded so) as it stands; -1 after saying why. */
int np_ps_read_again(struct np_pctx *c, FILE *f, int regular, char **buf, size_t *len);
/* The folder of path ("." for a bare name), malloc'd. */
char *np_ps_dirname(const char *path);

/* ---- utf8.c ---------------------------------------------------------------- */

/* Returns the offset of the first byte that is not part of valid UTF-8
 * (overlong forms, surrogates and code points past U+10FFFF are invalid),
 * or len when all of buf is valid. */
size_t np_utf8_invalid(const char *buf, size_t len);
/* 1 when buf (valid UTF-8) puts no ink on the page: only white space,
 * no-break and other Unicode spaces, soft hyphens, zero-width characters. */
int np_utf8_blank(const char *buf, size_t len);
/* The same check on a file read a piece at a time: 0 at the first piece
 * with an invalid sequence (where, the whole file says: np_utf8_invalid);
 * zeroed to begin, and at the end nheld must be 0 (no sequence cut short). */
struct np_utf8_pieces {
	unsigned char held[4];
	size_t nheld;
};
int np_utf8_piece_ok(struct np_utf8_pieces *s, const char *piece, size_t n);
/* 1-based line and column (in characters, as libyaml counts) of offset. */
void np_utf8_position(const char *buf, size_t off, int *line, int *column);

/* ---- yamltree.c ------------------------------------------------------------ */

/* Loads one YAML document into a tree. Returns 0, or -1 with an error. */
int np_yt_load(struct np_pctx *c, const char *buf, size_t len, struct np_yt_node **root);
/* The same, leaving in *root on failure the part read so far (or NULL). */
int np_yt_load_partial(struct np_pctx *c, const char *buf, size_t len,
		       struct np_yt_node **root);
/* A regular file loaded as libyaml reads it, a piece at a time, so a long
 * article's bytes never stand whole beside its tree: 0 and *root when the
 * file loads without a word to say; 1 (nothing kept) when it does not, or
 * holds invalid UTF-8, or passes the size limit: the caller loads the whole
 * file (np_yt_load_partial), which says what and where. */
int np_yt_load_file(struct np_pctx *c, FILE *f, struct np_yt_node **root);
void np_yt_free(struct np_yt_node *n);
/* Frees a paragraph's scalar (or a {subhead: TEXT}'s) once its text is
 * parsed into the model: a long article's text is then made in the room its
 * YAML leaves, not beside the whole tree. Its node stays (kind and mark), with
 * no string (NULL). */
void np_yt_drop_text(struct np_yt_node *n);
/* "a string", "a list", "a mapping", "null" - for "expected X, found Y". */
const char *np_yt_kind_name(const struct np_yt_node *n);
int np_yt_is_null(const struct np_yt_node *n);

/* ---- schema.c: typed access, each reporting its own error ---------------- */

/* Reports every key of map that is not in keys (NULL-terminated) as
 * "unknown key 'k' in WHAT (expected one of: ...)". Returns -1 if any. */
int np_ps_keys(struct np_pctx *c, const struct np_yt_node *map, const char *what,
	       const char *const *keys);
/* A mapping with keys but none of keys is a file of another kind (a password
 * file reached through a path): reports "not WHAT" at the mapping, quoting
 * nothing of it, and returns -1, so no "unknown key" message echoes a line of
 * a file that was never meant as input. */
int np_ps_kind(struct np_pctx *c, const struct np_yt_node *map, const char *what,
	       const char *const *keys);
/* np_yt_load for a file of a known kind (WHAT: "a layout") whose top-level
 * keys are keys: a mapping with none of them is "not WHAT" (np_ps_kind), and
 * the loader's own messages (a duplicate key, a tag, an alias: they quote the
 * file) are reported only for a file of the kind. */
int np_ps_load_kind(struct np_pctx *c, const char *buf, size_t len, const char *what,
		    const char *const *keys, struct np_yt_node **root);
/* The same for a regular file read as it is loaded (np_yt_load_file): 0, -1
 * (not WHAT, said), or 1: load the whole file with np_ps_load_kind. */
int np_ps_load_kind_file(struct np_pctx *c, FILE *f, const char *what,
			 const char *const *keys, struct np_yt_node **root);
const struct np_yt_pair *np_ps_pair(const struct np_yt_node *map, const char *key);
const struct np_yt_node *np_ps_get(const struct np_yt_node *map, const char *key);
/* The value of a required key, or NULL after "missing required key" at map. */
const struct np_yt_node *np_ps_need(struct np_pctx *c, const struct np_yt_node *map,
				    const char *key, const char *what);
int np_ps_expect(struct np_pctx *c, const struct np_yt_node *n, enum np_yt_kind kind);
int np_ps_string(struct np_pctx *c, const struct np_yt_node *n, char **out);
/* A one-line text: whitespace collapsed, trimmed, not empty. */
int np_ps_text(struct np_pctx *c, const struct np_yt_node *n, const char *key, char **out);
int np_ps_int(struct np_pctx *c, const struct np_yt_node *n, const char *key, int *out);
int np_ps_number(struct np_pctx *c, const struct np_yt_node *n, const char *key,
		 double *out);
int np_ps_bool(struct np_pctx *c, const struct np_yt_node *n, const char *key, int *out);
/* Index of the scalar in names (NULL-terminated). */
int np_ps_enum(struct np_pctx *c, const struct np_yt_node *n, const char *key,
	       const char *const *names, int *out);
/* Checks seq is a non-empty list and returns as many zeroed elements of size
 * bytes, setting *n to that count (so frees stay consistent); NULL on error. */
void *np_ps_list(struct np_pctx *c, const struct np_yt_node *seq, const char *key, size_t size,
		 size_t *n);
/* Appends "a, b, c" of names to buf (size n). */
void np_ps_join(char *buf, size_t n, const char *const *names);

/* ---- values.c: shapes of single values ------------------------------------ */

/* Collapses runs of white space to one space and trims, in place; returns the
 * new length. */
size_t np_ps_collapse(char *s, size_t len);
int np_ps_valid_id(const char *s);
int np_ps_valid_date(const char *s);
int np_ps_valid_language(const char *s);
/* words.c: {LANG: {on, from, page, months}} into w[*n..] (at most
 * NP_MAX_WORD_LANGUAGES in all). */
void np_ps_words(struct np_pctx *c, const struct np_yt_node *v, struct np_words *w, int *n);
/* "#rrggbb" to rgb in 0..1. */
int np_ps_parse_color(const char *s, double rgb[3]);
/* A style colour: "#rrggbb", "cmyk(0, 100, 80, 0)" or "gray(15%)". */
int np_ps_parse_ink(const char *s, double rgb[3], double cmyk[4], enum np_color_kind *kind);
/* A decimal number (sign, digits, optional fraction) at the start of s; sets
 * *end past it. Refuses hex, exponents, inf and nan. */
int np_ps_scan_number(const char *s, double *out, const char **end);

/* ---- units.c ------------------------------------------------------------- */

/* A length in pt: a number, or a string with unit pt, in, mm, cm, pc, or em
 * when em > 0 (1em = em pt). */
int np_ps_length(struct np_pctx *c, const struct np_yt_node *n, const char *key, double em,
		 double *out);

/* ---- image.c ------------------------------------------------------------- */

enum np_image_probe { NP_IMG_OK, NP_IMG_CANNOT_OPEN, NP_IMG_NOT_IMAGE, NP_IMG_CORRUPT };

struct np_image_head {
	int width, height; /* pixels; a PDF: its page's box, pt */
	int is_jpeg, is_pdf;
	int npages;        /* a PDF's */
};

/* Reads the pixel size of a PNG (IHDR) or JPEG (libjpeg's header) file, or
 * the page count and the size of page `page` (when in range) of a PDF
 * (libqpdf). On NP_IMG_CANNOT_OPEN, errno is set; on NP_IMG_CORRUPT, why says
 * what is wrong with the header. */
enum np_image_probe np_image_probe(const char *path, int page, struct np_image_head *h,
				   char *why, size_t nwhy);
/* picture.c: the optional `page:` of a picture or an ad in map (0 when
 * absent); -1 after an error at its key. */
int np_ps_picture_page(struct np_pctx *c, const struct np_yt_node *map, int *page,
		       struct np_mark *at);
/* picture.c: reads the header of the picture file at path (what: "picture",
 * "advertisement picture", for messages) into *h; a PDF's page checked
 * against it (errors at page_at) and defaulted to 1; the size within the
 * limits. 0, or -1 after an error at `at`. */
int np_picture_probe(struct np_pctx *c, const struct np_mark *at, const char *what,
		     const char *file, const char *path, const struct np_mark *page_at,
		     int *pdf_page, struct np_image_head *h);

/* ---- picture.c ----------------------------------------------------------- */

/* Resolves and opens an image's `file:`; errors at the key. */
int np_ps_picture(struct np_pctx *c, const struct np_yt_pair *file, struct np_image *img);

/* ---- markup and paragraphs ------------------------------------------------ */

/* A paragraph from a scalar: collapsed, not empty, markup parsed. */
int np_ps_paragraph(struct np_pctx *c, const struct np_yt_node *n, const char *what,
		    struct np_text *t);

/* ---- obstacle.c ------------------------------------------------------------ */

int np_ps_pullquotes(struct np_pctx *c, const struct np_yt_node *seq, size_t nblocks,
		     struct np_article *a);
int np_ps_sidebars(struct np_pctx *c, const struct np_yt_node *seq, size_t nblocks,
		   struct np_article *a);
int np_ps_images(struct np_pctx *c, const struct np_yt_node *seq, size_t nblocks,
		 struct np_article *a);
/* Reads the placement keys present in map. */
int np_ps_placement(struct np_pctx *c, const struct np_yt_node *map, size_t nblocks,
		    struct np_placement *p);

/* ---- style.c ------------------------------------------------------------- */

int np_ps_styles(struct np_pctx *c, const struct np_yt_node *map, struct np_layout *l);

/* picture.c: 0, or -1 with an error at `at` when a picture of pw x ph pixels
 * is over the limits (NP_PARSE_MAX_PICTURE_SIDE, _PIXELS). */
int np_picture_size_ok(struct np_pctx *c, const struct np_mark *at, const char *file, int pw,
		       int ph);

/* paths.c */
/* 1 when a relative path climbs out of its folder with "..". */
int np_path_escapes(const char *p);
/* dir + "/" + file, malloc'd. */
char *np_path_join(const char *dir, const char *file);
/* 1 when the real path of path lies inside the real folder dir (or either
 * cannot be resolved: the checks that follow report that). */
int np_path_inside(const char *dir, const char *path);
/* 0 for a regular file (after symbolic links); 1 for anything else (a folder,
 * a FIFO, a device), which is never opened: a FIFO blocks fopen for ever and
 * a device reads without end; -1 with errno when it cannot be looked at. */
int np_path_regular(const char *path);

#endif
