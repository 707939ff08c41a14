/* punct.c - punctuation as each language sets it: typographic quotes,
 * apostrophes, dashes and the no-break spaces a language requires.
 *
 *   "x" -> “x” (en), «x» (ru, uk, be, kk; „x“ inside), „x“ (de), « x » (fr)
 *   'x' and it's -> ‘x’ and it’s (de: ‚x‘)
 *   --  -> — (en, ru) or – (de, fr);  word - word -> word — word (en-US, ru),
 *          word – word (en-GB, de, fr)
 *   ru, uk, be: a no-break space after one-letter words and before a dash
 *   all: a no-break space between a number and its unit, after an initial
 *   fr: a narrow no-break space before ; : ! ?
 * Byte offsets move: a map from old to new offsets carries the inline runs.
 */
#include <stdlib.h>
#include <string.h>

#include "text/text_int.h"

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"

enum lang { L_EN, L_EN_GB, L_RU, L_DE, L_FR, L_OTHER };

struct lang_marks {
	const char *dq_open, *dq_close, *dq2_open, *dq2_close; /* double, nested double */
	const char *sq_open, *sq_close;
	const char *dash2;     /* for "--" */
	const char *spaced;    /* for " - " between words, spaces included */
};

static const struct lang_marks marks[] = {
	[L_EN] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x98",
		  "\xE2\x80\x99", "\xE2\x80\x94", " \xE2\x80\x94 "},
	[L_EN_GB] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
		     "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x94", " \xE2\x80\x93 "},
	[L_RU] = {"\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9E", "\xE2\x80\x9C", "\xE2\x80\x9E",
		  "\xE2\x80\x9C", "\xE2\x80\x94", NBSP "\xE2\x80\x94 "},
	[L_DE] = {"\xE2\x80\x9E", "\xE2\x80\x9C", "\xE2\x80\x9A", "\xE2\x80\x98", "\xE2\x80\x9A",
		  "\xE2\x80\x98", "\xE2\x80\x93", " \xE2\x80\x93 "},
	[L_FR] = {"\xC2\xAB" NNBSP, NNBSP "\xC2\xBB", "\xE2\x80\x9C", "\xE2\x80\x9D",
		  "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x93", " \xE2\x80\x93 "},
	[L_OTHER] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
		     "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x94", " \xE2\x80\x94 "},
};

static enum lang lang_of(const char *l)
{
	if (!l)
		return L_EN;
	if (!g_ascii_strncasecmp(l, "en-gb", 5) || !g_ascii_strncasecmp(l, "en_gb", 5))
		return L_EN_GB;
	if (!g_ascii_strncasecmp(l, "en", 2))
		return L_EN;
	if (!g_ascii_strncasecmp(l, "ru", 2) || !g_ascii_strncasecmp(l, "uk", 2) ||
	    !g_ascii_strncasecmp(l, "be", 2) || !g_ascii_strncasecmp(l, "kk", 2))
		return L_RU;
	if (!g_ascii_strncasecmp(l, "de", 2))
		return L_DE;
	if (!g_ascii_strncasecmp(l, "fr", 2))
		return L_FR;
	return L_OTHER;
}

struct out {
	GString *s;
	size_t *map; /* map[old byte offset] = new byte offset */
	int depth;   /* open double quotes */
};

static gunichar at(const char *t, size_t len, size_t i)
{
	return i < len ? g_utf8_get_char(t + i) : 0;
}

static gunichar before(const char *t, size_t i)
{
	return i > 0 ? g_utf8_get_char(g_utf8_prev_char(t + i)) : 0;
}

/* An opening mark follows nothing, a space, a bracket, a dash or a quote. */
static int opens(gunichar p)
{
	return p == 0 || g_unichar_isspace(p) || p == 0xA0 || strchr("([{<", (int)(p < 128 ? p : 1)) ||
	       p == 0x2014 || p == 0x2013 || p == 0xAB || p == 0x201C || p == 0x201E || p == 0x2018;
}

static const char *one_letter_ru = "вксуоиаяВКСУОИАЯ";

/* 1 when the space at i should not break: after a one-letter word (ru), between
 * a number and a unit, after an initial. */
