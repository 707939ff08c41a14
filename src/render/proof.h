/* proof.h - proof marks over a preview (--debug): what the desk has to fix,
 * drawn where it is on the page.
 *
 *   overset text     a red bar at the foot of the story's last frame,
 *                    "+12 lines / 87 words"
 *   loose, tight     a tint in the gutter left of the line, deeper as the
 *                    line's adjustment ratio is further out (blue loose, past
 *                    1; orange tight, under -0.7: the report's thresholds)
 *   hyphen runs      a bar right of the lines past the layout's max_run
 *   widow, orphan    the line boxed, named in the gutter
 *   a word broken    the story's last line on a page ends inside a word that
 *   across a jump    goes on elsewhere: boxed, "split word"
 *   a picture under  its frame outlined, "96 ppi"
 *   150 ppi
 *
 * Only previews (PNG, SVG) and debug PDFs get them: the command refuses
 * --debug with a PDF/X output. The marks are set in the project's fonts
 * (text/label.c), never a system font; without a text context they are drawn
 * without their words.
 */
#ifndef NP_RENDER_PROOF_H
#define NP_RENDER_PROOF_H

#include <cairo.h>

#include "doc/doc.h"
#include "text/text.h"

/* Lowest resolution a picture may print at without a mark, pixels an inch. */
#define NP_PROOF_MIN_PPI 150.0

struct np_proof;

/* doc: the document's figures (overset lines and words of each story), read
 * when a page is drawn (may be NULL: no overset marks); streamed: a flow
 * fills doc as it hands its pages over (an article's), so a story's last page
 * is known only when no later page has been begun; t: for the marks' words
 * (may be NULL). NULL when out of memory. */
struct np_proof *np_proof_new(const struct np_layout *l, const struct np_doc *doc,
			      int streamed, struct np_text_ctx *t);
void np_proof_free(struct np_proof *p);
/* Draws the marks of one page over it (in pt). Pages come in order, every
 * one: a page not drawn (--pages) is passed with cr NULL, so a paragraph that
 * goes on from an earlier page is followed across. */
void np_proof_page(struct np_proof *p, cairo_t *cr, const struct np_page *pg);

#endif
