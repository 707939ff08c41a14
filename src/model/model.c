/* model.c - lifetimes of the model and the built-in layout defaults. */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const style_names[NP_ST_COUNT] = {
	[NP_ST_KICKER] = "kicker",
	[NP_ST_HEADLINE] = "headline",
	[NP_ST_DECK] = "deck",
	[NP_ST_BYLINE] = "byline",
	[NP_ST_BYLINE_TITLE] = "byline_title",
	[NP_ST_DATELINE] = "dateline",
	[NP_ST_BODY] = "body",
	[NP_ST_BODY_FIRST] = "body_first",
	[NP_ST_SUBHEAD] = "subhead",
	[NP_ST_PULLQUOTE] = "pullquote",
	[NP_ST_PULLQUOTE_ATTRIBUTION] = "pullquote_attribution",
	[NP_ST_SIDEBAR_TITLE] = "sidebar_title",
	[NP_ST_SIDEBAR] = "sidebar",
	[NP_ST_SIDEBAR_PLACE] = "sidebar_place",
	[NP_ST_CAPTION] = "caption",
	[NP_ST_CREDIT] = "credit",
	[NP_ST_FOLIO] = "folio",
	[NP_ST_JUMP_HEAD] = "jump_head",
	[NP_ST_JUMP] = "jump",
	[NP_ST_NAMEPLATE] = "nameplate",
	[NP_ST_RUNNING_HEAD] = "running_head",
	[NP_ST_INDEX] = "index",
	[NP_ST_AD] = "ad",
	[NP_ST_DROP_CAP] = "drop_cap",
};

const char *np_style_name(enum np_style_id id)
{
	return (unsigned)id < NP_ST_COUNT ? style_names[id] : NULL;
}

void np_text_fini(struct np_text *t)
{
	if (!t)
		return;
	free(t->text);
	free(t->packed);
	free(t->runs);
	memset(t, 0, sizeof *t);
}

static void sidebar_fini(struct np_sidebar *s)
{
	free(s->title);
	for (size_t i = 0; i < s->nentries; i++) {
		free(s->entries[i].place);
		free(s->entries[i].date);
		free(s->entries[i].note);
	}
	free(s->entries);
	for (size_t i = 0; i < s->nparagraphs; i++)
		np_text_fini(&s->paragraphs[i]);
	free(s->paragraphs);
}

void np_article_free(struct np_article *a)
{
	if (!a)
		return;
	char **strings[] = {&a->source, &a->id, &a->language, &a->section, &a->kicker,
			    &a->headline, &a->deck, &a->byline, &a->byline_title,
			    &a->dateline, &a->date};
	for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
		free(*strings[i]);
	for (size_t i = 0; i < a->nblocks; i++)
		np_text_fini(&a->blocks[i].text);
	free(a->blocks);
	for (size_t i = 0; i < a->npullquotes; i++) {
		np_text_fini(&a->pullquotes[i].text);
		free(a->pullquotes[i].attribution);
	}
	free(a->pullquotes);
	for (size_t i = 0; i < a->nsidebars; i++)
		sidebar_fini(&a->sidebars[i]);
	free(a->sidebars);
	for (size_t i = 0; i < a->nimages; i++) {
		free(a->images[i].file);
		free(a->images[i].path);
		free(a->images[i].caption);
		free(a->images[i].credit);
	}
	free(a->images);
	free(a);
}

void np_style_fini(struct np_style *s)
{
	free(s->font);
	s->font = NULL;
}

static void style(struct np_layout *l, enum np_style_id id, const char *font, double size,
		  double leading, int weight, int italic, enum np_align align)
{
	struct np_style *s = &l->styles[id];
	memset(s, 0, sizeof *s);
	s->font = strdup(font);
	s->size = size;
	s->leading = leading;
	s->weight = weight;
	s->italic = italic;
	s->align = align;
}

