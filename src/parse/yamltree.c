/* yamltree.c - one YAML document to a small tree of nodes with positions.
 *
 * Reads libyaml's event stream, not its document API, so that what the model
 * never wants is refused where it appears: aliases (an alias bomb costs
 * nothing), anchors, tags, duplicate mapping keys, nesting past the limit, over-long
 * scalars, more values than the limit, more than one document. Raw bytes are checked for UTF-8 first.
 *
 *   stream   := STREAM-START [DOCUMENT-START node DOCUMENT-END] STREAM-END
 *   node     := SCALAR | SEQUENCE-START node* SEQUENCE-END
 *             | MAPPING-START (SCALAR node)* MAPPING-END
 */
#include "parse/pint.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* The hint for a YAML indicator that was meant as text: a paragraph that
 * starts with "*italic*" is an alias to YAML, "&" an anchor, "!" a tag. */
#define QUOTE_HINT(ch) "; a text that starts with '" ch "' must be in quotes"

struct loader {
	struct np_pctx *c;
	yaml_parser_t p;
	const char *buf; /* the input, for positions of reader errors; NULL: a file */
};

static struct np_mark mark_of(const struct loader *ld, yaml_mark_t m)
{
	struct np_mark r = {ld->c->file, (int)m.line + 1, (int)m.column + 1};
	return r;
}

/* libyaml's scanner errors "... while scanning an alias" (an anchor, a tag)
 * come from a text that starts with '*' ('&', '!') and is not quoted. */
static const char *indicator_hint(const char *context)
{
	if (!context)
		return "";
	if (strcmp(context, "while scanning an alias") == 0)
		return QUOTE_HINT("*");
	if (strcmp(context, "while scanning an anchor") == 0)
		return QUOTE_HINT("&");
	if (strcmp(context, "while scanning a tag") == 0)
		return QUOTE_HINT("!");
	return "";
}

static int next(struct loader *ld, yaml_event_t *ev)
{
	if (yaml_parser_parse(&ld->p, ev))
		return 0;
	struct np_mark at = mark_of(ld, ld->p.problem_mark);
	if (ld->p.error == YAML_READER_ERROR && ld->buf) /* a byte offset, no mark */
		np_utf8_position(ld->buf, ld->p.problem_offset, &at.line, &at.column);
	const char *hint = indicator_hint(ld->p.context);
	if (*hint) /* the error lies after the '*', '&' or '!' that began it */
		at = mark_of(ld, ld->p.context_mark);
	if (ld->p.error == YAML_MEMORY_ERROR)
		np_ps_oom(ld->c, &at);
	else if (ld->p.context)
		np_ps_error(ld->c, &at, "YAML syntax error: %s %s%s",
			    ld->p.problem ? ld->p.problem : "invalid YAML", ld->p.context, hint);
	else
		np_ps_error(ld->c, &at, "YAML syntax error: %s",
			    ld->p.problem ? ld->p.problem : "invalid YAML");
	return -1;
}

void np_yt_free(struct np_yt_node *n)
{
	if (!n)
		return;
	free(n->str);
	for (size_t i = 0; i < n->nitems; i++)
		np_yt_free(n->items[i]);
	free(n->items);
	for (size_t i = 0; i < n->npairs; i++) {
		np_yt_free(n->pairs[i].key);
		np_yt_free(n->pairs[i].value);
	}
	free(n->pairs);
	free(n);
}

void np_yt_drop_text(struct np_yt_node *n)
{
	if (n && n->kind == NP_YT_SCALAR) {
		free(n->str);
		n->str = NULL;
		n->len = 0;
	}
	for (size_t i = 0; n && n->kind == NP_YT_MAP && i < n->npairs; i++)
		np_yt_drop_text(n->pairs[i].value);
}

/* A node's properties: an anchor ("&h") exists only to be aliased, and a tag
 * ("!!str", "!custom") only to retype a value, which the schema does itself;
 * both are refused where they stand (docs/article.md), even the harmless
 * "!!str", so that the rule has no exceptions to remember. */
