/* args.h - the command line (docs/cli.md; the interface users' scripts rely on). */
#ifndef NP_ARGS_H
#define NP_ARGS_H

#include <stddef.h>
#include <stdio.h>

enum np_command { NP_CMD_NONE, NP_CMD_RENDER, NP_CMD_CHECK, NP_CMD_LAYOUTS, NP_CMD_HELP,
		  NP_CMD_VERSION, NP_CMD_WATCH };

/* An option for the job, by newsprint.h's name (np_job_set_option). */
struct np_arg_opt {
	const char *name;
	const char *value; /* NULL for a flag */
};

struct np_args {
	enum np_command command;
	const char *input;
	const char *output;      /* -o; NULL: INPUT's name with .pdf */
	struct np_arg_opt *opts; /* in the order given (owned: np_args_fini) */
	size_t nopts;
};

/* Parses argv; returns 0, or -1 after printing a usage error to stderr.
 * Option values are checked here (np_option_error), so that a bad one is
 * a usage error before anything is read. */
int np_args_parse(struct np_args *a, int argc, char **argv);
void np_args_fini(struct np_args *a);
void np_args_usage(FILE *fp);

#endif
