/* hyphen_test.c - np_hyphenate_word against Debian's hyphen-* dictionaries.
 *
 * Usage: hyphen_test FONTS_DIR [EXCEPTIONS_DIR [WORDS_DIR]]
 *        hyphen_test FONTS_DIR --show LANG < words   (each word hyphenated)
 *
 * The raw outputs below are of the dictionaries as Debian ships them; the
 * Russian and Ukrainian files hold TeX patterns, which the engine now expands
 * at load time (src/text/hyph_expand.c), so they give more points than these.
 *
 * Expected points were obtained once by hand with a ten-line C program calling
 * libhyphen directly: hnj_hyphen_load(/usr/share/hyphen/hyph_LL.dic) and
 * hnj_hyphen_hyphenate2() on the lower-case word, converted first with iconv
 * to the dictionary's charset (KOI8-R for hyph_ru_RU.dic, ISO8859-1 for
 * hyph_de_DE.dic; the others are UTF-8). An odd digit at character index i
 * means a break after i + 1 characters. Raw outputs:
 *   en_US hyphenation      03002542000   hy-phen-ation
 *   en_US development      01043430000   de-vel-op-ment
 *   en_GB hyphenation      03044112000   hy-phen-a-tion
 *   en_GB development      03003212000   de-vel-o-pment
 *   ru_RU программирование 0000020010101000  программи-ро-ва-ние
 *   ru_RU информация       0002001000    информа-ция
 *   uk_UA університет      00100001000   уні-верси-тет
 *   de_DE silbentrennung   02100106010000    sil-ben-tren-nung
 *   de_DE donaudampfschiff 0100142001088200  do-nau-dampf-schiff
 *   de_DE größenordnung    0010438216000 grö-ßen-ord-nung
 *   fr    développement    0101001010000 dé-ve-lop-pe-ment
 *   fr    construction     004420010000  construc-tion
 *   fr    parlementaire    0010100100400 par-le-men-taire
 * For UTF-8 dictionaries libhyphen returns these digits per character, not
 * per byte (11 digits for the 22 bytes of "університет").
 * np_hyphenate_word returns byte offsets into the UTF-8 word, so the character
 * counts are converted below (Cyrillic letters, é, ö and ß are two bytes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "text/text.h"

static int failures;
static int checks;

static struct np_text_ctx *ctx;

static const char *fmt_points(const size_t *p, int n)
{
	static char buf[256];
	size_t o = 0;
	buf[0] = 0;
	for (int i = 0; i < n && o + 24 < sizeof buf; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%zu", i ? " " : "", p[i]);
	return buf;
}

/* `want` lists byte offsets, ended by 0 (no point is ever at offset 0). */
static void expect(const char *lang, const char *word, int left, int right, const size_t *want)
{
	size_t got[64];
	int n = np_hyphenate_word(ctx, lang, word, strlen(word), left, right, got, 64);
	int nwant = 0;
	while (want[nwant])
		nwant++;
	checks++;
	int ok = n == nwant;
	for (int i = 0; ok && i < n; i++)
		ok = got[i] == want[i];
	if (!ok) {
		failures++;
		fprintf(stderr, "FAIL: %s \"%s\" (left %d, right %d): got [%s]", lang, word, left,
			right, fmt_points(got, n > 0 ? n : 0));
		fprintf(stderr, ", want [%s]\n", fmt_points(want, nwant));
	}
}

#define P(...) ((const size_t[]){__VA_ARGS__, 0})
#define NONE ((const size_t[]){0})

/* UTF-8 dictionaries and letters of more than one byte: src/text/hyphen.c
 * reads libhyphen's hyphens[] by byte, but libhyphen returns it per character
 * for UTF-8 dictionaries, so points come out shifted (and, past the word's
 * character count, read from stale bytes). Fixed; kept as a regression. */
static void utf8_dictionaries(void)
{
	/* Ukrainian: UTF-8 dictionary; Cyrillic letters are two bytes */
	/* the patterns, expanded, as TeX reads them: уні-ве-р-си-тет (the
	 * exception list has уні-вер-си-тет) */
	expect("uk", "університет", 2, 3, P(6, 10, 12, 16));
	expect("uk", "університет", 4, 3, P(10, 12, 16)); /* уні- is 3 letters */
	/* French: é is two bytes */
	expect("fr", "développement", 2, 3, P(3, 5, 8, 10));
	expect("fr", "développement", 3, 3, P(5, 8, 10));
	expect("fr", "développement", 2, 5, P(3, 5, 8)); /* -ment is 4 */
}

