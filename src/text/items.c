/* items.c - box/glue/penalty items of a shaped paragraph.
 *
 *   [indent box] word (glue word)* [no-break penalty, fill glue, forced break]
 * A word is split into boxes at its break chances: after an explicit hyphen or
 * dash (a penalty of width 0), at hyphenation points (a flagged penalty as wide
 * as a hyphen). A no-break space is glue behind an infinite penalty; after a
 * one-letter word the language binds by convention, behind ONE_LETTER_PENALTY.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "break/break_int.h"
#include "text/para_int.h"
#include "util/grow.h"

#define HYPHEN_PENALTY 50
#define EXHYPHEN_PENALTY 50
#define MAX_POINTS 32
/* A break after a one-letter word ("в", "и"): a preposition left at a line's
 * end is a fault of style, but a lesser one than a loose line, which is what
 * a narrow column otherwise pays for it: its demerits (the square, a million)
 * are those body.c adds to a loose line, a tenth of a very loose one's. */
#define ONE_LETTER_PENALTY 1000
/* A justified paragraph's last word is hyphenated only where this many
 * letters go on to the last line: a stub ("sia.", "но.") reads as a fault,
 * but a long last word held whole costs a narrow column a loose line. */
#define LAST_LINE_LETTERS 5

static int push(struct np_para *p, struct np_bitem it)
{
	if (np_grow((void **)&p->items, &p->cap, p->nitems, sizeof it, 64) < 0)
		return -1;
	p->items[p->nitems++] = it;
	return 0;
}

/* The width of text[a..b): an item's width is 32 bits, and a piece wider
 * than 2^31 units (2.1 million pt) fits no line whatever its exact width. */
static int32_t width(const struct np_para *p, size_t a, size_t b)
{
	int64_t w = p->pre[b] - p->pre[a];
	return w > INT32_MAX ? INT32_MAX : (int32_t)w;
}

static int box(struct np_para *p, size_t a, size_t b)
{
	if (a >= b)
		return 0;
	return push(p, (struct np_bitem){.type = NP_BOX, .width = width(p, a, b),
					 .pos = (uint32_t)a, .end = (uint32_t)b});
}

static int penalty(struct np_para *p, size_t at, int32_t width, int32_t pen, int flagged,
		   int explicit_hyphen)
{
	return push(p, (struct np_bitem){.type = NP_PENALTY, .width = width, .penalty = pen,
					 .flagged = (uint8_t)flagged,
					 .explicit_hyphen = (uint8_t)explicit_hyphen,
					 .pos = (uint32_t)at, .end = (uint32_t)at});
}

static int glue(struct np_para *p, size_t a, size_t b, int justify)
{
	int32_t w = width(p, a, b);
	/* justified: a space may grow to twice its width, shrink by 30% (to
	 * about 0.17 em in the bundled serif: more would run the words together;
	 * a quarter left the narrow Russian columns looser than they need be);
	 * ragged: spaces keep their width */
	return push(p, (struct np_bitem){.type = NP_GLUE, .width = w,
					 .stretch = justify ? w : 0, .shrink = justify ? (int32_t)((int64_t)w * 3 / 10) : 0,
					 .pos = (uint32_t)a, .end = (uint32_t)b});
}

/* Letters only, not capitalised (unless allowed), no digits: a word the
 * patterns may hyphenate. URLs and e-mail addresses never are. */
static int hyphenable(const char *w, size_t len, int caps_ok)
{
	if (len < 4 || g_strstr_len(w, (gssize)len, "://") || g_strstr_len(w, (gssize)len, "www.") ||
	    memchr(w, '@', len))
		return 0;
	gunichar first = g_utf8_get_char(w);
	if (!caps_ok && g_unichar_isupper(first))
		return 0;
	for (const char *c = w; c < w + len; c = g_utf8_next_char(c)) {
		gunichar u = g_utf8_get_char(c);
		if (!g_unichar_isalpha(u) && u != 0x2019 && u != '\'')
			return 0;
	}
	return 1;
}

/* Boxes and break chances of the word text[a..b), with hyphenation points
 * from the dictionary when `hyph` is set. */
/* How a paragraph's words may be hyphenated, worked out once for all of them. */
struct hyph_rules {
	const char *language;
	int left, right; /* minimum fragments, as the layout sets them for the language */
	int caps;        /* capitalised words too */
};

static struct hyph_rules hyph_rules(const struct np_para_spec *spec)
{
	const struct np_layout *lay = spec->layout;
	struct hyph_rules hr = {.language = spec->language, .left = 2, .right = 3};
	if (lay)
		np_layout_hyphen_min(lay, spec->language, &hr.left, &hr.right);
	/* German capitalises every noun: there a capital says nothing of names */
	hr.caps = (lay && lay->hyphenate_capitalized) ||
		  (spec->language && g_ascii_strncasecmp(spec->language, "de", 2) == 0);
	return hr;
}

/* Hyphenation points of the word core text[ca..cb), as byte offsets from ca:
 * a compound ("iodine-containing", "пресс-конференции") part by part, since
 * the patterns know words, not compounds, and a narrow column needs the
 * parts' breaks as much as any word's. A part that is not all letters (a
 * number, an address) gets none. */
