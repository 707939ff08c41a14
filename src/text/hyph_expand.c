/* hyph_expand.c - TeX patterns made complete for libhyphen's matching, at load
 * time, for any language (the C of /usr/share/libhyphen/substrings.pl).
 *
 * Outline, for each level of the dictionary:
 *   table: letters of each pattern -> its values (the digit between letters)
 *   for each pattern P, k = 1 .. |P|:
 *     v += the values of every pattern that ends at k in P (a suffix of P[0,k))
 *     if one does: entry P[0,k) with v (every pattern inside the prefix, at max)
 * Letters are bytes, as in the script: in UTF-8 a pattern cannot match from
 * inside a character. Lines with a replacement ("/") are kept as written.
 */
#include "text/hyph_expand.h"

#include <glib.h>
#include <string.h>

struct level {
	GHashTable *pats;   /* letters -> values (digits 0-9 as bytes, |letters| + 1) */
	GPtrArray *order;   /* letters, in the file's order */
	GString *kept;      /* replacement lines, as written */
};

static void level_init(struct level *l)
{
	l->pats = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	l->order = g_ptr_array_new();
	l->kept = g_string_new(NULL);
}

static void level_fini(struct level *l)
{
	g_hash_table_destroy(l->pats);
	g_ptr_array_free(l->order, TRUE);
	g_string_free(l->kept, TRUE);
}

/* One pattern line: its letters and values; a pattern given twice keeps the
 * greater values. */
static void add_pattern(struct level *l, const char *s, size_t n)
{
	char *letters = g_malloc(n + 1), *vals = g_malloc0(n + 2);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			vals[k] = (char)(s[i] - '0');
		else
			letters[k++] = s[i];
	}
	letters[k] = 0;
	if (k == 0) {
		g_free(letters);
		g_free(vals);
		return;
	}
	char *old = g_hash_table_lookup(l->pats, letters);
	if (old) {
		for (size_t i = 0; i <= k; i++)
			old[i] = old[i] > vals[i] ? old[i] : vals[i];
		g_free(letters);
		g_free(vals);
		return;
	}
	g_hash_table_insert(l->pats, letters, vals);
	g_ptr_array_add(l->order, letters);
}

static void emit(GString *out, const char *letters, size_t k, const char *v)
{
	for (size_t i = 0; i <= k; i++) {
		if (v[i])
			g_string_append_c(out, (char)('0' + v[i]));
		if (i < k)
			g_string_append_c(out, letters[i]);
	}
	g_string_append_c(out, '\n');
}

static void expand_level(struct level *l, GString *out)
{
	GHashTable *done = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	char key[256];
	for (guint p = 0; p < l->order->len; p++) {
		const char *pat = g_ptr_array_index(l->order, p);
		size_t n = strlen(pat);
		if (n >= sizeof key) { /* longer than any real pattern: as it is */
			emit(out, pat, n, g_hash_table_lookup(l->pats, pat));
			continue;
		}
		char v[sizeof key + 1] = {0};
		for (size_t k = 1; k <= n; k++) {
			int found = 0;
			for (size_t m = 1; m <= k; m++) {
				memcpy(key, pat + k - m, m);
				key[m] = 0;
				const char *q = g_hash_table_lookup(l->pats, key);
				if (!q)
					continue;
				found = 1;
				for (size_t t = 0; t <= m; t++)
					v[k - m + t] = v[k - m + t] > q[t] ? v[k - m + t] : q[t];
			}
			memcpy(key, pat, k);
			key[k] = 0;
			if (found && !g_hash_table_contains(done, key)) {
				g_hash_table_add(done, g_strdup(key));
				emit(out, pat, k, v);
			}
		}
	}
	g_string_append(out, l->kept->str);
	g_hash_table_destroy(done);
}

char *np_hyph_expand(const char *text, size_t len, size_t *out)
{
	GString *o = g_string_sized_new(len * 2);
	struct level l;
	level_init(&l);
	const char *end = text + len;
	for (const char *s = text, *e; s < end; s = e + 1) {
		e = memchr(s, '\n', (size_t)(end - s));
		e = e ? e : end;
		size_t n = (size_t)(e - s);
		while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (s == text) { /* the charset */
			g_string_append_len(o, s, (gssize)n);
			g_string_append_c(o, '\n');
		} else if (n == 0 || s[0] == '%') {
			continue;
		} else if (n >= 9 && strncmp(s, "NEXTLEVEL", 9) == 0) {
			expand_level(&l, o);
			level_fini(&l);
			level_init(&l);
			g_string_append(o, "NEXTLEVEL\n");
		} else if (g_ascii_isupper(s[0])) { /* a directive */
			g_string_append_len(o, s, (gssize)n);
			g_string_append_c(o, '\n');
		} else if (memchr(s, '/', n)) {
			g_string_append_len(l.kept, s, (gssize)n);
			g_string_append_c(l.kept, '\n');
		} else {
			add_pattern(&l, s, n);
		}
	}
	expand_level(&l, o);
	level_fini(&l);
	*out = o->len;
	return g_string_free(o, FALSE);
}
