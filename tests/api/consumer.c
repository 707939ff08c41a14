/* consumer.c - a program outside the tree, as a user would write one: built
 * with `pkg-config --cflags --libs newsprint` against an installed
 * libnewsprint (tests/api/install_test.sh), it renders an article to PDF in
 * memory and checks what it got.
 *
 *   consumer DATA_DIR ARTICLE.yaml
 */
#include <newsprint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: consumer DATA_DIR ARTICLE.yaml\n");
		return 2;
	}
	np_engine *e = np_engine_new(argv[1]);
	np_job *j = e ? np_job_open(e, argv[2]) : NULL;
	if (!j || np_job_set_option(j, "layout", "broadsheet") < 0)
		return 1;
	unsigned char *pdf = NULL;
	size_t len = 0;
	int rc = np_job_render_memory(j, "pdf", &pdf, &len);
	for (size_t i = 0; i < np_job_diagnostic_count(j); i++) {
		const char *file, *sev, *msg;
		int line, col;
		np_job_diagnostic(j, i, &file, &line, &col, &sev, &msg);
		fprintf(stderr, "%s:%d:%d: %s: %s\n", file ? file : "-", line, col, sev, msg);
	}
	char *report = rc == 0 ? np_job_report_json(j) : NULL;
	char generator[64];
	snprintf(generator, sizeof generator, "\"generator\": \"newsprint %s\"", np_version());
	int ok = rc == 0 && len > 1000 && !memcmp(pdf, "%PDF-", 5) && report &&
		 strstr(report, generator) && strstr(report, "\"width\": 864") &&
		 strstr(report, "\"id\": \"commonwealth\"");
	printf("newsprint %s: %s, %zu bytes of PDF, %zu page(s), report %zu bytes\n", np_version(),
	       ok ? "ok" : "FAILED", len, np_job_page_count(j), report ? strlen(report) : 0);
	free(report);
	free(pdf);
	np_job_free(j);
	np_engine_free(e);
	return ok ? 0 : 1;
}
