/* args.h - the command line (docs/cli.md; the interface users' scripts rely on). */
#ifndef NP_ARGS_H
#define NP_ARGS_H

#include <stddef.h>
#include <stdio.h>

enum np_command { NP_CMD_NONE, NP_CMD_RENDER, NP_CMD_CHECK, NP_CMD_LAYOUTS, NP_CMD_WATCH,
		  NP_CMD_HELP, NP_CMD_VERSION };

/* An option for the job, by newsprint.h's name (np_job_set_option). */
struct np_arg_opt {
	const char *name;
	const char *value; /* NULL for a flag */
};

struct np_args {
	enum np_command command;
	enum np_command help_on; /* help: the command asked about (NONE: all) */
	const char *input;       /* "-": standard input */
	const char *name;        /* --name: standard input's name in diagnostics */
	const char *output;      /* -o; NULL: INPUT's name with .pdf; "-": standard output */
	const char *format;      /* --format, for -o -: pdf, png or svg */
	const char *report;      /* --report (also among opts unless "-") */
	int json_diagnostics;    /* --diagnostics json */
	int json;                /* check --json */
	struct np_arg_opt *opts; /* in the order given (owned: np_args_fini) */
	size_t nopts;
};

/* Parses argv; returns 0, or -1 after printing a usage error to stderr.
 * Option values are checked here (np_option_error), so that a bad one is
 * a usage error before anything is read. */
int np_args_parse(struct np_args *a, int argc, char **argv);
void np_args_fini(struct np_args *a);
void np_args_usage(FILE *fp);
/* One command's options, a line each. */
void np_args_usage_command(FILE *fp, enum np_command c);

#endif
