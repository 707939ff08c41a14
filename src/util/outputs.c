/* outputs.c - outputs committed together, never over an input (outputs.h). */
#include "util/outputs.h"

#include <errno.h>
#include <glib.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void np_outputs_init(struct np_outputs *s)
{
	memset(s, 0, sizeof *s);
}

void np_outputs_abort(struct np_outputs *s)
{
	for (size_t i = 0; i < s->nfiles; i++) {
		np_atomic_abort(s->files[i]);
		free(s->files[i]);
		np_fileid_fini(&s->file_ids[i]);
	}
	s->nfiles = 0;
}

void np_outputs_fini(struct np_outputs *s)
{
	np_outputs_abort(s);
	for (size_t i = 0; i < s->ninputs; i++) {
		np_fileid_fini(&s->inputs[i]);
		free(s->input_names[i]);
	}
	for (size_t i = 0; i < s->nclaims; i++) {
		np_fileid_fini(&s->claims[i]);
		free(s->claim_names[i]);
	}
	if (s->input_index)
		g_hash_table_destroy(s->input_index);
	free(s->inputs);
	free(s->input_names);
	free(s->claims);
	free(s->claim_names);
	free(s->claim_paged);
	free(s->files);
	free(s->file_ids);
	memset(s, 0, sizeof *s);
}

void np_outputs_error(struct np_diags *d, const char *path, int err)
{
	np_diag_add(d, NP_ERROR, NULL, "%s: cannot write: %s", path,
		    err ? strerror(err) : "out of memory");
}

static int oom(struct np_diags *d)
{
	np_diag_add(d, NP_ERROR, NULL, "out of memory");
	return -1;
}

/* Does output o (a claim, perhaps paged) name file f? */
static int names(const struct np_fileid *o, int paged, const struct np_fileid *f)
{
	return np_fileid_same(o, f) || (paged && np_fileid_is_page_of(f, o));
}

static int clash(struct np_outputs *s, struct np_diags *d, const char *out, const char *what,
		 const char *other)
{
	np_diag_add(d, NP_ERROR, NULL, "'%s' would overwrite %s '%s'", out, what, other);
	s->clash = 1;
	return -1;
}

/* Grows each array given (of n items of size sz) by one item. */
static int grow(size_t n, void **v1, size_t sz1, void **v2, size_t sz2, void **v3, size_t sz3)
{
	void *p;
	if (v1) {
		if (!(p = realloc(*v1, (n + 1) * sz1)))
			return -1;
		*v1 = p;
	}
	if (v2) {
		if (!(p = realloc(*v2, (n + 1) * sz2)))
			return -1;
		*v2 = p;
	}
	if (v3) {
		if (!(p = realloc(*v3, (n + 1) * sz3)))
			return -1;
		*v3 = p;
	}
	return 0;
}

/* Keys of the input index that np_fileid_same would match: a file that
 * exists by its device and inode ("i"), and its resolved path among inputs
 * that do not exist ("n"); one that does not exist by its resolved path among
 * all ("n" and "e"). */
static char *index_key(const struct np_fileid *id, char kind)
{
	if (kind == 'i')
		return g_strdup_printf("i%llu:%llu", (unsigned long long)id->dev,
				       (unsigned long long)id->ino);
	return g_strdup_printf("%c%s", kind, id->real);
}

static int index_has(GHashTable *h, const struct np_fileid *id)
{
	const char *kinds = id->exists ? "in" : "ne";
	int found = 0;
	for (const char *k = kinds; *k && !found; k++) {
		char *key = index_key(id, *k);
		found = g_hash_table_contains(h, key);
		g_free(key);
	}
	return found;
}

static void index_add(GHashTable *h, const struct np_fileid *id)
{
	if (id->exists) {
		g_hash_table_add(h, index_key(id, 'i'));
		g_hash_table_add(h, index_key(id, 'e'));
	} else {
		g_hash_table_add(h, index_key(id, 'n'));
	}
}

