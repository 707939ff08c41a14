/* marks.c - trim marks in the slug, on the black plate only. */
#include "press/marks.h"

/* Marks stand this far off the bleed, and are this long and this thick. */
#define MARK_GAP 3.0
#define MARK_LEN 15.0
#define MARK_WIDTH 0.25

static void segment(struct np_buf *b, double x0, double y0, double x1, double y1)
{
	np_buf_num(b, x0);
	np_buf_str(b, " ");
	np_buf_num(b, y0);
	np_buf_str(b, " m ");
	np_buf_num(b, x1);
	np_buf_str(b, " ");
	np_buf_num(b, y1);
	np_buf_str(b, " l\n");
}

double np_press_slug(void)
{
	return MARK_GAP + MARK_LEN + 3;
}

void np_press_marks(struct np_buf *b, double off, double w, double h, double bleed)
{
	double xs[2] = {off, off + w}, ys[2] = {off, off + h};
	double reach = bleed + MARK_GAP;
	np_buf_str(b, "q /NPo01 gs 0 0 0 1 K ");
	np_buf_num(b, MARK_WIDTH);
	np_buf_str(b, " w 0 J\n");
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++) {
			double sx = i ? 1 : -1, sy = j ? 1 : -1;
			/* along the trim line, outside the bleed */
			segment(b, xs[i] + sx * reach, ys[j], xs[i] + sx * (reach + MARK_LEN), ys[j]);
			segment(b, xs[i], ys[j] + sy * reach, xs[i], ys[j] + sy * (reach + MARK_LEN));
		}
	np_buf_str(b, "S Q\n");
}
