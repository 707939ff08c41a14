/* fonts.c - the project's own fonts through a private fontconfig configuration:
 * system fonts are never seen, so a page renders the same on every machine. */
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text/text_int.h"

/* Generic names resolve inside the bundled set; fallbacks for scripts the text
 * faces lack (Greek, Armenian, Georgian) follow the main families. */
static const char fc_conf[] =
	"<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
	"<cachedir>%s</cachedir>\n"
	"<alias><family>serif</family><prefer><family>PT Serif</family>"
	"<family>Noto Serif</family><family>Noto Serif Armenian</family>"
	"<family>Noto Serif Georgian</family></prefer></alias>\n"
	"<alias><family>sans-serif</family><prefer><family>PT Sans</family>"
	"<family>Noto Serif</family><family>Noto Serif Armenian</family>"
	"<family>Noto Serif Georgian</family></prefer></alias>\n"
	"<alias><family>PT Serif</family><default><family>Noto Serif</family></default></alias>\n"
	"<alias><family>PT Sans</family><default><family>Noto Serif</family></default></alias>\n"
	"<alias><family>PT Sans Narrow</family><default><family>PT Sans</family></default></alias>\n"
	"</fontconfig>\n";

static FcConfig *load_config(const char *dir)
{
	FcConfig *fc = FcConfigCreate();
	if (!fc)
		return NULL;
	char cache[256];
	const char *tmp = getenv("TMPDIR");
	snprintf(cache, sizeof cache, "%s/newsprint-fc-%ld", tmp && *tmp ? tmp : "/tmp",
		 (long)getuid());
	size_t len = sizeof fc_conf + strlen(cache);
	char *xml = malloc(len);
	if (!xml) {
		FcConfigDestroy(fc);
		return NULL;
	}
	snprintf(xml, len, fc_conf, cache);
	int ok = FcConfigParseAndLoadFromMemory(fc, (const FcChar8 *)xml, FcTrue) &&
		 FcConfigAppFontAddDir(fc, (const FcChar8 *)dir);
	free(xml);
	if (!ok) {
		FcConfigDestroy(fc);
		return NULL;
	}
	return fc;
}

static GHashTable *list_families(FcConfig *fc)
{
	GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	FcFontSet *set = FcConfigGetFonts(fc, FcSetApplication);
	for (int i = 0; set && i < set->nfont; i++) {
		FcChar8 *fam;
		for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &fam) == FcResultMatch; k++)
			g_hash_table_add(h, g_strdup((const char *)fam));
	}
	return h;
}

struct np_text_ctx *np_text_ctx_new(const char *fonts_dir, const char *hyphen_dir,
				    struct np_diags *d)
{
	struct np_text_ctx *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->fc = load_config(fonts_dir);
	if (!t->fc) {
		np_diag_add(d, NP_ERROR, NULL, "cannot load the fonts in '%s'", fonts_dir);
		free(t);
		return NULL;
	}
	t->families = list_families(t->fc);
	if (g_hash_table_size(t->families) == 0) {
		np_diag_add(d, NP_ERROR, NULL, "no fonts found in '%s'", fonts_dir);
		np_text_ctx_free(t);
		return NULL;
	}
	t->fontmap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(t->fontmap), t->fc);
	t->pango = pango_font_map_create_context(t->fontmap);
	cairo_font_options_t *fo = cairo_font_options_create();
	/* Unhinted metrics: widths measured here are the widths drawn in the PDF. */
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(t->pango, fo);
	pango_cairo_context_set_resolution(t->pango, 72); /* 1 pt = 1 user unit */
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(t->pango, FALSE);
	t->hyph = np_hyph_dicts_new(hyphen_dir, NULL);
	t->fonts_dir = g_strdup(fonts_dir);
	t->hyphen_dir = g_strdup(hyphen_dir);
	t->missing = g_hash_table_new(g_direct_hash, g_direct_equal);
	return t;
}

/* What the context remembers of paragraphs and words it has set. */
static void forget(struct np_text_ctx *t)
{
	if (t->memo)
		t->memo_free(t->memo);
	t->memo = NULL;
	if (t->hyph_cache)
		g_hash_table_destroy(t->hyph_cache);
	t->hyph_cache = NULL;
	np_hyph_widths_forget(t);
}

void np_text_ctx_free(struct np_text_ctx *t)
{
	if (!t)
		return;
	if (t->pango)
		g_object_unref(t->pango);
	if (t->fontmap) {
		/* pango_fc_font_map_set_config took a reference to the config
		 * that Pango 1.50's finalize never gives back (later versions
		 * do): taking the config away first drops it on every version,
		 * so the FcConfigDestroy below frees the config. */
		pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(t->fontmap), NULL);
		g_object_unref(t->fontmap);
	}
	if (t->fc)
		FcConfigDestroy(t->fc);
	forget(t);
	np_hyph_dicts_free(t->hyph);
	if (t->missing)
		g_hash_table_destroy(t->missing);
	if (t->families)
		g_hash_table_destroy(t->families);
	g_free(t->fonts_dir);
	if (t->more_fonts)
		g_ptr_array_free(t->more_fonts, TRUE);
	g_free(t->hyphen_dir);
	g_free(t->except_dir);
	free(t);
}

