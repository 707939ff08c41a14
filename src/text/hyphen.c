/* hyphen.c - hyphenation points from libhyphen and Debian's hyphen-* dictionaries.
 *
 * Dictionaries are loaded once per language and kept, and shared by the
 * contexts of an edition's threads (np_hyph_dicts_ref): loading English costs
 * 130 million instructions, and libhyphen only reads a loaded dictionary, so
 * only finding or loading one is done under the lock. Each names its charset on
 * its first line; those that are not UTF-8 (Russian: KOI8-R, German: ISO8859-1)
 * get the word converted with iconv, one byte per character, and points mapped
 * back to UTF-8 offsets. Patterns are lower case, so words are lowered first.
 */
#include <glib.h>
#include <hyphen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/hyph_expand.h"
#include "text/hyph_letters.h"
#include "text/text_int.h"

#define MAX_WORD 256 /* bytes; longer "words" are not hyphenated by patterns */

struct dict_entry {
	char *language;
	HyphenDict *dict;     /* NULL: no dictionary for this language */
	GHashTable *letters;  /* the letters its patterns use (hyph_letters.c), may be NULL */
	GHashTable *except;   /* lower-case word -> "ta-ble": the project's corrections */
};

struct np_hyph_dicts {
	char *dir;
	char *except_dir; /* the project's exception lists: LANG.txt, may be NULL */
	struct dict_entry **v; /* entries stay where they are while v grows: a thread
				  reads its entry outside the lock */
	size_t n;
	GMutex lock;      /* over v and n */
	gint refs;
};

struct np_hyph_dicts *np_hyph_dicts_new(const char *dir, const char *except_dir)
{
	struct np_hyph_dicts *h = calloc(1, sizeof *h);
	if (h) {
		h->dir = g_strdup(dir ? dir : "/usr/share/hyphen");
		h->except_dir = g_strdup(except_dir);
		g_mutex_init(&h->lock);
		h->refs = 1;
	}
	return h;
}

struct np_hyph_dicts *np_hyph_dicts_ref(struct np_hyph_dicts *h)
{
	if (h)
		g_atomic_int_inc(&h->refs);
	return h;
}

void np_hyph_dicts_free(struct np_hyph_dicts *h)
{
	if (!h || !g_atomic_int_dec_and_test(&h->refs))
		return;
	for (size_t i = 0; i < h->n; i++) {
		free(h->v[i]->language);
		if (h->v[i]->dict)
			hnj_hyphen_free(h->v[i]->dict);
		if (h->v[i]->except)
			g_hash_table_destroy(h->v[i]->except);
		if (h->v[i]->letters)
			g_hash_table_destroy(h->v[i]->letters);
		free(h->v[i]);
	}
	free(h->v);
	g_mutex_clear(&h->lock);
	g_free(h->dir);
	g_free(h->except_dir);
	free(h);
}

int np_hyph_dicts_same_lists(const struct np_hyph_dicts *h, const char *except_dir)
{
	return h && g_strcmp0(h->except_dir, except_dir) == 0;
}

/* Lines of a first level above which a two-level dictionary is loaded by its
 * second level alone. Debian's German dictionary opens with 69,000 compound
 * words (a first level for compound boundaries) that libhyphen takes seconds
 * to load; its second level holds the syllable patterns. */
#define BIG_FIRST_LEVEL 20000

/* The dictionary's charset and directives, then its second level: the
 * patterns that hyphenate syllables. NULL when it is not a big two-level one. */
static char *second_level(const char *text, size_t len, size_t *out)
{
	const char *next = g_strstr_len(text, (gssize)len, "\nNEXTLEVEL");
	if (!next)
		return NULL;
	size_t lines = 0;
	for (const char *c = text; c < next; c++)
		lines += *c == '\n';
	if (lines < BIG_FIRST_LEVEL)
		return NULL;
	GString *s = g_string_new(NULL);
	const char *eol = memchr(text, '\n', len);
	g_string_append_len(s, text, eol ? eol - text + 1 : 0); /* the charset */
	for (const char *l = eol ? eol + 1 : next; l < next;) { /* directives */
		const char *e = memchr(l, '\n', (size_t)(next - l));
		e = e ? e : next;
		if (g_ascii_isupper(*l) && (g_str_has_prefix(l, "LEFTHYPHENMIN") ||
					    g_str_has_prefix(l, "RIGHTHYPHENMIN")))
			g_string_append_len(s, l, e - l + 1);
		l = e + 1;
	}
	const char *rest = next + strlen("\nNEXTLEVEL");
	g_string_append_len(s, rest, (gssize)(len - (size_t)(rest - text)));
	*out = s->len;
	return g_string_free(s, FALSE);
}