int np_outputs_input(struct np_outputs *s, const char *path, struct np_diags *d)
{
	struct np_fileid id;
	if (np_fileid_init(&id, path) < 0)
		return oom(d);
	if (!s->input_index)
		s->input_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (index_has(s->input_index, &id)) { /* known already */
		np_fileid_fini(&id);
		return 0;
	}
	for (size_t i = 0; i < s->nclaims; i++)
		if (names(&s->claims[i], s->claim_paged[i], &id)) {
			np_fileid_fini(&id);
			return clash(s, d, s->claim_names[i], "the input", path);
		}
	char *name = strdup(path);
	if (!name || grow(s->ninputs, (void **)&s->inputs, sizeof *s->inputs,
			  (void **)&s->input_names, sizeof *s->input_names, NULL, 0) < 0) {
		free(name);
		np_fileid_fini(&id);
		return oom(d);
	}
	s->inputs[s->ninputs] = id;
	s->input_names[s->ninputs++] = name;
	index_add(s->input_index, &id);
	return 0;
}

int np_outputs_claim(struct np_outputs *s, const char *path, int paged, struct np_diags *d)
{
	struct np_fileid id;
	if (np_fileid_init(&id, path) < 0)
		return oom(d);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < s->ninputs; i++)
		if (names(&id, paged, &s->inputs[i]))
			rc = clash(s, d, path, "the input", s->input_names[i]);
	for (size_t i = 0; rc == 0 && i < s->nclaims; i++)
		if (names(&id, paged, &s->claims[i]) ||
		    names(&s->claims[i], s->claim_paged[i], &id))
			rc = clash(s, d, path, "the output", s->claim_names[i]);
	char *name = rc == 0 ? strdup(path) : NULL;
	if (rc == 0 && (!name || grow(s->nclaims, (void **)&s->claims, sizeof *s->claims,
				      (void **)&s->claim_names, sizeof *s->claim_names,
				      (void **)&s->claim_paged, sizeof *s->claim_paged) < 0))
		rc = oom(d);
	if (rc < 0) {
		free(name);
		np_fileid_fini(&id);
		return -1;
	}
	s->claims[s->nclaims] = id;
	s->claim_names[s->nclaims] = name;
	s->claim_paged[s->nclaims++] = paged;
	return 0;
}

struct np_atomic *np_outputs_open(struct np_outputs *s, const char *path, struct np_diags *d)
{
	struct np_fileid id;
	if (np_fileid_init(&id, path) < 0) {
		oom(d);
		return NULL;
	}
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < s->ninputs; i++)
		if (np_fileid_same(&id, &s->inputs[i]))
			rc = clash(s, d, path, "the input", s->input_names[i]);
	for (size_t i = 0; rc == 0 && i < s->nfiles; i++)
		if (np_fileid_same(&id, &s->file_ids[i]))
			rc = clash(s, d, path, "the output", s->files[i]->path);
	struct np_atomic *a = rc == 0 ? calloc(1, sizeof *a) : NULL;
	if (rc == 0 && (!a || grow(s->nfiles, (void **)&s->files, sizeof *s->files,
				   (void **)&s->file_ids, sizeof *s->file_ids, NULL, 0) < 0))
		rc = oom(d);
	if (rc == 0 && np_atomic_open(a, path) < 0) {
		np_outputs_error(d, path, errno);
		rc = -1;
	}
	if (rc < 0) {
		free(a);
		np_fileid_fini(&id);
		return NULL;
	}
	s->files[s->nfiles] = a;
	s->file_ids[s->nfiles++] = id;
	return a;
}

/* The signals that would stop us halfway through the renames wait for them. */
static void hold_signals(int hold, sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	if (hold)
		sigprocmask(SIG_BLOCK, &set, old);
	else
		sigprocmask(SIG_SETMASK, old, NULL);
}

int np_outputs_commit(struct np_outputs *s, struct np_diags *d)
{
	int rc = 0;
	for (size_t i = 0; i < s->nfiles; i++) {
		struct np_atomic *a = s->files[i];
		struct stat st;
		if (np_atomic_close(a) < 0) {
			np_outputs_error(d, a->path, errno);
			rc = -1;
		} else if (stat(a->path, &st) == 0 && S_ISDIR(st.st_mode)) {
			np_outputs_error(d, a->path, EISDIR);
			rc = -1;
		}
	}
	if (rc == 0) {
		sigset_t old;
		hold_signals(1, &old);
		for (size_t i = 0; i < s->nfiles; i++) {
			char *path = strdup(s->files[i]->path);
			if (np_atomic_commit(s->files[i]) < 0) {
				np_outputs_error(d, path ? path : "", path ? errno : 0);
				rc = -1;
			}
			free(path);
		}
		hold_signals(0, &old);
	}
	np_outputs_abort(s);
	return rc;
}
