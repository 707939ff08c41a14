/* textpack_test.c - a body paragraph's text is kept deflated once parsed
 * (src/model/textpack.c) and given back exactly: short, long, multi-byte,
 * and text that does not shrink (kept plain); subheads stay plain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/textpack.h"
#include "parse/parse.h"

static int failures;

#define CHECK(cond, ...)                                                 \
	do {                                                             \
		if (!(cond)) {                                           \
			printf("FAIL: " __VA_ARGS__);                    \
			printf("\n");                                    \
			failures++;                                      \
		}                                                        \
	} while (0)

/* text packed and given back */
static void round_trip(struct np_text_packer *k, const char *what, const char *text, int shrinks)
{
	struct np_text t = {.text = strdup(text), .len = strlen(text)};
	CHECK(t.text && np_text_pack(k, &t) == 0, "%s: not packed", what);
	CHECK(shrinks ? t.packed && !t.text && t.packed_len < t.len : t.text && !t.packed,
	      "%s: packed %zu of %zu bytes, want %s", what, t.packed_len, t.len,
	      shrinks ? "smaller" : "plain");
	const char *back = np_text_plain(k, &t);
	CHECK(back && strlen(back) == t.len && !strcmp(back, text), "%s: not given back", what);
	np_text_fini(&t);
}

static void parsed(struct np_text_packer *k)
{
	char path[] = "/tmp/textpack_testXXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		CHECK(0, "cannot write %s", path);
		return;
	}
	const char *para = "Генпрокурор сказала, что утверждение было ошибкой, and the court "
			   "stood by it in 1941–1945; the paper said so again and again.";
	/* a subhead that would shrink: it is set from its text in every run */
	fprintf(f, "id: x\nheadline: Packed\nbody:\n  - \"%s\"\n  - subhead: \"%s\"\n"
		   "  - \"%s %s\"\n", para, para, para, para);
	fclose(f);
	struct np_diags d;
	np_diags_init(&d);
	struct np_article *a = NULL;
	int rc = np_parse_article_file(path, &(struct np_parse_opts){0}, &d, &a);
	CHECK(rc == 0 && a && a->nblocks == 3, "the article did not parse");
	if (rc == 0 && a && a->nblocks == 3) {
		CHECK(a->blocks[0].text.packed && a->blocks[2].text.packed,
		      "a body paragraph is not packed");
		CHECK(!a->blocks[1].text.packed && a->blocks[1].text.text, "the subhead is packed");
		const char *p0 = np_text_plain(k, &a->blocks[0].text);
		CHECK(p0 && !strcmp(p0, para), "paragraph 1 given back as \"%s\"", p0 ? p0 : "");
	}
	np_article_free(a);
	np_diags_fini(&d);
	remove(path);
}

int main(void)
{
	struct np_text_packer *k = np_text_packer_new();
	if (!k)
		return 1;
	round_trip(k, "a sentence", "The paper's text, the paper's text, the paper's text again.", 1);
	round_trip(k, "Russian", "Генпрокурор сказала — «утверждение» было ошибкой; ёлка, ёлка, ёлка.",
		   1);
	round_trip(k, "short", "ab", 0);
	round_trip(k, "one letter", "a", 0);
	size_t n = 1u << 20; /* a paragraph at the limit */
	char *big = malloc(n + 1);
	if (big) {
		for (size_t i = 0; i < n; i++)
			big[i] = "lorem ipsum dolor sit amet, "[(i * 7 + i / 13) % 28];
		big[n] = 0;
		round_trip(k, "1 MiB", big, 1);
		free(big);
	}
	parsed(k);
	np_text_packer_free(k);
	printf("%d failures\n", failures);
	return failures ? 1 : 0;
}
