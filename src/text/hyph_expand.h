/* hyph_expand.h - a hyphenation dictionary's patterns expanded for libhyphen. */
#ifndef NP_TEXT_HYPH_EXPAND_H
#define NP_TEXT_HYPH_EXPAND_H

#include <stddef.h>

/* The dictionary `text` (libhyphen's format: charset line, directives,
 * patterns, NEXTLEVEL between levels) with every level's patterns expanded
 * as /usr/share/libhyphen/substrings.pl does: for every prefix of a pattern
 * that some pattern ends, an entry whose values are the greatest of every
 * pattern found in that prefix. libhyphen applies only the values of the
 * longest entry it reaches, not of every pattern that matches (TeX's rule),
 * so a dictionary made from TeX patterns without this loses breaks. Expanding
 * an expanded dictionary changes nothing it hyphenates. Returns a g_malloc'd
 * text (*out its length), or NULL when out of memory. */
char *np_hyph_expand(const char *text, size_t len, size_t *out);

#endif
