/* fake_text.h - the fixed-width text layer of tests/flow (fake_text.c). */
#ifndef NP_FAKE_TEXT_H
#define NP_FAKE_TEXT_H

/* Width of every character of every style, pt. */
#define FAKE_GLYPH 5.0

struct np_text_ctx *fake_text_ctx(void);

#endif
