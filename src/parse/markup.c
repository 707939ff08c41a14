/* markup.c - inline emphasis in running text: *italic*, **bold**,
 * ***bold italic***, with backslash escapes.
 *
 * A simplified CommonMark delimiter algorithm:
 *   1. split the text into literal pieces and runs of unescaped '*';
 *      a run may open if a non-space follows it, close if a non-space
 *      precedes it;
 *   2. walk the runs; a closing run matches the nearest open run on a stack,
 *      up to 3 stars at a time (1 italic, 2 bold, 3 both), the rest of an
 *      opening run stays on the stack for an outer closer;
 *   3. emit the text: stars that matched nothing stay as literal text (an
 *      unbalanced marker is not an error), the rest become style runs.
 */
#include "parse/pint.h"

#include <stdlib.h>
#include <string.h>

struct tok {
	int delim;         /* a run of '*' */
	size_t pos, len;   /* literal: bytes in the unescaped buffer */
	int count, avail;  /* delim: stars, stars still free to open */
	int can_open, can_close;
	int used;          /* stars matched */
	int open_i, open_b, close_i, close_b;
};

struct mk {
	const char *src;
	size_t len;
	char *u;     /* unescaped literal bytes */
	size_t ulen;
	struct tok *t;
	size_t nt;
};

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static int is_punct(char ch)
{
	return ch > ' ' && ch < 0x7f && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", ch);
}

static struct tok *literal_tok(struct mk *m)
{
	if (m->nt && !m->t[m->nt - 1].delim)
		return &m->t[m->nt - 1];
	struct tok *t = &m->t[m->nt++];
	memset(t, 0, sizeof *t);
	t->pos = m->ulen;
	return t;
}

/* Step 1. m->t has room for len tokens: there are never more than bytes. */
static void tokenize(struct mk *m)
{
	size_t i = 0;
	while (i < m->len) {
		char ch = m->src[i];
		if (ch == '*') {
			size_t j = i;
			while (j < m->len && m->src[j] == '*')
				j++;
			struct tok *t = &m->t[m->nt++];
			memset(t, 0, sizeof *t);
			t->delim = 1;
			t->count = t->avail = (int)(j - i);
			t->can_open = j < m->len && !is_space(m->src[j]);
			t->can_close = i > 0 && !is_space(m->src[i - 1]);
			i = j;
			continue;
		}
		if (ch == '\\' && i + 1 < m->len && is_punct(m->src[i + 1]))
			ch = m->src[++i];
		struct tok *t = literal_tok(m);
		m->u[m->ulen++] = ch;
		t->len++;
		i++;
	}
}

static void match_one(struct tok *o, struct tok *c, int k)
{
	o->avail -= k;
	o->used += k;
	c->used += k;
	o->open_i += k != 2;
	c->close_i += k != 2;
	o->open_b += k >= 2;
	c->close_b += k >= 2;
}

/* Step 2. */
static int match(struct mk *m)
{
	size_t *stack = malloc((m->nt + 1) * sizeof *stack), top = 0;
	if (!stack)
		return -1;
	for (size_t j = 0; j < m->nt; j++) {
		struct tok *c = &m->t[j];
		if (!c->delim)
			continue;
		int rem = c->count;
		while (c->can_close && rem > 0 && top > 0) {
			struct tok *o = &m->t[stack[top - 1]];
			int k = rem < o->avail ? rem : o->avail;
			k = k > 3 ? 3 : k;
			match_one(o, c, k);
			rem -= k;
			if (o->avail == 0)
				top--;
		}
		c->avail = rem;
		if (c->can_open && rem > 0)
			stack[top++] = j;
	}
	free(stack);
	return 0;
}

struct out {
	struct np_text *t;
	size_t cap_runs;
	int ital, bold; /* open depths */
};

static unsigned cur_flags(const struct out *o)
{
	return (o->ital > 0 ? NP_INLINE_ITALIC : 0u) | (o->bold > 0 ? NP_INLINE_BOLD : 0u);
}

