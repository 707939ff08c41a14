/* break.h - choosing line breaks over box/glue/penalty items.
 *
 * Knows nothing of fonts: widths are integers (Pango units in the engine, any
 * unit in tests). The width of each line comes from a callback, so the flow can
 * hand out the measure of every grid slot (beside an obstacle, across a column
 * break): a parshape.
 */
#ifndef NP_BREAK_H
#define NP_BREAK_H

#include <stddef.h>
#include <stdint.h>

enum np_item_type { NP_BOX, NP_GLUE, NP_PENALTY };

#define NP_INF_PENALTY 10000
/* The penalty of a break between two letters of a word wider than any line,
 * without a hyphen: the last resort (ragged text breaks there only when no
 * space, hyphen or dictionary break fits). */
#define NP_ANYWHERE_PENALTY 5000

struct np_bitem {
	uint8_t type;    /* enum np_item_type */
	uint8_t flagged; /* penalty: a hyphen break (counts in hyphen runs) */
	uint8_t explicit_hyphen; /* penalty after a '-' in the text: nothing added */
	int32_t width;   /* box/glue: natural width; penalty: width if broken here */
	int32_t stretch; /* glue only */
	int32_t shrink;  /* glue only */
	int32_t penalty; /* penalty only: >= NP_INF_PENALTY forbids, <= -NP_INF_PENALTY forces */
	uint32_t pos;    /* byte offset in the paragraph's text where the item starts */
	uint32_t end;    /* byte offset where it ends */
};

/* Width of line `line` (0-based) of the paragraph. */
typedef int32_t (*np_width_fn)(void *ctx, size_t line);

enum np_break_mode { NP_BREAK_TOTAL_FIT, NP_BREAK_FIRST_FIT };

struct np_break_params {
	enum np_break_mode mode;
	int justify;          /* 0: ragged (lines never stretched; any short line is fine) */
	double tolerance;     /* max adjustment ratio for the hyphenation pass (TeX: 2.0 ~ tolerance 800) */
	double pretolerance;  /* for the pass without hyphenation; < 0 skips that pass */
	int32_t line_penalty;     /* TeX \linepenalty, 10 */
	int32_t hyphen_demerits;  /* consecutive flagged breaks, TeX \doublehyphendemerits */
	int32_t final_hyphen_demerits; /* hyphen on the last full line */
	int32_t fitness_demerits; /* adjacent lines in far fitness classes */
	int32_t emergency_stretch; /* extra stretch per line for the last pass, in width units */
	int max_hyphen_run;       /* > 0: no more flagged breaks in a row */
	double letter_space;      /* letter-spacing allowed as a last resort, fraction */
	double letter_threshold;  /* the spaces alone stretch up to this ratio before the
				     letters move (docs/breaking.md) */
	int32_t letter_demerits;  /* added per line, times the share of the letter-spacing
				     allowance it uses: breaks needing no tracking win */
	int32_t loose_gap;        /* > 0: a line whose spaces average wider than this (width
				     units) looks loose to a reader, and costs ... */
	int32_t loose_demerits;   /* ... this much more */
	int32_t very_loose_gap;   /* > 0: wider still: very loose, costing ... */
	int32_t very_loose_demerits; /* ... this on top */
	int looseness;            /* TeX \looseness: lines more (> 0) or fewer (< 0) than the
				     optimum, as near as the tolerance allows (total-fit only) */
	size_t exact_words;       /* total fit: a paragraph of at most this many spaces is
				     broken exactly; a longer one ... */
	size_t line_window;       /* ... carries at most this many line counts on from a
				     breakpoint, those with the least demerits (0: all) */
};

/* The defaults of exact_words and line_window (docs/breaking.md). */
#define NP_EXACT_WORDS 2000
#define NP_LINE_WINDOW 8
/* Defaults of letter_threshold and letter_demerits. */
#define NP_LETTER_THRESHOLD 1.0
#define NP_LETTER_DEMERITS 20000


void np_break_params_default(struct np_break_params *p);

struct np_break_result {
	size_t *breaks; /* item index of each line's break; the last is n-1 */
	size_t nlines;
	double *ratios; /* adjustment ratio per line; NULL from the memo */
	int overfull;   /* a line could not be brought within its width */
	int emergency;  /* the emergency pass was needed */
	int pass;       /* 1 no hyphenation, 2 with hyphenation, 3 emergency, 0 first-fit */
	double demerits;
	/* over the lines but the last (which is not stretched): the largest
	 * ratio (0 at least) and how many are very loose (ratio > 1), what a
	 * caller weighing two settings compares; kept by the memo instead of
	 * every line's ratio */
	double loosest;
	size_t very_loose;
};

/* Breaks items[0..n) (the list must end in a forced break). Returns 0, or -1
 * when out of memory. r is filled; free with np_break_result_fini. */
int np_break_paragraph(const struct np_bitem *items, size_t n, np_width_fn width,
		       void *ctx, const struct np_break_params *p,
		       struct np_break_result *r);
void np_break_result_fini(struct np_break_result *r);

/* A paragraph's last few breaks (memo.c), given again when the parameters and
 * every width the breaker asked for are the same: `peek` says a line's width
 * without making anything, or a value that differs (a miss); `width` is asked
 * when breaking. A memo belongs to one paragraph's items: pass it those (or
 * the same made again) with the breaks forbidden in them (penalty
 * NP_INF_PENALTY where the paragraph's own had none) named in fb, part of
 * what an entry is kept for. m NULL: np_break_paragraph. */
struct np_break_memo_entry;
struct np_break_forbidden {
	const size_t *at; /* item indexes, ascending */
	size_t n;
};
/* Held by value, one per paragraph of a story (a pointer of its own and its
 * allocation were a fifth of a long story's memo): zeroed, it is empty. */
struct np_break_memo {
	struct np_break_memo_entry *newest; /* then older ones, MEMO_WAYS at most */
};
void np_break_memo_fini(struct np_break_memo *m);
int np_break_memo_paragraph(struct np_break_memo *m, const struct np_bitem *items, size_t n,
			    np_width_fn peek, np_width_fn width, void *ctx,
			    const struct np_break_params *p, const struct np_break_forbidden *fb,
			    struct np_break_result *r);
/* The memo's breaks for these widths and parameters, without the items: 1
 * (r filled), 0 none kept, -1 out of memory. */
int np_break_memo_find(const struct np_break_memo *m, np_width_fn peek, void *ctx,
		       const struct np_break_params *p, const struct np_break_forbidden *fb,
		       struct np_break_result *r);

/* First item of the line after a break at b (SIZE_MAX: paragraph start):
 * glue and penalties after the break are discarded. */
size_t np_break_next_start(const struct np_bitem *items, size_t n, size_t b);

/* Adjustment ratio of the spaces of the line items[from..to] broken at `to`,
 * with letter-spacing up to `letter_space` as the last resort, once the
 * spaces would pass `threshold`; *letter (may be NULL) gets the share of that
 * allowance used, -1..1. */
double np_break_ratio(const struct np_bitem *items, size_t from, size_t to, int32_t width,
		      double letter_space, double threshold, double *letter);

#endif
