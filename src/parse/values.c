/* values.c - the shape of single values: ids, dates, language tags, colours,
 * decimal numbers, and white space in running text. */
#include "parse/pint.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

size_t np_ps_collapse(char *s, size_t len)
{
	size_t o = 0;
	int pending = 0;
	for (size_t i = 0; i < len; i++) {
		if (is_space(s[i])) {
			pending = o > 0;
			continue;
		}
		if (pending)
			s[o++] = ' ';
		pending = 0;
		s[o++] = s[i];
	}
	s[o] = 0;
	return o;
}

int np_ps_valid_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '-')
			return 0;
	return 1;
}

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* YYYY-MM-DD with a day that exists in that month (Gregorian leap years). */
int np_ps_valid_date(const char *s)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (strlen(s) != 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2))
		return 0;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/* The shape of BCP 47: a 2-3 letter primary language, then subtags of 1-8
 * letters or digits. Registry membership is not checked. */
int np_ps_valid_language(const char *s)
{
	size_t n = 0;
	while (isalpha((unsigned char)s[n]))
		n++;
	if (n < 2 || n > 3)
		return 0;
	s += n;
	while (*s == '-') {
		s++;
		n = 0;
		while (isalnum((unsigned char)s[n]))
			n++;
		if (n < 1 || n > 8)
			return 0;
		s += n;
	}
	return *s == 0;
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = (char)tolower((unsigned char)ch);
	return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/* "12", "12.5", "12%", each 0..100, with spaces around it; the percent sign
 * only where pct allows it. Returns the fraction 0..1 or -1. */
static double percent(const char **sp, int pct)
{
	const char *s = *sp, *end;
	double v;
	while (*s == ' ')
		s++;
	if (np_ps_scan_number(s, &v, &end) < 0 || v < 0 || v > 100)
		return -1;
	if (*end == '%' && pct)
		end++;
	while (*end == ' ')
		end++;
	*sp = end;
	return v / 100;
}

/* cmyk(C, M, Y, K) in percent, gray(G%) as black ink. The RGB that Cairo
 * draws is a plain approximation; the print pass writes the exact ink. */
static int ink_color(const char *s, double rgb[3], double cmyk[4], enum np_color_kind *kind)
{
	int gray = strncmp(s, "gray(", 5) == 0 || strncmp(s, "grey(", 5) == 0;
	if (!gray && strncmp(s, "cmyk(", 5) != 0)
		return -1;
	s += 5;
	int n = gray ? 1 : 4;
	double v[4] = {0, 0, 0, 0};
	for (int i = 0; i < n; i++) {
		if ((v[gray ? 3 : i] = percent(&s, 1)) < 0 || *s != (i == n - 1 ? ')' : ','))
			return -1;
		s++;
	}
	if (*s)
		return -1;
	memcpy(cmyk, v, sizeof v);
	for (int i = 0; i < 3; i++)
		rgb[i] = (1 - v[i]) * (1 - v[3]);
	*kind = gray ? NP_COLOR_GRAY : NP_COLOR_CMYK;
	return 0;
}

int np_ps_parse_ink(const char *s, double rgb[3], double cmyk[4], enum np_color_kind *kind)
{
	if (ink_color(s, rgb, cmyk, kind) == 0)
		return 0;
	*kind = NP_COLOR_RGB;
	return np_ps_parse_color(s, rgb);
}

int np_ps_parse_color(const char *s, double rgb[3])
{
	if (strlen(s) != 7 || s[0] != '#')
		return -1;
	for (int i = 0; i < 3; i++) {
		int hi = hexval(s[1 + 2 * i]), lo = hexval(s[2 + 2 * i]);
		if (hi < 0 || lo < 0)
			return -1;
		rgb[i] = (hi * 16 + lo) / 255.0;
	}
	return 0;
}

/* Done by hand rather than with strtod, which follows LC_NUMERIC (a program
 * that calls setlocale for Pango would read "0.5" as 0 in a German locale)
 * and accepts hex, exponents, inf and nan. */
int np_ps_scan_number(const char *s, double *out, const char **end)
{
	const char *p = s;
	int neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	double v = 0, scale = 1;
	size_t nd = 0;
	for (; isdigit((unsigned char)*p) && nd < 30; p++, nd++)
		v = v * 10 + (*p - '0');
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p) && nd < 30; p++, nd++) {
			v = v * 10 + (*p - '0');
			scale *= 10;
		}
	}
	if (nd == 0 || isdigit((unsigned char)*p))
		return -1; /* no digits, or too many to be a length */
	*out = (neg ? -v : v) / scale;
	*end = p;
	return 0;
}
