/* content.c - a content stream's colours made CMYK.
 *
 * qpdf's C API has no content-stream tokenizer, and its C++ TokenFilter
 * would bring C++ and its runtime into a C program for what is, with
 * Cairo's output, a small known language: numbers, names, strings, arrays
 * and operators. So this is a small tokenizer of our own that copies every
 * token as it came and rewrites only the colour operators (rg, RG, cs, CS,
 * sc, scn, SC, SCN); it stops at what it does not expect (inline images)
 * rather than guess.
 */
#include <stdio.h>
#include <string.h>

#include "press/press_int.h"

static int is_space(int c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static int is_delim(int c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
	       c == '}' || c == '/' || c == '%';
}

static int is_regular(int c)
{
	return !is_space(c) && !is_delim(c);
}

/* A PDF number (no exponent): by hand, not strtod, which follows the locale. */
static int number(const unsigned char *s, size_t n, double *v)
{
	size_t i = 0;
	int neg = 0, digits = 0;
	double x = 0, scale = 1;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++)
		x = x * 10 + (s[i] - '0');
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
			x = x * 10 + (s[i] - '0');
			scale *= 10;
		}
	if (i != n || !digits)
		return -1;
	*v = (neg ? -x : x) / scale;
	return 0;
}

enum { MAX_NUMS = 8, MAX_DEPTH = 64 };

struct filter {
	struct np_colour *colour;
	const struct np_named_space *spaces;
	size_t nspaces;
	struct np_buf *out;
	size_t operands;          /* where the current operands begin in out */
	int have_operands;
	double num[MAX_NUMS];
	int nnum, nother;
	char name[32];            /* the last name operand */
	int rgb_space[2];         /* fill, stroke: cs/CS chose DeviceRGB */
	int op[2], stack[MAX_DEPTH][2], depth; /* overprint: fill, stroke */
	int set[2];               /* the overprint state last written */
};

/* Overprint by name, written only when it changes. */
static void overprint(struct filter *f)
{
	if (f->op[0] == f->set[0] && f->op[1] == f->set[1])
		return;
	char s[16];
	snprintf(s, sizeof s, "/NPo%d%d gs ", f->op[0], f->op[1]);
	np_buf_str(f->out, s);
	f->set[0] = f->op[0];
	f->set[1] = f->op[1];
}

/* 0 0 0 1: black on the black plate, which overprints so that no white
 * shows around letters when the plates do not register exactly. */
static int solid_black(const double k[4])
{
	return k[0] == 0 && k[1] == 0 && k[2] == 0 && k[3] >= 0.9999;
}

static void cmyk_op(struct filter *f, int stroke, const char *op)
{
	double rgb[3] = {f->num[0], f->num[1], f->num[2]}, k[4];
	np_colour_vector(f->colour, rgb, k);
	f->out->n = f->operands;
	f->op[stroke] = solid_black(k);
	overprint(f);
	for (int i = 0; i < 4; i++) {
		np_buf_num(f->out, k[i]);
		np_buf_str(f->out, " ");
	}
	np_buf_str(f->out, op);
}

/* The operands of the current operator again after prefix. */
static void before_operands(struct filter *f, const char *prefix)
{
	size_t n = f->out->n - f->operands;
	char tmp[256];
	if (n > sizeof tmp)
		return; /* Do's operand is one name: never this long */
	memcpy(tmp, f->out->p + f->operands, n);
	f->out->n = f->operands;
	np_buf_str(f->out, prefix);
	np_buf_add(f->out, tmp, n);
}

