/* hyph_cache.c - a word's hyphenation points, remembered by the context.
 *
 * Running text repeats its words (the hundred commonest make half of any
 * text), and each look-up costs lower-casing, a charset conversion and the
 * pattern walk. The points depend only on the language, the minimums and the
 * word's bytes, so they are kept under those, up to a bound: past it a word
 * is hyphenated as before, not remembered.
 */
#include <stdlib.h>
#include <string.h>

#include "text/text_int.h"

#define CACHE_MAX_WORDS (1 << 16)
#define CACHE_MAX_POINTS 32


static char *key_of(const char *language, const char *word, size_t len, int left, int right)
{
	size_t ll = strlen(language);
	char *k = g_malloc(ll + len + 4);
	memcpy(k, language, ll);
	k[ll] = '\x1f';
	k[ll + 1] = (char)('0' + (left & 0x3f));
	k[ll + 2] = (char)('0' + (right & 0x3f));
	memcpy(k + ll + 3, word, len);
	k[ll + 3 + len] = 0;
	return k;
}

int np_hyph_points_cached(struct np_text_ctx *t, const char *language, const char *word,
			  size_t len, int left, int right, size_t *points, int max)
{
	if (!language || len == 0 || memchr(word, 0, len) || max > CACHE_MAX_POINTS)
		return np_hyph_points(t->hyph, language, word, len, left, right, points, max);
	if (!t->hyph_cache)
		t->hyph_cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	char *k = key_of(language, word, len, left, right);
	/* the value: how many points, then their byte offsets in the word */
	const uint16_t *hit = g_hash_table_lookup(t->hyph_cache, k);
	if (hit) {
		g_free(k);
		for (int i = 0; i < hit[0]; i++)
			points[i] = hit[i + 1];
		return hit[0];
	}
	int n = np_hyph_points(t->hyph, language, word, len, left, right, points, max);
	if (n < 0 || g_hash_table_size(t->hyph_cache) >= CACHE_MAX_WORDS || len > UINT16_MAX) {
		g_free(k);
		return n;
	}
	uint16_t *v = g_new(uint16_t, n + 1);
	v[0] = (uint16_t)n;
	for (int i = 0; i < n; i++)
		v[i + 1] = (uint16_t)points[i];
	g_hash_table_insert(t->hyph_cache, k, v);
	return n;
}
