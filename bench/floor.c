/* floor.c - the floor newsprint is held against: plain Pango + Cairo drawing the
 * same text into the same columns, with no breaking decisions and no flow of its own.
 *
 * Each paragraph (one per input line) is one PangoLayout at the column width,
 * justified, with a first-line indent; its lines are placed one after another on a
 * baseline grid down the columns and onto new pages; the PDF streams out through
 * cairo-pdf. Fonts come only from the project's fonts/ through a private fontconfig
 * configuration (as src/text/fonts.c does). Pango itself does not hyphenate.
 *
 *   floor IN.txt OUT.pdf --fonts DIR [--page W H] [--margin M] [--cols N] [--gutter G]
 *         [--font "PT Serif"] [--size 9.5] [--leading 11.5] [--lang en]
 * Lengths in points. Prints "pages N lines N" on stdout.
 *
 * Built by bench/run: cc -O2 floor.c $(pkg-config --cflags --libs pangocairo pangofc fontconfig cairo-pdf)
 */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
	fprintf(stderr, "usage: floor IN.txt OUT.pdf --fonts DIR [--page W H] [--margin M] [--cols N]\n"
			"             [--gutter G] [--font FAMILY] [--size PT] [--leading PT] [--lang TAG]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *in = NULL, *out = NULL, *fonts = NULL, *family = "PT Serif", *lang = "en";
	double pw = 792, ph = 1224, margin = 36, gutter = 12, size = 9.5, leading = 11.5;
	int cols = 5;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
#define NEXT() (i + 1 < argc ? argv[++i] : (usage(), (char *)NULL))
		if (!strcmp(a, "--fonts"))
			fonts = NEXT();
		else if (!strcmp(a, "--page")) {
			pw = atof(NEXT());
			ph = atof(NEXT());
		} else if (!strcmp(a, "--margin"))
			margin = atof(NEXT());
		else if (!strcmp(a, "--cols"))
			cols = atoi(NEXT());
		else if (!strcmp(a, "--gutter"))
			gutter = atof(NEXT());
		else if (!strcmp(a, "--font"))
			family = NEXT();
		else if (!strcmp(a, "--size"))
			size = atof(NEXT());
		else if (!strcmp(a, "--leading"))
			leading = atof(NEXT());
		else if (!strcmp(a, "--lang"))
			lang = NEXT();
		else if (a[0] == '-' && a[1])
			usage();
		else if (!in)
			in = a;
		else if (!out)
			out = a;
		else
			usage();
	}
	if (!in || !out || !fonts || cols < 1)
		usage();

	FILE *f = fopen(in, "rb");
	if (!f) {
		perror(in);
		return 1;
	}

	/* Private fonts: only fonts/ is seen. */
	FcConfig *fc = FcConfigCreate();
	char xml[512];
	const char *tmp = getenv("TMPDIR");
	snprintf(xml, sizeof xml,
		 "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>%s/newsprint-floor-fc</cachedir></fontconfig>\n",
		 tmp && *tmp ? tmp : "/tmp");
	if (!FcConfigParseAndLoadFromMemory(fc, (const FcChar8 *)xml, FcTrue) ||
	    !FcConfigAppFontAddDir(fc, (const FcChar8 *)fonts)) {
		fprintf(stderr, "floor: cannot load fonts from %s\n", fonts);
		return 1;
	}
	PangoFontMap *fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), fc);
	PangoContext *ctx = pango_font_map_create_context(fm);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(ctx, 72);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	pango_context_set_language(ctx, pango_language_from_string(lang));

	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, family);
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE + 0.5));
	PangoFontMetrics *fmx = pango_context_get_metrics(ctx, fd, NULL);
	double ascent = pango_font_metrics_get_ascent(fmx) / (double)PANGO_SCALE;
	pango_font_metrics_unref(fmx);

	double colw = (pw - 2 * margin - (cols - 1) * gutter) / cols;
	int per_col = (int)((ph - 2 * margin - ascent) / leading) + 1;
	cairo_surface_t *surf = cairo_pdf_surface_create(out, pw, ph);
	cairo_t *cr = cairo_create(surf);
	cairo_set_source_rgb(cr, 0, 0, 0);

	int page = 1, col = 0, row = 0;
	long nlines = 0;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&buf, &cap, f)) > 0) {
		while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
			buf[--n] = 0;
		if (n == 0)
			continue;
		PangoLayout *lay = pango_layout_new(ctx);
		pango_layout_set_font_description(lay, fd);
		pango_layout_set_width(lay, (int)(colw * PANGO_SCALE));
		pango_layout_set_wrap(lay, PANGO_WRAP_WORD);
		pango_layout_set_justify(lay, TRUE);
		pango_layout_set_indent(lay, (int)(size * PANGO_SCALE));
		pango_layout_set_text(lay, buf, (int)n);
		PangoLayoutIter *it = pango_layout_get_iter(lay);
		do {
			if (row == per_col) {
				row = 0;
				if (++col == cols) {
					col = 0;
					cairo_show_page(cr);
					page++;
				}
			}
			PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
			PangoRectangle logical;
			pango_layout_iter_get_line_extents(it, NULL, &logical);
			double x = margin + col * (colw + gutter) + logical.x / (double)PANGO_SCALE;
			double y = margin + ascent + row * leading;
			cairo_move_to(cr, x, y);
			pango_cairo_show_layout_line(cr, line);
			row++;
			nlines++;
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		g_object_unref(lay);
	}
	free(buf);
	fclose(f);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	int rc = cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(surf);
	pango_font_description_free(fd);
	g_object_unref(ctx);
	g_object_unref(fm);
	printf("pages %d lines %ld\n", page, nlines);
	return rc;
}