static int properties_ok(struct loader *ld, const yaml_event_t *ev, const unsigned char *anchor,
			 const unsigned char *tag)
{
	struct np_mark at = mark_of(ld, ev->start_mark);
	if (anchor) {
		np_ps_error(ld->c, &at, "YAML anchors are not supported (found '&%s')%s",
			    (const char *)anchor, QUOTE_HINT("&"));
		return -1;
	}
	if (tag) {
		/* libyaml hands "!!str" over resolved: say it as it was written */
		const char *t = (const char *)tag, *core = "tag:yaml.org,2002:";
		int is_core = strncmp(t, core, strlen(core)) == 0;
		np_ps_error(ld->c, &at, "YAML tags are not supported (found '%s%s')%s",
			    is_core ? "!!" : "", is_core ? t + strlen(core) : t, QUOTE_HINT("!"));
		return -1;
	}
	return 0;
}

/* The first control character in v (valid UTF-8), as a code point, or -1.
 * Tab, line feed and carriage return are white space; every other C0
 * character, DEL and the C1 range (reachable through YAML escapes such as
 * "\a" or "\x85") would reach the fonts as invisible or garbage glyphs. */
static long control_char(const char *v, size_t len)
{
	const unsigned char *s = (const unsigned char *)v;
	for (size_t i = 0; i < len; i++) {
		if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') || s[i] == 0x7f)
			return s[i];
		if (s[i] == 0xc2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f)
			return s[i + 1];
	}
	return -1;
}

/* The first Unicode non-character in v (valid UTF-8), or -1: U+FDD0..U+FDEF
 * and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE ...
 * U+10FFFF). They are for a program's own use, never for interchange: a PDF
 * title holding one is refused by cairo at the very end ("cannot write"),
 * so they are refused here, where the text is. Raw U+FFFE/U+FFFF are
 * libyaml's own error; the others arrive raw or through "\u" escapes. */
static long noncharacter(const char *v, size_t len)
{
	const unsigned char *s = (const unsigned char *)v;
	for (size_t i = 0; i < len; i++) {
		unsigned long cp;
		if (s[i] == 0xef && i + 2 < len) /* 3 bytes: U+F000..U+FFFF */
			cp = (s[i] & 0x0fUL) << 12 | (s[i + 1] & 0x3fUL) << 6 | (s[i + 2] & 0x3fUL);
		else if (s[i] >= 0xf0 && i + 3 < len) /* 4 bytes */
			cp = (s[i] & 0x07UL) << 18 | (s[i + 1] & 0x3fUL) << 12 |
			     (s[i + 2] & 0x3fUL) << 6 | (s[i + 3] & 0x3fUL);
		else
			continue;
		if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe)
			return (long)cp;
	}
	return -1;
}

static struct np_yt_node *scalar(struct loader *ld, const yaml_event_t *ev)
{
	struct np_mark at = mark_of(ld, ev->start_mark);
	size_t len = ev->data.scalar.length;
	const char *v = (const char *)ev->data.scalar.value;
	if (properties_ok(ld, ev, ev->data.scalar.anchor, ev->data.scalar.tag))
		return NULL;
	if (len > ld->c->opts.max_paragraph) {
		np_ps_error(ld->c, &at, "text of %zu bytes is over the limit of %zu bytes", len,
			    ld->c->opts.max_paragraph);
		return NULL;
	}
	long cc = control_char(v, len);
	if (cc == 0) {
		np_ps_error(ld->c, &at, "text contains a NUL character");
		return NULL;
	}
	if (cc > 0) {
		np_ps_error(ld->c, &at, "text contains the control character U+%04lX", cc);
		return NULL;
	}
	long nc = noncharacter(v, len);
	if (nc >= 0) {
		np_ps_error(ld->c, &at, "text contains the non-character U+%04lX (a code point "
			    "for a program's own use, not for text)", nc);
		return NULL;
	}
	struct np_yt_node *n = calloc(1, sizeof *n);
	if (!n || !(n->str = malloc(len + 1))) {
		free(n);
		np_ps_oom(ld->c, &at);
		return NULL;
	}
	memcpy(n->str, v, len);
	n->str[len] = 0;
	n->len = len;
	n->kind = NP_YT_SCALAR;
	n->mark = at;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ev->data.scalar.tag;
	return n;
}

