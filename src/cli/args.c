/* args.c - command-line parsing: commands, options and their help. */
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
	      "       newsprint check  INPUT.yaml [-l LAYOUT] [--json]\n"
	      "       newsprint watch  INPUT.yaml [render options]\n"
	      "       newsprint layouts\n"
	      "       newsprint --help | --version\n"
	      "       newsprint help COMMAND (or COMMAND --help): its options, a line each\n"
	      "\n"
	      "OUT's extension picks the format: .pdf (all pages in one file), .png or .svg\n"
	      "(one file per page, -N before the extension). INPUT '-' reads standard input,\n"
	      "'-o -' and '--report -' write to standard output. Exit status: 0 done; 1 bad\n"
	      "input or a file that cannot be read or written, or --pages naming no page there\n"
	      "is; 2 bad usage, an output that would overwrite an input or another output; 3\n"
	      "with --strict when there was a warning (overset text included).\n",
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
	if (strcmp(s, "--version") == 0 || strcmp(s, "-V") == 0)
		return NP_CMD_VERSION;
	return NP_CMD_NONE;
}

enum { R = 1, C = 2 }; /* the commands an option is listed under */

/* The command line's options: their names in newsprint.h (NULL: the command
 * line's own), whether they take a value, and their help line. */
static const struct {
	const char *arg, *alt, *name;
	int value;
	int commands;
	const char *metavar, *help;
} options[] = {
	{"--layout", "-l", "layout", 1, R | C, "LAYOUT",
	 "bundled layout's name or a layout YAML (tabloid)"},
	{"--output", "-o", NULL, 1, R, "OUT",
	 ".pdf, .png, .svg (a file a page); '-': stdout"},
	{"--format", NULL, NULL, 1, R, "FMT",
	 "with -o -: pdf (default), png or svg (one page)"},
	{"--report", NULL, "report", 1, R, "FILE",
	 "the JSON layout report too; '-': stdout"},
	{"--pages", NULL, "pages", 1, R, "RANGE",
	 "only these pages: 3, 2-5, 1,4-6"},
	{"--debug", NULL, "debug", 0, R, "",
	 "draw columns, grid, frames and proof marks"},
	{"--dpi", NULL, "dpi", 1, R, "N",
	 "PNG resolution, 1 to 2400 (default 96)"},
	{"--fonts", NULL, "fonts", 1, R | C, "DIR",
	 "more fonts, added to the bundled ones"},
	{"--hyphen-dir", NULL, "hyphen-dir", 1, R | C, "DIR",
	 "hyphenation dictionaries (/usr/share/hyphen)"},
	{"--strict", NULL, "strict", 0, R | C, "",
	 "exit 3 when there was a warning"},
	{"--allow-paths", NULL, "allow-paths", 0, R | C, "",
	 "inputs may lie outside the input's folder"},
	{"--breaker", NULL, "breaker", 1, R | C, "ALG",
	 "total-fit (default) or first-fit"},
	{"--max-pages", NULL, "max-pages", 1, R | C, "N",
	 "an article's page limit (default 1000)"},
	{"--jobs", "-j", "jobs", 1, R | C, "N",
	 "threads for an edition's stories"},
	{"--timings", NULL, "timings", 0, R, "",
	 "time the stages, on standard error"},
	{"--pdfx", NULL, "pdfx", 1, R, "X",
	 "PDF/X: x1a, x4 or none"},
	{"--output-profile", NULL, "output-profile", 1, R, "FILE",
	 "PDF/X output intent's ICC profile"},
	{"--output-condition", NULL, "output-condition", 1, R, "ID",
	 "PDF/X output condition (IFRA26, ...)"},
	{"--bleed", NULL, "bleed", 1, R, "LENGTH",
	 "bleed around the page (3mm, 0.125in)"},
	{"--crop-marks", NULL, "crop-marks", 0, R, "",
	 "crop marks outside the bleed"},
	{"--ink-limit", NULL, "ink-limit", 1, R, "PCT",
	 "total ink limit, 100 to 400"},
	{"--name", NULL, NULL, 1, R | C, "NAME",
	 "standard input's name in diagnostics"},
	{"--diagnostics", NULL, NULL, 1, R | C, "KIND",
	 "text (default) or json, a line each"},
	{"--json", NULL, NULL, 0, C, "",
	 "the copyfit table as JSON"},
};

#define NOPTIONS (sizeof options / sizeof *options)

void np_args_usage_command(FILE *fp, enum np_command c)
{
	static const char *const synopsis[] = {
		[NP_CMD_RENDER] = "render INPUT.yaml [options]: set INPUT on the layout's pages",
		[NP_CMD_CHECK] = "check INPUT.yaml [options]: validate INPUT; an edition's copyfit",
		[NP_CMD_LAYOUTS] = "layouts: list the bundled layouts, one a line",
		[NP_CMD_WATCH] = "watch INPUT.yaml [options]: render, and again on every change",
	};
	fprintf(fp, "usage: newsprint %s\n", synopsis[c]);
	int bit = c == NP_CMD_RENDER || c == NP_CMD_WATCH ? R : c == NP_CMD_CHECK ? C : 0;
	if (bit)
		fputs("options:\n", fp);
	for (size_t i = 0; i < NOPTIONS; i++) {
		if (!(options[i].commands & bit))
			continue;
		char names[48];
		snprintf(names, sizeof names, "%s%s%s %s", options[i].alt ? options[i].alt : "",
			 options[i].alt ? ", " : "    ", options[i].arg, options[i].metavar);
		fprintf(fp, "  %-28s %s\n", names, options[i].help);
	}
}

