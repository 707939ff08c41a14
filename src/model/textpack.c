/* textpack.c - a body paragraph's text kept deflated between its uses.
 *
 * A story's text is held for all its pours (every trial run starts at its
 * first block), and a long article's was the largest thing on the heap at its
 * peak (7.2 MB of 21 at 500 pages). Raw DEFLATE keeps a paragraph in about
 * 60% (a few hundred bytes share little), and it is inflated only when it is
 * shaped again: a few microseconds beside the tens its shaping takes.
 * libdeflate, as the print pass: whole buffers, and the plain length is known.
 */
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "model/textpack.h"

/* The fastest: on texts this short libdeflate's time goes to each call's
 * tables, and level 6 kept w500's text in 1% less for a third more time. */
#define PACK_LEVEL 1

struct np_text_packer {
	struct libdeflate_compressor *c;   /* made on first use */
	struct libdeflate_decompressor *d; /* made on first use */
	char *plain;                       /* the last text inflated */
	size_t cap;
};

struct np_text_packer *np_text_packer_new(void)
{
	return calloc(1, sizeof(struct np_text_packer));
}

void np_text_packer_free(struct np_text_packer *k)
{
	if (!k)
		return;
	if (k->c)
		libdeflate_free_compressor(k->c);
	if (k->d)
		libdeflate_free_decompressor(k->d);
	free(k->plain);
	free(k);
}

int np_text_pack(struct np_text_packer *k, struct np_text *t)
{
	if (!t->text || t->len == 0)
		return 0;
	if (!k->c && !(k->c = libdeflate_alloc_compressor(PACK_LEVEL)))
		return -1;
	unsigned char *out = malloc(t->len);
	if (!out)
		return -1;
	/* 0 when it would not come out smaller than the text */
	size_t n = libdeflate_deflate_compress(k->c, t->text, t->len, out, t->len - 1);
	unsigned char *fit = n ? realloc(out, n) : NULL;
	if (!fit) {
		free(out);
		return n ? -1 : 0;
	}
	free(t->text);
	t->text = NULL;
	t->packed = fit;
	t->packed_len = n;
	return 0;
}

const char *np_text_plain(struct np_text_packer *k, const struct np_text *t)
{
	if (!t->packed)
		return t->text;
	if (!k->d && !(k->d = libdeflate_alloc_decompressor()))
		return NULL;
	if (k->cap < t->len + 1) {
		char *p = realloc(k->plain, t->len + 1);
		if (!p)
			return NULL;
		k->plain = p;
		k->cap = t->len + 1;
	}
	if (libdeflate_deflate_decompress(k->d, t->packed, t->packed_len, k->plain, t->len,
					  NULL) != LIBDEFLATE_SUCCESS)
		return NULL; /* not what np_text_pack made: never */
	k->plain[t->len] = 0;
	return k->plain;
}
