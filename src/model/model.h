/* model.h - the plain data newsprint sets: articles, layouts, diagnostics.
 *
 * The parser builds these once; every later stage only reads them. Nothing here
 * knows of YAML, Pango or Cairo. Geometry is in PDF points (1/72 in) as double,
 * origin at the page's top-left corner, y growing downwards. Every node keeps the
 * source mark of the YAML it came from, so later stages can blame the input.
 */
#ifndef NP_MODEL_H
#define NP_MODEL_H

#include <stdarg.h>
#include <stddef.h>

/* ---- source positions and diagnostics ---------------------------------- */

struct np_mark {
	const char *file; /* borrowed: owned by the diagnostics' file table */
	int line;         /* 1-based; 0 when unknown */
	int column;       /* 1-based */
};

enum np_severity { NP_WARNING, NP_ERROR };

struct np_diag {
	char *file; /* owned; may be NULL */
	int line, column;
	enum np_severity severity;
	char *message; /* owned */
};

/* Diagnostics collected by every stage; printed by the front end as
 * FILE:LINE:COLUMN: error: MESSAGE. Also owns interned file names that marks
 * point to. */
struct np_diags {
	struct np_diag *v;
	size_t n, cap;
	int errors, warnings;
	char **files; /* interned file names */
	size_t nfiles;
	char **file_slots; /* files, hashed by name (open addressing, a power of two):
			      an edition of thousands of stories interns as many */
	size_t nslots;
};