static int load_node(struct loader *ld, yaml_event_t *ev, int depth, struct np_yt_node **out);

/* Makes room for element n of *v, whose capacity is *cap. */
static int grow(void **v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 4;
	void *g = realloc(*v, c * size);
	if (!g)
		return -1;
	*v = g;
	*cap = c;
	return 0;
}

static struct np_yt_node *collection(struct loader *ld, const yaml_event_t *ev,
				     enum np_yt_kind kind, int depth)
{
	struct np_mark at = mark_of(ld, ev->start_mark);
	const yaml_char_t *tag = kind == NP_YT_SEQ ? ev->data.sequence_start.tag
						   : ev->data.mapping_start.tag;
	const yaml_char_t *anchor = kind == NP_YT_SEQ ? ev->data.sequence_start.anchor
						      : ev->data.mapping_start.anchor;
	if (properties_ok(ld, ev, anchor, tag))
		return NULL;
	if (depth > ld->c->opts.max_depth) {
		np_ps_error(ld->c, &at, "nesting deeper than the limit of %d levels",
			    ld->c->opts.max_depth);
		return NULL;
	}
	struct np_yt_node *n = calloc(1, sizeof *n);
	if (!n) {
		np_ps_oom(ld->c, &at);
		return NULL;
	}
	n->kind = kind;
	n->mark = at;
	return n;
}

static int load_seq(struct loader *ld, struct np_yt_node *n, int depth)
{
	size_t cap = 0;
	for (;;) {
		yaml_event_t ev;
		if (next(ld, &ev))
			return -1;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			return 0;
		}
		if (grow((void **)&n->items, n->nitems, &cap, sizeof *n->items)) {
			yaml_event_delete(&ev);
			np_ps_oom(ld->c, &n->mark);
			return -1;
		}
		n->items[n->nitems] = NULL;
		n->nitems++; /* owned by n even if loading it fails halfway */
		if (load_node(ld, &ev, depth + 1, &n->items[n->nitems - 1]))
			return -1;
	}
}

static int key_cmp(const void *a, const void *b)
{
	const struct np_yt_node *x = *(struct np_yt_node *const *)a;
	const struct np_yt_node *y = *(struct np_yt_node *const *)b;
	int r = strcmp(x->str, y->str);
	if (r)
		return r;
	if (x->mark.line != y->mark.line)
		return x->mark.line < y->mark.line ? -1 : 1;
	return (x->mark.column > y->mark.column) - (x->mark.column < y->mark.column);
}

static int before(const struct np_yt_node *x, const struct np_yt_node *y)
{
	return x->mark.line < y->mark.line ||
	       (x->mark.line == y->mark.line && x->mark.column < y->mark.column);
}

/* Sorting keeps a mapping of a million keys from costing n^2 comparisons;
 * the duplicate reported is the first one in document order. */
static int check_duplicates(struct loader *ld, const struct np_yt_node *n)
{
	if (n->npairs < 2)
		return 0;
	const struct np_yt_node **keys = malloc(n->npairs * sizeof *keys);
	if (!keys) {
		np_ps_oom(ld->c, &n->mark);
		return -1;
	}
	for (size_t i = 0; i < n->npairs; i++)
		keys[i] = n->pairs[i].key;
	qsort(keys, n->npairs, sizeof *keys, key_cmp);
	const struct np_yt_node *dup = NULL, *first = NULL;
	for (size_t i = 1; i < n->npairs; i++) {
		if (strcmp(keys[i - 1]->str, keys[i]->str) == 0 && (!dup || before(keys[i], dup))) {
			dup = keys[i];
			first = keys[i - 1];
		}
	}
	if (dup)
		np_ps_error(ld->c, &dup->mark, "duplicate key '%s' (first given at %d:%d)",
			    dup->str, first->mark.line, first->mark.column);
	free(keys);
	return dup ? -1 : 0;
}

