/* fake_text.h - the fixed-width text layer of tests/flow (fake_text.c). */
#ifndef NP_FAKE_TEXT_H
#define NP_FAKE_TEXT_H

#include <stddef.h>

/* Width of every character of every style, pt. */
#define FAKE_GLYPH 5.0

struct np_text_ctx *fake_text_ctx(void);

/* Paragraphs made and not yet freed, and the most at once (np_para_new). */
extern size_t fake_paras_live, fake_paras_peak;

struct np_article;
/* An article "long" of paras paragraphs, each of `words` five-letter words
 * ("aaaa aaaa ..."), no pull-quotes; np_article_free frees it. */
struct np_article *fake_long_article(size_t paras, size_t words);

struct np_layout;
/* The tests' page: 300 x 400 pt, margins 20, two columns of 125 pt with a
 * 10 pt gutter, a 10 pt grid, every style 10 on 10 without indent, no
 * headline fitting, rule or letter-spacing. */
void fake_layout(struct np_layout *l);

/* Checks that count their failures (fake_failures) and go on, so one run
 * names every rule broken. */
extern int fake_failures;
#define CHECK(cond, ...)                                                                  \
	do {                                                                              \
		if (!(cond)) {                                                            \
			fake_failures++;                                                  \
			fprintf(stderr, "%s:%d: %s: ", __FILE__, __LINE__, #cond);         \
			fprintf(stderr, __VA_ARGS__);                                     \
			fputc('\n', stderr);                                              \
		}                                                                         \
	} while (0)

#endif