void np_layout_init_defaults(struct np_layout *l)
{
	memset(l, 0, sizeof *l);
	l->name = strdup("default");
	l->page_width = 792;
	l->page_height = 1224;
	l->margin_top = l->margin_right = l->margin_bottom = l->margin_left = 36;
	l->columns = 5;
	l->gutter = 12;
	l->column_rule = 0;
	l->grid = 11.5;
	l->standoff = 6;
	l->min_measure = 48;
	l->deck_span = 0;
	l->headline_rule = 0.75;
	l->headline_min_size = 24;
	l->headline_max_lines = 3;
	l->pullquote_span = 2;
	l->pullquote_frame = NP_QUOTE_RULES;
	l->pullquote_rule = 1.5;
	l->pullquote_inset = 0;
	l->pullquote_max_share = 1.0 / 3;
	l->pullquote_lines_below = 3;
	l->subhead_space = 1;
	l->jump_min_lines = 3;
	l->sidebar_column = 1;
	l->sidebar_position = NP_POS_TOP;
	l->sidebar_tint = 0.92;
	l->image_span = 2;
	l->hyphen_left = 2;
	l->hyphen_right = 3;
	l->hyphenate_capitalized = 0;
	l->max_hyphen_run = 2;
	l->letter_space_max = 0.02;
	l->letter_space_threshold = 1.0; /* NP_LETTER_THRESHOLD */
	l->drop_cap_lines = 0;
	l->folio = 1;
	l->print.ink_limit = 240;

	const enum np_align J = NP_ALIGN_JUSTIFY, L = NP_ALIGN_LEFT;
	style(l, NP_ST_BODY, "PT Serif", 9.5, 11.5, 400, 0, J);
	l->styles[NP_ST_BODY].indent = 9.5;
	style(l, NP_ST_BODY_FIRST, "PT Serif", 9.5, 11.5, 400, 0, J);
	style(l, NP_ST_DATELINE, "PT Serif", 9.5, 11.5, 700, 0, L);
	l->styles[NP_ST_DATELINE].transform = NP_TRANSFORM_UPPERCASE;
	style(l, NP_ST_SUBHEAD, "PT Sans Narrow", 11, 11.5, 700, 0, L);
	l->styles[NP_ST_SUBHEAD].space_before = 0;
	style(l, NP_ST_KICKER, "PT Sans", 11, 13, 700, 0, L);
	l->styles[NP_ST_KICKER].transform = NP_TRANSFORM_UPPERCASE;
	style(l, NP_ST_HEADLINE, "PT Sans Narrow", 54, 52, 700, 0, L);
	style(l, NP_ST_DECK, "PT Serif", 16, 19, 400, 1, L);
	style(l, NP_ST_BYLINE, "PT Sans", 9, 11.5, 700, 0, L);
	l->styles[NP_ST_BYLINE].transform = NP_TRANSFORM_UPPERCASE;
	style(l, NP_ST_BYLINE_TITLE, "PT Sans", 8.5, 11.5, 400, 1, L);
	style(l, NP_ST_PULLQUOTE, "PT Serif", 17, 23, 700, 1, L);
	style(l, NP_ST_PULLQUOTE_ATTRIBUTION, "PT Sans", 8.5, 11.5, 400, 0, L);
	l->styles[NP_ST_PULLQUOTE_ATTRIBUTION].transform = NP_TRANSFORM_UPPERCASE;
	style(l, NP_ST_SIDEBAR_TITLE, "PT Sans Narrow", 12, 11.5, 700, 0, L);
	l->styles[NP_ST_SIDEBAR_TITLE].transform = NP_TRANSFORM_UPPERCASE;
	style(l, NP_ST_SIDEBAR, "PT Sans", 8.5, 11.5, 400, 0, L);
	style(l, NP_ST_SIDEBAR_PLACE, "PT Sans", 8, 11.5, 700, 0, L);
	l->styles[NP_ST_SIDEBAR_PLACE].transform = NP_TRANSFORM_UPPERCASE;
	l->styles[NP_ST_SIDEBAR_PLACE].letter_spacing = 40;
	style(l, NP_ST_CAPTION, "PT Sans", 8.5, 11.5, 400, 0, L);
	style(l, NP_ST_CREDIT, "PT Sans", 7, 11.5, 400, 0, NP_ALIGN_RIGHT);
	l->styles[NP_ST_CREDIT].transform = NP_TRANSFORM_UPPERCASE;
	style(l, NP_ST_FOLIO, "PT Sans", 8, 10, 400, 0, L);
	style(l, NP_ST_JUMP_HEAD, "PT Sans Narrow", 16, 17.25, 700, 0, L);
	style(l, NP_ST_JUMP, "PT Sans", 8, 11.5, 400, 1, L);
	style(l, NP_ST_NAMEPLATE, "PT Serif", 64, 70, 700, 0, NP_ALIGN_CENTER);
	style(l, NP_ST_RUNNING_HEAD, "PT Sans", 8.5, 11.5, 400, 0, L);
	l->styles[NP_ST_RUNNING_HEAD].transform = NP_TRANSFORM_UPPERCASE;
	style(l, NP_ST_INDEX, "PT Sans", 8.5, 11.5, 400, 0, L);
	style(l, NP_ST_AD, "PT Sans", 14, 17.25, 700, 0, NP_ALIGN_CENTER);
	l->styles[NP_ST_AD].transform = NP_TRANSFORM_UPPERCASE;
	style(l, NP_ST_DROP_CAP, "PT Serif", 30, 30, 700, 0, L);
	l->styles[NP_ST_KICKER].color[0] = 0.69;
	l->styles[NP_ST_KICKER].color[1] = 0.086;
	l->styles[NP_ST_KICKER].color[2] = 0.118;
}