static int load_key(struct loader *ld, yaml_event_t *ev, struct np_yt_node **out)
{
	if (ev->type != YAML_SCALAR_EVENT) {
		struct np_mark at = mark_of(ld, ev->start_mark);
		if (ev->type == YAML_ALIAS_EVENT)
			np_ps_error(ld->c, &at, "YAML aliases are not supported%s",
				    QUOTE_HINT("*"));
		else
			np_ps_error(ld->c, &at, "a mapping key must be a plain string");
		yaml_event_delete(ev);
		return -1;
	}
	*out = scalar(ld, ev);
	yaml_event_delete(ev);
	return *out ? 0 : -1;
}

static int load_map(struct loader *ld, struct np_yt_node *n, int depth)
{
	size_t cap = 0;
	for (;;) {
		yaml_event_t ev;
		if (next(ld, &ev))
			return -1;
		if (ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			return check_duplicates(ld, n);
		}
		if (grow((void **)&n->pairs, n->npairs, &cap, sizeof *n->pairs)) {
			yaml_event_delete(&ev);
			np_ps_oom(ld->c, &n->mark);
			return -1;
		}
		struct np_yt_pair *p = &n->pairs[n->npairs];
		p->value = NULL;
		if (load_key(ld, &ev, &p->key))
			return -1;
		n->npairs++; /* the key is owned by n from here on */
		if (next(ld, &ev) || load_node(ld, &ev, depth + 1, &p->value))
			return -1;
	}
}

/* Consumes *ev (deletes it) and loads the node it starts. */
static int load_node(struct loader *ld, yaml_event_t *ev, int depth, struct np_yt_node **out)
{
	struct np_mark at = mark_of(ld, ev->start_mark);
	struct np_yt_node *n = NULL;
	*out = NULL;
	if (++ld->c->nodes > ld->c->opts.max_nodes) {
		/* A 16 MiB file of "[a,a,a,..." would otherwise cost a gigabyte. */
		np_ps_error(ld->c, &at, "more than %zu values in the document (the limit)",
			    ld->c->opts.max_nodes);
		yaml_event_delete(ev);
		return -1;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = scalar(ld, ev);
		break;
	case YAML_SEQUENCE_START_EVENT:
		n = collection(ld, ev, NP_YT_SEQ, depth);
		break;
	case YAML_MAPPING_START_EVENT:
		n = collection(ld, ev, NP_YT_MAP, depth);
		break;
	case YAML_ALIAS_EVENT:
		np_ps_error(ld->c, &at, "YAML aliases are not supported (found '*%s')%s",
			    (const char *)ev->data.alias.anchor, QUOTE_HINT("*"));
		break;
	default:
		np_ps_error(ld->c, &at, "unexpected YAML event");
		break;
	}
	enum yaml_event_type_e type = ev->type;
	yaml_event_delete(ev);
	if (!n)
		return -1;
	*out = n;
	if (type == YAML_SEQUENCE_START_EVENT)
		return load_seq(ld, n, depth);
	if (type == YAML_MAPPING_START_EVENT)
		return load_map(ld, n, depth);
	return 0;
}

/* Expects an event of type t (e.g. the stream start), or reports what. */
static int expect_event(struct loader *ld, yaml_event_type_t t)
{
	yaml_event_t ev;
	if (next(ld, &ev))
		return -1;
	int ok = ev.type == t;
	if (!ok) {
		struct np_mark at = mark_of(ld, ev.start_mark);
		np_ps_error(ld->c, &at, "more than one YAML document in the file");
	}
	yaml_event_delete(&ev);
	return ok ? 0 : -1;
}

static int is_empty_root(const struct np_yt_node *n)
{
	return n->kind == NP_YT_SCALAR && n->plain && n->len == 0;
}

