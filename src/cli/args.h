/* args.h - the command line (docs/cli.md; the interface users' scripts rely on). */
#ifndef NP_ARGS_H
#define NP_ARGS_H

#include <stddef.h>
#include <stdio.h>

enum np_command { NP_CMD_NONE, NP_CMD_RENDER, NP_CMD_CHECK, NP_CMD_LAYOUTS, NP_CMD_HELP,
		  NP_CMD_VERSION };

struct np_args {
	enum np_command command;
	const char *input;
	const char *layout; /* name or path; NULL = tabloid */
	const char *output;
	const char *report;
	const char *pages;  /* RANGE as given */
	const char *fonts_dir;
	const char *hyphen_dir;
	int debug, strict, allow_paths, timings;
	double dpi;
	int first_fit;      /* --breaker first-fit */
	int jobs;
	int max_pages;      /* --max-pages N, 0 = the default (1000) */
	/* print (docs/print.md): each overrides the layout's print: section */
	const char *pdfx;   /* "x1a", "x4", "none"; NULL = the layout's */
	const char *output_profile, *output_condition;
	double bleed;       /* pt; < 0 = the layout's */
	int crop_marks;     /* --crop-marks */
	double ink_limit;   /* percent; 0 = the layout's */
};

/* Parses argv; returns 0, or -1 after printing a usage error to stderr. */
int np_args_parse(struct np_args *a, int argc, char **argv);
void np_args_usage(FILE *fp);
/* Parses "3", "2-5", "1,4-6" into sel[1..max]; 0 or -1 when malformed. */
int np_pages_parse(const char *range, unsigned char *sel, size_t max);

#endif