static int hyph_points(struct np_para *p, const struct hyph_rules *hr, size_t ca, size_t cb,
		       size_t *pts, int max)
{
	const char *w = p->text + ca;
	size_t len = cb - ca;
	if (g_strstr_len(w, (gssize)len, "://") || g_strstr_len(w, (gssize)len, "www.") ||
	    memchr(w, '@', len))
		return 0;
	int np = 0;
	for (size_t s = ca; s < cb && np < max;) {
		size_t e = s;
		while (e < cb && g_utf8_get_char(p->text + e) != '-' &&
		       g_utf8_get_char(p->text + e) != 0x2010)
			e = (size_t)(g_utf8_next_char(p->text + e) - p->text);
		if (hyphenable(p->text + s, e - s, hr->caps)) {
			size_t part[MAX_POINTS];
			int k = np_hyph_points_cached(p->t, hr->language, p->text + s, e - s, hr->left,
						      hr->right, part, max - np);
			for (int i = 0; i < k; i++)
				pts[np++] = s - ca + part[i];
		}
		s = e < cb ? (size_t)(g_utf8_next_char(p->text + e) - p->text) : cb;
	}
	return np;
}

/* 1 when text[c] is a digit right after a hyphen or en dash that follows a
 * digit (from a on): a range, which a compositor never breaks. */
static int dash_between_digits(const struct np_para *p, size_t a, size_t c)
{
	const char *d = g_utf8_prev_char(p->text + c);
	gunichar dash = g_utf8_get_char(d);
	if (dash != '-' && dash != 0x2010 && dash != 0x2011 && dash != 0x2013)
		return 0;
	if ((size_t)(d - p->text) <= a || !g_unichar_isdigit(g_utf8_get_char(p->text + c)))
		return 0;
	return g_unichar_isdigit(g_utf8_get_char(g_utf8_prev_char(d)));
}

/* hr NULL: the word is not hyphenated. */
static int word(struct np_para *p, const PangoLogAttr *la, const long *ci, size_t a, size_t b,
		const struct np_para_spec *spec, const struct hyph_rules *hr, int32_t hw)
{
	size_t pts[MAX_POINTS];
	int np = 0;
	/* letters at the word's core: leading and trailing punctuation stays whole */
	size_t ca = a, cb = b;
	while (ca < cb && !g_unichar_isalpha(g_utf8_get_char(p->text + ca)))
		ca = (size_t)(g_utf8_next_char(p->text + ca) - p->text);
	while (cb > ca && !g_unichar_isalpha(g_utf8_get_char(g_utf8_prev_char(p->text + cb))))
		cb = (size_t)(g_utf8_prev_char(p->text + cb) - p->text);
	if (hr && cb > ca)
		np = hyph_points(p, hr, ca, cb, pts, MAX_POINTS);
	/* a word wider than any line may break anywhere, as a last resort */
	int anywhere = spec->max_box > 0 && p->pre[b] - p->pre[a] > spec->max_box;
	if (p->pre[b] - p->pre[a] > p->widest)
		p->widest = p->pre[b] - p->pre[a];
	if (p->keep && np_grow((void **)&p->word_w, &p->capword_w, p->nword_w, sizeof *p->word_w, 16) < 0)
		return -1;
	if (p->keep)
		p->word_w[p->nword_w++] = p->pre[b] - p->pre[a];
	size_t from = a;
	int k = 0;
	for (size_t c = a; c < b; c = (size_t)(g_utf8_next_char(p->text + c) - p->text)) {
		if (c == a)
			continue;
		int is_point = k < np && ca + pts[k] == c;
		if (is_point)
			k++;
		gunichar prev = g_utf8_get_char(g_utf8_prev_char(p->text + c));
		int hy = prev == '-' || prev == 0x2010;
		if (dash_between_digits(p, a, c))
			continue; /* "8–10", "1941–1945": one number range */
		int32_t w = hw, pen = HYPHEN_PENALTY;
		int flagged = 1, explicit_hy = 0;
		if (la[ci[c]].is_line_break && prev != 0x00AD) { /* after a hyphen, dash, slash */
			w = 0;
			pen = hy ? EXHYPHEN_PENALTY : 0;
			flagged = explicit_hy = hy;
		} else if (!la[ci[c]].is_line_break && !(is_point && p->cluster[c])) {
			if (!(anywhere && p->cluster[c]))
				continue;
			w = 0; /* no hyphen, as in a URL broken across lines */
			pen = NP_ANYWHERE_PENALTY;
			flagged = 0;
		} /* else a soft hyphen in the input, or a hyphenation point */
		if (box(p, from, c) < 0 || penalty(p, c, w, pen, flagged, explicit_hy) < 0)
			return -1;
		from = c;
	}
	return box(p, from, b);
}

static int is_nbsp(gunichar u)
{
	return u == 0x00A0 || u == 0x202F || u == 0x2007 || u == 0x2060;
}

/* 1 when text[..b) ends in a word of one letter (after a space, a no-break
 * space, the start or an opening bracket or quote). */