/* The word with a '-' at each point (minimums 2 and 2: the patterns' own). */
static void hyphenated(const char *lang, const char *word, char *out, size_t cap)
{
	size_t pts[64], len = strlen(word), o = 0, from = 0;
	int n = np_hyphenate_word(ctx, lang, word, len, 2, 2, pts, 64);
	for (int i = 0; i <= n && o + len + 2 < cap; i++) {
		size_t to = i < n ? pts[i] : len;
		memcpy(out + o, word + from, to - from);
		o += to - from;
		if (i < n)
			out[o++] = '-';
		from = to;
	}
	out[o] = 0;
}

/* tests/hyphen-words/LANG.txt: one word a line as the dictionary, expanded at
 * load time, must hyphenate it ("ре-зуль-та-те"); '#' starts a comment. */
static void word_list(const char *dir, const char *lang)
{
	char path[512], line[256], word[256], got[512];
	snprintf(path, sizeof path, "%s/%s.txt", dir, lang);
	FILE *f = fopen(path, "r");
	checks++;
	if (!f) {
		failures++;
		fprintf(stderr, "FAIL: cannot read %s\n", path);
		return;
	}
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		size_t k = 0;
		for (const char *c = line; *c; c++)
			if (*c != '-')
				word[k++] = *c;
		word[k] = 0;
		hyphenated(lang, word, got, sizeof got);
		checks++;
		if (strcmp(got, line) != 0) {
			failures++;
			fprintf(stderr, "FAIL: %s: %s, expected %s\n", lang, got, line);
		}
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: hyphen_test FONTS_DIR \n");
		return 2;
	}
	struct np_diags diags;
	np_diags_init(&diags);
	ctx = np_text_ctx_new(argv[1], NULL, &diags);
	if (!ctx) {
		fprintf(stderr, "cannot create a text context on %s\n", argv[1]);
		np_diags_fini(&diags);
		return 1;
	}
	if (argc > 3 && strcmp(argv[2], "--show") == 0) { /* words on stdin, by hand */
		char line[256], got[512];
		while (fgets(line, sizeof line, stdin)) {
			line[strcspn(line, "\r\n")] = 0;
			hyphenated(argv[3], line, got, sizeof got);
			printf("%s\n", got);
		}
		np_text_ctx_free(ctx);
		np_diags_fini(&diags);
		return 0;
	}
	if (argc > 3) { /* before the exception lists: the patterns' own points */
		static const char *const langs[] = {"en", "ru", "uk", "de", "fr"};
		for (size_t i = 0; i < sizeof langs / sizeof *langs; i++)
			word_list(argv[3], langs[i]);
	}

	/* English, US and GB patterns differ */
	expect("en-US", "hyphenation", 2, 3, P(2, 6));
	expect("en-US", "development", 2, 3, P(2, 5, 7));
	expect("en-GB", "hyphenation", 2, 3, P(2, 6, 7));
	expect("en-GB", "development", 2, 3, P(2, 5, 7));
	/* "en" alone: hyph_en.dic (US) */
	expect("en", "hyphenation", 2, 3, P(2, 6));
	/* capitals are lowered before the patterns see them */
	expect("en-US", "Hyphenation", 2, 3, P(2, 6));

	/* left and right minimums: "hyphenation" has 11 letters */
	expect("en-US", "hyphenation", 3, 3, P(6));    /* hy- is too short */
	expect("en-US", "hyphenation", 2, 5, P(2, 6)); /* -ation is 5 */
	expect("en-US", "hyphenation", 2, 6, P(2));    /* ... but not 6 */
	expect("en-US", "hyphenation", 7, 3, NONE);
	expect("en-GB", "hyphenation", 2, 4, P(2, 6, 7)); /* -tion is 4 */
	expect("en-GB", "hyphenation", 2, 5, P(2, 6));

	/* Russian: KOI8-R dictionary; offsets in bytes of UTF-8 (2 a letter) */
	/* (Debian's file holds TeX patterns, expanded at load time: hyph_expand.c;
	 * unexpanded, libhyphen gave only программи-ро-ва-ние and информа-ция) */
	expect("ru", "программирование", 2, 3, P(6, 14, 18, 22, 26)); /* про-грам-ми-ро-ва-ние */
	expect("ru", "программирование", 2, 4, P(6, 14, 18, 22)); /* -ние is 3 letters */
	expect("ru", "информация", 2, 3, P(4, 10, 14)); /* ин-фор-ма-ция */
	expect("ru", "информация", 2, 4, P(4, 10));
	expect("ru-RU", "ИНФОРМАЦИЯ", 2, 3, P(4, 10, 14));
	expect("ru", "результате", 2, 2, P(4, 12, 16)); /* ре-зуль-та-те */
	expect("ru", "время", 2, 2, P(6));                  /* вре-мя */
	/* the other words libhyphen left whole before the expansion */
	expect("ru", "может", 2, 2, P(4));                  /* мо-жет */
	expect("ru", "власти", 2, 2, P(6));                 /* вла-сти */
	expect("ru", "других", 2, 2, P(6));                 /* дру-гих */
	/* Ukrainian: the same word, its own patterns (ре-зу-ль-та-те) */
	expect("uk", "результате", 2, 2, P(4, 8, 12, 16));

	/* German: ISO 8859-1 dictionary; ö and ß are two bytes in UTF-8 */
	expect("de", "silbentrennung", 2, 2, P(3, 6, 10)); /* sil-ben-tren-nung */
	expect("de", "größenordnung", 2, 2, P(4, 8, 11));  /* grö-ßen-ord-nung */
	expect("de", "Zeitung", 2, 2, P(3));               /* zei-tung */
	/* English: hyph_en_US.dic */
	expect("en", "newspaper", 2, 2, P(4, 6));          /* news-pa-per */

	/* French: UTF-8 dictionary, ASCII words */
	expect("fr", "construction", 2, 3, P(8));
	expect("fr", "parlementaire", 2, 3, P(3, 5, 8));
	expect("fr", "parlementaire", 4, 3, P(5, 8));
	expect("fr", "parlementaire", 2, 6, P(3, 5));

	/* Ukrainian, and French with accents */
	utf8_dictionaries();

	/* the project's exception list (argv[2]): it overrides the patterns */
	if (argc > 2) {
		expect("en", "project", 2, 3, NONE); /* the patterns leave it whole */
		np_text_set_exceptions(ctx, argv[2]);
		expect("en", "project", 2, 3, NONE); /* listed whole: "project" */
		expect("en", "Table", 2, 2, P(2));   /* "ta-ble", any case */
		expect("en", "table", 2, 4, NONE);   /* minimums still apply */
		expect("ru", "скандалов", 2, 3, P(8, 12)); /* скан-да-лов: the patterns' own */
		expect("uk", "університет", 2, 3, P(6, 12, 16)); /* уні-вер-си-тет */
		expect("en", "hyphenation", 2, 3, P(2, 6)); /* not listed: patterns */
	}

	/* a layout's minimums per language: the entry for the whole tag, else for
	 * its language part, else the layout's own left and right */
	{
		struct np_layout l;
		np_layout_init_defaults(&l);
		l.hyphen_by_language[0] = (struct np_hyphen_min){"ru", 2, 2};
		l.hyphen_by_language[1] = (struct np_hyphen_min){"de-CH", 3, 4};
		l.nhyphen_by_language = 2;
		static const struct {
			const char *lang;
			int left, right;
		} want[] = {{"ru", 2, 2}, {"ru-RU", 2, 2}, {"RU", 2, 2}, {"de-CH", 3, 4},
			    {"de", 2, 3}, {"de-AT", 2, 3}, {"en", 2, 3}, {NULL, 2, 3}, {"rus", 2, 3}};
		for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
			int left, right;
			np_layout_hyphen_min(&l, want[i].lang, &left, &right);
			checks++;
			if (left != want[i].left || right != want[i].right) {
				failures++;
				fprintf(stderr, "FAIL: minimums for %s: %d/%d, expected %d/%d\n",
					want[i].lang ? want[i].lang : "(none)", left, right,
					want[i].left, want[i].right);
			}
		}
		np_layout_fini(&l);
	}

	/* no dictionary: no points */
	expect("xx", "hyphenation", 2, 3, NONE);
	expect("tlh", "development", 2, 3, NONE);
	{
		size_t pts[8];
		checks++;
		if (np_hyphenate_word(ctx, NULL, "hyphenation", 11, 2, 3, pts, 8) != 0) {
			failures++;
			fprintf(stderr, "FAIL: a NULL language gave points\n");
		}
		/* `max` bounds the points */
		checks++;
		int n = np_hyphenate_word(ctx, "en-US", "development", 11, 2, 3, pts, 2);
		if (n != 2 || pts[0] != 2 || pts[1] != 5) {
			failures++;
			fprintf(stderr, "FAIL: max 2 gave %d points [%s]\n", n, fmt_points(pts, n));
		}
	}

	np_text_ctx_free(ctx);
	np_diags_fini(&diags);
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
