/* ctx_cache.h - the engine's spare text context: fonts loaded, dictionaries
 * read, kept from one job to the next (`newsprint watch` renders again and
 * again with the same fonts). Shared by the engine and its jobs with counted
 * references, since a job may outlive its engine; safe between threads. */
#ifndef NP_API_CTX_CACHE_H
#define NP_API_CTX_CACHE_H

struct np_text_ctx;
struct np_ctx_cache;

struct np_ctx_cache *np_ctx_cache_new(void);
struct np_ctx_cache *np_ctx_cache_ref(struct np_ctx_cache *c);
/* Lets go of one reference; the last frees the spare context. Accepts NULL. */
void np_ctx_cache_unref(struct np_ctx_cache *c);
/* The spare context when it was made for `key` (the caller owns it now,
 * what it kept of the last job let go: np_text_ctx_forget_job), else NULL. */
struct np_text_ctx *np_ctx_cache_take(struct np_ctx_cache *c, const char *key);
/* Keeps t (made for `key`) as the spare, in place of any other; takes t. */
void np_ctx_cache_give(struct np_ctx_cache *c, const char *key, struct np_text_ctx *t);

#endif
