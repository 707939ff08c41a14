/* furniture.h - page templates of an edition, for issue.c. */
#ifndef NP_FURNITURE_H
#define NP_FURNITURE_H

#include "flow/flow_int.h"

void np_flow_page_labels(const struct np_issue *is, struct np_doc *doc);
int np_flow_front_band(struct flow *f, struct np_page *pg, const struct np_issue *is,
		  const struct np_doc *doc);
int np_flow_running_head(struct flow *f, struct np_page *pg, const struct np_issue *is,
		    const struct np_issue_page *ip);
int np_flow_issue_folio(struct flow *f, struct np_page *pg, const struct np_issue *is);
int np_flow_ad(struct flow *f, struct np_page *pg, const struct np_ad *ad, int top_cell,
		int index);

#endif
