/* fuzz_layout.c - libFuzzer target: layout YAML bytes to struct np_layout. */
#include <stdint.h>
#include <stdlib.h>

#include "parse/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct np_diags d;
	struct np_layout l;
	np_diags_init(&d);
	int rc = np_parse_layout_mem("fuzz.layout.yaml", (const char *)data, size, NULL, &d, &l);
	if ((rc < 0 && d.errors == 0) || (rc == 0 && d.errors))
		abort();
	if (rc == 0)
		np_layout_fini(&l);
	np_diags_fini(&d);
	return 0;
}
