/* hyph_letters.c - a word's letters as its dictionary's patterns spell them.
 *
 * Patterns only match letters they contain. Debian's Russian patterns have no
 * "ё" (Russian print mostly writes "е" for it), so every pattern that would
 * cover the letters around it fails and "ребёнок" got only "ребё-нок". A
 * letter no pattern uses, whose canonical decomposition is a letter the
 * patterns use plus marks, is hyphenated as that letter: any language, any
 * dictionary; where the patterns have the letter (German "ä"), nothing
 * changes.
 */
#include "text/hyph_letters.h"

#include <string.h>

GHashTable *np_hyph_letters_new(const char *text, size_t len)
{
	const char *eol = memchr(text, '\n', len);
	if (!eol)
		return NULL;
	char *cset = g_strndup(text, (gsize)(eol - text));
	g_strstrip(cset);
	gsize ulen = 0;
	const char *body = eol + 1;
	gssize blen = (gssize)(len - (size_t)(body - text));
	char *u = g_ascii_strcasecmp(cset, "UTF-8") == 0
			  ? (g_utf8_validate(body, blen, NULL) ? g_strndup(body, (gsize)blen) : NULL)
			  : g_convert(body, blen, "UTF-8", cset, NULL, &ulen, NULL);
	g_free(cset);
	if (!u)
		return NULL;
	GHashTable *set = g_hash_table_new(g_direct_hash, g_direct_equal);
	int in_line = 0, skip = 0; /* skip: a directive, a comment or a replacement */
	for (const char *c = u; *c; c = g_utf8_next_char(c)) {
		gunichar ch = g_utf8_get_char(c);
		if (ch == '\n') {
			in_line = skip = 0;
			continue;
		}
		if (!in_line) {
			in_line = 1;
			skip = ch == '%' || (ch < 128 && g_ascii_isupper((char)ch));
		}
		if (ch == '/')
			skip = 1;
		if (skip || ch == '.' || g_unichar_isdigit(ch) || g_unichar_isspace(ch))
			continue;
		g_hash_table_add(set, GUINT_TO_POINTER(ch));
	}
	g_free(u);
	return set;
}

/* The letter the patterns know for ch, or 0. */
static gunichar base_of(GHashTable *letters, gunichar ch)
{
	gunichar d[8];
	gsize n = g_unichar_fully_decompose(ch, FALSE, d, G_N_ELEMENTS(d));
	if (n < 2 || !g_hash_table_contains(letters, GUINT_TO_POINTER(d[0])))
		return 0;
	for (gsize i = 1; i < n; i++)
		if (!g_unichar_ismark(d[i]))
			return 0;
	return d[0];
}

char *np_hyph_letters_base(GHashTable *letters, const char *lower)
{
	if (!letters)
		return NULL;
	GString *out = NULL;
	for (const char *c = lower; *c; c = g_utf8_next_char(c)) {
		gunichar ch = g_utf8_get_char(c);
		gunichar b = g_hash_table_contains(letters, GUINT_TO_POINTER(ch)) ? 0 : base_of(letters, ch);
		if (b && !out)
			out = g_string_new_len(lower, c - lower);
		if (out)
			g_string_append_unichar(out, b ? b : ch);
	}
	return out ? g_string_free(out, FALSE) : NULL;
}
