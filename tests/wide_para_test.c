/* wide_para_test.c - a paragraph wider than 2^31 Pango units (2.1 million pt
 * on one line: about 680,000 characters of 9.5 pt type, within the 1 MiB
 * limit of one text) is measured without overflow (issue 11: the prefix
 * sums of para.c were 32-bit, a signed overflow under UBSan and a negative
 * width after it).
 *
 * Usage: wide_para_test FONTS_DIR
 *
 * Checks that the natural width is past 2^31 units, and that the widths of
 * the paragraph's boxes and glue add up to it exactly.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "break/break.h"
#include "model/model.h"
#include "text/text.h"

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: wide_para_test FONTS_DIR\n");
		return 2;
	}
	static const char *const words[] = {"lorem", "ipsum", "dolor", "sit", "amet",
					    "consectetur", "adipiscing", "elit", "sed", "do"};
	size_t n = 110000, cap = n * 12 + 1, len = 0;
	char *text = malloc(cap);
	if (!text)
		return 1;
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(text + len, cap - len, "%s%s", i ? " " : "", words[i % 10]);

	struct np_diags d;
	np_diags_init(&d);
	struct np_text_ctx *t = np_text_ctx_new(argv[1], NULL, &d);
	struct np_layout l;
	np_layout_init_defaults(&l);
	int rc = 1;
	if (!t) {
		fprintf(stderr, "cannot create a text context on %s\n", argv[1]);
		goto out;
	}
	/* no hyphenation: the widths, not the points, are under test */
	struct np_para_spec spec = {.text = text, .len = len, .style = &l.styles[NP_ST_BODY]};
	struct np_para *p = np_para_new(t, &spec);
	if (!p) {
		fprintf(stderr, "np_para_new failed\n");
		goto out;
	}
	int64_t natural = np_para_natural(p), sum = 0;
	size_t ni;
	const struct np_bitem *it = np_para_items(p, &ni);
	for (size_t i = 0; i < ni; i++)
		if (it[i].type == NP_BOX || it[i].type == NP_GLUE)
			sum += it[i].width;
	printf("%zu bytes: natural width %lld units (%.0f pt), items add up to %lld\n", len,
	       (long long)natural, natural / 1024.0, (long long)sum);
	if (natural <= INT32_MAX)
		fprintf(stderr, "FAIL: the natural width is not past 2^31 units\n");
	else if (sum != natural)
		fprintf(stderr, "FAIL: the items' widths do not add up to the natural width\n");
	else
		rc = 0;
	np_para_free(p);
out:
	np_text_ctx_free(t);
	np_layout_fini(&l);
	np_diags_fini(&d);
	free(text);
	return rc;
}
