/* utf8.c - checks raw input bytes before libyaml sees them.
 *
 * libyaml's own message for bad UTF-8 names no useful position, and it accepts
 * some forms we do not (it is lenient about overlong sequences), so the parser
 * validates the bytes itself and reports the first bad one by line and column.
 */
#include "parse/pint.h"

#include <string.h>

/* Length of the valid sequence at s (n bytes left), 0 if invalid. */
static size_t seq_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len;
	unsigned min, cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, min = 0x80, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, min = 0x800, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, min = 0x10000, cp = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

size_t np_utf8_invalid(const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0;
	while (i < len) {
		size_t k = seq_len(s + i, len - i);
		if (!k)
			return i;
		i += k;
	}
	return len;
}

/* Bytes of the sequence a lead byte begins; 1 for what is not a lead (it is
 * then checked, and refused, where it stands). */
static size_t lead_len(unsigned char b)
{
	return b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
}

int np_utf8_piece_ok(struct np_utf8_pieces *s, const char *piece, size_t n)
{
	const unsigned char *b = (const unsigned char *)piece;
	size_t i = 0;
	if (s->nheld) { /* the sequence the piece before ended in */
		size_t want = lead_len(s->held[0]);
		while (s->nheld < want && i < n)
			s->held[s->nheld++] = b[i++];
		if (s->nheld < want)
			return 1;
		if (np_utf8_invalid((const char *)s->held, s->nheld) != s->nheld)
			return 0;
		s->nheld = 0;
	}
	size_t end = n; /* a sequence cut at the piece's end waits for the next */
	for (size_t k = 1; k <= 3 && k <= n - i; k++) {
		if ((b[n - k] & 0xc0) != 0x80) {
			if (lead_len(b[n - k]) > k)
				end = n - k;
			break;
		}
	}
	if (np_utf8_invalid(piece + i, end - i) != end - i)
		return 0;
	memcpy(s->held, b + end, n - end);
	s->nheld = n - end;
	return 1;
}

void np_utf8_position(const char *buf, size_t off, int *line, int *column)
{
	int l = 1, col = 1;
	for (size_t i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)buf[i];
		if (ch == '\n' || (ch == '\r' && (i + 1 >= off || buf[i + 1] != '\n'))) {
			l++;
			col = 1;
		} else if ((ch & 0xc0) != 0x80 && ch != '\r') {
			col++; /* count characters, not continuation bytes */
		}
	}
	/* libyaml reads a byte-order mark without counting it as a column. */
	if (l == 1 && off >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		col--;
	*line = l;
	*column = col;
}

/* Characters that put no ink on the page: Unicode's White_Space beyond
 * ASCII (no-break, en, em, thin, ideographic spaces ...) and the invisible
 * format characters (soft hyphen, zero-width space and joiners, word joiner,
 * the byte-order mark). */
static int invisible(unsigned long cp)
{
	return cp == 0x85 || cp == 0xa0 || cp == 0xad || cp == 0x1680 || cp == 0x180e ||
	       (cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f) ||
	       (cp >= 0x205f && cp <= 0x2064) || cp == 0x3000 || cp == 0xfeff;
}

int np_utf8_blank(const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0;
	while (i < len) {
		size_t k = seq_len(s + i, len - i);
		if (!k)
			return 0;
		unsigned long cp = k == 1 ? s[i] : s[i] & (0x7fUL >> k);
		for (size_t j = 1; j < k; j++)
			cp = cp << 6 | (s[i + j] & 0x3fUL);
		if (!(cp == ' ' || (cp >= '\t' && cp <= '\r') || invisible(cp)))
			return 0;
		i += k;
	}
	return 1;
}