/* Every dictionary is expanded (hyph_expand.c): Debian ships some as TeX
 * patterns (hyph_ru_RU.dic), which libhyphen's matching reads incompletely,
 * and expanding one already expanded changes none of its breaks. */
static HyphenDict *load_dict(const char *path, GHashTable **letters)
{
	gchar *text = NULL;
	gsize len = 0;
	if (!g_file_get_contents(path, &text, &len, NULL))
		return NULL;
	size_t n = 0;
	char *small = second_level(text, len, &n);
	size_t m = 0;
	char *full = np_hyph_expand(small ? small : text, small ? n : len, &m);
	*letters = np_hyph_letters_new(small ? small : text, small ? n : len);
	HyphenDict *d = NULL;
	FILE *fp = full ? fmemopen(full, m, "r") : small ? fmemopen(small, n, "r") : NULL;
	if (fp) {
		d = hnj_hyphen_load_file(fp);
		fclose(fp);
	} else if (!small) {
		d = hnj_hyphen_load(path);
	}
	g_free(full);
	g_free(small);
	g_free(text);
	if (!d && *letters) {
		g_hash_table_destroy(*letters);
		*letters = NULL;
	}
	return d;
}

static HyphenDict *try_load(const char *dir, const char *name, GHashTable **letters)
{
	char *path = g_strdup_printf("%s/hyph_%s.dic", dir, name);
	HyphenDict *d = g_file_test(path, G_FILE_TEST_IS_REGULAR) ? load_dict(path, letters) : NULL;
	g_free(path);
	return d;
}

/* The first dictionary, in name order, of any region of a language (ru -> ru_RU). */
static HyphenDict *load_any_region(const char *dir, const char *primary, GHashTable **letters)
{
	GDir *gd = g_dir_open(dir, 0, NULL);
	if (!gd)
		return NULL;
	char *prefix = g_strdup_printf("hyph_%s_", primary), *best = NULL;
	const char *f;
	while ((f = g_dir_read_name(gd)))
		if (g_str_has_prefix(f, prefix) && g_str_has_suffix(f, ".dic") &&
		    (!best || strcmp(f, best) < 0)) {
			g_free(best);
			best = g_strdup(f);
		}
	g_dir_close(gd);
	HyphenDict *d = NULL;
	if (best) {
		char *name = g_strndup(best + 5, strlen(best) - 9);
		d = try_load(dir, name, letters);
		g_free(name);
	}
	g_free(best);
	g_free(prefix);
	return d;
}

/* "en-gb" -> hyph_en_GB.dic, then hyph_en.dic, then any hyph_en_*.dic. */
static HyphenDict *load_language(const char *dir, const char *language, GHashTable **letters)
{
	char primary[16] = {0}, region[16] = {0};
	sscanf(language, "%15[A-Za-z]%*[-_]%15[A-Za-z]", primary, region);
	for (char *c = primary; *c; c++)
		*c = g_ascii_tolower(*c);
	for (char *c = region; *c; c++)
		*c = g_ascii_toupper(*c);
	HyphenDict *d = NULL;
	if (*region) {
		char *name = g_strdup_printf("%s_%s", primary, region);
		d = try_load(dir, name, letters);
		g_free(name);
	}
	if (!d && *primary)
		d = try_load(dir, primary, letters);
	if (!d && *primary)
		d = load_any_region(dir, primary, letters);
	return d;
}

/* The exception list of a language: LANG.txt (then its primary language's),
 * one word a line with its breaks as hyphens ("pro-ject"), '#' comments. */
static GHashTable *load_exceptions(const char *dir, const char *language)
{
	GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	char primary[16] = {0};
	sscanf(language, "%15[A-Za-z]", primary);
	const char *names[] = {language, primary};
	for (int k = 0; k < 2 && dir; k++) {
		char *path = g_strdup_printf("%s/%s.txt", dir, names[k]);
		gchar *text = NULL;
		if (g_file_get_contents(path, &text, NULL, NULL) && g_utf8_validate(text, -1, NULL)) {
			gchar **lines = g_strsplit(text, "\n", -1);
			for (gchar **l = lines; *l; l++) {
				g_strstrip(*l);
				if (!**l || **l == '#')
					continue;
				gchar **parts = g_strsplit(*l, "-", -1);
				gchar *plain = g_strjoinv("", parts);
				g_strfreev(parts);
				gchar *key = g_utf8_strdown(plain, -1);
				g_free(plain);
				g_hash_table_replace(t, key, g_strdup(*l));
			}
			g_strfreev(lines);
		}
		g_free(text);
		g_free(path);
		if (strcmp(names[0], names[1]) == 0)
			break;
	}
	return t;
}