static int operator(struct filter *f, const unsigned char *t, size_t n, char *err, size_t errn)
{
	char op[4] = {0};
	if (n < sizeof op)
		memcpy(op, t, n);
	int stroke = op[0] >= 'A' && op[0] <= 'Z';
	int pure = f->nother == 0 && f->have_operands;
	if ((!strcmp(op, "rg") || !strcmp(op, "RG")) && f->nnum == 3 && pure) {
		cmyk_op(f, stroke, stroke ? "K" : "k");
		return 0;
	}
	if (!strcmp(op, "cs") || !strcmp(op, "CS")) {
		int family = !strcmp(f->name, "DeviceRGB") ? 3 : 0;
		for (size_t i = 0; i < f->nspaces && !family; i++)
			if (!strcmp(f->spaces[i].name, f->name))
				family = f->spaces[i].n;
		f->rgb_space[stroke] = family == 3;
		if (family == 1 || family == 4) {
			f->out->n = f->operands;
			np_buf_str(f->out, family == 1 ? "/DeviceGray " : "/DeviceCMYK ");
			np_buf_add(f->out, t, n);
			return 0;
		}
		if (f->rgb_space[stroke]) {
			f->out->n = f->operands;
			np_buf_str(f->out, "/DeviceCMYK ");
			np_buf_add(f->out, t, n);
			return 0;
		}
	} else if ((!strcmp(op, "sc") || !strcmp(op, "scn") || !strcmp(op, "SC") ||
		    !strcmp(op, "SCN")) && f->rgb_space[stroke]) {
		if (f->nnum != 3 || !pure) {
			snprintf(err, errn, "a content stream sets an RGB colour the print pass "
				 "cannot read");
			return -1;
		}
		char o[4];
		memcpy(o, op, sizeof o);
		cmyk_op(f, stroke, o);
		return 0;
	} else if (!strcmp(op, "q") && f->depth < MAX_DEPTH) {
		memcpy(f->stack[f->depth++], f->op, sizeof f->op);
	} else if (!strcmp(op, "Q") && f->depth > 0) {
		memcpy(f->op, f->stack[--f->depth], sizeof f->op);
		memcpy(f->set, f->op, sizeof f->op); /* Q restored it */
	} else if (!strcmp(op, "Do") && (f->op[0] || f->op[1])) {
		/* a form or picture knocks out what is under it */
		f->op[0] = f->op[1] = 0;
		before_operands(f, "/NPo00 gs ");
		f->set[0] = f->set[1] = 0;
	} else if (!strcmp(op, "BI")) {
		snprintf(err, errn, "an inline image in a content stream (not made by Cairo)");
		return -1;
	}
	np_buf_add(f->out, t, n);
	return 0;
}

/* The end of a string token starting at s[0] == '('. */
static size_t string_end(const unsigned char *s, size_t i, size_t n)
{
	int depth = 0;
	for (; i < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth == 0)
			return i + 1;
	}
	return n;
}

static void operand(struct filter *f)
{
	if (!f->have_operands) {
		f->operands = f->out->n;
		f->have_operands = 1;
	}
}

int np_press_content(const unsigned char *s, size_t n, struct np_colour *c,
		     struct np_buf *out, char *err, size_t errn)
{
	return np_press_content_spaces(s, n, c, NULL, 0, out, err, errn);
}

int np_press_content_spaces(const unsigned char *s, size_t n, struct np_colour *c,
			    const struct np_named_space *spaces, size_t nspaces,
			    struct np_buf *out, char *err, size_t errn)
{
	struct filter f = {.colour = c, .spaces = spaces, .nspaces = nspaces, .out = out};
	size_t i = 0;
	np_buf_reserve(out, n + n / 8 + 256); /* CMYK operators are a little longer */
	while (i < n && !out->oom) {
		size_t start = i;
		unsigned char ch = s[i];
		if (is_space(ch)) {
			np_buf_add(out, s + i++, 1);
			continue;
		}
		if (ch == '%') {
			while (i < n && s[i] != '\n' && s[i] != '\r')
				i++;
			np_buf_add(out, s + start, i - start);
			continue;
		}
		if (ch == '(') {
			i = string_end(s, i, n);
		} else if (ch == '<' && i + 1 < n && s[i + 1] == '<') {
			i += 2;
		} else if (ch == '>' && i + 1 < n && s[i + 1] == '>') {
			i += 2;
		} else if (ch == '<') {
			while (i < n && s[i] != '>')
				i++;
			i += i < n;
		} else if (ch == '/') {
			for (i++; i < n && is_regular(s[i]); i++)
				;
			size_t len = i - start - 1;
			if (len >= sizeof f.name)
				len = sizeof f.name - 1;
			memcpy(f.name, s + start + 1, len);
			f.name[len] = 0;
		} else if (is_delim(ch)) {
			i++; /* [ ] { } and a stray ) or > */
		} else {
			while (i < n && is_regular(s[i]))
				i++;
			double v;
			if (number(s + start, i - start, &v) == 0) {
				operand(&f);
				if (f.nnum < MAX_NUMS)
					f.num[f.nnum] = v;
				f.nnum++;
				np_buf_add(out, s + start, i - start);
				continue;
			}
			int keyword = (i - start == 4 && !memcmp(s + start, "true", 4)) ||
				      (i - start == 5 && !memcmp(s + start, "false", 5)) ||
				      (i - start == 4 && !memcmp(s + start, "null", 4));
			if (!keyword) {
				if (operator(&f, s + start, i - start, err, errn) < 0)
					return -1;
				f.have_operands = 0;
				f.nnum = f.nother = 0;
				continue;
			}
		}
		operand(&f);
		f.nother++;
		np_buf_add(out, s + start, i - start);
	}
	if (out->oom) {
		snprintf(err, errn, "out of memory");
		return -1;
	}
	return 0;
}