static int keep_space(const char *t, size_t len, size_t i, enum lang lg)
{
	gunichar p = before(t, i);
	size_t pi = i > 0 ? (size_t)(g_utf8_prev_char(t + i) - t) : 0;
	gunichar pp = before(t, pi);
	int word_start = pp == 0 || g_unichar_isspace(pp) || pp == 0xA0 || pp == '(' || pp == 0xAB;
	if (lg == L_RU && word_start && p) {
		char u[8] = {0};
		g_unichar_to_utf8(p, u);
		if (strstr(one_letter_ru, u))
			return 1;
	}
	if (p == '.' && g_unichar_isupper(pp)) {
		size_t ppi = (size_t)(g_utf8_prev_char(t + pi) - t);
		gunichar ppp = before(t, ppi);
		if (ppp == 0 || g_unichar_isspace(ppp) || ppp == 0xA0)
			return g_unichar_isupper(at(t, len, i + 1)); /* "A. Name" */
	}
	if (g_unichar_isdigit(p)) {
		static const char *const units[] = {"%",  "km", "kg", "cm", "mm", "m ", "g ", "t ",
						    "°",  "km/h", "км", "кг", "см", "мм", "м ", "г.",
						    "млн", "млрд", "тыс", "руб", "per cent", "percent"};
		const char *n = t + i + 1;
		for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
			size_t ul = strlen(units[k]);
			if ((size_t)(n - t) + ul <= len && strncmp(n, units[k], ul) == 0) {
				gunichar after = at(t, len, (size_t)(n - t) + ul);
				if (units[k][ul - 1] == ' ' || !g_unichar_isalpha(after))
					return 1;
			}
		}
	}
	return 0;
}

/* Handles the character at i; returns the bytes of input consumed. */
static size_t step(struct out *o, const char *t, size_t len, size_t i, enum lang lg)
{
	const struct lang_marks *m = &marks[lg];
	gunichar c = at(t, len, i), p = before(t, i);
	size_t clen = (size_t)(g_utf8_next_char(t + i) - (t + i));
	if (c == '"') {
		int open = opens(p);
		if (open)
			o->depth++;
		const char *mark = open ? (o->depth > 1 ? m->dq2_open : m->dq_open)
					: (o->depth > 1 ? m->dq2_close : m->dq_close);
		if (!open && o->depth > 0)
			o->depth--;
		g_string_append(o->s, mark);
		return 1;
	}
	if (c == '\'') {
		int open = opens(p) && g_unichar_isalnum(at(t, len, i + 1));
		g_string_append(o->s, open ? m->sq_open : "\xE2\x80\x99");
		return 1;
	}
	if (c == '-' && at(t, len, i + 1) == '-') {
		g_string_append(o->s, m->dash2);
		return at(t, len, i + 2) == '-' ? 3 : 2;
	}
	if (c == ' ' && at(t, len, i + 1) == '-' && at(t, len, i + 2) == ' ' && p &&
	    !g_unichar_isspace(p)) {
		g_string_append(o->s, m->spaced);
		return 3;
	}
	if (c == ' ' && lg == L_RU && (at(t, len, i + 1) == 0x2014))
		return g_string_append(o->s, NBSP), 1;
	if (c == ' ' && lg == L_FR && strchr(";:!?", (int)(at(t, len, i + 1) & 0x7F)) &&
	    at(t, len, i + 1) < 128)
		return g_string_append(o->s, NNBSP), 1;
	if (c == ' ' && keep_space(t, len, i, lg))
		return g_string_append(o->s, NBSP), 1;
	g_string_append_len(o->s, t + i, (gssize)clen);
	return clen;
}

int np_punct_binds_one_letter(const char *language)
{
	return language && lang_of(language) == L_RU;
}

char *np_punctuate(const char *language, const char *text, size_t len, size_t **map_out,
		   size_t *out_len)
{
	enum lang lg = lang_of(language);
	struct out o = {.s = g_string_sized_new(len + 16)};
	size_t *map = malloc((len + 1) * sizeof *map);
	if (!map) {
		g_string_free(o.s, TRUE);
		return NULL;
	}
	for (size_t i = 0; i < len;) {
		size_t before_len = o.s->len; /* where the replacement of byte i starts */
		size_t n = step(&o, text, len, i, lg);
		for (size_t k = 0; k < n && i + k < len; k++)
			map[i + k] = before_len;
		i += n;
	}
	map[len] = o.s->len;
	*out_len = o.s->len;
	*map_out = map;
	return g_string_free(o.s, FALSE);
}
