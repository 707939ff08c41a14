/* break_test.c - unit tests of the line breaker (src/break), on a fake font.
 *
 * The fake font: every character is 10 units wide; a run of spaces is glue of
 * width 10, stretch 10, shrink 3. In the test text, '|' marks a hyphenation
 * point (a flagged penalty 50 of width 10, the hyphen), '-' is a character
 * followed by an explicit-hyphen break (flagged penalty 50, width 0), and '\n'
 * ends a line by force as \newline would (penalty 10000, fill glue, penalty
 * -10000). The paragraph ends as the engine ends it (penalty 10000, fill glue
 * of stretch NP_FILL, forced break -10000).
 *
 * Part 1 has known answers worked out by hand. Part 2 checks total-fit's
 * optimality against an independent brute force over every break sequence of
 * a few hundred small random paragraphs. Part 3: long paragraphs (the window
 * over line counts leaves a paragraph of a few thousand words as it was, and
 * bounds a longer one).
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "break/break.h"
#include "break/break_int.h" /* NP_FILL only: no internal function is called */

#define MAXI 512
#define CH 10 /* width of a character */
#define SP_W 10
#define SP_Y 10
#define SP_Z 3
#define HYPHEN_W 10
#define HYPHEN_PEN 50
#define EXHYPHEN_PEN 50

static int failures;
static int checks;