static int one_letter_before(const struct np_para *p, size_t b)
{
	if (b == 0)
		return 0;
	const char *l = g_utf8_prev_char(p->text + b);
	if (!g_unichar_isalpha(g_utf8_get_char(l)))
		return 0;
	if (l == p->text)
		return 1;
	gunichar pp = g_utf8_get_char(g_utf8_prev_char(l));
	return g_unichar_isspace(pp) || is_nbsp(pp) || pp == '(' || pp == 0xAB || pp == 0x201E ||
	       pp == 0x201C;
}

/* Byte offset -> character index, for the log attrs. */
static long *char_index(const struct np_para *p)
{
	long *ci = malloc((p->len + 1) * sizeof *ci);
	if (!ci)
		return NULL;
	long n = 0;
	for (size_t b = 0; b < p->len;) {
		size_t next = (size_t)(g_utf8_next_char(p->text + b) - p->text);
		for (size_t k = b; k < next && k < p->len; k++)
			ci[k] = n;
		n++;
		b = next;
	}
	ci[p->len] = n;
	return ci;
}

/* Where the last word starts (it is hyphenated by stricter rules). */
static size_t last_word_start(const struct np_para *p)
{
	size_t e = p->len;
	while (e > 0 && g_unichar_isspace(g_utf8_get_char(g_utf8_prev_char(p->text + e))))
		e = (size_t)(g_utf8_prev_char(p->text + e) - p->text);
	while (e > 0 && !g_unichar_isspace(g_utf8_get_char(g_utf8_prev_char(p->text + e))))
		e = (size_t)(g_utf8_prev_char(p->text + e) - p->text);
	return e;
}

int np_para_items_build(struct np_para *p, const struct np_para_spec *spec)
{
	int nattrs = 0;
	const PangoLogAttr *la = pango_layout_get_log_attrs_readonly(p->layout, &nattrs);
	long *ci = char_index(p);
	if (!ci)
		return -1;
	int32_t hw = np_para_hyphen_width(p);
	int soft_one = p->justify && np_punct_binds_one_letter(spec->language);
	/* ragged text too: its breaker takes a dictionary break only where no
	 * space or hyphen of the text fits (firstfit.c) */
	int hyph_ok = spec->language != NULL;
	struct hyph_rules hr = hyph_rules(spec);
	size_t last = last_word_start(p);
	struct hyph_rules last_hr = hr;
	last_hr.right = hr.right > LAST_LINE_LETTERS ? hr.right : LAST_LINE_LETTERS;
	p->indent = NP_UNITS(spec->indent);
	int rc = 0;
	if (p->indent > 0)
		rc = push(p, (struct np_bitem){.type = NP_BOX, .width = p->indent});
	for (size_t b = 0; b < p->len && rc == 0;) {
		gunichar u = g_utf8_get_char(p->text + b);
		size_t e = b;
		if (g_unichar_isspace(u) || is_nbsp(u)) {
			int nb = 0, plain = 1;
			while (e < p->len && (g_unichar_isspace(g_utf8_get_char(p->text + e)) ||
					      is_nbsp(g_utf8_get_char(p->text + e)))) {
				nb |= is_nbsp(g_utf8_get_char(p->text + e));
				plain &= g_utf8_get_char(p->text + e) == 0x00A0;
				e = (size_t)(g_utf8_next_char(p->text + e) - p->text);
			}
			/* a dash stays with the word before it, whatever that is */
			gunichar next = e < p->len ? g_utf8_get_char(p->text + e) : 0;
			int soft = nb && plain && soft_one && e - b == 2 && next != 0x2014 &&
				   next != 0x2013 && one_letter_before(p, b);
			if (nb)
				rc = penalty(p, b, 0, soft ? ONE_LETTER_PENALTY : NP_INF_PENALTY, 0, 0);
			if (rc == 0)
				rc = glue(p, b, e, p->justify);
		} else {
			while (e < p->len && !g_unichar_isspace(g_utf8_get_char(p->text + e)) &&
			       !is_nbsp(g_utf8_get_char(p->text + e)))
				e = (size_t)(g_utf8_next_char(p->text + e) - p->text);
			/* the last word too, but never leaving a stub for the last line */
			struct hyph_rules *rules = b < last ? &hr : p->justify ? &last_hr : NULL;
			rc = word(p, la, ci, b, e, spec, hyph_ok ? rules : NULL, hw);
		}
		b = e;
	}
	free(ci);
	if (rc == 0 && p->nitems && p->items[p->nitems - 1].type == NP_GLUE)
		p->nitems--; /* trailing space */
	if (rc == 0)
		rc = penalty(p, p->len, 0, NP_INF_PENALTY, 0, 0);
	if (rc == 0)
		rc = push(p, (struct np_bitem){.type = NP_GLUE, .stretch = NP_FILL,
					       .pos = (uint32_t)p->len, .end = (uint32_t)p->len});
	if (rc == 0)
		rc = penalty(p, p->len, 0, -NP_INF_PENALTY, 0, 0);
	return rc;
}
