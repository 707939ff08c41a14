/* buf.c - the growing buffer the print pass writes content into. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "press/press_int.h"

void np_buf_reserve(struct np_buf *b, size_t n)
{
	if (b->oom || b->n + n <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->n + n)
		cap *= 2;
	unsigned char *q = realloc(b->p, cap);
	if (!q) {
		b->oom = 1;
		return;
	}
	b->p = q;
	b->cap = cap;
}

void np_buf_add(struct np_buf *b, const void *p, size_t n)
{
	np_buf_reserve(b, n);
	if (b->oom)
		return;
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

void np_buf_str(struct np_buf *b, const char *s)
{
	np_buf_add(b, s, strlen(s));
}

void np_buf_num(struct np_buf *b, double v)
{
	char s[32];
	long long t = (long long)(v * 10000 + (v < 0 ? -0.5 : 0.5)); /* 4 decimals */
	int neg = t < 0;
	if (neg)
		t = -t;
	int len = snprintf(s, sizeof s, "%s%lld.%04lld", neg && t ? "-" : "", t / 10000, t % 10000);
	while (len > 0 && s[len - 1] == '0')
		len--;
	if (len > 0 && s[len - 1] == '.')
		len--;
	np_buf_add(b, s, (size_t)len);
}
