#!/usr/bin/env python3
"""pdf_report_check.py - the PDF draws what the report says, where it says (issue 13).

    pdf_report_check.py --report R.json --pdf OUT.pdf [--max-errors N]

Reads every word of the PDF with its box (`pdftotext -bbox`, poppler-utils) and,
page by page, checks each line of the report against them:
  - the PDF words whose baseline is within TOL (1 pt) of the line's baseline and
    whose left edge lies in [x - TOL, x + width + TOL] spell the line's text
    (compared without white space, NFKC; pdftotext splits words its own way);
  - the first of those words starts within TOL of the line's x;
and then that no word of the PDF is left over: every word drawn belongs to a line
of the report.

The baseline of a pdftotext word: poppler sets yMin = baseline - ascent * size and
yMax = baseline - descent * size, with the ascent and descent of the font as the
PDF describes it. For every font of fonts/ as cairo embeds it that puts the
baseline at BASE_FRACTION of the way from yMin to yMax (measured on every style
of every example, corpus and edition render: 0.78666 to 0.78682, so at most
0.01 pt off on an 80 pt nameplate). Should a new font differ, every line set in
it fails here with the baseline the words give, which says so.

Exit status: 0 the PDF agrees with the report, 1 it does not, 2 bad usage or input.
"""
import argparse
import html
import json
import re
import subprocess
import sys
import unicodedata

TOL = 1.0
BASE_FRACTION = 0.78672

_WORD = re.compile(r'<page width="[^"]*" height="[^"]*">|'
                   r'<word xMin="([^"]*)" yMin="([^"]*)" xMax="([^"]*)" yMax="([^"]*)">(.*?)</word>')


class Word:
    __slots__ = ("x0", "x1", "base", "text", "used")

    def __init__(self, x0, y0, x1, y1, text):
        self.x0, self.x1 = x0, x1
        self.base = y0 + BASE_FRACTION * (y1 - y0)
        self.text = text
        self.used = False


def pdf_words(pdf):
    """[[Word]] per page of PDF, or raises OSError / ValueError."""
    p = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True)
    if p.returncode != 0:
        raise ValueError("pdftotext -bbox %s exited %d: %s" % (pdf, p.returncode, p.stderr.strip()))
    pages = []
    for m in _WORD.finditer(p.stdout):
        if m.group(1) is None:
            pages.append([])
        elif pages:
            pages[-1].append(Word(float(m.group(1)), float(m.group(2)), float(m.group(3)),
                                  float(m.group(4)), html.unescape(m.group(5))))
    return pages


def squeeze(s):
    return "".join(unicodedata.normalize("NFKC", s).split())


def check_page(n, page, words, fail):
    for ln in page.get("lines", []):
        want = squeeze(ln.get("text", ""))
        if not want:
            continue
        x, base, width = float(ln["x"]), float(ln["baseline"]), float(ln.get("width", 0))
        where = "page %d, frame %s, line at x %.2f baseline %.2f" % (n, ln.get("frame"), x, base)
        got = sorted((w for w in words if not w.used and abs(w.base - base) <= TOL
                      and x - TOL <= w.x0 <= x + width + TOL), key=lambda w: w.x0)
        have = "".join(squeeze(w.text) for w in got)
        if have != want:
            near = sorted((w for w in words if abs(w.base - base) <= 3 * TOL
                           and x - 12 <= w.x0 <= x + width + 12), key=lambda w: w.x0)
            fail("%s: the report says %r, the PDF has %r there%s" % (
                where, ln["text"], " ".join(w.text for w in got),
                "" if not near or near[0] in got else
                " (nearest words start at x %.2f baseline %.2f)" % (near[0].x0, near[0].base)))
            continue
        if abs(got[0].x0 - x) > TOL:
            fail("%s (%r): the PDF draws it from x %.2f" % (where, ln["text"], got[0].x0))
        for w in got:
            w.used = True
    for w in words:
        if not w.used:
            fail("page %d: the PDF draws %r at x %.2f baseline %.2f, which no line of the "
                 "report holds" % (n, w.text, w.x0, w.base))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Checks the PDF against the report's lines.")
    ap.add_argument("--report", required=True)
    ap.add_argument("--pdf", required=True)
    ap.add_argument("--max-errors", type=int, default=40)
    a = ap.parse_args(argv)
    try:
        with open(a.report, encoding="utf-8") as f:
            report = json.load(f)
        pages = pdf_words(a.pdf)
    except (OSError, ValueError) as e:
        print("pdf_report_check: %s" % e, file=sys.stderr)
        return 2
    failures = []

    def fail(msg):
        if len(failures) < a.max_errors:
            print("FAIL pdf-report: " + msg)
        failures.append(msg)

    rpages = report.get("pages", [])
    if len(pages) != len(rpages):
        fail("the PDF has %d page(s), the report %d" % (len(pages), len(rpages)))
    nlines = 0
    for page, words in zip(rpages, pages):
        check_page(page.get("number"), page, words, fail)
        nlines += len(page.get("lines", []))
    if failures:
        print("pdf_report_check: %d failure(s)" % len(failures))
        return 1
    print("pdf_report_check: ok (%d page(s), %d line(s), %d word(s) in the PDF)" % (
        len(pages), nlines, sum(len(p) for p in pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