static int option_of(const char *arg, size_t len)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if ((strlen(options[i].arg) == len && !strncmp(arg, options[i].arg, len)) ||
		    (options[i].alt && strlen(options[i].alt) == len && !strncmp(arg, options[i].alt, len)))
			return (int)i;
	return -1;
}

void np_args_fini(struct np_args *a)
{
	free(a->opts);
	a->opts = NULL;
	a->nopts = 0;
}

/* The command line's own options (no name in newsprint.h). */
static int own_option(struct np_args *a, const char *arg, const char *v)
{
	if (!strcmp(arg, "--output") || !strcmp(arg, "-o")) {
		a->output = v;
	} else if (!strcmp(arg, "--format")) {
		if (strcmp(v, "pdf") && strcmp(v, "png") && strcmp(v, "svg"))
			return usage_error("--format is pdf, png or svg", v);
		a->format = v;
	} else if (!strcmp(arg, "--name")) {
		a->name = v;
	} else if (!strcmp(arg, "--diagnostics")) {
		if (strcmp(v, "text") && strcmp(v, "json"))
			return usage_error("--diagnostics is text or json", v);
		a->json_diagnostics = !strcmp(v, "json");
	} else if (!strcmp(arg, "--json")) {
		a->json = 1;
	}
	return 0;
}

/* One option at argv[*i] (--opt=value too); 0 or -1 after a usage error. */
static int option(struct np_args *a, int argc, char **argv, int *i)
{
	const char *arg = argv[*i], *eq = !strncmp(arg, "--", 2) ? strchr(arg, '=') : NULL;
	int k = option_of(arg, eq ? (size_t)(eq - arg) : strlen(arg));
	if (k < 0)
		return usage_error("unknown option", arg);
	const char *v = eq ? eq + 1 : NULL;
	if (options[k].value && !v) {
		if (*i + 1 >= argc)
			return usage_error("option needs a value", arg);
		v = argv[++*i];
	} else if (!options[k].value && v) {
		return usage_error("option takes no value", arg);
	}
	const char *name = options[k].name;
	if (!name)
		return own_option(a, options[k].arg, v);
	const char *why = np_option_error(name, v);
	if (why)
		return usage_error(why, v);
	if (!strcmp(name, "report")) {
		a->report = v;
		if (!strcmp(v, "-"))
			return 0; /* the command line writes it */
	}
	a->opts[a->nopts++] = (struct np_arg_opt){name, v};
	return 0;
}

int np_args_parse(struct np_args *a, int argc, char **argv)
{
	memset(a, 0, sizeof *a);
	if (argc < 2)
		return usage_error("no command given", NULL);
	a->command = command_of(argv[1]);
	if (a->command == NP_CMD_NONE)
		return usage_error("unknown command", argv[1]);
	if (a->command == NP_CMD_HELP && argc > 2) {
		a->help_on = command_of(argv[2]);
		if (argc > 3 || a->help_on == NP_CMD_NONE || a->help_on >= NP_CMD_HELP)
			return usage_error("help on what? render, check, watch or layouts", argv[2]);
		return 0;
	}
	for (int i = 2; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			a->help_on = a->command;
			a->command = NP_CMD_HELP;
			return a->help_on >= NP_CMD_HELP ? usage_error("unexpected argument", argv[i]) : 0;
		}
	a->opts = malloc((size_t)argc * sizeof *a->opts);
	if (!a->opts)
		return usage_error("out of memory", NULL);
	for (int i = 2; i < argc; i++) {
		const char *arg = argv[i];
		if (arg[0] == '-' && arg[1]) {
			if (option(a, argc, argv, &i) < 0)
				return np_args_fini(a), -1;
			continue;
		}
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
	if (a->output && a->report && !strcmp(a->output, "-") && !strcmp(a->report, "-"))
		return np_args_fini(a), usage_error("-o - and --report - would both be standard output",
						    NULL);
	if (a->command == NP_CMD_WATCH && ((a->output && !strcmp(a->output, "-")) ||
					    (a->report && !strcmp(a->report, "-")) ||
					    !strcmp(a->input, "-")))
		return np_args_fini(a), usage_error("watch reads and writes files, not standard "
						    "input or output", NULL);
	if (a->input && !strcmp(a->input, "-") && !a->output && a->command == NP_CMD_RENDER)
		return np_args_fini(a),
		       usage_error("standard input has no name to make the output's of: give -o OUT "
				   "(or -o - for standard output)", NULL);
	return 0;
}