void np_diags_init(struct np_diags *d);
void np_diags_fini(struct np_diags *d);
/* Returns a string owned by d, equal to file, alive until np_diags_fini. */
const char *np_diags_intern(struct np_diags *d, const char *file);
void np_diag_add(struct np_diags *d, enum np_severity sev, const struct np_mark *at,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void np_diag_vadd(struct np_diags *d, enum np_severity sev, const struct np_mark *at,
		  const char *fmt, va_list ap);
/* Formats one diagnostic as "FILE:LINE:COLUMN: error: MESSAGE" (no newline);
 * returns a malloc'd string. */
char *np_diag_format(const struct np_diag *g);

/* ---- styled text -------------------------------------------------------- */

enum np_inline {
	NP_INLINE_ITALIC = 1 << 0,
	NP_INLINE_BOLD = 1 << 1,
};

/* A range of text with inline style flags; byte offsets into np_text.text. */
struct np_run {
	size_t start, end;
	unsigned flags; /* enum np_inline bits */
};

/* Text with inline emphasis resolved: markup removed from `text`, its
 * styles kept as runs (sorted, non-overlapping, only non-zero flags). */
struct np_text {
	char *text; /* owned, valid UTF-8, NUL-terminated; NULL when packed */
	size_t len; /* bytes */
	/* a body paragraph's text, deflated once parsed (model/textpack.h:
	 * np_text_plain gives it) */
	unsigned char *packed;
	size_t packed_len;
	struct np_run *runs;
	size_t nruns;
	struct np_mark mark;
};

/* ---- articles ------------------------------------------------------------ */

enum np_block_kind { NP_BLOCK_PARAGRAPH, NP_BLOCK_SUBHEAD };

struct np_block {
	enum np_block_kind kind;
	struct np_text text;
	struct np_mark mark;
};

enum np_position { NP_POS_UNSET = 0, NP_POS_TOP, NP_POS_BOTTOM, NP_POS_AFTER };

/* Placement hints shared by pull-quotes, sidebars and images. 0 = unset
 * (the layout's default applies). */
struct np_placement {
	int after;  /* body block, 1-based */
	int span;   /* columns */
	int column; /* first column, 1-based */
	enum np_position position;
	struct np_mark after_mark, span_mark, column_mark, position_mark;
};

struct np_pullquote {
	struct np_text text;
	char *attribution; /* may be NULL */
	struct np_placement place;
	struct np_mark mark;
};

enum np_sidebar_kind { NP_SIDEBAR_DATELINES, NP_SIDEBAR_BOX };

struct np_dateline_entry {
	char *place; /* required */
	char *date;  /* may be NULL */
	char *note;  /* may be NULL */
	struct np_mark mark;
};

struct np_sidebar {
	enum np_sidebar_kind kind;
	char *title; /* may be NULL */
	struct np_dateline_entry *entries; /* datelines */
	size_t nentries;
	struct np_text *paragraphs; /* box */
	size_t nparagraphs;
	struct np_placement place;
	struct np_mark mark;
};

struct np_image {
	char *file; /* as written in the YAML */
	char *path; /* resolved, readable path */
	char *caption; /* may be NULL */
	char *credit;  /* may be NULL */
	int pixel_width, pixel_height; /* read from the file by the parser (a PDF: its page, pt) */
	int is_jpeg;
	int is_pdf, pdf_page;          /* a PDF's page (1-based) is placed as a form XObject */
	struct np_placement place;
	struct np_mark mark, file_mark, page_mark;
};

struct np_article {
	char *source; /* path of the YAML file */
	char *id;
	char *language; /* BCP 47, default "en" */
	char *section, *kicker, *headline, *deck, *byline, *byline_title, *dateline, *date;
	struct np_mark id_mark, headline_mark;
	struct np_block *blocks;
	size_t nblocks;
	struct np_pullquote *pullquotes;
	size_t npullquotes;
	struct np_sidebar *sidebars;
	size_t nsidebars;
	struct np_image *images;
	size_t nimages;
	struct np_mark mark;
};

void np_article_free(struct np_article *a);
void np_text_fini(struct np_text *t);

/* ---- layouts ------------------------------------------------------------- */

/* Paragraph styles a layout defines. */
enum np_style_id {
	NP_ST_KICKER,
	NP_ST_HEADLINE,
	NP_ST_DECK,
	NP_ST_BYLINE,
	NP_ST_BYLINE_TITLE,
	NP_ST_DATELINE,
	NP_ST_BODY,
	NP_ST_BODY_FIRST,
	NP_ST_SUBHEAD,
	NP_ST_PULLQUOTE,
	NP_ST_PULLQUOTE_ATTRIBUTION,
	NP_ST_SIDEBAR_TITLE,
	NP_ST_SIDEBAR,
	NP_ST_SIDEBAR_PLACE,
	NP_ST_CAPTION,
	NP_ST_CREDIT,
	NP_ST_FOLIO,
	NP_ST_JUMP_HEAD,    /* a story's headline again where it continues */
	NP_ST_JUMP,         /* "Continued on page 5" */
	NP_ST_NAMEPLATE,    /* the edition's name on the front page */
	NP_ST_RUNNING_HEAD, /* name, date, section and page atop inside pages */
	NP_ST_INDEX,        /* the front page's index strip */
	NP_ST_AD,           /* an advertisement placeholder's label */
	NP_ST_DROP_CAP,     /* the first letter, drop_cap lines deep (its size is derived) */
	NP_ST_COUNT
};

/* The YAML key of a style ("body_first"); NULL past the end. */
const char *np_style_name(enum np_style_id id);

/* How a layout wrote a colour: the print pass keeps CMYK and grey exact and
 * converts RGB through the output profile. */
enum np_color_kind { NP_COLOR_RGB, NP_COLOR_GRAY, NP_COLOR_CMYK };

/* The print: section. PDF/X output is made by the print pass (press/). */
enum np_pdfx { NP_PDFX_NONE, NP_PDFX_1A, NP_PDFX_4 };

struct np_print {
	enum np_pdfx pdfx;
	char *output_profile;   /* ICC file, as written in the layout (owned) */
	char *output_condition; /* OutputConditionIdentifier, e.g. IFRA26 (owned) */
	double bleed;           /* pt */
	int crop_marks;         /* 0/1 */
	double ink_limit;       /* total area coverage, percent */
};

enum np_align { NP_ALIGN_LEFT, NP_ALIGN_RIGHT, NP_ALIGN_CENTER, NP_ALIGN_JUSTIFY };
enum np_transform { NP_TRANSFORM_NONE, NP_TRANSFORM_UPPERCASE };

struct np_style {
	char *font;     /* fontconfig family, e.g. "PT Serif" (owned) */
	double size;    /* pt */
	double leading; /* pt; baseline to baseline */
	int weight;     /* 100..900; 400 regular, 700 bold */
	int italic;     /* 0/1 */
	enum np_align align;
	double indent;       /* pt, first-line indent (body) */
	double space_before; /* pt, snapped to the grid where the style sits on it */
	double space_after;  /* pt */
	enum np_transform transform;
	int small_caps;        /* 0/1: OpenType smcp, or synthesised */
	double letter_spacing; /* em/1000 (tracking) */
	double color[3];       /* rgb 0..1: what Cairo draws */
	enum np_color_kind color_kind;
	double cmyk[4];        /* NP_COLOR_CMYK, NP_COLOR_GRAY (K only): exact, 0..1 */
	struct np_mark mark;
};

enum np_quote_frame { NP_QUOTE_RULES, NP_QUOTE_BOX, NP_QUOTE_PLAIN };

/* Minimum fragment lengths for one language, where the layout sets them
 * apart from its own (Russian, German and French allow two letters after a
 * break where English wants three). */
#define NP_MAX_HYPHEN_LANGUAGES 16

struct np_hyphen_min {
	char language[16]; /* a BCP 47 tag, or its language part: "ru", "de-CH" */
	int left, right;
};

/* The most letter-spacing a layout may allow (a fraction of the letters'
 * width): past it words visibly change their width from line to line. */
#define NP_LETTER_SPACE_BOUND 0.05

/* The words page furniture sets in a language, as an issue or a layout
 * overrides the bundled table (flow/words.c): "{page}" in a jump line stands
 * for the page's label. A NULL field keeps the table's. */
#define NP_MAX_WORD_LANGUAGES 16
struct np_words {
	char language[16];
	char *on, *from; /* "Continued on page {page}", "Continued from page {page}" */
	char *page;      /* "Page", before a label in a running head */
	char *months[12];
};
void np_words_fini(struct np_words *w, size_t n);

struct np_layout {
	char *name;
	char *source; /* path of the YAML file, NULL for built-in defaults */
	double page_width, page_height;                                /* pt */
	double margin_top, margin_right, margin_bottom, margin_left; /* pt */
	int columns;
	double gutter;      /* pt */
	double column_rule; /* pt, 0 = no rules between columns */
	double grid;        /* pt, the body baseline grid */
	double standoff;    /* pt, space kept between an obstacle and text */
	double min_measure; /* pt, narrower slots beside an obstacle stay empty */

	struct np_style styles[NP_ST_COUNT];

	/* headline band */
	int deck_span;             /* columns the deck spans, 0 = all */
	double headline_rule;      /* pt, rule under the band, 0 = none */
	double headline_min_size;  /* pt: headlines shrink to fit down to this; 0 = never */
	int headline_max_lines;    /* lines a headline may take when fitted */

	/* pull-quotes */
	int pullquote_span;                 /* default columns */
	enum np_quote_frame pullquote_frame; /* rules above and below, box, plain */
	double pullquote_rule;              /* pt */
	double pullquote_inset;             /* 0 = full columns; else the fraction of
					       a column's width the quote leaves to
					       text on each side it straddles */
	double pullquote_max_share;         /* of a story's area on a page, at most */
	int pullquote_lines_below;          /* text lines under a quote in each column */

	/* the copy desk's rules */
	int subhead_space;  /* grid lines above a subhead (none at a column's top) */
	int jump_min_lines; /* lines per column of a story's part before a jump */
	struct np_words words[NP_MAX_WORD_LANGUAGES]; /* overrides of flow/words.c */
	int nwords;

	/* sidebars */
	int sidebar_column;                 /* default 1-based column */
	enum np_position sidebar_position;  /* default top or bottom */
	double sidebar_tint;                /* grey level of box sidebars, 0..1 */

	/* pictures */
	int image_span;

	/* hyphenation and breaking */
	int hyphen_left, hyphen_right; /* minimum fragment lengths, chars */
	struct np_hyphen_min hyphen_by_language[NP_MAX_HYPHEN_LANGUAGES];
	int nhyphen_by_language;
	int hyphenate_capitalized;     /* 0/1 */
	int max_hyphen_run;            /* consecutive hyphenated lines */
	double letter_space_max;       /* fraction, e.g. 0.02; at most NP_LETTER_SPACE_BOUND */
	double letter_space_threshold; /* spaces' ratio past which letters move */
	int drop_cap_lines;            /* 0 = none, else 2..4 */

	/* furniture */
	int folio; /* 0/1: folio at the foot of every page */
	struct np_print print;
	struct np_mark mark;
};

/* Fills l with the built-in defaults (a tabloid page); the parser then
 * applies what the YAML gives. Strings are owned by l. */
void np_layout_init_defaults(struct np_layout *l);
void np_layout_fini(struct np_layout *l);
/* Gives every CMYK style colour an RGB of its own (see model.c). */
void np_layout_reserve_inks(struct np_layout *l);
void np_style_fini(struct np_style *s);

/* Width of one column in pt. */
double np_layout_column_width(const struct np_layout *l);
/* The minimum fragments for an article's language: the layout's entry for
 * that tag, else for its language part ("ru" for "ru-RU"), else its own. */
void np_layout_hyphen_min(const struct np_layout *l, const char *language, int *left,
			  int *right);
/* x of column c (0-based) in pt. */
double np_layout_column_x(const struct np_layout *l, int c);

/* ---- issues (whole editions) ------------------------------------------- */

#define NP_DEPTH_FOOT 0 /* a module's depth: to the foot of the page */

/* A rectangle of the column grid on one page: where a story (or a part of it
 * after a jump) or an advertisement stands. Columns and grid lines 1-based;
 * grid lines count from the top of the page's body area (below the nameplate
 * or running head). */
struct np_module {
	int page;      /* 1-based position of the page in the issue */
	int col, last; /* first and last column, 1-based, inclusive */
	int top;       /* first grid line, 1-based */
	int depth;     /* grid lines; NP_DEPTH_FOOT: to the foot of the page */
	struct np_mark mark;
};

struct np_story {
	char *file;                 /* as written in the issue YAML */
	char *path;                 /* resolved path */
	struct np_article *article; /* parsed (owned) */
	struct np_module *modules;  /* [0] where it starts; then its jumps, in order */
	size_t nmodules;
	struct np_mark mark, file_mark;
};

struct np_ad {
	struct np_module module;
	char *image;   /* resolved path of a PNG, JPEG or PDF, may be NULL */
	char *label;   /* placeholder text when there is no image, may be NULL */
	int pixel_width, pixel_height, is_jpeg; /* a PDF: its page's size in pt */
	int is_pdf, pdf_page;                   /* the PDF's page placed, 1-based */
	struct np_mark mark, page_mark;
};

enum np_page_template { NP_TEMPLATE_FRONT, NP_TEMPLATE_INSIDE };

struct np_issue_page {
	enum np_page_template template;
	char *section;       /* section name for the running head, may be NULL */
	char *section_letter; /* "A": pages numbered A1, A2 ...; may be NULL */
	struct np_mark mark;
};

struct np_issue {
	char *source;   /* path of the issue YAML */
	char *name;     /* edition (nameplate) name */
	char *date;     /* ISO 8601 */
	char *edition;  /* e.g. "Late edition", may be NULL */
	char *layout;   /* bundled name or path, may be NULL (the command line's) */
	char *language; /* the edition's, for its dates and running heads; NULL: en */
	struct np_words words[NP_MAX_WORD_LANGUAGES]; /* overrides of flow/words.c */
	int nwords;
	struct np_issue_page *pages;
	size_t npages;
	struct np_story *stories;
	size_t nstories;
	struct np_ad *ads;
	size_t nads;
	struct np_mark mark, layout_mark;
};

void np_issue_free(struct np_issue *is);

#endif