void np_text_set_exceptions(struct np_text_ctx *t, const char *dir)
{
	g_free(t->except_dir);
	t->except_dir = g_strdup(dir);
	forget(t); /* measured and hyphenated with the old list */
	np_hyph_dicts_free(t->hyph); /* dictionaries load again, with the list */
	t->hyph = np_hyph_dicts_new(t->hyphen_dir, dir);
}

struct np_text_ctx *np_text_ctx_clone(const struct np_text_ctx *t, struct np_diags *d)
{
	struct np_text_ctx *c = np_text_ctx_new(t->fonts_dir, t->hyphen_dir, d);
	for (guint i = 0; c && t->more_fonts && i < t->more_fonts->len; i++)
		if (np_text_add_fonts(c, g_ptr_array_index(t->more_fonts, i), d) < 0) {
			np_text_ctx_free(c);
			c = NULL;
		}
	if (c && np_hyph_dicts_same_lists(t->hyph, t->except_dir)) {
		/* the same dictionaries: shared, not loaded again per thread */
		g_free(c->except_dir);
		c->except_dir = g_strdup(t->except_dir);
		np_hyph_dicts_free(c->hyph);
		c->hyph = np_hyph_dicts_ref(t->hyph);
	} else if (c && t->except_dir) {
		np_text_set_exceptions(c, t->except_dir);
	}
	return c;
}

void np_text_ctx_forget_job(struct np_text_ctx *t)
{
	g_hash_table_remove_all(t->missing);
	if (t->memo)
		t->memo_free(t->memo);
	t->memo = NULL;
}

static void add_missing(gpointer key, gpointer value, gpointer dst)
{
	(void)value;
	g_hash_table_add(dst, key);
}

void np_text_merge_missing(struct np_text_ctx *dst, const struct np_text_ctx *src)
{
	g_hash_table_foreach(src->missing, add_missing, dst->missing);
}

int np_text_has_family(struct np_text_ctx *t, const char *family)
{
	return family && g_hash_table_contains(t->families, family);
}

static int app_fonts(FcConfig *fc)
{
	FcFontSet *set = FcConfigGetFonts(fc, FcSetApplication);
	return set ? set->nfont : 0;
}

int np_text_add_fonts(struct np_text_ctx *t, const char *dir, struct np_diags *d)
{
	if (access(dir, R_OK | X_OK) != 0) {
		np_diag_add(d, NP_ERROR, NULL, "cannot read the fonts folder '%s': %s", dir,
			    strerror(errno));
		return -1;
	}
	int before = app_fonts(t->fc);
	if (!FcConfigAppFontAddDir(t->fc, (const FcChar8 *)dir)) {
		np_diag_add(d, NP_ERROR, NULL, "cannot load the fonts in '%s'", dir);
		return -1;
	}
	if (app_fonts(t->fc) == before) {
		np_diag_add(d, NP_ERROR, NULL, "no fonts found in '%s'", dir);
		return -1;
	}
	g_hash_table_destroy(t->families);
	t->families = list_families(t->fc);
	/* the font map caches what it matched: let it see the new faces */
	pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(t->fontmap));
	np_hyph_widths_forget(t); /* measured in the faces there were */
	if (!t->more_fonts)
		t->more_fonts = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(t->more_fonts, g_strdup(dir));
	return 0;
}

static gint cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(a, b);
}

char *np_text_families(struct np_text_ctx *t)
{
	GList *names = g_list_sort(g_hash_table_get_keys(t->families), cmp_str);
	GString *s = g_string_new(NULL);
	for (GList *k = names; k; k = k->next)
		g_string_append_printf(s, "%s%s", k == names ? "" : ", ", (const char *)k->data);
	g_list_free(names);
	char *out = strdup(s->str);
	g_string_free(s, TRUE);
	return out;
}

static gint cmp_uni(gconstpointer a, gconstpointer b)
{
	return (gint)(GPOINTER_TO_UINT(a) > GPOINTER_TO_UINT(b)) -
	       (gint)(GPOINTER_TO_UINT(a) < GPOINTER_TO_UINT(b));
}

void np_text_report_missing(struct np_text_ctx *t, struct np_diags *d, const struct np_mark *at)
{
	if (g_hash_table_size(t->missing) == 0)
		return;
	GList *keys = g_list_sort(g_hash_table_get_keys(t->missing), cmp_uni);
	GString *s = g_string_new(NULL);
	int n = 0;
	for (GList *k = keys; k; k = k->next, n++) {
		gunichar c = GPOINTER_TO_UINT(k->data);
		char utf8[8] = {0};
		g_unichar_to_utf8(c, utf8);
		g_string_append_printf(s, "%sU+%04X '%s'", n ? ", " : "", c, utf8);
	}
	np_diag_add(d, NP_WARNING, at, "no bundled font has %d character%s: %s", n,
		    n == 1 ? "" : "s", s->str);
	g_string_free(s, TRUE);
	g_list_free(keys);
}

PangoFontDescription *np_text_font_desc(const struct np_style *s)
{
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, s->font ? s->font : "serif");
	pango_font_description_set_size(fd, (gint)(s->size * PANGO_SCALE + 0.5));
	pango_font_description_set_weight(fd, (PangoWeight)s->weight);
	pango_font_description_set_style(fd, s->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	return fd;
}