static struct dict_entry *find_or_load(struct np_hyph_dicts *h, const char *language)
{
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->v[i]->language, language) == 0)
			return h->v[i];
	struct dict_entry **v = realloc(h->v, (h->n + 1) * sizeof *v);
	if (!v)
		return NULL;
	h->v = v;
	struct dict_entry *e = calloc(1, sizeof *e);
	char *name = strdup(language);
	if (!e || !name) {
		free(e);
		free(name);
		return NULL;
	}
	e->language = name;
	e->dict = load_language(h->dir, language, &e->letters);
	e->except = load_exceptions(h->except_dir, language);
	h->v[h->n++] = e;
	return e;
}

static struct dict_entry *entry_for(struct np_hyph_dicts *h, const char *language)
{
	g_mutex_lock(&h->lock);
	struct dict_entry *e = find_or_load(h, language);
	g_mutex_unlock(&h->lock);
	return e;
}

/* Points of a word the exception list spells out ("pro-ject"), as character
 * counts; -1 when the list does not have it. */
static int exception_points(GHashTable *except, const char *lower, long nchars, int left,
			    int right, long *chars, int max)
{
	const char *spelled = except ? g_hash_table_lookup(except, lower) : NULL;
	if (!spelled)
		return -1;
	int n = 0;
	long ci = 0;
	for (const char *c = spelled; *c && n < max; c = g_utf8_next_char(c)) {
		if (*c == '-') {
			if (ci >= left && nchars - ci >= right)
				chars[n++] = ci;
		} else {
			ci++;
		}
	}
	return n;
}

/* The word in the dictionary's charset, one byte per character for 8-bit
 * charsets; NULL when a character has no place in it. */
static char *encode(HyphenDict *d, const char *lower, size_t *outlen)
{
	if (d->utf8) {
		*outlen = strlen(lower);
		return g_strdup(lower);
	}
	gsize written = 0;
	char *s = g_convert(lower, -1, d->cset, "UTF-8", NULL, &written, NULL);
	*outlen = written;
	return s;
}

/* Hyphenation points as character counts from the word's start. */
static int hyphen_points(HyphenDict *d, const char *enc, size_t elen, long nchars, int left, int right, long *chars, int max)
{
	char *hy = calloc(elen + 5, 1);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	int n = 0;
	/* hy[] holds one digit per character (UTF-8 dictionaries count
	 * characters too): odd after character ci = a break after it */
	if (hy && hnj_hyphen_hyphenate2(d, enc, (int)elen, hy, NULL, &rep, &pos, &cut) == 0) {
		for (long ci = 1; ci < nchars && n < max; ci++)
			if ((hy[ci - 1] & 1) && !(rep && rep[ci - 1]) && ci >= left &&
			    nchars - ci >= right)
				chars[n++] = ci;
	}
	if (rep) {
		for (size_t i = 0; i < elen; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	free(hy);
	return n;
}

int np_hyph_points(struct np_hyph_dicts *h, const char *language, const char *word,
		   size_t len, int left, int right, size_t *points, int max)
{
	if (!h || !language || len == 0 || len > MAX_WORD)
		return 0;
	struct dict_entry *e = entry_for(h, language);
	long nchars = g_utf8_strlen(word, (gssize)len);
	char *lower = g_utf8_strdown(word, (gssize)len);
	long chars[64];
	int n = e ? exception_points(e->except, lower, nchars, left, right, chars,
				     max < 64 ? max : 64) : -1;
	HyphenDict *d = e ? e->dict : NULL;
	if (n < 0 && (!d || g_utf8_strlen(lower, -1) != nchars)) {
		g_free(lower);
		return 0;
	}
	if (n >= 0) {
		for (int i = 0; i < n; i++)
			points[i] = (size_t)(g_utf8_offset_to_pointer(word, chars[i]) - word);
		g_free(lower);
		return n;
	}
	char *base = np_hyph_letters_base(e->letters, lower); /* "ребёнок" as "ребенок" */
	if (base) {
		g_free(lower);
		lower = base;
	}
	size_t elen = 0;
	char *enc = encode(d, lower, &elen);
	if (!enc || (!d->utf8 && (long)elen != nchars)) {
		g_free(enc);
		g_free(lower);
		return 0;
	}
	n = hyphen_points(d, enc, elen, nchars, left, right, chars,
			      max < 64 ? max : 64);
	for (int i = 0; i < n; i++)
		points[i] = (size_t)(g_utf8_offset_to_pointer(word, chars[i]) - word);
	g_free(enc);
	g_free(lower);
	return n;
}

int np_hyphenate_word(struct np_text_ctx *t, const char *language, const char *word,
		      size_t len, int left, int right, size_t *points, int max)
{
	return np_hyph_points(t->hyph, language, word, len, left, right, points, max);
}