static int load_document(struct loader *ld, struct np_yt_node **root)
{
	yaml_event_t ev;
	struct np_mark start = {ld->c->file, 1, 1};
	if (expect_event(ld, YAML_STREAM_START_EVENT) || next(ld, &ev))
		return -1;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		np_ps_error(ld->c, &start, "empty document");
		return -1;
	}
	yaml_event_delete(&ev); /* DOCUMENT-START */
	if (next(ld, &ev) || load_node(ld, &ev, 1, root))
		return -1;
	if (is_empty_root(*root)) {
		np_ps_error(ld->c, &start, "empty document");
		return -1;
	}
	/* DOCUMENT-END, then the stream must end: a second document is refused. */
	if (expect_event(ld, YAML_DOCUMENT_END_EVENT) ||
	    expect_event(ld, YAML_STREAM_END_EVENT))
		return -1;
	return 0;
}

int np_yt_load_partial(struct np_pctx *c, const char *buf, size_t len, struct np_yt_node **root)
{
	*root = NULL;
	if (len > c->opts.max_file_bytes) {
		np_ps_error(c, NULL, "the input is larger than the limit of %zu bytes",
			    c->opts.max_file_bytes);
		return -1;
	}
	size_t bad = np_utf8_invalid(buf, len);
	if (bad < len) {
		struct np_mark at = {c->file, 1, 1};
		np_utf8_position(buf, bad, &at.line, &at.column);
		np_ps_error(c, &at, "invalid UTF-8 (byte 0x%02x)", (unsigned char)buf[bad]);
		return -1;
	}
	struct loader ld = {.c = c, .buf = buf};
	if (!yaml_parser_initialize(&ld.p)) {
		np_ps_oom(c, NULL);
		return -1;
	}
	yaml_parser_set_input_string(&ld.p, (const unsigned char *)buf, len);
	int rc = load_document(&ld, root);
	yaml_parser_delete(&ld.p);
	return rc;
}

/* A file fed to libyaml a piece at a time, each checked as np_yt_load_partial
 * checks the whole. */
struct piece_source {
	FILE *f;
	size_t limit, total;
	struct np_utf8_pieces utf8;
};

static int read_piece(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
	struct piece_source *s = data;
	size_t n = fread(buffer, 1, size, s->f);
	s->total += n;
	*size_read = n;
	return !ferror(s->f) && s->total <= s->limit &&
	       np_utf8_piece_ok(&s->utf8, (const char *)buffer, n) && (n > 0 || !s->utf8.nheld);
}

int np_yt_load_file(struct np_pctx *c, FILE *f, struct np_yt_node **root)
{
	*root = NULL;
	struct piece_source src = {.f = f, .limit = c->opts.max_file_bytes};
	struct np_diags quiet, *d = c->d;
	int errors0 = c->errors0;
	size_t nodes0 = c->nodes;
	np_diags_init(&quiet);
	c->d = &quiet; /* whatever there is to say, the whole file's load says it */
	c->errors0 = 0;
	struct loader ld = {.c = c};
	int rc = -1;
	if (yaml_parser_initialize(&ld.p)) {
		yaml_parser_set_input(&ld.p, read_piece, &src);
		rc = load_document(&ld, root);
		yaml_parser_delete(&ld.p);
	}
	c->d = d;
	c->errors0 = errors0;
	if (rc == 0 && quiet.n == 0) {
		np_diags_fini(&quiet);
		return 0;
	}
	np_diags_fini(&quiet);
	np_yt_free(*root);
	*root = NULL;
	c->nodes = nodes0; /* the whole file's load counts them again */
	return 1;
}

int np_yt_load(struct np_pctx *c, const char *buf, size_t len, struct np_yt_node **root)
{
	int rc = np_yt_load_partial(c, buf, len, root);
	if (rc) {
		np_yt_free(*root);
		*root = NULL;
	}
	return rc;
}

const char *np_yt_kind_name(const struct np_yt_node *n)
{
	if (n->kind == NP_YT_SEQ)
		return "a list";
	if (n->kind == NP_YT_MAP)
		return "a mapping";
	return np_yt_is_null(n) ? "nothing (null)" : "a string";
}

int np_yt_is_null(const struct np_yt_node *n)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
	if (n->kind != NP_YT_SCALAR || !n->plain)
		return 0;
	for (size_t i = 0; i < sizeof nulls / sizeof *nulls; i++)
		if (strcmp(n->str, nulls[i]) == 0)
			return 1;
	return 0;
}
