/* hyph_letters.h - the letters a hyphenation dictionary's patterns know. */
#ifndef NP_TEXT_HYPH_LETTERS_H
#define NP_TEXT_HYPH_LETTERS_H

#include <glib.h>
#include <stddef.h>

/* The letters of the patterns of the dictionary `text` (libhyphen's format,
 * in the charset its first line names), as a set of gunichar; NULL when the
 * charset cannot be read. Free with g_hash_table_destroy. */
GHashTable *np_hyph_letters_new(const char *text, size_t len);

/* `lower` (UTF-8, lower case) with each letter the patterns never use and
 * whose canonical decomposition is a letter they do use and marks ("ё" = "е"
 * + diaeresis, where the patterns have no "ё") replaced by that letter, one
 * character for one; NULL when no letter is replaced. g_malloc'd. */
char *np_hyph_letters_base(GHashTable *letters, const char *lower);

#endif
