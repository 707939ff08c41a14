/* issue_seen.h - which earlier story of an issue used this file or this id:
 * a hash of (device, inode) and of ids, so checking an edition's stories for
 * duplicates is linear in their number. Private to src/parse/. */
#ifndef NP_PARSE_ISSUE_SEEN_H
#define NP_PARSE_ISSUE_SEEN_H

#include <stddef.h>
#include <stdint.h>

struct np_seen_entry;

struct np_seen {
	struct np_seen_entry *v;
	size_t cap, n;
};

/* The story `idx` uses the file at `path`: 1 with *earlier set when an
 * earlier story used the same file (any spelling of it, a link: the same
 * device and inode; a path that cannot be looked up is compared as written),
 * else 0 and remembered; -1 when out of memory. */
int np_seen_file(struct np_seen *s, const char *path, size_t idx, size_t *earlier);
/* The same for the article id `id` (kept by pointer: it must outlive s). */
int np_seen_id(struct np_seen *s, const char *id, size_t idx, size_t *earlier);
void np_seen_fini(struct np_seen *s);

#endif
