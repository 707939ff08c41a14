/* fuzz_render.c - libFuzzer target: the whole pipeline in memory.
 *
 * The fuzz bytes are an article; it is set in the bundled tabloid layout
 * (at most MAX_PAGES pages, to keep each run short) with the bundled fonts,
 * and the PDF is written to a memory stream. Hyphenation uses the tiny
 * dictionaries in tests/fuzz/hyphen/ (the real German one takes seconds to
 * load). The layout and the text context
 * (fonts, shaping caches) are made once and live as long as the process. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "flow/flow.h"
#include "np_config.h"
#include "parse/parse.h"
#include "render/stream.h"
#include "text/text.h"

enum { MAX_PAGES = 20, TOTAL_FIT_MAX = 1024 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct np_layout layout;
static struct np_text_ctx *text;

static void setup(void)
{
	struct np_diags d;
	np_diags_init(&d);
	if (np_parse_layout_file(NP_SOURCE_DIR "/layouts/tabloid.yaml", NULL, &d, &layout) < 0 ||
	    !(text = np_text_ctx_new(NP_SOURCE_DIR "/fonts", NP_SOURCE_DIR "/tests/fuzz/hyphen", &d))) {
		fprintf(stderr, "fuzz_render: cannot load the tabloid layout or the fonts\n");
		abort();
	}
	np_diags_fini(&d);
}

/* Total-fit under coverage instrumentation costs seconds on a full article,
 * over the 2 s limit: longer inputs are set first-fit. */
static void render(const struct np_article *a, size_t size, struct np_diags *d)
{
	struct np_flow_opts fo = {.breaker = size <= TOTAL_FIT_MAX ? NP_BREAK_TOTAL_FIT
								  : NP_BREAK_FIRST_FIT,
				  .max_pages = MAX_PAGES};
	struct np_doc doc;
	if (np_flow_article(text, a, &layout, &fo, d, &doc) < 0)
		return;
	char *pdf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&pdf, &len);
	if (fp) {
		if (np_render_pdf_stream(&doc, fp, (int)(a->nblocks & 1)) < 0)
			abort(); /* a memory stream cannot fail short of OOM */
		fclose(fp);
	}
	free(pdf);
	np_doc_fini(&doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!text)
		setup();
	struct np_diags d;
	struct np_article *a = NULL;
	np_diags_init(&d);
	if (np_parse_article_mem("fuzz.yaml", NULL, (const char *)data, size, NULL, &d, &a) == 0 &&
	    np_article_validate(a, &layout, &d) == 0)
		render(a, size, &d);
	np_article_free(a);
	np_diags_fini(&d);
	return 0;
}