#define CHECK(cond, ...)                                                            \
	do {                                                                        \
		checks++;                                                           \
		if (!(cond)) {                                                      \
			failures++;                                                 \
			fprintf(stderr, "%s:%d: FAIL: %s: ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__);                               \
			fputc('\n', stderr);                                        \
		}                                                                   \
	} while (0)

/* ---- the fake font ---------------------------------------------------- */

struct para {
	char text[MAXI];
	struct np_bitem it[MAXI];
	size_t n;
};

static void push(struct para *p, struct np_bitem it)
{
	if (p->n >= MAXI) {
		fprintf(stderr, "too many items\n");
		exit(2);
	}
	p->it[p->n++] = it;
}

static void flush_box(struct para *p, size_t *from, size_t at, int *chars)
{
	if (*chars > 0)
		push(p, (struct np_bitem){.type = NP_BOX, .width = *chars * CH,
					  .pos = (uint32_t)*from, .end = (uint32_t)at});
	*chars = 0;
	*from = at;
}

static void end_line(struct para *p, size_t at, int final)
{
	push(p, (struct np_bitem){.type = NP_PENALTY, .penalty = NP_INF_PENALTY,
				  .pos = (uint32_t)at, .end = (uint32_t)at});
	push(p, (struct np_bitem){.type = NP_GLUE, .stretch = NP_FILL,
				  .pos = (uint32_t)at, .end = (uint32_t)at});
	push(p, (struct np_bitem){.type = NP_PENALTY, .penalty = -NP_INF_PENALTY,
				  .pos = (uint32_t)at, .end = (uint32_t)(at + !final)});
}

static void build(struct para *p, const char *text)
{
	memset(p, 0, sizeof *p);
	snprintf(p->text, sizeof p->text, "%s", text);
	size_t len = strlen(p->text), from = 0;
	int chars = 0;
	for (size_t i = 0; i < len;) {
		char c = p->text[i];
		if (c == ' ') {
			flush_box(p, &from, i, &chars);
			size_t e = i;
			while (e < len && p->text[e] == ' ')
				e++;
			push(p, (struct np_bitem){.type = NP_GLUE, .width = SP_W, .stretch = SP_Y,
						  .shrink = SP_Z, .pos = (uint32_t)i, .end = (uint32_t)e});
			i = from = e;
		} else if (c == '|') {
			flush_box(p, &from, i, &chars);
			push(p, (struct np_bitem){.type = NP_PENALTY, .flagged = 1, .width = HYPHEN_W,
						  .penalty = HYPHEN_PEN, .pos = (uint32_t)i,
						  .end = (uint32_t)(i + 1)});
			from = ++i;
		} else if (c == '\n') {
			flush_box(p, &from, i, &chars);
			end_line(p, i, 0);
			from = ++i;
		} else {
			chars++;
			i++;
			if (c == '-') {
				flush_box(p, &from, i, &chars);
				push(p, (struct np_bitem){.type = NP_PENALTY, .flagged = 1,
							  .explicit_hyphen = 1, .penalty = EXHYPHEN_PEN,
							  .pos = (uint32_t)i, .end = (uint32_t)i});
			}
		}
	}
	flush_box(p, &from, len, &chars);
	end_line(p, len, 1);
}

/* Per-line widths: the last one repeats. */
struct widths {
	int32_t w[64];
	size_t n;
	size_t max_asked; /* highest line index the breaker asked about */
};

static int32_t width_at(const struct widths *w, size_t line)
{
	size_t i = line < w->n ? line : w->n - 1;
	return i < sizeof w->w / sizeof *w->w ? w->w[i] : 0;
}

static int32_t width_of(void *ctx, size_t line)
{
	struct widths *w = ctx;
	if (line > w->max_asked || w->max_asked == SIZE_MAX)
		w->max_asked = line;
	return width_at(w, line);
}

static struct widths widths(size_t n, ...)
{
	struct widths w = {.n = n, .max_asked = SIZE_MAX};
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		w.w[i] = va_arg(ap, int32_t);
	va_end(ap);
	return w;
}

/* First item of the line after a break at b: what is discarded after a break
 * (glue, penalties) is skipped, up to a forced break. Re-implemented here. */
static size_t line_start(const struct para *p, size_t b)
{
	if (b == SIZE_MAX)
		return 0;
	size_t i = b + 1;
	while (i < p->n && p->it[i].type != NP_BOX &&
	       !(p->it[i].type == NP_PENALTY && p->it[i].penalty <= -NP_INF_PENALTY))
		i++;
	return i;
}

/* The lines of a result as text, separated by " / ", hyphens drawn. */
static const char *render(const struct para *p, const struct np_break_result *r)
{
	static char out[4 * MAXI];
	size_t o = 0;
	size_t prev = SIZE_MAX;
	out[0] = 0;
	for (size_t k = 0; k < r->nlines && o + MAXI < sizeof out; k++) {
		size_t s = line_start(p, prev), b = r->breaks[k];
		if (k)
			o += (size_t)snprintf(out + o, sizeof out - o, " / ");
		size_t a = s < p->n ? p->it[s].pos : strlen(p->text);
		size_t e = p->it[b].pos;
		for (size_t i = a; i < e; i++)
			if (p->text[i] != '|' && p->text[i] != '\n')
				out[o++] = p->text[i];
		if (p->it[b].type == NP_PENALTY && p->it[b].flagged && !p->it[b].explicit_hyphen)
			out[o++] = '-';
		out[o] = 0;
		prev = b;
	}
	return out;
}

static void params(struct np_break_params *p, enum np_break_mode mode)
{
	np_break_params_default(p);
	p->mode = mode;
}

static int run(const struct para *p, struct widths *w, const struct np_break_params *bp,
	       struct np_break_result *r)
{
	int rc = np_break_paragraph(p->it, p->n, width_of, w, bp, r);
	CHECK(rc == 0, "np_break_paragraph returned %d", rc);
	if (rc == 0 && r->nlines > 0)
		CHECK(r->breaks[r->nlines - 1] == p->n - 1, "last break %zu, not n-1 = %zu",
		      r->breaks[r->nlines - 1], p->n - 1);
	return rc;
}

/* ---- an independent evaluation of a line and a break sequence ------------ */

/* Adjustment ratio of the line from item s to break b, by the definitions:
 * L natural width of items [s, b) plus the width of a penalty at b;
 * r = (W-L)/stretch if L<W (0 with fill glue), (W-L)/shrink if L>W. */
static double line_ratio(const struct para *p, size_t s, size_t b, int32_t W)
{
	int64_t L = 0, y = 0, z = 0;
	int fill = 0;
	for (size_t i = s; i < b; i++) {
		const struct np_bitem *it = &p->it[i];
		if (it->type == NP_BOX) {
			L += it->width;
		} else if (it->type == NP_GLUE) {
			L += it->width;
			z += it->shrink;
			if (it->stretch >= NP_FILL)
				fill = 1;
			else
				y += it->stretch;
		}
	}
	if (p->it[b].type == NP_PENALTY)
		L += p->it[b].width;
	if (L < W) {
		if (fill)
			return 0;
		return y > 0 ? (double)(W - L) / (double)y : INFINITY;
	}
	if (L == W)
		return 0;
	return z > 0 ? (double)(W - L) / (double)z : -INFINITY;
}

static int fitness_class(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1)
		return 2;
	return 3;
}

static int is_flagged(const struct para *p, size_t b)
{
	return p->it[b].type == NP_PENALTY && p->it[b].flagged;
}

/* Mean width of the spaces (glue of finite stretch) of the line from item s
 * to break b, stretched by ratio r >= 0; -1 without a space. */
static double mean_gap(const struct para *p, size_t s, size_t b, double r)
{
	double w = 0, y = 0;
	int n = 0;
	for (size_t i = s; i < b; i++)
		if (p->it[i].type == NP_GLUE && p->it[i].stretch < NP_FILL) {
			w += p->it[i].width;
			y += p->it[i].stretch;
			n++;
		}
	return n ? (w + r * y) / n : -1;
}

/* Demerits of one line given its ratio and what precedes it. */
static double demerits_of_line(const struct para *p, const struct np_break_params *bp,
			       size_t b, double r, int k, size_t prevb, int prevclass)
{
	double ar = fabs(r) < 10 ? fabs(r) : 10;
	double bad = 100.0 * ar * ar * ar;
	double d = (bp->line_penalty + bad) * (bp->line_penalty + bad);
	if (r > 0) { /* spaces a reader sees as loose, very loose */
		double gap = mean_gap(p, line_start(p, k > 0 ? prevb : SIZE_MAX), b, r);
		if (bp->loose_gap > 0 && gap > bp->loose_gap)
			d += bp->loose_demerits;
		if (bp->very_loose_gap > 0 && gap > bp->very_loose_gap)
			d += bp->very_loose_demerits;
	}
	const struct np_bitem *it = &p->it[b];
	if (it->type == NP_PENALTY) {
		double pen = it->penalty;
		if (pen >= 0)
			d += pen * pen;
		else if (pen > -NP_INF_PENALTY)
			d -= pen * pen;
	}
	int prevflag = k > 0 && is_flagged(p, prevb);
	if (is_flagged(p, b) && prevflag)
		d += bp->hyphen_demerits;
	if (b == p->n - 1 && prevflag)
		d += bp->final_hyphen_demerits;
	if (k > 0 && abs(fitness_class(r) - prevclass) > 1)
		d += bp->fitness_demerits;
	return d;
}

/* Checks a result's breaks against the definitions: every line's ratio is
 * within [-1, tol] (when `tol` is finite), runs of flagged breaks are within
 * the limit, and the demerits add up to r->demerits. Returns the demerits. */
static double recompute(const struct para *p, const struct widths *w,
			const struct np_break_params *bp, const struct np_break_result *r,
			double tol, int check_feasible)
{
	double total = 0;
	size_t prev = SIZE_MAX;
	int prevclass = 1, runlen = 0;
	for (size_t k = 0; k < r->nlines; k++) {
		size_t b = r->breaks[k];
		int32_t W = width_at(w, k);
		double ratio = line_ratio(p, line_start(p, prev), b, W);
		if (check_feasible)
			CHECK(ratio >= -1 && ratio <= tol, "line %zu ratio %g outside [-1, %g]", k,
			      ratio, tol);
		CHECK(fabs(ratio - r->ratios[k]) < 1e-9 || (isinf(ratio) && ratio == r->ratios[k]),
		      "line %zu ratio %g, breaker says %g", k, ratio, r->ratios[k]);
		runlen = is_flagged(p, b) ? runlen + 1 : 0;
		if (bp->max_hyphen_run > 0)
			CHECK(runlen <= bp->max_hyphen_run, "line %zu: %d flagged breaks in a row", k,
			      runlen);
		total += demerits_of_line(p, bp, b, ratio, (int)k, prev, prevclass);
		prevclass = fitness_class(ratio);
		prev = b;
	}
	return total;
}

static int close_rel(double a, double b)
{
	return fabs(a - b) <= 1e-6 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

/* ---- part 2: exhaustive enumeration ------------------------------------- */

struct enumr {
	const struct para *p;
	const struct widths *w;
	const struct np_break_params *bp;
	double tol;
	int hyphenate;
	double best;
	size_t count;      /* feasible sequences seen */
	size_t best_breaks[MAXI];
	size_t best_n;
	size_t cur[MAXI];
	double by_lines[MAXI]; /* least demerits of the sequences of each line count */
};

static int legal(const struct para *p, size_t b, int hyphenate)
{
	const struct np_bitem *it = p->it;
	if (it[b].type == NP_GLUE)
		return b > 0 && it[b - 1].type == NP_BOX;
	if (it[b].type != NP_PENALTY || it[b].penalty >= NP_INF_PENALTY)
		return 0;
	if (it[b].flagged && !it[b].explicit_hyphen && !hyphenate)
		return 0;
	return 1;
}

static void dfs(struct enumr *e, size_t prev, size_t k, int prevclass, int runlen, double d)
{
	const struct para *p = e->p;
	size_t s = line_start(p, prev);
	int32_t W = width_at(e->w, k);
	for (size_t b = prev == SIZE_MAX ? 0 : prev + 1; b < p->n; b++) {
		if (!legal(p, b, e->hyphenate))
			continue;
		int forced = p->it[b].type == NP_PENALTY && p->it[b].penalty <= -NP_INF_PENALTY;
		/* no pruning on overfull lines: every later break is tried too */
		double r = line_ratio(p, s, b, W);
		int ok = r >= -1 && r <= e->tol;
		int nrun = is_flagged(p, b) ? runlen + 1 : 0;
		if (e->bp->max_hyphen_run > 0 && nrun > e->bp->max_hyphen_run)
			ok = 0;
		if (ok) {
			double nd = d + demerits_of_line(p, e->bp, b, r, (int)k, prev, prevclass);
			e->cur[k] = b;
			if (b == p->n - 1) {
				e->count++;
				if (nd < e->by_lines[k + 1])
					e->by_lines[k + 1] = nd;
				if (nd < e->best) {
					e->best = nd;
					e->best_n = k + 1;
					memcpy(e->best_breaks, e->cur, (k + 1) * sizeof *e->cur);
				}
			} else {
				dfs(e, b, k + 1, fitness_class(r), nrun, nd);
			}
		}
		if (forced)
			break; /* a line cannot run past a forced break */
	}
}

static struct enumr e;

static double enumerate(const struct para *p, const struct widths *w,
			const struct np_break_params *bp, double tol, int hyphenate,
			size_t *count)
{
	memset(&e, 0, sizeof e);
	for (size_t k = 0; k < MAXI; k++)
		e.by_lines[k] = INFINITY;
	e.p = p;
	e.w = w;
	e.bp = bp;
	e.tol = tol;
	e.hyphenate = hyphenate;
	e.best = INFINITY;
	dfs(&e, SIZE_MAX, 0, 1, 0, 0);
	*count = e.count;
	return e.best;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t rnd(uint32_t n)
{
	/* splitmix64 */
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	z ^= z >> 31;
	return (uint32_t)(z % n);
}

/* Random words of 1-9 letters; a hyphenation point after a letter with
 * probability 1/hyph_every; now and then an explicit hyphen. */
static void random_text(char *t, size_t cap, uint32_t hyph_every)
{
	size_t o = 0;
	int words = 5 + (int)rnd(10);
	for (int i = 0; i < words; i++) {
		int len = 1 + (int)rnd(9);
		if (i)
			t[o++] = ' ';
		for (int c = 0; c < len; c++) {
			if (c > 0 && c < len - 1 && rnd(16) == 0) {
				t[o++] = '-'; /* an explicit hyphen, as in "well-known" */
				continue;
			}
			t[o++] = (char)('a' + rnd(26));
			if (c + 1 < len && rnd(hyph_every) == 0)
				t[o++] = '|';
		}
		if (o + 40 > cap)
			break;
	}
	t[o] = 0;
}

static void optimality(int npara)
{
	/* sets of line widths: words average 50 units plus a 10-unit space */
	static const int32_t sets[3][5] = {
		{150, 180, 200, 230, 260}, /* two to four words a line */
		{90, 100, 120, 140, 170},  /* narrow: hyphenation needed */
		{70, 70, 260, 260, 160},   /* widths far apart: line numbers matter */
	};
	int pass1 = 0, pass2 = 0, none = 0;
	size_t seqs = 0;
	for (int i = 0; i < npara; i++) {
		uint32_t mode = rnd(11);
		int hyphen_happy = mode == 6 || mode == 7;
		char text[MAXI];
		random_text(text, sizeof text, hyphen_happy ? 1 + rnd(2) : 2 + rnd(3));
		static struct para p;
		build(&p, text);
		struct widths w = {.n = 12, .max_asked = SIZE_MAX};
		const int32_t *choices = sets[hyphen_happy ? 1 : rnd(3)];
		for (size_t k = 0; k < w.n; k++)
			w.w[k] = choices[rnd(5)];
		struct np_break_params bp;
		params(&bp, NP_BREAK_TOTAL_FIT);
		switch (mode) { /* the defaults, and some variety */
		case 0:
			bp.max_hyphen_run = 1;
			break;
		case 1:
			bp.max_hyphen_run = 0;
			break;
		case 2:
			bp.pretolerance = -1;
			break;
		case 3:
			bp.tolerance = 3;
			bp.pretolerance = 2;
			break;
		case 6: /* hyphens cost nothing: only the run limit holds them back */
		case 7:
			bp.hyphen_demerits = 0;
			bp.final_hyphen_demerits = 0;
			bp.tolerance = 4;
			bp.max_hyphen_run = 1 + (int)rnd(2);
			break;
		case 8: /* lines whose spaces look loose cost more (body.c's setting) */
			bp.loose_gap = SP_W * 14 / 10;
			bp.loose_demerits = 30000;
			bp.very_loose_gap = SP_W * 2;
			bp.very_loose_demerits = 300000;
			bp.tolerance = 3;
			break;
		case 4: /* loose: many feasible sequences, so many ways to each break */
		case 5:
			bp.tolerance = 6;
			bp.pretolerance = 4;
			bp.max_hyphen_run = 1 + (int)rnd(2);
			break;
		default:
			break;
		}
		size_t c1 = 0, c2 = 0;
		double best1 = bp.pretolerance >= 0 ? enumerate(&p, &w, &bp, bp.pretolerance, 0, &c1)
						    : INFINITY;
		double best2 = enumerate(&p, &w, &bp, bp.tolerance, 1, &c2);
		seqs += c1 + c2;
		struct np_break_result r;
		if (run(&p, &w, &bp, &r) != 0)
			continue;
		if (c1 > 0) {
			pass1++;
			CHECK(r.pass == 1, "paragraph %d \"%s\": pass-1 break exists, breaker pass %d",
			      i, text, r.pass);
			CHECK(close_rel(r.demerits, best1),
			      "paragraph %d \"%s\": demerits %.6f, optimum %.6f (%s)", i, text,
			      r.demerits, best1, render(&p, &r));
		} else if (c2 > 0) {
			pass2++;
			CHECK(r.pass == 2, "paragraph %d \"%s\": pass-2 break exists, breaker pass %d",
			      i, text, r.pass);
			CHECK(close_rel(r.demerits, best2),
			      "paragraph %d \"%s\": demerits %.6f, optimum %.6f (%s)", i, text,
			      r.demerits, best2, render(&p, &r));
		} else {
			none++;
			CHECK(r.pass != 1 && r.pass != 2,
			      "paragraph %d \"%s\": no feasible sequence, breaker pass %d (%s)", i,
			      text, r.pass, render(&p, &r));
		}
		if (r.pass == 1 || r.pass == 2) {
			double tol = r.pass == 1 ? bp.pretolerance : bp.tolerance;
			double d = recompute(&p, &w, &bp, &r, tol, 1);
			CHECK(close_rel(d, r.demerits),
			      "paragraph %d \"%s\": the breaks' demerits are %.6f, breaker says %.6f",
			      i, text, d, r.demerits);
			CHECK(!r.overfull, "paragraph %d: overfull in pass %d", i, r.pass);
		}
		np_break_result_fini(&r);
	}
	printf("optimality: %d paragraphs (%d pass 1, %d pass 2, %d neither), %zu feasible "
	       "break sequences enumerated\n",
	       npara, pass1, pass2, none, seqs);
}

/* Looseness k (TeX's \\looseness) on random paragraphs: in the pass the breaker
 * ends in, the line count is the one nearest the optimum's + k without passing
 * it, with the least demerits of that count; a pass-2 result means pass 1
 * could not reach the optimum's + k. */
static size_t loose_count(const double *by_lines, int k, size_t *optimum)
{
	size_t best = 0;
	for (size_t l = 1; l < MAXI; l++)
		if (by_lines[l] < INFINITY && (!best || by_lines[l] < by_lines[best]))
			best = l;
	*optimum = best;
	size_t got = best;
	for (size_t l = 1; best && l < MAXI; l++) {
		long d = (long)l - (long)best, g = (long)got - (long)best;
		if (by_lines[l] < INFINITY && ((d < g && k <= d) || (d > g && k >= d)))
			got = l;
	}
	return got;
}

static void looseness(int npara)
{
	int reached = 0, short_of = 0;
	for (int i = 0; i < npara; i++) {
		char text[MAXI];
		random_text(text, sizeof text, 2 + rnd(3));
		static struct para p;
		build(&p, text);
		struct widths w = {.n = 12, .max_asked = SIZE_MAX};
		for (size_t k = 0; k < w.n; k++)
			w.w[k] = 90 + (int32_t)rnd(120);
		struct np_break_params bp;
		params(&bp, NP_BREAK_TOTAL_FIT);
		bp.looseness = rnd(2) ? 1 : -1;
		struct np_break_result r;
		if (run(&p, &w, &bp, &r) != 0)
			continue;
		if (r.pass == 1 || r.pass == 2) {
			size_t c = 0, optimum;
			double tol = r.pass == 1 ? bp.pretolerance : bp.tolerance;
			enumerate(&p, &w, &bp, tol, r.pass == 2, &c);
			size_t want = loose_count(e.by_lines, bp.looseness, &optimum);
			CHECK(r.nlines == want, "paragraph %d \"%s\": looseness %d in pass %d: %zu lines, "
			      "expected %zu (optimum %zu)", i, text, bp.looseness, r.pass, r.nlines,
			      want, optimum);
			CHECK(want >= MAXI || close_rel(r.demerits, e.by_lines[want]),
			      "paragraph %d \"%s\": looseness %d: demerits %.6f, least of %zu lines %.6f",
			      i, text, bp.looseness, r.demerits, want, e.by_lines[want]);
			if (r.pass == 2 && bp.pretolerance >= 0) {
				enumerate(&p, &w, &bp, bp.pretolerance, 0, &c);
				size_t first = loose_count(e.by_lines, bp.looseness, &optimum);
				CHECK(c == 0 || (long)first - (long)optimum != bp.looseness,
				      "paragraph %d \"%s\": pass 1 reached looseness %d, breaker went on",
				      i, text, bp.looseness);
			}
			if ((long)r.nlines - (long)optimum == bp.looseness)
				reached++;
			else
				short_of++;
		}
		np_break_result_fini(&r);
	}
	printf("looseness: %d paragraphs reached their looseness, %d came as near as they could\n",
	       reached, short_of);
}

/* ---- part 1: known answers ---------------------------------------------- */

static void show(const char *text, struct widths *w)
{
	static struct para p;
	build(&p, text);
	for (int m = 0; m < 2; m++) {
		struct np_break_params bp;
		params(&bp, m ? NP_BREAK_TOTAL_FIT : NP_BREAK_FIRST_FIT);
		struct np_break_result r;
		if (run(&p, w, &bp, &r) != 0)
			return;
		printf("%s: pass %d overfull %d demerits %.4f: %s\n", m ? "total" : "first", r.pass,
		       r.overfull, r.demerits, render(&p, &r));
		for (size_t k = 0; k < r.nlines; k++)
			printf("  line %zu break %zu ratio %.4f\n", k, r.breaks[k], r.ratios[k]);
		np_break_result_fini(&r);
	}
}

static void expect_lines(const char *what, const struct para *p,
			 const struct np_break_result *r, const char *want)
{
	const char *got = render(p, r);
	CHECK(strcmp(got, want) == 0, "%s: got \"%s\", want \"%s\"", what, got, want);
}

/* Longest run of flagged breaks in a result. */
static int longest_run(const struct para *p, const struct np_break_result *r)
{
	int run = 0, most = 0;
	for (size_t k = 0; k < r->nlines; k++) {
		run = is_flagged(p, r->breaks[k]) ? run + 1 : 0;
		most = run > most ? run : most;
	}
	return most;
}

/* Spaces first (issue 14): "aaaa bbbb" is 80 of letters and a space of 10
 * (stretch 10, shrink 3). The letters move only where the spaces alone would
 * pass the threshold (0.8) stretching, or their shrink, and then only by their
 * allowance (a fraction of the 80), the spaces taking the rest. */
static void test_spaces_first(void)
{
	static struct para p;
	build(&p, "aaaa bbbb");
	size_t to = p.n - 3; /* the break after the second box (the paragraph's end) */
	struct { int32_t width; double ls, r, letter; } c[] = {
		{95, 0.05, 0.5, 0},       /* 5 of 10: the spaces alone */
		{98, 0.05, 0.8, 0},       /* at the threshold: still alone */
		{100, 0.05, 0.8, 0.5},    /* 10: the letters take 2 of their 4 */
		{100, 0.02, 0.84, 1},     /* the letters' 1.6 all, the spaces 8.4 */
		{110, 0.02, 1.84, 1},     /* past it the spaces alone go on */
		{88, 0.05, -2.0 / 3, 0},  /* shrinking: the spaces' 2 of 3 */
		{86, 0.05, -1, -0.25},    /* 4: the spaces' 3, the letters' 1 of 4 */
		{100, 0, 1, 0},           /* no letter-spacing allowed */
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		double letter = 7;
		double r = np_break_ratio(p.it, 0, to, c[i].width, c[i].ls, 0.8, &letter);
		CHECK(fabs(r - c[i].r) < 1e-9 && fabs(letter - c[i].letter) < 1e-9,
		      "width %d letter_space %g: ratio %g letter %g, want %g %g", c[i].width, c[i].ls,
		      r, letter, c[i].r, c[i].letter);
	}
}

/* First-fit takes the longest line that can shrink to fit; total-fit sees
 * that this leaves the next line hopelessly loose. Width 100:
 *   "a b c d eee" = 7 letters + 4 spaces = 110, shrink 12: r = -10/12 = -0.83,
 *     so first-fit takes it; then "ffff g" = 60, stretch 10: r = 4 (and
 *     "ffff g hhhhhh" = 130 cannot shrink 30 with 6), so first-fit sets
 *     "a b c d eee / ffff g / hhhhhh" with ratios -0.83, 4, 0.
 *   Total-fit, pass 1 (pretolerance 1): after "a b c d eee" the next line is
 *     4 or overfull, a dead end. "a b c" = 50, stretch 20: r = 2.5, too loose.
 *     "a b c d" = 70, stretch 30: r = 1.0 exactly (fitness 2), then
 *     "eee ffff" = 80 (r = 2, too loose) or "eee ffff g" = 100 (r = 0), then
 *     "hhhhhh" on the last line (fill: r = 0). The only feasible sequence:
 *     demerits (10 + 100*1^3)^2 + (10 + 0)^2 + (10 + 0)^2 = 12100 + 100 + 100
 *     = 12300; fitness classes 2, 1, 1 never jump by more than one. */
static void test_first_vs_total(void)
{
	static struct para p;
	build(&p, "a b c d eee ffff g hhhhhh");
	struct widths w = widths(1, 100);
	struct np_break_params bp;
	struct np_break_result r;
	params(&bp, NP_BREAK_FIRST_FIT);
	if (run(&p, &w, &bp, &r) == 0) {
		expect_lines("first-fit", &p, &r, "a b c d eee / ffff g / hhhhhh");
		CHECK(r.pass == 0 && r.nlines == 3, "first-fit pass %d, %zu lines", r.pass, r.nlines);
		if (r.nlines == 3)
			CHECK(fabs(r.ratios[0] + 10.0 / 12) < 1e-9 && r.ratios[1] == 4,
			      "first-fit ratios %g %g", r.ratios[0], r.ratios[1]);
		/* the last line does not count */
		CHECK(r.loosest == 4 && r.very_loose == 1, "first-fit loosest %g, %zu very loose",
		      r.loosest, r.very_loose);
		CHECK(!r.overfull, "first-fit overfull");
	}
	np_break_result_fini(&r);
	params(&bp, NP_BREAK_TOTAL_FIT);
	if (run(&p, &w, &bp, &r) == 0) {
		expect_lines("total-fit", &p, &r, "a b c d / eee ffff g / hhhhhh");
		CHECK(r.pass == 1, "total-fit pass %d", r.pass);
		CHECK(close_rel(r.demerits, 12300), "total-fit demerits %g, want 12300", r.demerits);
		CHECK(!r.overfull && !r.emergency, "overfull %d emergency %d", r.overfull, r.emergency);
		CHECK(close_rel(recompute(&p, &w, &bp, &r, 1, 1), r.demerits), "recomputed demerits");
		/* ratio 1 exactly is loose, not very loose */
		CHECK(r.loosest == 1 && r.very_loose == 0, "total-fit loosest %g, %zu very loose",
		      r.loosest, r.very_loose);
	}
	np_break_result_fini(&r);
}

/* Breaks given again by the memo are the breaker's, with what the ratios
 * summed up to (the memo keeps no ratios: a hit gives none); the breaks
 * forbidden name an entry too (the same items with a penalty raised are
 * another paragraph to the breaker); it keeps the last sixteen settings. */
static void test_memo(void)
{
	static struct para p;
	build(&p, "a b c d eee ffff g hhhhhh");
	struct np_break_params bp;
	params(&bp, NP_BREAK_TOTAL_FIT);
	struct np_break_memo m = {0};
	struct np_break_result fresh, r;
	enum { SETTINGS = 17 };
	for (int32_t k = 0; k < SETTINGS; k++) {
		struct widths w = widths(1, 100 + 5 * k);
		if (run(&p, &w, &bp, &fresh) < 0)
			break;
		CHECK(np_break_memo_paragraph(&m, p.it, p.n, width_of, width_of, &w, &bp, NULL, &r) ==
			      0,
		      "memo: width %d", 100 + 5 * k);
		CHECK(r.ratios != NULL, "width %d: new to the memo, yet a hit", 100 + 5 * k);
		np_break_result_fini(&r);
		CHECK(np_break_memo_find(&m, width_of, &w, &bp, NULL, &r) == 1 && !r.ratios,
		      "width %d: not found again", 100 + 5 * k);
		int same = r.nlines == fresh.nlines && r.demerits == fresh.demerits &&
			   r.loosest == fresh.loosest && r.very_loose == fresh.very_loose;
		for (size_t i = 0; same && i < r.nlines; i++)
			same = r.breaks[i] == fresh.breaks[i];
		CHECK(same, "width %d: the memo's breaks differ from the breaker's", 100 + 5 * k);
		np_break_result_fini(&r);
		np_break_result_fini(&fresh);
	}
	struct widths first = widths(1, 100), second = widths(1, 105);
	CHECK(np_break_memo_find(&m, width_of, &first, &bp, NULL, &r) == 0,
	      "the seventeenth setting kept the first");
	np_break_result_fini(&r);
	CHECK(np_break_memo_find(&m, width_of, &second, &bp, NULL, &r) == 1,
	      "the second setting was let go");
	np_break_result_fini(&r);

	/* a width at which a hyphen is taken, then that hyphen forbidden */
	static struct para q;
	build(&q, "com|pre|hen|sive im|ple|men|ta|tion of in|ter|na|tion|al stan|dard|iza|tion");
	size_t at[1] = {0};
	struct widths w = widths(1, 60);
	int hyphen = 0;
	for (int32_t width = 60; width <= 200 && !hyphen; width += 2) {
		w = widths(1, width);
		if (run(&q, &w, &bp, &fresh) < 0)
			break;
		for (size_t i = 0; i + 1 < fresh.nlines && !hyphen; i++)
			if (q.it[fresh.breaks[i]].type == NP_PENALTY && q.it[fresh.breaks[i]].flagged)
				hyphen = 1, at[0] = fresh.breaks[i];
		np_break_result_fini(&fresh);
	}
	CHECK(hyphen, "no width takes a hyphen");
	struct np_break_memo mq = {0};
	if (hyphen) {
		struct np_break_forbidden fb = {at, 1};
		CHECK(np_break_memo_paragraph(&mq, q.it, q.n, width_of, width_of, &w, &bp, NULL, &r) == 0,
		      "hyphen: not broken");
		np_break_result_fini(&r);
		CHECK(np_break_memo_find(&mq, width_of, &w, &bp, &fb, &r) == 0,
		      "a break forbidden, yet the memo gives the breaks without it");
		np_break_result_fini(&r);
		q.it[at[0]].penalty = NP_INF_PENALTY;
		CHECK(np_break_memo_paragraph(&mq, q.it, q.n, width_of, width_of, &w, &bp, &fb, &r) == 0,
		      "hyphen forbidden: not broken");
		int taken = 0;
		for (size_t i = 0; i < r.nlines; i++)
			taken |= r.breaks[i] == at[0];
		CHECK(!taken, "the forbidden break was taken");
		size_t n1 = r.nlines, b0 = r.nlines ? r.breaks[0] : 0;
		np_break_result_fini(&r);
		CHECK(np_break_memo_find(&mq, width_of, &w, &bp, &fb, &r) == 1 && r.nlines == n1 &&
			      (!n1 || r.breaks[0] == b0),
		      "the breaks with one forbidden not kept");
		np_break_result_fini(&r);
		taken = 0;
		CHECK(np_break_memo_find(&mq, width_of, &w, &bp, NULL, &r) == 1, "the breaks without it lost");
		for (size_t i = 0; i < r.nlines; i++)
			taken |= r.breaks[i] == at[0];
		CHECK(taken, "the memo's breaks without the forbidding lack its hyphen");
		np_break_result_fini(&r);
	}
	np_break_memo_fini(&mq);
	np_break_result_fini(&fresh);
	np_break_memo_fini(&m);
	CHECK(m.newest == NULL, "memo not empty after fini");
}

/* A parshape: fourteen 4-letter words. At width 200 a line holds four words
 * (160 + 30 = 190, stretch 30: r = 1/3); three would be r = 3 and five
 * overfull, so lines of 4, 4, 4 and a last line of 2. Beside an obstacle that
 * leaves 90 for lines 0-2, those hold two words exactly (90, r = 0) and the
 * rest fills 4 + 4 at 200: demerits 3 * 10^2 + (10 + 100/27)^2 + 10^2. */
static void test_parshape(void)
{
	static struct para p;
	build(&p, "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn");
	struct np_break_params bp;
	struct np_break_result r;
	for (int m = 0; m < 2; m++) {
		params(&bp, m ? NP_BREAK_FIRST_FIT : NP_BREAK_TOTAL_FIT);
		struct widths w = widths(1, 200);
		if (run(&p, &w, &bp, &r) == 0) {
			expect_lines("uniform", &p, &r,
				     "aaaa bbbb cccc dddd / eeee ffff gggg hhhh / iiii jjjj kkkk llll / "
				     "mmmm nnnn");
			if (!m) {
				double d = 3 * pow(10 + 100.0 / 27, 2) + 100;
				CHECK(close_rel(r.demerits, d), "uniform demerits %g, want %g", r.demerits, d);
			}
		}
		np_break_result_fini(&r);
		w = widths(4, 90, 90, 90, 200);
		if (run(&p, &w, &bp, &r) == 0) {
			expect_lines("parshape", &p, &r,
				     "aaaa bbbb / cccc dddd / eeee ffff / gggg hhhh iiii jjjj / "
				     "kkkk llll mmmm nnnn");
			if (!m) {
				double d = 300 + pow(10 + 100.0 / 27, 2) + 100;
				CHECK(close_rel(r.demerits, d), "parshape demerits %g, want %g", r.demerits,
				      d);
				CHECK(r.pass == 1, "parshape pass %d", r.pass);
				/* the breaker asked for the width of every line it set */
				CHECK(w.max_asked != SIZE_MAX && w.max_asked + 1 >= r.nlines,
				      "widths asked up to line %zu", w.max_asked);
			}
		}
		np_break_result_fini(&r);
	}
}

/* Width 140: "aaa bbb ccc d-" is 90 + 30 + 10 + 10 = 140 exactly, and so are
 * "ddd eee fff g-" and "ggg hhh iii j-": three hyphenated lines in a row at
 * r = 0. Without the hyphen a line ("aaa bbb ccc", 110, stretch 20) is r = 1.5:
 * only pass 2 (tolerance 2) takes it, and pass 1 has nothing else ("aaa bbb
 * ccc dddd" is 160, overfull). Hyphens and fitness jumps are made free
 * (hyphen, final-hyphen and fitness demerits 0), so only the limit matters:
 *   no limit: all three hyphens, 3 * (10^2 + 50^2) + 10^2 = 7900;
 *   limit 2:  "aaa bbb ccc d- / ddd eee fff g- / ggg hhh iii / jjjj kkk lll",
 *             2600 + 2600 + (10 + 100 * 1.5^3)^2 + 100 = 126056.25
 *             ("gggg hhh iii j-" would be 150, overfull);
 *   limit 1:  "aaa bbb ccc d- / ddd eee fff / gggg hhh iii / jjjj kkk lll",
 *             2600 + 347.5^2 + 110^2 + 100 = 135556.25, better than no hyphen
 *             at all (347.5^2 + 110^2 + 110^2 + 100 = 145056.25). */
static void test_hyphen_run(void)
{
	static struct para p;
	build(&p, "aaa bbb ccc d|ddd eee fff g|ggg hhh iii j|jjj kkk lll");
	struct widths w = widths(1, 140);
	struct np_break_params bp;
	struct np_break_result r;
	params(&bp, NP_BREAK_TOTAL_FIT);
	bp.hyphen_demerits = 0;
	bp.final_hyphen_demerits = 0;
	bp.max_hyphen_run = 0;
	if (run(&p, &w, &bp, &r) == 0) {
		expect_lines("unlimited", &p, &r,
			     "aaa bbb ccc d- / ddd eee fff g- / ggg hhh iii j- / jjj kkk lll");
		CHECK(r.pass == 2, "pass %d", r.pass);
		/* three lines of (10 + 0)^2 + 50^2 and a last line of 10^2 */
		CHECK(close_rel(r.demerits, 3 * 2600 + 100), "demerits %g, want 7900", r.demerits);
	}
	np_break_result_fini(&r);
	static const char *const want[3] = {
		NULL,
		"aaa bbb ccc d- / ddd eee fff / gggg hhh iii / jjjj kkk lll",
		"aaa bbb ccc d- / ddd eee fff g- / ggg hhh iii / jjjj kkk lll",
	};
	static const double want_d[3] = {0, 135556.25, 126056.25};
	bp.fitness_demerits = 0;
	for (int limit = 1; limit <= 2; limit++) {
		bp.max_hyphen_run = limit;
		if (run(&p, &w, &bp, &r) == 0) {
			CHECK(r.pass == 2, "limit %d: pass %d", limit, r.pass);
			CHECK(longest_run(&p, &r) <= limit, "limit %d: %d flagged breaks in a row (%s)",
			      limit, longest_run(&p, &r), render(&p, &r));
			expect_lines(limit == 1 ? "limit 1" : "limit 2", &p, &r, want[limit]);
			CHECK(close_rel(r.demerits, want_d[limit]), "limit %d: demerits %g, want %g",
			      limit, r.demerits, want_d[limit]);
			recompute(&p, &w, &bp, &r, bp.tolerance, 1);
		}
		np_break_result_fini(&r);
	}
	/* the defaults: hyphens cost, and the limit holds for first-fit too */
	for (int m = 0; m < 2; m++) {
		params(&bp, m ? NP_BREAK_FIRST_FIT : NP_BREAK_TOTAL_FIT);
		if (run(&p, &w, &bp, &r) == 0)
			CHECK(longest_run(&p, &r) <= 2, "mode %d: %d flagged breaks in a row (%s)", m,
			      longest_run(&p, &r), render(&p, &r));
		if (m == 1)
			expect_lines("first-fit run", &p, &r,
				     "aaa bbb ccc d- / ddd eee fff g- / ggg hhh iii / jjjj kkk lll");
		np_break_result_fini(&r);
	}
}

/* A word wider than the line: no feasible sequence, so total-fit ends in its
 * last pass with an overfull line, flagged, and stops. */
static void test_overfull(void)
{
	static struct para p;
	build(&p, "aa bbbbbbbbbbbbbbb cc");
	struct widths w = widths(1, 100);
	struct np_break_params bp;
	struct np_break_result r;
	params(&bp, NP_BREAK_TOTAL_FIT);
	if (run(&p, &w, &bp, &r) == 0) {
		CHECK(r.overfull, "total-fit: overfull not flagged (%s)", render(&p, &r));
		CHECK(r.pass == 4 && r.emergency, "pass %d emergency %d", r.pass, r.emergency);
		CHECK(r.nlines >= 1 && r.nlines <= 3, "%zu lines", r.nlines);
		CHECK(strstr(render(&p, &r), "bbbbbbbbbbbbbbb") != NULL, "the word is whole: %s",
		      render(&p, &r));
	}
	np_break_result_fini(&r);
	/* ragged first-fit measures natural widths: the long word overflows */
	params(&bp, NP_BREAK_FIRST_FIT);
	bp.justify = 0;
	if (run(&p, &w, &bp, &r) == 0) {
		CHECK(r.overfull, "ragged: overfull not flagged (%s)", render(&p, &r));
		expect_lines("ragged", &p, &r, "aa / bbbbbbbbbbbbbbb / cc");
	}
	np_break_result_fini(&r);
	/* a single word wider than the line */
	build(&p, "abcdefghijklmn");
	params(&bp, NP_BREAK_TOTAL_FIT);
	if (run(&p, &w, &bp, &r) == 0) {
		CHECK(r.overfull && r.nlines == 1, "one long word: overfull %d, %zu lines", r.overfull,
		      r.nlines);
	}
	np_break_result_fini(&r);
}

/* One word: one line, broken at the final forced break, r = 0 (fill glue),
 * demerits line_penalty^2 = 100. And an empty item list: no lines. */
static void test_one_word(void)
{
	static struct para p;
	build(&p, "hello");
	CHECK(p.n == 4, "items %zu", p.n);
	struct widths w = widths(1, 100);
	struct np_break_params bp;
	struct np_break_result r;
	for (int m = 0; m < 2; m++) {
		params(&bp, m ? NP_BREAK_FIRST_FIT : NP_BREAK_TOTAL_FIT);
		if (run(&p, &w, &bp, &r) == 0) {
			CHECK(r.nlines == 1 && r.breaks[0] == 3, "%zu lines", r.nlines);
			CHECK(r.nlines == 1 && r.ratios[0] == 0, "ratio %g", r.ratios[0]);
			CHECK(!r.overfull, "overfull");
			if (!m)
				CHECK(r.pass == 1 && r.demerits == 100, "pass %d demerits %g", r.pass,
				      r.demerits);
		}
		np_break_result_fini(&r);
	}
	params(&bp, NP_BREAK_TOTAL_FIT);
	int rc = np_break_paragraph(p.it, 0, width_of, &w, &bp, &r);
	CHECK(rc == 0 && r.nlines == 0, "empty: rc %d, %zu lines", rc, r.nlines);
	np_break_result_fini(&r);
}

/* A forced break mid-paragraph ('\n': penalty 10000, fill glue, -10000) ends
 * the line there even when more would fit; the line after it starts with the
 * next word. Width 200: "aaa bbb" then "ccc ddd eee" (110, last line, fill).
 * Total-fit demerits 10^2 + 10^2. A second forced break right after a word
 * that fills the line exactly works the same. */
static void test_forced(void)
{
	static struct para p;
	build(&p, "aaa bbb\nccc ddd eee");
	struct widths w = widths(1, 200);
	struct np_break_params bp;
	struct np_break_result r;
	for (int m = 0; m < 2; m++) {
		params(&bp, m ? NP_BREAK_FIRST_FIT : NP_BREAK_TOTAL_FIT);
		if (run(&p, &w, &bp, &r) == 0) {
			expect_lines("forced", &p, &r, "aaa bbb / ccc ddd eee");
			CHECK(r.nlines == 2 && r.breaks[0] == 5, "first break at %zu, want item 5",
			      r.nlines ? r.breaks[0] : 0);
			if (!m)
				CHECK(r.pass == 1 && r.demerits == 200, "pass %d demerits %g", r.pass,
				      r.demerits);
		}
		np_break_result_fini(&r);
	}
	/* two forced breaks and a paragraph that would otherwise fit on one line */
	build(&p, "aa\nbb cc\ndd");
	params(&bp, NP_BREAK_TOTAL_FIT);
	if (run(&p, &w, &bp, &r) == 0) {
		expect_lines("forced twice", &p, &r, "aa / bb cc / dd");
		CHECK(r.pass == 1, "pass %d", r.pass);
	}
	np_break_result_fini(&r);
	/* a forced break where the line before it cannot be justified: no pass
	 * up to 2 works; the last pass sets it loose rather than failing */
	struct para *q = &p;
	build(q, "aaaa bbbb cccc dddd");
	q->it[3].type = NP_PENALTY; /* the glue after bbbb becomes a bare forced break */
	q->it[3].penalty = -NP_INF_PENALTY;
	q->it[3].width = 0;
	if (run(q, &w, &bp, &r) == 0) {
		CHECK(r.nlines == 2 && r.breaks[0] == 3, "bare forced: %zu lines, first at %zu",
		      r.nlines, r.nlines ? r.breaks[0] : 0);
		CHECK(r.pass >= 3, "bare forced: pass %d", r.pass);
	}
	np_break_result_fini(&r);
}

/* Regressions: bugs this file found, fixed since. */
static void regressions(void)
{
	static struct para p;
	struct np_break_params bp;
	struct np_break_result r;
	/* 1. justified first-fit does not flag an overfull line: fit_line()
	 *    gives its fallback break a ratio of -1, and the caller flags only
	 *    ratio < -1. "abcdefghijklmn" (140) at width 100: overfull stays 0. */
	build(&p, "abcdefghijklmn");
	struct widths w = widths(1, 100);
	params(&bp, NP_BREAK_FIRST_FIT);
	if (run(&p, &w, &bp, &r) == 0)
		CHECK(r.overfull, "first-fit justified: 140 in 100 not flagged overfull");
	np_break_result_fini(&r);
	/* 2. first-fit's fallback (no break fits) takes the first legal break
	 *    even when it is a flagged break beyond max_hyphen_run: width 50,
	 *    "aaaa|bbbb|cccc|dddd|eeee|ffff" gives five hyphens in a row. */
	build(&p, "aaaa|bbbb|cccc|dddd|eeee|ffff");
	w = widths(1, 50);
	if (run(&p, &w, &bp, &r) == 0)
		CHECK(longest_run(&p, &r) <= 2, "first-fit: %d flagged breaks in a row (%s)",
		      longest_run(&p, &r), render(&p, &r));
	np_break_result_fini(&r);
	/* 3. total-fit's last pass retires a node at its first overfull break
	 *    even when the hyphen-run limit rejects that candidate, so the node
	 *    dies with no successor: same paragraph, width 50, the breaker sets
	 *    "aaaabbbb- / ccccdddd- / eeeeffff" (3 overfull lines, demerits
	 *    3e12 + 56300) where "aaaa- / bbbb- / ccccddddeeeeffff" has one
	 *    (1e12 + 2600 + 12600 + 12100 + 5000 = 1e12 + 32300). */
	params(&bp, NP_BREAK_TOTAL_FIT);
	if (run(&p, &w, &bp, &r) == 0)
		CHECK(r.demerits < 2e12, "total-fit pass %d: demerits %g (%s), want 1e12 + 32300",
		      r.pass, r.demerits, render(&p, &r));
	np_break_result_fini(&r);
}


/* ---- part 3: long paragraphs --------------------------------------------- */

/* A paragraph of `words` words of 1 to 9 characters (a fixed sequence), with
 * a hyphenation point inside every word of more than 5, in the fake font. */
static struct np_bitem *long_para(size_t words, size_t *n)
{
	struct np_bitem *it = malloc((words * 4 + 3) * sizeof *it);
	if (!it)
		exit(2);
	uint32_t seed = 15, pos = 0;
	size_t k = 0;
	for (size_t i = 0; i < words; i++) {
		seed = seed * 1103515245u + 12345u;
		int len = 1 + (int)((seed >> 16) % 9);
		if (len > 5) {
			it[k++] = (struct np_bitem){.type = NP_BOX, .width = 3 * CH, .pos = pos};
			it[k++] = (struct np_bitem){.type = NP_PENALTY, .flagged = 1, .width = HYPHEN_W,
						    .penalty = HYPHEN_PEN, .pos = pos + 3};
			it[k++] = (struct np_bitem){.type = NP_BOX, .width = (len - 3) * CH, .pos = pos + 3};
		} else {
			it[k++] = (struct np_bitem){.type = NP_BOX, .width = len * CH, .pos = pos};
		}
		pos += (uint32_t)len;
		if (i + 1 < words)
			it[k++] = (struct np_bitem){.type = NP_GLUE, .width = SP_W, .stretch = SP_Y,
						    .shrink = SP_Z, .pos = pos++};
	}
	it[k++] = (struct np_bitem){.type = NP_PENALTY, .penalty = NP_INF_PENALTY, .pos = pos};
	it[k++] = (struct np_bitem){.type = NP_GLUE, .stretch = NP_FILL, .pos = pos};
	it[k++] = (struct np_bitem){.type = NP_PENALTY, .penalty = -NP_INF_PENALTY, .pos = pos};
	*n = k;
	return it;
}

static int same_breaks(const struct np_break_result *a, const struct np_break_result *b)
{
	return a->nlines == b->nlines &&
	       memcmp(a->breaks, b->breaks, a->nlines * sizeof *a->breaks) == 0;
}

/* Widths that vary down the whole paragraph, as beside a column of
 * obstacles: every seventh line is narrower, so the line count at which a
 * breakpoint is reached matters to the end. */
static int32_t wavy(void *ctx, size_t line)
{
	(void)ctx;
	return line % 7 == 3 ? 450 : 600;
}

/* A paragraph of a few thousand words or fewer is broken exactly: the window
 * over line counts changes none of its breaks. */
static void test_window_exact(void)
{
	size_t n;
	struct np_bitem *it = long_para(NP_EXACT_WORDS, &n);
	struct np_break_params bp;
	np_break_params_default(&bp);
	bp.line_window = 1; /* the narrowest window: any use of it would show */
	struct np_break_result a, b;
	int rc = np_break_paragraph(it, n, wavy, NULL, &bp, &a);
	bp.line_window = 0;
	rc |= np_break_paragraph(it, n, wavy, NULL, &bp, &b);
	CHECK(rc == 0 && a.nlines > 100 && same_breaks(&a, &b),
	      "%zu lines with the window, %zu without, same breaks: %d", a.nlines, b.nlines,
	      rc == 0 && same_breaks(&a, &b));
	np_break_result_fini(&a);
	np_break_result_fini(&b);
	free(it);
}

/* A paragraph of 200,000 words (an hour's work for the exact search, whose
 * line counts at a breakpoint grow with the text) is broken in about a
 * second: every line within the tolerance, none overfull. */
static void test_long_paragraph(void)
{
	size_t n;
	struct np_bitem *it = long_para(200000, &n);
	struct widths w = {.n = 2, .w = {600, 560}, .max_asked = SIZE_MAX};
	struct np_break_params bp;
	np_break_params_default(&bp);
	struct np_break_result r;
	int rc = np_break_paragraph(it, n, width_of, &w, &bp, &r);
	CHECK(rc == 0 && r.nlines > 20000 && !r.overfull && r.pass <= 2,
	      "rc %d, %zu lines, overfull %d, pass %d", rc, r.nlines, r.overfull, r.pass);
	size_t bad = 0;
	for (size_t k = 0; rc == 0 && k + 1 < r.nlines; k++) {
		double tol = r.pass == 1 ? bp.pretolerance : bp.tolerance;
		bad += r.ratios[k] < -1 || r.ratios[k] > tol ||
		       (k > 0 && r.breaks[k] <= r.breaks[k - 1]);
	}
	CHECK(rc == 0 && bad == 0 && r.breaks[r.nlines - 1] == n - 1,
	      "%zu lines out of tolerance or out of order", bad);
	np_break_result_fini(&r);
	free(it);
}

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "show") == 0) {
		struct widths w = {.n = 0, .max_asked = SIZE_MAX};
		for (int i = 3; i < argc && w.n < 64; i++)
			w.w[w.n++] = (int32_t)atoi(argv[i]);
		if (w.n == 0)
			w.w[w.n++] = 100;
		show(argv[2], &w);
		return 0;
	}
	test_first_vs_total();
	test_memo();
	test_spaces_first();
	regressions();
	test_parshape();
	test_hyphen_run();
	test_overfull();
	test_one_word();
	test_forced();
	test_window_exact();
	test_long_paragraph();
	optimality(argc > 1 ? atoi(argv[1]) : 2000);
	looseness(argc > 1 ? atoi(argv[1]) / 2 : 1000);
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
