/* options.c - a job's options by the command line's long names: their checks
 * (the messages the command line prints) and where each value goes. */
#include <stdlib.h>
#include <string.h>

#include "api/api_int.h"

void np_job_opts_init(struct np_job_opts *o)
{
	memset(o, 0, sizeof *o);
	o->dpi = 96;
	o->bleed = -1;
	o->keep_report = 1;
}

void np_job_opts_fini(struct np_job_opts *o)
{
	char *owned[] = {o->layout, o->pages, o->report, o->fonts_dir, o->hyphen_dir, o->pdfx,
			 o->output_profile, o->output_condition};
	for (size_t i = 0; i < sizeof owned / sizeof *owned; i++)
		free(owned[i]);
	memset(o, 0, sizeof *o);
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

/* An integer from lo to hi; 0 when v is not one. */
static int in_range(const char *v, long lo, long hi, long *out)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*end || end == v || n < lo || n > hi)
		return 0;
	*out = n;
	return 1;
}

static const char *const flags[] = {"debug", "strict", "allow-paths", "timings", "crop-marks",
				    "keep-report"};
static const char *const strings[] = {"layout", "pages", "report", "fonts", "hyphen-dir",
				      "output-profile", "output-condition"};

static int one_of(const char *name, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(name, v[i]))
			return 1;
	return 0;
}

static int flag_value(const char *v)
{
	return !v || !*v || !strcmp(v, "yes") ? 1 : !strcmp(v, "no") ? 0 : -1;
}

const char *np_option_error(const char *name, const char *v)
{
	long n;
	char *end;
	if (!name)
		return "unknown option";
	if (one_of(name, flags, sizeof flags / sizeof *flags))
		return flag_value(v) < 0 ? "a flag takes yes or no" : NULL;
	if (!one_of(name, strings, sizeof strings / sizeof *strings) && strcmp(name, "dpi") &&
	    strcmp(name, "breaker") && strcmp(name, "jobs") && strcmp(name, "max-pages") &&
	    strcmp(name, "pdfx") && strcmp(name, "bleed") && strcmp(name, "ink-limit"))
		return "unknown option";
	if (!v)
		return "option needs a value";
	if (!strcmp(name, "pdfx") && strcmp(v, "x1a") && strcmp(v, "x4") && strcmp(v, "none"))
		return "--pdfx is x1a, x4 or none";
	if (!strcmp(name, "bleed") && !(length(v) >= 0 && length(v) <= 72))
		return "--bleed wants a length from 0 to 1in, such as 3mm";
	if (!strcmp(name, "ink-limit")) {
		double x = strtod(v, &end);
		if (*end || end == v || !(x >= 100 && x <= 400))
			return "--ink-limit wants a percentage from 100 to 400";
	}
	if (!strcmp(name, "dpi")) {
		double x = strtod(v, &end);
		/* written so that nan fails too */
		if (*end || end == v || !(x >= 1 && x <= 2400))
			return "--dpi wants a number from 1 to 2400";
	}
	if (!strcmp(name, "breaker") && strcmp(v, "first-fit") && strcmp(v, "total-fit"))
		return "--breaker is total-fit or first-fit";
	if (!strcmp(name, "jobs") && !in_range(v, 1, 256, &n))
		return "--jobs wants a number from 1 to 256";
	if (!strcmp(name, "max-pages") && !in_range(v, 1, 10000, &n))
		return "--max-pages wants a number from 1 to 10000";
	return NULL;
}

/* Where a string option goes. */
static char **string_slot(struct np_job_opts *o, const char *name)
{
	char **slots[] = {&o->layout, &o->pages, &o->report, &o->fonts_dir, &o->hyphen_dir,
			  &o->output_profile, &o->output_condition};
	for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
		if (!strcmp(name, strings[i]))
			return slots[i];
	return !strcmp(name, "pdfx") ? &o->pdfx : NULL;
}

static int *flag_slot(struct np_job_opts *o, const char *name)
{
	int *slots[] = {&o->debug, &o->strict, &o->allow_paths, &o->timings, &o->crop_marks,
			&o->keep_report};
	for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
		if (!strcmp(name, flags[i]))
			return slots[i];
	return NULL;
}

int np_job_set_option(np_job *j, const char *name, const char *value)
{
	if (!j)
		return -1;
	const char *why = np_option_error(name, value);
	if (why) {
		/* the value at fault, or the option when it is unknown or has none */
		const char *what = value && name && strcmp(why, "unknown option") ? value : name;
		np_job_error(j, "usage", "%s: %s", why, what ? what : "(null)");
		j->rc = NP_RC_USAGE;
		return -1;
	}
	struct np_job_opts *o = &j->o;
	char **s = string_slot(o, name);
	int *f = flag_slot(o, name);
	if (s) {
		char *copy = strdup(value);
		if (!copy) {
			np_job_error(j, "error", "out of memory");
			return -1;
		}
		free(*s);
		*s = copy;
	} else if (f) {
		*f = flag_value(value);
	} else if (!strcmp(name, "dpi")) {
		o->dpi = strtod(value, NULL);
	} else if (!strcmp(name, "breaker")) {
		o->first_fit = !strcmp(value, "first-fit");
	} else if (!strcmp(name, "jobs")) {
		o->jobs = atoi(value);
	} else if (!strcmp(name, "max-pages")) {
		o->max_pages = atoi(value);
	} else if (!strcmp(name, "bleed")) {
		o->bleed = length(value);
	} else if (!strcmp(name, "ink-limit")) {
		o->ink_limit = strtod(value, NULL);
	}
	return 0;
}
