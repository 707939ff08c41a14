/* text.h - fonts, shaping and hyphenation: paragraphs to box/glue/penalty items.
 *
 * A paragraph is shaped once (Pango over HarfBuzz) at unlimited width; per-
 * character advances give the width of every box; break opportunities come
 * from Pango's log attrs (UAX #14) and hyphenation points from libhyphen.
 * The breaker chooses lines over the items; np_para_line() then cuts the line's
 * glyphs out of the shaped runs and justifies them to their slot.
 *
 * Widths here are Pango units (1/1024 pt) as int32; the rest of the engine
 * uses points (double). This header stays free of Pango types so the flow can
 * include it; the renderer reads drawable lines through text/glyphs.h.
 */
#ifndef NP_TEXT_H
#define NP_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "break/break.h"
#include "model/model.h"

#define NP_PANGO_SCALE 1024
#define NP_PT(u) ((double)(u) / NP_PANGO_SCALE)
#define NP_UNITS(pt) ((int32_t)((pt) * NP_PANGO_SCALE + ((pt) < 0 ? -0.5 : 0.5)))

/* Fonts, font map and context of one thread, loaded from the project's fonts/
 * only, through a private fontconfig configuration. Not shareable between
 * threads. */
struct np_text_ctx;

struct np_text_ctx *np_text_ctx_new(const char *fonts_dir, const char *hyphen_dir,
				    struct np_diags *d);
void np_text_ctx_free(struct np_text_ctx *t);
/* Where the project's hyphenation exceptions are (DIR/LANG.txt: words the
 * patterns get wrong, spelled with their breaks, "pro-ject"). */
void np_text_set_exceptions(struct np_text_ctx *t, const char *dir);
/* A new context over the same fonts and dictionaries, for another thread
 * (a font map must not be shared between threads). */
struct np_text_ctx *np_text_ctx_clone(const struct np_text_ctx *t, struct np_diags *d);
/* Before a context serves another job: empties the record of characters
 * found missing, and lets go of the paragraphs measured (their styles and
 * layout are the last job's, freed with it). */
void np_text_ctx_forget_job(struct np_text_ctx *t);
/* Adds the characters src found missing to dst's list. */
void np_text_merge_missing(struct np_text_ctx *dst, const struct np_text_ctx *src);
/* 1 when a face of that family exists (bundled, or in a folder added). */
int np_text_has_family(struct np_text_ctx *t, const char *family);
/* Adds the fonts of dir to the context's (--fonts DIR: a layout may then
 * name a family from either). 0, or -1 with an error in d (a folder that
 * cannot be read or holds no fonts). */
int np_text_add_fonts(struct np_text_ctx *t, const char *dir, struct np_diags *d);
/* The families there are, sorted, ", " between them (malloc'd; NULL when out
 * of memory): for a message naming what may be used. */
char *np_text_families(struct np_text_ctx *t);
/* Reports characters no bundled font has (once each) in one warning at `at`
 * (the input document; may be NULL). */
void np_text_report_missing(struct np_text_ctx *t, struct np_diags *d, const struct np_mark *at);

/* What to set: text with inline runs in a base style. `lead_len` bytes at the
 * start may be set in `lead_style` (a run-in dateline). */
struct np_para_spec {
	const char *text;
	size_t len;
	const struct np_run *runs;
	size_t nruns;
	const struct np_style *style;
	const struct np_style *lead_style;
	size_t lead_len;
	const char *language;    /* hyphenation dictionary; NULL: no hyphenation */
	const struct np_layout *layout; /* hyphenation minimums; may be NULL */
	double indent;           /* pt, first line */
	double letter_space;     /* letter-spacing allowed when justifying, fraction */
	double letter_threshold; /* ... once the spaces alone would pass this ratio */
	int32_t max_box;         /* Pango units: wider words may break anywhere; 0 = never */
	struct np_mark mark;     /* for warnings about this paragraph */
};

/* A shaped paragraph and its items. */
struct np_para;

struct np_para *np_para_new(struct np_text_ctx *t, const struct np_para_spec *spec);
/* The same, made to be drawn at once: the glyphs shaped for its items stay
 * for np_para_line (not shaped a second time). */
struct np_para *np_para_new_drawn(struct np_text_ctx *t, const struct np_para_spec *spec);
void np_para_free(struct np_para *p);
/* Its glyphs: made again when lines are to be cut (np_para_line does it), let
 * go of when its lines are out. np_para_glyphs returns 0 or -1. */
int np_para_glyphs(struct np_para *p);
void np_para_drop_glyphs(struct np_para *p);
const struct np_bitem *np_para_items(const struct np_para *p, size_t *n);
/* The paragraph shaped for measuring (its items only), owned by the context
 * and valid until its next call: the same text measured again at another
 * width is not shaped again. NULL on failure. */
const struct np_para *np_para_measure(struct np_text_ctx *t, const struct np_para_spec *spec);
/* Natural width in Pango units of the whole paragraph on one line. */
int64_t np_para_natural(const struct np_para *p);

/* One line cut from a paragraph, ready to draw (see text/glyphs.h). */
struct np_line_glyphs;

struct np_line_info {
	char *text;     /* the line as drawn, hyphen included (malloc'd) */
	int hyphenated; /* ends at a hyphenation point or an explicit hyphen */
	int continues;  /* ends inside a word with no hyphen (a URL, a too-long word) */
	int32_t natural; /* natural width, Pango units, indent included */
	int32_t indent;  /* Pango units before the first glyph (a first line's indent) */
	double ratio;    /* adjustment ratio applied (0 when not justified) */
	double letter_spacing; /* the letters' change, a share of their width (0.02: 2% wider) */
	int justified;   /* set to the full measure (a last line only when it must shrink) */
};

/* Builds line `k` of a broken paragraph: items (breaks[k-1], breaks[k]]. `width`
 * in Pango units is the slot's; `justify` spreads the difference over the
 * spaces. Returns NULL on allocation failure. */
struct np_line_glyphs *np_para_line(struct np_para *p, const size_t *breaks, size_t k,
				    int32_t width, int justify, struct np_line_info *info);
void np_line_glyphs_free(struct np_line_glyphs *g);
/* What np_para_line says of the line, without cutting its glyphs (nothing
 * will draw it: a check). Its natural width is the items' (the hyphen in the
 * paragraph's own font). Returns 0 or -1. */
int np_para_line_info(const struct np_para *p, const size_t *breaks, size_t k, int32_t width,
		      int justify, struct np_line_info *info);

/* Hyphenation points of one word (UTF-8) in a language: fills `points` with the
 * byte offsets after which a hyphen may go; returns how many (<= max), or 0
 * when the language has no dictionary. For tests and the item builder. */
int np_hyphenate_word(struct np_text_ctx *t, const char *language, const char *word,
		      size_t len, int left, int right, size_t *points, int max);

/* A short text set on one line in a style, unbroken (for marks drawn over a
 * page, such as proofs); *width gets its width in pt (may be NULL). NULL when
 * it cannot be set. Free with np_line_glyphs_free. */
struct np_line_glyphs *np_text_label(struct np_text_ctx *t, const struct np_style *style,
				     const char *text, double *width);


#endif
