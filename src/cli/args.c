/* args.c - command-line parsing: commands, options, page ranges. */
#include "args.h"

#include <stdlib.h>
#include <string.h>

#include "newsprint.h"

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
	      "       newsprint watch  INPUT.yaml [render options]\n"
	      "       newsprint layouts\n"
	      "       newsprint --help | --version\n"
	      "\n"
	      "OUT's extension picks the format: .pdf (all pages in one file), .png or .svg\n"
	      "(one file per page, -N before the extension). Exit status: 0 done; 1 bad input\n"
	      "or a file that cannot be read or written, or --pages naming no page there is;\n"
	      "2 bad usage, an output that would overwrite an input or another output; 3 with\n"
	      "--strict when there was a warning (overset text included).\n",
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
	if (strcmp(s, "watch") == 0)
		return NP_CMD_WATCH;
	if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0 || strcmp(s, "help") == 0)
		return NP_CMD_HELP;
	if (strcmp(s, "--version") == 0)
		return NP_CMD_VERSION;
	return NP_CMD_NONE;
}

/* The command line's options and their names in newsprint.h (value: they
 * take one). -o is the command line's own. */
static const struct {
	const char *arg, *alt, *name;
	int value;
} options[] = {
	{"--layout", "-l", "layout", 1},
	{"--report", NULL, "report", 1},
	{"--pages", NULL, "pages", 1},
	{"--fonts", NULL, "fonts", 1},
	{"--hyphen-dir", NULL, "hyphen-dir", 1},
	{"--pdfx", NULL, "pdfx", 1},
	{"--output-profile", NULL, "output-profile", 1},
	{"--output-condition", NULL, "output-condition", 1},
	{"--bleed", NULL, "bleed", 1},
	{"--ink-limit", NULL, "ink-limit", 1},
	{"--dpi", NULL, "dpi", 1},
	{"--breaker", NULL, "breaker", 1},
	{"--jobs", "-j", "jobs", 1},
	{"--max-pages", NULL, "max-pages", 1},
	{"--debug", NULL, "debug", 0},
	{"--strict", NULL, "strict", 0},
	{"--allow-paths", NULL, "allow-paths", 0},
	{"--timings", NULL, "timings", 0},
	{"--crop-marks", NULL, "crop-marks", 0},
};

static int option_of(const char *arg)
{
	for (size_t i = 0; i < sizeof options / sizeof *options; i++)
		if (!strcmp(arg, options[i].arg) || (options[i].alt && !strcmp(arg, options[i].alt)))
			return (int)i;
	return -1;
}

void np_args_fini(struct np_args *a)
{
	free(a->opts);
	a->opts = NULL;
	a->nopts = 0;
}

int np_args_parse(struct np_args *a, int argc, char **argv)
{
	memset(a, 0, sizeof *a);
	if (argc < 2)
		return usage_error("no command given", NULL);
	a->command = command_of(argv[1]);
	if (a->command == NP_CMD_NONE)
		return usage_error("unknown command", argv[1]);
	a->opts = malloc((size_t)argc * sizeof *a->opts);
	if (!a->opts)
		return usage_error("out of memory", NULL);
	for (int i = 2; i < argc; i++) {
		const char *arg = argv[i];
		int k = option_of(arg);
		int output = !strcmp(arg, "-o") || !strcmp(arg, "--output");
		if ((k >= 0 && options[k].value) || output) {
			if (i + 1 >= argc)
				return np_args_fini(a), usage_error("option needs a value", arg);
			const char *v = argv[++i];
			const char *why = output ? NULL : np_option_error(options[k].name, v);
			if (why)
				return np_args_fini(a), usage_error(why, v);
			if (output)
				a->output = v;
			else
				a->opts[a->nopts++] = (struct np_arg_opt){options[k].name, v};
			continue;
		}
		if (k >= 0) {
			a->opts[a->nopts++] = (struct np_arg_opt){options[k].name, NULL};
			continue;
		}
		if (arg[0] == '-' && arg[1])
			return np_args_fini(a), usage_error("unknown option", arg);
		if (a->input)
			return np_args_fini(a), usage_error("more than one input file", arg);
		a->input = arg;
	}
	int needs_input = a->command == NP_CMD_RENDER || a->command == NP_CMD_CHECK ||
			  a->command == NP_CMD_WATCH;
	if (needs_input && !a->input)
		return np_args_fini(a), usage_error("no input file", NULL);
	if (!needs_input && a->input)
		return np_args_fini(a), usage_error("unexpected argument", a->input);
	return 0;
}
