/* ctx_cache.c - the engine's spare text context (ctx_cache.h).
 *
 * Making a context reads the fonts folder through fontconfig and, on first
 * use, loads a hyphenation dictionary (130 million instructions for English):
 * most of a short article's render. One spare is enough: a job takes it and
 * gives it back when freed; jobs at the same time make their own.
 */
#include "api/ctx_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

struct np_ctx_cache {
	pthread_mutex_t lock;
	int refs;
	char *key; /* what the spare was made for: fonts, dictionaries, exceptions */
	struct np_text_ctx *spare;
};

struct np_ctx_cache *np_ctx_cache_new(void)
{
	struct np_ctx_cache *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	pthread_mutex_init(&c->lock, NULL);
	c->refs = 1;
	return c;
}

struct np_ctx_cache *np_ctx_cache_ref(struct np_ctx_cache *c)
{
	if (c) {
		pthread_mutex_lock(&c->lock);
		c->refs++;
		pthread_mutex_unlock(&c->lock);
	}
	return c;
}

void np_ctx_cache_unref(struct np_ctx_cache *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	int last = --c->refs == 0;
	pthread_mutex_unlock(&c->lock);
	if (!last)
		return;
	np_text_ctx_free(c->spare);
	free(c->key);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

struct np_text_ctx *np_ctx_cache_take(struct np_ctx_cache *c, const char *key)
{
	struct np_text_ctx *t = NULL;
	if (!c || !key)
		return NULL;
	pthread_mutex_lock(&c->lock);
	if (c->spare && c->key && strcmp(c->key, key) == 0) {
		t = c->spare;
		c->spare = NULL;
	}
	pthread_mutex_unlock(&c->lock);
	if (t) /* each render warns of its own; measures hold the last job's styles */
		np_text_ctx_forget_job(t);
	return t;
}

void np_ctx_cache_give(struct np_ctx_cache *c, const char *key, struct np_text_ctx *t)
{
	char *k = c && key ? strdup(key) : NULL;
	if (!k) {
		np_text_ctx_free(t);
		return;
	}
	pthread_mutex_lock(&c->lock);
	struct np_text_ctx *old = c->spare;
	char *old_key = c->key;
	c->spare = t;
	c->key = k;
	pthread_mutex_unlock(&c->lock);
	np_text_ctx_free(old);
	free(old_key);
}