/* Appends bytes with the current flags, extending the last run if it can. */
static int emit(struct out *o, const char *s, size_t n)
{
	struct np_text *t = o->t;
	unsigned f = cur_flags(o);
	memcpy(t->text + t->len, s, n);
	size_t start = t->len;
	t->len += n;
	t->text[t->len] = 0;
	if (!f || !n)
		return 0;
	if (t->nruns && t->runs[t->nruns - 1].end == start && t->runs[t->nruns - 1].flags == f) {
		t->runs[t->nruns - 1].end = t->len;
		return 0;
	}
	if (t->nruns == o->cap_runs) {
		size_t cap = o->cap_runs ? o->cap_runs * 2 : 4;
		struct np_run *g = realloc(t->runs, cap * sizeof *g);
		if (!g)
			return -1;
		t->runs = g;
		o->cap_runs = cap;
	}
	t->runs[t->nruns++] = (struct np_run){start, t->len, f};
	return 0;
}

/* Step 3: closes, then literal stars, then opens, so leftover stars sit
 * outside the styled range. */
static int render(struct mk *m, struct out *o)
{
	static const char stars[] = "****************";
	for (size_t j = 0; j < m->nt; j++) {
		struct tok *k = &m->t[j];
		if (!k->delim) {
			if (emit(o, m->u + k->pos, k->len))
				return -1;
			continue;
		}
		o->ital -= k->close_i;
		o->bold -= k->close_b;
		for (int left = k->count - k->used; left > 0; left -= 16)
			if (emit(o, stars, (size_t)(left < 16 ? left : 16)))
				return -1;
		o->ital += k->open_i;
		o->bold += k->open_b;
	}
	return 0;
}

int np_markup_parse(const char *src, size_t len, const struct np_mark *at,
		    struct np_diags *d, struct np_text *t)
{
	memset(t, 0, sizeof *t);
	if (np_utf8_invalid(src, len) < len) {
		np_diag_add(d, NP_ERROR, at, "invalid UTF-8 in text");
		return -1;
	}
	struct mk m = {.src = src, .len = len};
	struct out o = {.t = t};
	m.u = malloc(len + 1);
	m.t = malloc((len + 1) * sizeof *m.t);
	t->text = malloc(len + 1);
	int rc = -1;
	if (m.u && m.t && t->text) {
		t->text[0] = 0;
		tokenize(&m);
		rc = match(&m) || render(&m, &o) ? -1 : 0;
	}
	free(m.u);
	free(m.t);
	if (rc) {
		np_text_fini(t);
		np_diag_add(d, NP_ERROR, at, "out of memory");
		return -1;
	}
	if (at)
		t->mark = *at;
	return 0;
}

int np_ps_paragraph(struct np_pctx *c, const struct np_yt_node *n, const char *what,
		    struct np_text *t)
{
	if (n->kind != NP_YT_SCALAR || np_yt_is_null(n)) {
		np_ps_error(c, &n->mark, "expected %s (a string), found %s", what,
			    np_yt_kind_name(n));
		return -1;
	}
	char *s = strdup(n->str);
	if (!s) {
		np_ps_oom(c, &n->mark);
		return -1;
	}
	size_t len = np_ps_collapse(s, n->len);
	int rc = -1;
	if (len == 0)
		np_ps_error(c, &n->mark, "empty text in %s", what);
	else if (np_markup_parse(s, len, &n->mark, c->d, t) == 0)
		rc = 0;
	free(s);
	/* no-break, zero-width spaces and soft hyphens alone are as blank as
	 * ASCII spaces: the paragraph would be set as an empty line */
	if (rc == 0 && (t->len == 0 || np_utf8_blank(t->text, t->len))) {
		np_text_fini(t);
		np_ps_error(c, &n->mark, "empty text in %s", what);
		rc = -1;
	}
	return rc;
}