void np_layout_fini(struct np_layout *l)
{
	if (!l)
		return;
	free(l->name);
	free(l->source);
	free(l->print.output_profile);
	free(l->print.output_condition);
	for (int i = 0; i < NP_ST_COUNT; i++)
		np_style_fini(&l->styles[i]);
	np_words_fini(l->words, (size_t)l->nwords);
	memset(l, 0, sizeof *l);
}

void np_layout_hyphen_min(const struct np_layout *l, const char *language, int *left,
			  int *right)
{
	*left = l->hyphen_left;
	*right = l->hyphen_right;
	size_t part = language ? strcspn(language, "-_") : 0;
	const struct np_hyphen_min *best = NULL;
	for (int i = 0; language && i < l->nhyphen_by_language; i++) {
		const struct np_hyphen_min *h = &l->hyphen_by_language[i];
		if (!strcasecmp(h->language, language)) {
			best = h;
			break;
		}
		if (!best && strlen(h->language) == part &&
		    !strncasecmp(h->language, language, part))
			best = h;
	}
	if (best) {
		*left = best->left;
		*right = best->right;
	}
}

double np_layout_column_width(const struct np_layout *l)
{
	double measure = l->page_width - l->margin_left - l->margin_right;
	return (measure - (l->columns - 1) * l->gutter) / l->columns;
}

double np_layout_column_x(const struct np_layout *l, int c)
{
	return l->margin_left + c * (np_layout_column_width(l) + l->gutter);
}

void np_words_fini(struct np_words *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(w[i].on);
		free(w[i].from);
		free(w[i].page);
		for (int m = 0; m < 12; m++)
			free(w[i].months[m]);
		memset(&w[i], 0, sizeof w[i]);
	}
}

void np_issue_free(struct np_issue *is)
{
	if (!is)
		return;
	free(is->source);
	free(is->name);
	free(is->date);
	free(is->edition);
	free(is->layout);
	free(is->language);
	np_words_fini(is->words, (size_t)is->nwords);
	for (size_t i = 0; i < is->npages; i++) {
		free(is->pages[i].section);
		free(is->pages[i].section_letter);
	}
	free(is->pages);
	for (size_t i = 0; i < is->nstories; i++) {
		free(is->stories[i].file);
		free(is->stories[i].path);
		np_article_free(is->stories[i].article);
		free(is->stories[i].modules);
	}
	free(is->stories);
	for (size_t i = 0; i < is->nads; i++) {
		free(is->ads[i].image);
		free(is->ads[i].label);
	}
	free(is->ads);
	free(is);
}

static int same_rgb(const double a[3], const double b[3])
{
	for (int i = 0; i < 3; i++)
		if (a[i] - b[i] > 1e-4 || b[i] - a[i] > 1e-4)
			return 0;
	return 1;
}

static int same_ink(const struct np_style *a, const struct np_style *b)
{
	if (a->color_kind == NP_COLOR_RGB || b->color_kind == NP_COLOR_RGB)
		return a->color_kind == b->color_kind;
	return !memcmp(a->cmyk, b->cmyk, sizeof a->cmyk);
}

/* Cairo knows only RGB, so the print pass finds a CMYK or grey style colour
 * again by the RGB drawn for it: that RGB must belong to one ink only. A
 * CMYK colour that looks neutral (it would be taken for a grey) or that
 * shares its RGB with another ink is moved by a thousandth in blue, which
 * no screen shows. */
void np_layout_reserve_inks(struct np_layout *l)
{
	for (int i = 0; i < NP_ST_COUNT; i++) {
		struct np_style *s = &l->styles[i];
		if (s->color_kind != NP_COLOR_CMYK)
			continue;
		for (int tries = 0; tries < 200; tries++) {
			int clash = s->color[0] == s->color[1] && s->color[1] == s->color[2] &&
				    (s->cmyk[0] > 0 || s->cmyk[1] > 0 || s->cmyk[2] > 0);
			for (int j = 0; j < NP_ST_COUNT && !clash; j++)
				clash = j != i && same_rgb(s->color, l->styles[j].color) &&
					!same_ink(s, &l->styles[j]);
			if (!clash)
				break;
			s->color[2] += s->color[2] < 0.5 ? 0.001 : -0.001;
		}
	}
}
