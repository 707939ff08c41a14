/* args.c - command-line parsing: commands, options, page ranges. */
#include "cli/args.h"

#include <stdlib.h>
#include <string.h>

void np_args_usage(FILE *fp)
{
	fputs("usage: newsprint render INPUT.yaml [-l LAYOUT] [-o OUT] [--report REPORT.json]\n"
	      "                        [--pages RANGE] [--debug] [--dpi N] [--fonts DIR]\n"
	      "                        [--hyphen-dir DIR] [--strict] [--allow-paths]\n"
	      "                        [--breaker total-fit|first-fit] [--max-pages N]\n"
	      "                        [--jobs N] [--timings]\n"
	      "                        [--pdfx x1a|x4|none] [--output-profile FILE.icc]\n"
	      "                        [--output-condition ID] [--bleed LENGTH] [--crop-marks]\n"
	      "                        [--ink-limit PCT]\n"
	      "       newsprint check  INPUT.yaml [-l LAYOUT]\n"
	      "       newsprint layouts\n"
	      "       newsprint --help | --version\n"
	      "\n"
	      "OUT's extension picks the format: .pdf (all pages in one file), .png or .svg\n"
	      "(one file per page, -N before the extension). Exit status: 0 done; 1 bad input\n"
	      "or a file that cannot be read or written; 2 bad usage; 3 with --strict when\n"
	      "there was a warning (overset text included).\n",
	      fp);
}

static int usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "newsprint: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	fputs("Try 'newsprint --help'.\n", stderr);
	return -1;
}

static enum np_command command_of(const char *s)
{
	if (strcmp(s, "render") == 0)
		return NP_CMD_RENDER;
	if (strcmp(s, "check") == 0)
		return NP_CMD_CHECK;
	if (strcmp(s, "layouts") == 0)
		return NP_CMD_LAYOUTS;
	if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0 || strcmp(s, "help") == 0)
		return NP_CMD_HELP;
	if (strcmp(s, "--version") == 0)
		return NP_CMD_VERSION;
	return NP_CMD_NONE;
}

/* Options that take a value: where it goes. */
static const char **value_slot(struct np_args *a, const char *opt)
{
	static const char *dummy;
	if (!strcmp(opt, "-l") || !strcmp(opt, "--layout"))
		return &a->layout;
	if (!strcmp(opt, "-o") || !strcmp(opt, "--output"))
		return &a->output;
	if (!strcmp(opt, "--report"))
		return &a->report;
	if (!strcmp(opt, "--pages"))
		return &a->pages;
	if (!strcmp(opt, "--fonts"))
		return &a->fonts_dir;
	if (!strcmp(opt, "--hyphen-dir"))
		return &a->hyphen_dir;
	if (!strcmp(opt, "--pdfx"))
		return &a->pdfx;
	if (!strcmp(opt, "--output-profile"))
		return &a->output_profile;
	if (!strcmp(opt, "--output-condition"))
		return &a->output_condition;
	if (!strcmp(opt, "--bleed") || !strcmp(opt, "--ink-limit"))
		return &dummy;
	if (!strcmp(opt, "--dpi") || !strcmp(opt, "--breaker") || !strcmp(opt, "--jobs") ||
	    !strcmp(opt, "-j") || !strcmp(opt, "--max-pages"))
		return &dummy;
	return NULL;
}

/* "3mm", "0.125in", "9pt", "9" (points); -1 when not a length. */
static double length(const char *v)
{
	static const struct { const char *unit; double pt; } units[] = {
		{"", 1}, {"pt", 1}, {"mm", 72 / 25.4}, {"cm", 72 / 2.54}, {"in", 72}};
	char *end;
	if (!((*v >= '0' && *v <= '9') || *v == '.'))
		return -1;
	double x = strtod(v, &end);
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (!strcmp(end, units[i].unit))
			return x * units[i].pt;
	return -1;
}

