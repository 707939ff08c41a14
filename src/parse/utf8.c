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
