/* fuzz_article.c - libFuzzer target: article YAML bytes to the model.
 *
 * No base folder is given, so `file:` keys are refused rather than opened;
 * every other path through src/parse/ is reachable. A parse either yields an
 * article or at least one error, never both and never neither. */
#include <stdint.h>
#include <stdlib.h>

#include "parse/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct np_diags d;
	struct np_article *a = NULL;
	np_diags_init(&d);
	int rc = np_parse_article_mem("fuzz.yaml", NULL, (const char *)data, size, NULL, &d, &a);
	if ((rc == 0) != (a != NULL) || (rc < 0 && d.errors == 0) || (rc == 0 && d.errors))
		abort();
	np_article_free(a);
	np_diags_fini(&d);
	return 0;
}
