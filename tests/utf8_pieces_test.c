/* utf8_pieces_test.c - the UTF-8 check on a file read a piece at a time
 * (src/parse/utf8.c np_utf8_piece_ok) says what the check on the whole file
 * says, wherever the pieces are cut: every valid text passes cut at every
 * size from one byte, and every invalid one fails. */
#include <stdio.h>
#include <string.h>

#include "parse/pint.h"

static int failures;

/* The text checked in pieces of `size` bytes: 1 when every piece passes and
 * no sequence is left cut at the end. */
static int in_pieces(const char *s, size_t len, size_t size)
{
	struct np_utf8_pieces p = {0};
	for (size_t at = 0; at < len; at += size) {
		size_t n = len - at < size ? len - at : size;
		if (!np_utf8_piece_ok(&p, s + at, n))
			return 0;
	}
	return np_utf8_piece_ok(&p, "", 0) && p.nheld == 0;
}

static void expect(const char *what, const char *s, size_t len)
{
	int whole = np_utf8_invalid(s, len) == len;
	for (size_t size = 1; size <= len + 1; size++) {
		if (in_pieces(s, len, size) != whole) {
			printf("FAIL: %s in pieces of %zu: %s, whole: %s\n", what, size,
			       whole ? "refused" : "passed", whole ? "valid" : "invalid");
			failures++;
			return;
		}
	}
}

int main(void)
{
	static const struct {
		const char *what, *s;
	} cases[] = {
		{"ASCII", "plain text"},
		{"two-byte", "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82"},  /* Привет */
		{"three-byte", "a\xe2\x80\x94" "b\xc2\xab\xe2\x80\x93"},         /* a—b«– */
		{"four-byte", "x\xf0\x9d\x84\x9e\xf0\x9f\x98\x80y"},               /* 𝄞😀 */
		{"mixed", "\xd1\x91\xe2\x80\x94\xf0\x9d\x84\x9e" "a\xd0\xb0"},
		{"UTF-8 byte-order mark", "\xef\xbb\xbf" "id: x"},
		{"overlong two", "a\xc0\xaf" "b"},
		{"overlong three", "a\xe0\x80\xaf" "b"},
		{"overlong four", "a\xf0\x80\x80\xaf" "b"},
		{"surrogate", "a\xed\xa0\x80" "b"},
		{"past U+10FFFF", "a\xf4\x90\x80\x80" "b"},
		{"lead F5", "a\xf5\x80\x80\x80" "b"},
		{"stray continuation", "ab\x80" "c"},
		{"lead then ASCII", "\xd0" "A\xd0\x9f"},
		{"three cut by ASCII", "\xe2\x80" "A"},
		{"cut at the end", "ab\xe2\x80"},
		{"four cut at the end", "ab\xf0\x9d\x84"},
		{"lead at the end", "ab\xd0"},
		{"UTF-16 byte-order mark", "\xff\xfe" "i\0d\0"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t len = strlen(cases[i].s);
		if (!strcmp(cases[i].what, "UTF-16 byte-order mark"))
			len = 6;
		expect(cases[i].what, cases[i].s, len);
	}
	/* the cases' verdicts themselves, so a check passing all would fail */
	int valid = 0;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		valid += np_utf8_invalid(cases[i].s, strlen(cases[i].s)) == strlen(cases[i].s);
	if (valid != 6) {
		printf("FAIL: %d of the cases are valid UTF-8, want 6\n", valid);
		failures++;
	}
	printf("%zu texts, %d failures\n", sizeof cases / sizeof *cases, failures);
	return failures ? 1 : 0;
}