static int print_option(struct np_args *a, const char *opt, const char *v)
{
	char *end;
	if (!strcmp(opt, "--pdfx") && strcmp(v, "x1a") && strcmp(v, "x4") && strcmp(v, "none"))
		return usage_error("--pdfx is x1a, x4 or none", v);
	if (!strcmp(opt, "--bleed")) {
		a->bleed = length(v);
		if (a->bleed < 0 || a->bleed > 72)
			return usage_error("--bleed wants a length from 0 to 1in, such as 3mm", v);
	} else if (!strcmp(opt, "--ink-limit")) {
		a->ink_limit = strtod(v, &end);
		if (*end || end == v || a->ink_limit < 100 || a->ink_limit > 400)
			return usage_error("--ink-limit wants a percentage from 100 to 400", v);
	}
	return 0;
}

static int numeric_option(struct np_args *a, const char *opt, const char *v)
{
	char *end;
	if (print_option(a, opt, v) < 0)
		return -1;
	if (!strcmp(opt, "--dpi")) {
		a->dpi = strtod(v, &end);
		if (*end || a->dpi < 1 || a->dpi > 2400)
			return usage_error("--dpi wants a number from 1 to 2400", v);
	} else if (!strcmp(opt, "--breaker")) {
		if (strcmp(v, "first-fit") && strcmp(v, "total-fit"))
			return usage_error("--breaker is total-fit or first-fit", v);
		a->first_fit = !strcmp(v, "first-fit");
	} else if (!strcmp(opt, "--jobs") || !strcmp(opt, "-j")) {
		long j = strtol(v, &end, 10);
		if (*end || j < 1 || j > 256)
			return usage_error("--jobs wants a number from 1 to 256", v);
		a->jobs = (int)j;
	} else if (!strcmp(opt, "--max-pages")) {
		long n = strtol(v, &end, 10);
		if (*end || end == v || n < 1 || n > 10000)
			return usage_error("--max-pages wants a number from 1 to 10000", v);
		a->max_pages = (int)n;
	}
	return 0;
}

static int flag(struct np_args *a, const char *opt)
{
	if (!strcmp(opt, "--debug"))
		a->debug = 1;
	else if (!strcmp(opt, "--strict"))
		a->strict = 1;
	else if (!strcmp(opt, "--allow-paths"))
		a->allow_paths = 1;
	else if (!strcmp(opt, "--timings"))
		a->timings = 1;
	else if (!strcmp(opt, "--crop-marks"))
		a->crop_marks = 1;
	else
		return 0;
	return 1;
}

int np_args_parse(struct np_args *a, int argc, char **argv)
{
	memset(a, 0, sizeof *a);
	a->dpi = 96;
	a->bleed = -1;
	if (argc < 2)
		return usage_error("no command given", NULL);
	a->command = command_of(argv[1]);
	if (a->command == NP_CMD_NONE)
		return usage_error("unknown command", argv[1]);
	for (int i = 2; i < argc; i++) {
		const char *arg = argv[i];
		const char **slot;
		if (flag(a, arg))
			continue;
		if ((slot = value_slot(a, arg))) {
			if (i + 1 >= argc)
				return usage_error("option needs a value", arg);
			*slot = argv[++i];
			if (numeric_option(a, arg, argv[i]) < 0)
				return -1;
			continue;
		}
		if (arg[0] == '-' && arg[1])
			return usage_error("unknown option", arg);
		if (a->input)
			return usage_error("more than one input file", arg);
		a->input = arg;
	}
	int needs_input = a->command == NP_CMD_RENDER || a->command == NP_CMD_CHECK;
	if (needs_input && !a->input)
		return usage_error("no input file", NULL);
	if (!needs_input && a->input)
		return usage_error("unexpected argument", a->input);
	return 0;
}

int np_pages_parse(const char *range, unsigned char *sel, size_t max)
{
	const char *s = range;
	if (!*s)
		return -1;
	while (*s) {
		char *end;
		long a = strtol(s, &end, 10), b = a;
		if (end == s || a < 1)
			return -1;
		s = end;
		if (*s == '-') {
			b = strtol(s + 1, &end, 10);
			if (end == s + 1 || b < a)
				return -1;
			s = end;
		}
		for (long p = a; p <= b && (size_t)p < max; p++)
			sel[p] = 1;
		if (*s == ',' && s[1])
			s++;
		else if (*s)
			return -1;
	}
	return 0;
}
